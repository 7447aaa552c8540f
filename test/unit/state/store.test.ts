import { describe, expect, it } from 'vitest';
import { folderKey, orgKey, scenarioKey, teamKey } from '../../../shared/domain';
import { applyPatch } from '../../../shared/state-patch';
import type { StatePatch } from '../../../shared/state-patch';
import { createEngineStore } from '../../../electron/core/state/store';
import { RUNS_PER_SCENARIO } from '../../../electron/core/state/reducers';
import { T0, ZONE, account, facts, run } from './make-state';

const O1 = orgKey(ZONE, 1);
const T1 = teamKey(ZONE, 11);
const T2 = teamKey(ZONE, 12);

function seeded() {
  const store = createEngineStore();
  store.upsertAccount(account('a'));
  store.applyDiscovery(
    'a',
    [{ id: 1, zone: ZONE, name: 'Client', productName: 'Pro', apiLimit: 120 }],
    [
      { id: 11, zone: ZONE, orgId: 1, name: 'Ops' },
      { id: 12, zone: ZONE, orgId: 1, name: 'Sales' },
    ],
    [{ id: 5, zone: ZONE, teamId: 11, name: 'Billing', parentId: null }],
  );
  store.applyScenarioList({ orgKey: O1 }, [facts(1, 1, 11), facts(2, 1, 12)], T0);
  return store;
}

