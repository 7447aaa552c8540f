// Seeded worlds: the same seed gives the same world; sizes a benchmark asks for start and answer.
import { expect, test } from 'vitest';
import { startSimulator, type WorldSpec } from '../../../electron/sim/simulator';
import { buildWorld, demoWorldSpec } from '../../../electron/sim/world/seed';
import { VirtualClock } from '../../../shared/clock';
import { Client, T0 } from './sim-helpers';

const fingerprint = (spec: WorldSpec) => {
  const { world, tokens } = buildWorld(spec, T0);
  return {
    tokens,
    scenarios: [...world.scenarios.values()].map((s) => [s.id, s.name, s.teamId, s.isActive, s.isinvalid, s.operations, s.dlqCount, s.nextExec]),
    executions: world.executions.map((e) => [e.id, e.scenarioId, e.start, e.end, e.status]),
  };
};

test('same seed, same world (names, ids, history); another seed, another world', () => {
  const spec = { ...demoWorldSpec(3), historyDays: 1 };
  const a = fingerprint(spec);
  const b = fingerprint(spec);
  expect(b).toEqual(a);
  expect(a.executions.length).toBeGreaterThan(100);
  const c = fingerprint({ ...spec, seed: 4 });
  expect(c.scenarios).not.toEqual(a.scenarios);
});

test('the demo world tells its story: three orgs on three plans in two zones, Japanese names, one switched off by Make, failures now, DLQ items, inputs', () => {
  const { world } = buildWorld(demoWorldSpec(1), T0);
  const orgs = [...world.orgs.values()];
  expect(orgs.map((o) => o.plan).sort()).toEqual(['core', 'pro', 'teams']);
  expect(new Set(orgs.map((o) => o.zone))).toEqual(new Set(['eu1', 'us1']));
  expect(world.teams.size).toBe(8);
  const scenarios = [...world.scenarios.values()];
  expect(scenarios).toHaveLength(300);
  expect(scenarios.some((s) => /[\u3040-\u30ff\u4e00-\u9fff]/.test(s.name))).toBe(true);
  expect(scenarios.filter((s) => s.isinvalid && !s.isActive).length).toBeGreaterThanOrEqual(1);
  expect(scenarios.filter((s) => s.isActive && s.consecutiveErrors > 0).length).toBeGreaterThanOrEqual(2);
  expect(scenarios.some((s) => s.dlqCount > 0)).toBe(true);
  expect(scenarios.some((s) => (s.interfaceInput?.length ?? 0) > 0 && s.scheduling.type === 'on-demand')).toBe(true);
  const days = new Set(world.executions.map((e) => Math.floor((T0 - e.start) / 86_400_000)));
  expect(days.size).toBeGreaterThanOrEqual(7);
});

test('a 5,000-scenario benchmark world starts, lists in one page and runs an hour of schedule', async () => {
  const clock = new VirtualClock(T0);
  const sim = await startSimulator({
    basePort: 0,
    clock,
    world: { seed: 9, orgs: [{ zone: 'eu1', name: 'Bench', plan: 'enterprise', teams: 5, scenarios: 5000 }], runsPerMinute: 20, errorShare: 0.02, historyDays: 0 },
  });
  try {
    const eu = new Client(sim.zones[0]!.baseUrl, sim.demoToken);
    const org = (await eu.get('/organizations')).body.organizations[0].id as number;
    const all = await eu.get(`/scenarios?organizationId=${org}&pg[limit]=10000&cols[]=id`);
    expect(all.body.scenarios).toHaveLength(5000);
    await clock.advance(3_600_000);
    sim.control.catchUp();
    const runs = sim.control.executions({ since: T0 });
    // About 20 runs a minute were asked for.
    expect(runs.length).toBeGreaterThan(600);
    expect(runs.length).toBeLessThan(2000);
    expect(runs.filter((r) => r.status === 3).length).toBeGreaterThan(0);
  } finally {
    await sim.close();
  }
});
