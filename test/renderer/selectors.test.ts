import './support/setup';
import { describe, expect, it } from 'vitest';
import { HEALTH_ORDER, folderKey, orgKey, teamKey } from '../../shared/domain';
import { compareScenarios, defaultQuery, lastRunAt, queryScenarios, scenarioCount, scheduleKind, warmSearchKeys, type ScenarioQuery } from '../../renderer/src/model/scenario-query';
import { buildTree, orgSummaries, popoverScenarios } from '../../renderer/src/model/overview';
import { NOW, makeWorld } from './support/world';

const world = makeWorld(5000);
const q = (over: Partial<ScenarioQuery>) => queryScenarios(world, { ...defaultQuery(), ...over });
const all = Object.values(world.scenarios);

describe('scenario list selectors over 5,000 rows', () => {
  it('returns everything by default, worst health first', () => {
    const rows = q({});
    expect(rows).toHaveLength(5000);
    const ranks = rows.map((s) => HEALTH_ORDER.indexOf(s.health));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(rows[0]!.health).toBe('off-by-make');
  });

  it('searches names and ids case-insensitively', () => {
    const rows = q({ text: 'INVOICES' });
    expect(rows.length).toBe(all.filter((s) => s.name.toLowerCase().includes('invoices')).length);
    expect(rows.length).toBeGreaterThan(0);
    expect(q({ text: '#4321' }).map((s) => s.id)).toContain(4321);
    expect(q({ text: 'no such scenario' })).toHaveLength(0);
  });

  it('filters by health, problems, active and schedule type', () => {
    expect(q({ health: 'failing' }).every((s) => s.health === 'failing')).toBe(true);
    expect(q({ health: 'failing' }).length).toBe(all.filter((s) => s.health === 'failing').length);
    expect(q({ health: 'problems' }).every((s) => ['off-by-make', 'failing', 'warning', 'paused'].includes(s.health))).toBe(true);
    expect(q({ active: 'inactive' }).every((s) => !s.isActive)).toBe(true);
    expect(q({ active: 'active' }).length + q({ active: 'inactive' }).length).toBe(5000);
    const daily = q({ schedule: 'daily' });
    expect(daily.length).toBeGreaterThan(0);
    expect(daily.every((s) => s.scheduling?.type === 'daily')).toBe(true);
    expect(q({ schedule: 'none' }).every((s) => scheduleKind(s) === 'none')).toBe(true);
  });

  it('scopes to an org, a team, a folder and an account', () => {
    const o = orgKey('eu1.make.com', 2);
    expect(q({ scope: { kind: 'org', key: o } }).every((s) => s.orgKey === o)).toBe(true);
    const t = teamKey('eu1.make.com', 11);
    expect(q({ scope: { kind: 'team', key: t } }).every((s) => s.teamKey === t)).toBe(true);
    const f = folderKey('eu1.make.com', 1100);
    const inFolder = q({ scope: { kind: 'folder', key: f } });
    expect(inFolder.length).toBe(all.filter((s) => s.folderKey === f).length);
    expect(q({ scope: { kind: 'account', id: 'a1' } })).toHaveLength(5000);
    expect(q({ scope: { kind: 'account', id: 'nobody' } })).toHaveLength(0);
  });

  it('sorts by name, last run (newest first, never-run last) and next run (soonest first, none last)', () => {
    const byName = q({ sort: 'name' }).map((s) => s.name);
    const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });
    expect(byName).toEqual([...byName].sort(collator.compare));
    expect(q({ sort: 'name', dir: 'desc' })[0]!.name).toBe(byName[byName.length - 1]);

    const last = q({ sort: 'lastRun' }).map(lastRunAt);
    const firstNull = last.indexOf(null);
    expect(last.slice(firstNull).every((x) => x === null)).toBe(true);
    const ran = last.slice(0, firstNull) as number[];
    expect(ran).toEqual([...ran].sort((a, b) => b - a));

    const next = q({ sort: 'nextRun' }).map((s) => s.nextExec);
    const n0 = next.indexOf(null);
    expect((next.slice(0, n0) as number[]).every((v, i, a) => i === 0 || a[i - 1]! <= v)).toBe(true);
  });

  it('orders by severity exactly as the severity comparator does, both ways', () => {
    for (const dir of ['asc', 'desc'] as const) {
      const table = { ...world.scenarios }; // a new table: not the cached order
      expect(queryScenarios({ ...world, scenarios: table }, { ...defaultQuery(), dir }).map((s) => s.key)).toEqual(
        [...all].sort(compareScenarios('severity', dir)).map((s) => s.key),
      );
    }
  });

  it('counts a table once and searches the same with search keys built ahead', () => {
    expect(scenarioCount(world.scenarios)).toBe(5000);
    const before = q({ text: 'leads #12' }).map((s) => s.key);
    warmSearchKeys(world.scenarios);
    expect(q({ text: 'leads #12' }).map((s) => s.key)).toEqual(before);
  });

  it('combines filters and keeps the sort while typing', () => {
    const rows = q({ text: 'sync', health: 'ok', active: 'active', sort: 'name' });
    expect(rows.every((s) => s.name.toLowerCase().includes('sync') && s.health === 'ok' && s.isActive)).toBe(true);
    const names = rows.map((s) => s.name);
    expect(names).toEqual([...names].sort(new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }).compare));
  });
});

describe('overview selectors', () => {
  it('builds the sidebar tree with failing counts that add up', () => {
    const tree = buildTree(world);
    expect(tree).toHaveLength(1);
    const acct = tree[0]!;
    const failing = all.filter((s) => s.health === 'failing' || s.health === 'off-by-make').length;
    expect(acct.failing).toBe(failing);
    expect(acct.orgs.map((o) => o.name)).toEqual(['Acme Corp', 'Birch & Co']);
    for (const o of acct.orgs) expect(o.failing).toBe(o.teams.reduce((n, t) => n + t.failing, 0));
    expect(acct.orgs[0]!.teams[0]!.folders).toHaveLength(1);
  });

  it('summarizes each org and marks rate limits and offline', () => {
    const w = makeWorld(50);
    const [a, b] = Object.keys(w.orgs) as [string, string];
    w.orgs[a] = { ...w.orgs[a]!, budget: { ...w.orgs[a]!.budget, rateLimitedUntil: NOW + 60_000 } };
    w.orgs[b] = { ...w.orgs[b]!, connectivity: { state: 'offline', lastOkAt: NOW - 1000, message: null } };
    const s = orgSummaries(w, NOW);
    expect(s.find((x) => x.org.key === a)?.condition).toBe('rate-limited');
    expect(s.find((x) => x.org.key === b)?.condition).toBe('offline');
    // A past rate limit no longer counts.
    expect(orgSummaries(w, NOW + 120_000).find((x) => x.org.key === a)?.condition).not.toBe('rate-limited');
  });

  it('puts problems first in the popover, then recent activity', () => {
    const list = popoverScenarios(world, NOW, 40);
    expect(list).toHaveLength(40);
    expect(list[0]!.health).toBe('off-by-make');
    const firstOk = list.findIndex((s) => !['off-by-make', 'failing', 'warning', 'paused'].includes(s.health));
    if (firstOk >= 0) expect(list.slice(firstOk).every((s) => !['failing', 'off-by-make'].includes(s.health))).toBe(true);
  });
});
