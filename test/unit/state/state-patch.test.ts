import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyEngineState, scenarioKey } from '../../../shared/domain';
import type { EngineState } from '../../../shared/domain';
import { applyPatch, diffState, isEmptyPatch } from '../../../shared/state-patch';
import type { StatePatch } from '../../../shared/state-patch';
import { createEngineStore } from '../../../electron/core/state/store';
import { ZONE, account, facts, run, T0 } from './make-state';

const keyArb = fc.constantFrom('eu1.make.com/s1', 'eu1.make.com/s2', 'eu1.make.com/s3', 'us1.make.com/s1', 'k5');
const entityArb = fc.record({ name: fc.string({ maxLength: 4 }), n: fc.integer({ min: 0, max: 3 }), list: fc.array(fc.integer(), { maxLength: 2 }) });
const tableArb = fc.dictionary(keyArb, entityArb, { maxKeys: 5 });
const connArb = fc.record({
  state: fc.constantFrom('online' as const, 'offline' as const, 'degraded' as const, 'unknown' as const),
  lastOkAt: fc.option(fc.integer({ min: 0, max: 10 })),
  message: fc.option(fc.string({ maxLength: 3 })),
});

// Entities are opaque to diff/apply, so small stand-ins exercise the same paths as real ones.
const stateArb: fc.Arbitrary<EngineState> = fc
  .record({
    accounts: tableArb,
    orgs: tableArb,
    teams: tableArb,
    folders: tableArb,
    scenarios: tableArb,
    zones: fc.dictionary(keyArb, connArb, { maxKeys: 3 }),
    connectivity: connArb,
    cachedAt: fc.option(fc.integer({ min: 0, max: 5 })),
    snoozedUntil: fc.option(fc.integer({ min: 0, max: 5 })),
    mutedScenarios: fc.array(keyArb, { maxLength: 3 }),
    demo: fc.boolean(),
  })
  .map((s) => s as unknown as EngineState);

/** `next` sharing some entities and tables with `prev`, as the store does. */
const pairArb = fc.tuple(stateArb, stateArb, fc.array(fc.boolean(), { minLength: 12, maxLength: 12 })).map(([prev, other, share]) => {
  const next = { ...other } as Record<string, unknown>;
  const tables = ['accounts', 'orgs', 'teams', 'folders', 'scenarios', 'zones'] as const;
  tables.forEach((t, i) => {
    if (share[i]) next[t] = prev[t];
    else if (share[i + 6]) next[t] = { ...(other[t] as object), ...Object.fromEntries(Object.entries(prev[t]).slice(0, 2)) };
  });
  if (share[0] && share[1]) next.connectivity = prev.connectivity;
  return [prev, next as unknown as EngineState] as const;
});

describe('diffState / applyPatch', () => {
  it('applyPatch(prev, diffState(prev, next)) deep-equals next, also after a JSON trip', () => {
    fc.assert(
      fc.property(pairArb, ([prev, next]) => {
        const patch = diffState(prev, next);
        expect(applyPatch(prev, patch)).toEqual(next);
        expect(applyPatch(prev, JSON.parse(JSON.stringify(patch)) as StatePatch)).toEqual(next);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('diff of a state with itself is empty; shared entities are not sent', () => {
    fc.assert(
      fc.property(stateArb, (s) => {
        expect(isEmptyPatch(diffState(s, s))).toBe(true);
      }),
      { numRuns: 100, seed: 8 },
    );
    const s = emptyEngineState();
    const one = { ...s, scenarios: { a: { x: 1 }, b: { x: 2 } } } as unknown as EngineState;
    const two = { ...one, scenarios: { ...one.scenarios, b: { x: 3 } } } as unknown as EngineState;
    expect(diffState(one, two)).toEqual({ scenarios: { upsert: { b: { x: 3 } } } });
  });

  it('a random sequence of store actions is mirrored exactly through patches', () => {
    const action = fc.oneof(
      fc.record({ t: fc.constant('list' as const), ids: fc.subarray([1, 2, 3, 4]), team: fc.constantFrom(11, 12), active: fc.boolean() }),
      fc.record({ t: fc.constant('runs' as const), id: fc.constantFrom(1, 2, 3, 4), n: fc.integer({ min: 1, max: 200 }), st: fc.constantFrom<1 | 2 | 3>(1, 2, 3) }),
      fc.record({ t: fc.constant('mute' as const), id: fc.constantFrom(1, 2, 3), on: fc.boolean() }),
      fc.record({ t: fc.constant('conn' as const), off: fc.boolean() }),
      fc.record({ t: fc.constant('disc' as const), acc: fc.constantFrom('a', 'b'), teams: fc.subarray([11, 12]) }),
      fc.record({ t: fc.constant('remove' as const), acc: fc.constantFrom('a', 'b') }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 30 }), (actions) => {
        const store = createEngineStore();
        let mirror = store.getState();
        store.subscribePatches((p) => (mirror = applyPatch(mirror, p)));
        for (const a of actions) {
          switch (a.t) {
            case 'disc':
              store.upsertAccount(account(a.acc));
              store.applyDiscovery(a.acc, [{ id: 1, zone: ZONE, name: 'C', productName: null }], a.teams.map((id) => ({ id, zone: ZONE, orgId: 1, name: `T${id}` })));
              break;
            case 'list':
              store.applyScenarioList({ orgKey: `${ZONE}/o1` }, a.ids.map((id) => facts(id, 1, a.team, { isActive: a.active })), T0);
              break;
            case 'runs':
              store.applyRuns(scenarioKey(ZONE, a.id), [run(a.n, a.st, T0 + a.n)]);
              break;
            case 'mute':
              store.setMuted(scenarioKey(ZONE, a.id), a.on);
              break;
            case 'conn':
              store.setConnectivity(ZONE, { state: a.off ? 'offline' : 'online', lastOkAt: T0, message: null });
              break;
            case 'remove':
              store.removeAccount(a.acc);
              break;
          }
          expect(mirror).toEqual(store.getState());
        }
      }),
      { numRuns: 200, seed: 9 },
    );
  });
});