describe('engine store', () => {
  it('discovery builds orgs, teams and folders with budget defaults from apiLimit', () => {
    const s = seeded().getState();
    expect(s.orgs[O1]).toMatchObject({ name: 'Client', accountIds: ['a'], budget: { limitPerMin: 120, allowedPerMin: 60 }, lastSyncAt: T0 });
    expect(Object.keys(s.teams).sort()).toEqual([T1, T2]);
    expect(s.folders[folderKey(ZONE, 5)]).toMatchObject({ teamKey: T1, parentKey: null });
    expect(s.scenarios[scenarioKey(ZONE, 1)]!.health).toBe('ok');
  });

  it('a scenario list replaces its scope only and keeps runs of listed scenarios', () => {
    const store = seeded();
    const k1 = scenarioKey(ZONE, 1);
    store.applyRuns(k1, [run(1, 3, T0)]);
    store.applyScenarioList({ orgKey: O1, teamKey: T1 }, [facts(1, 1, 11, { name: 'Renamed' }), facts(3, 1, 11)], T0 + 1);
    const s = store.getState();
    expect(Object.keys(s.scenarios).sort()).toEqual([k1, scenarioKey(ZONE, 2), scenarioKey(ZONE, 3)].sort());
    expect(s.scenarios[k1]).toMatchObject({ name: 'Renamed', health: 'failing' });
    expect(s.scenarios[k1]!.recentRuns).toHaveLength(1);
    store.applyScenarioList({ orgKey: O1 }, [facts(3, 1, 11)], T0 + 2);
    expect(Object.keys(store.getState().scenarios)).toEqual([scenarioKey(ZONE, 3)]);
  });

  it('an unchanged list is a no-op: no notification, identities kept', () => {
    const store = seeded();
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getState().scenarios;
    store.applyScenarioList({ orgKey: O1, teamKey: T1 }, [facts(1, 1, 11)], T0);
    expect(calls).toBe(0);
    expect(store.getState().scenarios).toBe(before);
  });

  it('runs: dedup by execution id (newer info wins), newest first, bounded', () => {
    const store = seeded();
    const k = scenarioKey(ZONE, 1);
    store.applyRuns(k, [run(1, 'running', T0)]);
    store.setPendingRun(k, { executionId: run(1, 1, 0).id, startedAt: T0 });
    store.applyRuns(k, [run(1, 3, T0), run(2, 1, T0 - 10)]);
    let sc = store.getState().scenarios[k]!;
    expect(sc.recentRuns.map((r) => [r.id, r.status])).toEqual([
      [run(1, 1, 0).id, 3],
      [run(2, 1, 0).id, 1],
    ]);
    expect(sc.pendingRun).toBeNull();
    expect(sc.health).toBe('failing');
    store.applyRuns(k, Array.from({ length: 80 }, (_, i) => run(100 + i, 1, T0 + 1000 + i)));
    sc = store.getState().scenarios[k]!;
    expect(sc.recentRuns).toHaveLength(RUNS_PER_SCENARIO);
    expect(sc.recentRuns[0]!.id).toBe(run(179, 1, 0).id);
    expect(sc.health).toBe('ok');
  });

  it('toggle via updateScenarioFacts re-derives health; Make switching it off shows off-by-make', () => {
    const store = seeded();
    const k = scenarioKey(ZONE, 2);
    store.updateScenarioFacts(k, { isActive: false });
    expect(store.getState().scenarios[k]!.health).toBe('inactive');
    store.updateScenarioFacts(k, { isinvalid: true });
    expect(store.getState().scenarios[k]!.health).toBe('off-by-make');
  });

  it('upsertScenario adds a new scenario and replaces facts of a known one, keeping its runs and pending run', () => {
    const store = seeded();
    const k1 = scenarioKey(ZONE, 1);
    store.applyRuns(k1, [run(1, 3, T0)]);
    store.setPendingRun(k1, { executionId: 'x1', startedAt: T0 });
    const others = store.getState().scenarios[scenarioKey(ZONE, 2)];
    store.upsertScenario(facts(1, 1, 11, { name: 'Renamed', folderKey: folderKey(ZONE, 5) }));
    let s = store.getState();
    expect(s.scenarios[k1]).toMatchObject({ name: 'Renamed', folderKey: folderKey(ZONE, 5), health: 'failing', pendingRun: { executionId: 'x1' } });
    expect(s.scenarios[k1]!.recentRuns).toHaveLength(1);
    expect(s.scenarios[scenarioKey(ZONE, 2)]).toBe(others);

    store.upsertScenario(facts(1, 1, 11, { name: 'Renamed', folderKey: folderKey(ZONE, 5), isinvalid: true }));
    expect(store.getState().scenarios[k1]!.health).toBe('off-by-make');

    const k9 = scenarioKey(ZONE, 9);
    store.upsertScenario(facts(9, 1, 12, { isActive: false }));
    s = store.getState();
    expect(s.scenarios[k9]).toMatchObject({ name: 'Scenario 9', teamKey: T2, health: 'inactive', recentRuns: [], pendingRun: null });
    expect(Object.keys(s.scenarios)).toHaveLength(3);
  });

  it('upsertScenario with unchanged facts, or for an unknown org or team, changes nothing', () => {
    const store = seeded();
    let calls = 0;
    store.subscribe(() => calls++);
    const before = store.getState();
    store.upsertScenario(facts(1, 1, 11));
    store.upsertScenario(facts(7, 2, 21));
    store.upsertScenario(facts(8, 1, 99));
    expect(calls).toBe(0);
    expect(store.getState()).toBe(before);
  });

  it('removeAccount cascades, but keeps what another account still reaches', () => {
    const store = seeded();
    store.upsertAccount(account('b'));
    store.applyDiscovery('b', [{ id: 1, zone: ZONE, name: 'Client', productName: 'Pro' }], [{ id: 11, zone: ZONE, orgId: 1, name: 'Ops' }]);
    expect(store.getState().orgs[O1]!.accountIds).toEqual(['a', 'b']);
    store.removeAccount('a');
    let s = store.getState();
    expect(Object.keys(s.accounts)).toEqual(['b']);
    expect(s.orgs[O1]!.accountIds).toEqual(['b']);
    expect(Object.keys(s.teams)).toEqual([T1]); // team 12 only 'a' saw
    expect(Object.keys(s.scenarios)).toEqual([scenarioKey(ZONE, 1)]);
    store.removeAccount('b');
    s = store.getState();
    expect([s.accounts, s.orgs, s.teams, s.folders, s.scenarios, s.zones].map((t) => Object.keys(t).length)).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('discovery without an org any more drops it for that account', () => {
    const store = seeded();
    store.applyDiscovery('a', [], []);
    expect(store.getState().orgs).toEqual({});
    expect(store.getState().scenarios).toEqual({});
  });

  it('connectivity per zone; overall is the worst zone in use', () => {
    const store = seeded();
    store.upsertAccount(account('us', 'us1.make.com'));
    store.setConnectivity(ZONE, { state: 'online', lastOkAt: T0, message: null });
    store.setConnectivity('us1.make.com', { state: 'offline', lastOkAt: null, message: 'DNS failure' });
    const s = store.getState();
    expect(s.connectivity.state).toBe('offline');
    expect(s.orgs[O1]!.connectivity.state).toBe('online');
    store.removeAccount('us');
    expect(store.getState().connectivity.state).toBe('online');
    expect(Object.keys(store.getState().zones)).toEqual([ZONE]);
  });

  it('mute, snooze, budget, syncing', () => {
    const store = seeded();
    const k = scenarioKey(ZONE, 1);
    store.setMuted(k, true);
    store.setMuted(k, true);
    expect(store.getState().mutedScenarios).toEqual([k]);
    store.setSnooze(T0 + 5);
    store.setOrgSyncing(O1, true);
    store.setBudget(O1, { limitPerMin: 60, share: 0.5, allowedPerMin: 22, usedLastMin: 3, rateLimitedUntil: T0 + 60_000, queued: 4 });
    const s = store.getState();
    expect(s.snoozedUntil).toBe(T0 + 5);
    expect(s.orgs[O1]).toMatchObject({ syncing: true, budget: { allowedPerMin: 22, rateLimitedUntil: T0 + 60_000 } });
    store.removeScenario(k);
    expect(store.getState().mutedScenarios).toEqual([]);
  });

  it('cache load marks cachedAt until every monitored org has synced live since', () => {
    const live = seeded().getState();
    const store = createEngineStore();
    store.loadFromCache({ ...live, orgs: { [O1]: { ...live.orgs[O1]!, syncing: true } } }, T0 + 100);
    let s = store.getState();
    expect(s.cachedAt).toBe(T0 + 100);
    expect(s.orgs[O1]).toMatchObject({ syncing: false, connectivity: { state: 'unknown' } });
    expect(Object.keys(s.scenarios)).toHaveLength(2);
    store.applyScenarioList({ orgKey: O1 }, [facts(1, 1, 11), facts(2, 1, 12)], T0 + 200);
    s = store.getState();
    expect(s.cachedAt).toBeNull();
  });

  it('subscribePatches hands over patches that rebuild the state', () => {
    const store = createEngineStore();
    let mirror = store.getState();
    const patches: StatePatch[] = [];
    store.subscribePatches((p) => {
      patches.push(p);
      mirror = applyPatch(mirror, JSON.parse(JSON.stringify(p)) as StatePatch);
    });
    store.upsertAccount(account('a'));
    store.applyDiscovery('a', [{ id: 1, zone: ZONE, name: 'C', productName: null }], [{ id: 11, zone: ZONE, orgId: 1, name: 'Ops' }]);
    store.applyScenarioList({ orgKey: O1 }, [facts(1, 1, 11), facts(2, 1, 11)], T0);
    store.applyRuns(scenarioKey(ZONE, 2), [run(1, 3, T0)]);
    expect(patches.at(-1)).toEqual({ scenarios: { upsert: { [scenarioKey(ZONE, 2)]: store.getState().scenarios[scenarioKey(ZONE, 2)] } } });
    store.removeAccount('a');
    expect(mirror).toEqual(store.getState());
  });
});
