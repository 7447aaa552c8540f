// Scenario lifecycle against the simulator over real HTTP: create from the recorded blueprint, export,
// rename, move, describe, schedule, delete (name typed to confirm), and the main failures.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ScenarioLifecycleService, previewNextRuns, validateBlueprint } from '../../../electron/core/management';
import type { ScenarioKey, TeamKey } from '../../../shared/domain';
import { T0, managementRig, type ManagementRig } from './harness';

const blueprintText = readFileSync(new URL('../../fixtures/make-api/executions/blueprint.json', import.meta.url), 'utf8');

let rig: ManagementRig;
let scenarios: ScenarioLifecycleService;
let teamKey: TeamKey;
let key: ScenarioKey;
let id: number;

beforeAll(async () => {
  rig = await managementRig();
  scenarios = new ScenarioLifecycleService(rig.port);
  // A team with a folder to move into.
  teamKey = Object.values(rig.store.getState().folders)[0]!.teamKey;
});
afterAll(() => rig.close());

const value = <T>(r: { kind: string; value?: T; error?: unknown }): T => {
  expect(r.error ?? null).toBeNull();
  expect(r.kind).toBe('ok');
  return r.value as T;
};
const state = () => rig.store.getState();

describe('scenario lifecycle', () => {
  it('creates a scenario from a blueprint file; it shows in the state at once', async () => {
    const created = value(await scenarios.create({ teamKey, blueprint: blueprintText }));
    ({ key, id } = created);
    expect(created.name).toBe('Simple scenario');
    expect(state().scenarios[key]).toMatchObject({ name: 'Simple scenario', teamKey, isActive: false, scheduling: { type: 'indefinitely', interval: 900 } });
    expect(rig.sim.world.scenarios.get(id)?.usedPackages).toEqual(['scenario-service']);
    expect(rig.polls).toContain(state().scenarios[key]!.orgKey);
  });

  it('exports the blueprint as a file that validates and matches Make’s', async () => {
    const file = value(await scenarios.exportBlueprint(key));
    expect(file.fileName).toBe('Simple scenario.blueprint.json');
    const check = validateBlueprint(file.text);
    expect(check.ok).toBe(true);
    expect(JSON.parse(file.text)).toEqual(rig.sim.world.scenarios.get(id)!.blueprint);
  });

  it('renames, describes and moves to a folder and back', async () => {
    expect(value(await scenarios.rename(key, '  受注 → 会計  '))).toEqual({ name: '受注 → 会計' });
    expect(state().scenarios[key]!.name).toBe('受注 → 会計');
    expect(value(await scenarios.setDescription(key, 'Nightly sync for Sakura'))).toEqual({ description: 'Nightly sync for Sakura' });
    expect(rig.sim.world.scenarios.get(id)!.description).toBe('Nightly sync for Sakura');
    const folder = Object.values(state().folders).find((f) => f.teamKey === teamKey)!;
    expect(value(await scenarios.moveToFolder(key, folder.key))).toEqual({ folderKey: folder.key });
    expect(state().scenarios[key]!.folderKey).toBe(folder.key);
    expect(rig.sim.world.scenarios.get(id)!.folderId).toBe(folder.id);
    expect(value(await scenarios.moveToFolder(key, null))).toEqual({ folderKey: null });
    expect(rig.sim.world.scenarios.get(id)!.folderId).toBeNull();
  });

  it('edits the schedule; Make stores what the preview describes', async () => {
    const weekly = { type: 'weekly', days: [5, 1], time: '7:30' };
    const r = value(await scenarios.setSchedule(key, weekly));
    expect(r.scheduling).toEqual({ type: 'weekly', days: [1, 5], time: '07:30' });
    expect(rig.sim.world.scenarios.get(id)!.scheduling).toEqual({ type: 'weekly', days: [1, 5], time: '07:30' });
    expect(state().scenarios[key]!.scheduling).toEqual(r.scheduling);
    // The simulator keeps times in UTC: its next run after activation is the preview's first.
    await rig.port.governed(state().scenarios[key]!.orgKey, 'user', (s) => rig.port.clientFor(state().scenarios[key]!.orgKey)!.startScenario(id, { signal: s }));
    const nextExec = rig.sim.world.scenarios.get(id)!.nextExec;
    expect(nextExec).toBe(previewNextRuns(r.scheduling, T0, 1, 'UTC')[0]);
  });

  it('refuses schedules and blueprints that are not valid, locally or as Make says', async () => {
    expect(await scenarios.setSchedule(key, { type: 'weekly', time: '10:00' })).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'scheduling' } });
    expect(await scenarios.create({ teamKey, blueprint: '{"flow": "nope"}' })).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'blueprint' } });
    // Valid in form, but its trigger names a hook that does not exist: Make's own validation.
    const withHook = { name: 'Hooked', flow: [{ id: 1, module: 'gateway:CustomWebHook', parameters: { hook: 999999 } }] };
    const r = await scenarios.create({ teamKey, blueprint: withHook });
    expect(r).toMatchObject({ kind: 'error', error: { code: 'invalid-input' } });
    if (r.kind === 'error') expect(r.error.message).toContain('hook 999999');
  });

  it('deletes only with the scenario’s name typed back', async () => {
    const name = state().scenarios[key]!.name;
    const ask = await scenarios.delete(key, 'Simple scenario');
    expect(ask).toMatchObject({ kind: 'needs-confirmation', confirmation: { reason: 'scenario-name', scenario: { id, name } } });
    expect(rig.sim.world.scenarios.has(id)).toBe(true);
    expect(value(await scenarios.delete(key, ` ${name} `))).toEqual({ deleted: true });
    expect(rig.sim.world.scenarios.has(id)).toBe(false);
    expect(state().scenarios[key]).toBeUndefined();
  });

  it('missing scenarios:write and a scenario deleted behind the app’s back come back typed', async () => {
    const other = Object.values(state().scenarios).find((s) => s.teamKey === teamKey)!;
    const readOnly = new ScenarioLifecycleService(rig.limited(['scenarios:read']));
    expect((await readOnly.exportBlueprint(other.key)).kind).toBe('ok');
    expect(await readOnly.rename(other.key, 'x')).toMatchObject({ kind: 'error', error: { code: 'missing-scope', scope: 'scenarios:write' } });
    expect(await readOnly.create({ teamKey, blueprint: blueprintText })).toMatchObject({ kind: 'error', error: { code: 'missing-scope', scope: 'scenarios:write' } });

    rig.sim.control.deleteScenario(other.id);
    expect(await scenarios.rename(other.key, 'Renamed')).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
    expect(await scenarios.exportBlueprint(other.key)).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
  });
});
