import { afterEach, describe, expect, test } from 'vitest';
import { failureNotificationsFor, rig, scheduledScenarios, smallWorld, type Rig } from './harness';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

describe('engine against the simulator', () => {
  test('first sync builds the state from discovery and one scenario list', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const s = r.state();
    const world = r.sim.world;
    expect(Object.values(s.accounts).map((a) => [a.status, a.userName.length > 0])).toEqual([['ok', true]]);
    const orgs = Object.values(s.orgs);
    expect(orgs).toHaveLength(1);
    expect(orgs[0]).toMatchObject({ name: 'Acme', monitored: true, problem: null, budget: { limitPerMin: 60, allowedPerMin: 30 } });
    expect(orgs[0]!.lastSyncAt).not.toBeNull();
    expect(Object.keys(s.teams)).toHaveLength(world.teams.size);
    expect(Object.keys(s.folders).length).toBe([...world.folders.values()].length);
    expect(Object.keys(s.scenarios).sort()).toEqual([...world.scenarios.keys()].map((id) => r!.key(id)).sort());
    const one = [...world.scenarios.values()][0]!;
    expect(s.scenarios[r.key(one.id)]).toMatchObject({ name: one.name, isActive: one.isActive, dlqCount: one.dlqCount });
    expect(s.connectivity.state).toBe('online');
    expect(r.notifier.shown).toEqual([]);
  });

  test('a failed run is detected and notified exactly once, with its error', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim)[0]!;
    r.sim.control.forceNextOutcome(target.id, { status: 'error', errorMessage: 'Invoice API said no' });
    const key = r.key(target.id);
    const failed = () => r!.sim.world.executions.find((e) => e.scenarioId === target.id && e.status === 3);
    expect(await r.until(() => failed() !== undefined, 30 * 60_000, 1_000)).toBe(true);
    expect(await r.until(() => failureNotificationsFor(r!.notifier, key).length > 0, 60_000)).toBe(true);
    await r.tick(3 * 60_000, 1_000);
    const notes = failureNotificationsFor(r.notifier, key);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'failure', executionId: failed()!.id });
    expect(notes[0]!.params.errorMessage).toBe('Invoice API said no');
    expect(r.state().scenarios[key]!.health).toBe('failing');
  });

  test('a failure whose error details must wait for the budget is notified at once without them; the text follows', async () => {
    // One request per minute: the detail asked right after the log read cannot start within DETAIL_WAIT_MS.
    r = await rig({ world: smallWorld({ runsPerMinute: 1 }), settings: { budgetShare: 0.02 } });
    await r.engine.start();
    expect(await r.until(() => Object.keys(r!.state().scenarios).length > 0, 10 * 60_000, 1_000)).toBe(true);
    expect(Object.values(r.state().orgs)[0]!.budget.allowedPerMin).toBe(1);
    const target = scheduledScenarios(r.sim)[0]!;
    r.sim.control.forceNextOutcome(target.id, { status: 'error', errorMessage: 'Invoice API said no' });
    const key = r.key(target.id);
    expect(await r.until(() => failureNotificationsFor(r!.notifier, key).length > 0, 60 * 60_000, 1_000)).toBe(true);
    const [note] = failureNotificationsFor(r.notifier, key);
    expect(note!.params.errorMessage).toBeNull();
    const run = () => r!.state().scenarios[key]!.recentRuns.find((x) => x.id === note!.executionId);
    expect(run()).toMatchObject({ status: 3, errorMessage: null });
    expect(await r.until(() => run()?.errorMessage === 'Invoice API said no', 5 * 60_000, 1_000)).toBe(true);
    await r.tick(3 * 60_000, 1_000);
    expect(failureNotificationsFor(r.notifier, key)).toHaveLength(1);
  });

  test('a run that lasts 20 minutes (logged with its start, published at its end) is notified once when it ends', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim)[0]!;
    r.sim.control.forceNextOutcome(target.id, { status: 'error', durationMs: 20 * 60_000, errorMessage: 'Slow export timed out' });
    const key = r.key(target.id);
    const long = () => r!.sim.world.executions.find((e) => e.scenarioId === target.id && e.end - e.start >= 20 * 60_000);
    expect(await r.until(() => long() !== undefined, 30 * 60_000, 1_000)).toBe(true);
    // While it runs, the engine looks at the scenario (nextExec moved) and finds nothing new yet.
    await r.tick(10 * 60_000, 1_000);
    expect(failureNotificationsFor(r.notifier, key)).toEqual([]);
    expect(await r.until(() => long()!.status === 3, 15 * 60_000, 1_000)).toBe(true);
    expect(await r.until(() => failureNotificationsFor(r!.notifier, key).length > 0, 60_000)).toBe(true);
    await r.tick(2 * 60_000, 1_000);
    const notes = failureNotificationsFor(r.notifier, key);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ kind: 'failure', executionId: long()!.id });
    expect(r.state().scenarios[key]!.recentRuns.filter((x) => x.id === long()!.id)).toHaveLength(1);
  });

  test('a scenario switched off by Make is notified as such', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim)[0]!;
    r.sim.control.setFailureProfile(target.id, { broken: true });
    const key = r.key(target.id);
    const offByMake = () => r!.notifier.ofKind('off-by-make').filter((n) => n.scenarioKey === key);
    expect(await r.until(() => offByMake().length > 0, 90 * 60_000, 2_000)).toBe(true);
    expect(r.sim.world.scenarios.get(target.id)).toMatchObject({ isActive: false, isinvalid: true });
    expect(r.state().scenarios[key]).toMatchObject({ isActive: false, isinvalid: true, health: 'off-by-make' });
    await r.tick(60_000, 1_000);
    expect(offByMake()).toHaveLength(1);
  });

  test('toggle goes through Make and the state follows; the next poll agrees', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim)[0]!;
    const key = r.key(target.id);
    const off = r.engine.toggleScenario(key, false);
    await r.tick(500);
    expect(await off).toEqual({ isActive: false });
    expect(r.sim.world.scenarios.get(target.id)!.isActive).toBe(false);
    expect(r.state().scenarios[key]!.isActive).toBe(false);
    await r.tick(30_000);
    expect(r.state().scenarios[key]!.isActive).toBe(false);
    const on = r.engine.toggleScenario(key, true);
    await r.tick(500);
    expect(await on).toEqual({ isActive: true });
    await r.tick(30_000);
    expect(r.state().scenarios[key]!.isActive).toBe(true);
  });

  test('run now: followed live until its log appears, with status, duration, operations and error', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim).at(-1)!;
    const key = r.key(target.id);
    r.sim.control.forceNextOutcome(target.id, { status: 'error', durationMs: 4_000, errorMessage: 'Sheet is locked' });
    const started = r.engine.runScenario(key, {});
    await r.tick(100, 100);
    const { executionId } = await started;
    expect(r.state().scenarios[key]!.pendingRun).toMatchObject({ executionId });
    let result: unknown;
    void r.engine.whenRunSettled(executionId).then((v) => (result = v));
    expect(await r.until(() => result !== undefined, 60_000)).toBe(true);
    const truth = r.sim.world.executionsById.get(executionId)!;
    expect(result).toMatchObject({
      id: executionId,
      status: 3,
      durationMs: 4_000,
      operations: truth.operations,
      errorMessage: 'Sheet is locked',
    });
    const s = r.state().scenarios[key]!;
    expect(s.pendingRun).toBeNull();
    expect(s.recentRuns[0]).toMatchObject({ id: executionId, status: 3 });
  });

  test('restart with the same cache shows the cached state at once and does not notify old runs again', async () => {
    r = await rig();
    await r.engine.start();
    await r.tick(5_000);
    const target = scheduledScenarios(r.sim)[0]!;
    const key = r.key(target.id);
    r.sim.control.forceNextOutcome(target.id, { status: 'error', errorMessage: 'first' });
    expect(await r.until(() => failureNotificationsFor(r!.notifier, key).length === 1, 30 * 60_000, 1_000)).toBe(true);
    await r.tick(10_000);
    const before = r.state();
    await r.restart();
    await r.engine.start();
    const cached = r.state();
    expect(cached.cachedAt).not.toBeNull();
    expect(Object.keys(cached.scenarios).sort()).toEqual(Object.keys(before.scenarios).sort());
    expect(cached.scenarios[key]!.recentRuns[0]?.status).toBe(3);
    await r.tick(60_000, 1_000);
    expect(failureNotificationsFor(r.notifier, key)).toEqual([]);
    expect(r.state().cachedAt).toBeNull();
    // A new failure after the restart is news again.
    r.sim.control.forceNextOutcome(target.id, { status: 'success' });
    r.sim.control.forceNextOutcome(target.id, { status: 'error', errorMessage: 'second' });
    expect(await r.until(() => failureNotificationsFor(r!.notifier, key).length === 1, 60 * 60_000, 2_000)).toBe(true);
    expect(failureNotificationsFor(r.notifier, key)[0]!.params.errorMessage).toBe('second');
  });
});
