// The scenario-edit area through the one door (createCommandHandler) against the simulator over real
// HTTP: every command's happy path, and the main failures (missing scope, 404, validation) as the
// typed errors a renderer receives. Also: the largest blueprint the contract accepts fits the
// dashboard's WebSocket frame limit.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BLUEPRINT_CHARS } from '../../../shared/blueprint';
import type { CommandResult } from '../../../shared/contract';
import { MAX_CLIENT_MESSAGE_BYTES } from '../../../shared/contract-wire';
import type { ScenarioKey, TeamKey } from '../../../shared/domain';
import type { CommandHandler } from '../../../electron/core/commands/command-handler';
import { managementDoor } from './contract-door';
import { managementRig, type ManagementRig } from './harness';

const blueprintText = readFileSync(new URL('../../fixtures/make-api/executions/blueprint.json', import.meta.url), 'utf8');

let rig: ManagementRig;
let door: CommandHandler;
let teamKey: TeamKey;

const ok = <T = Record<string, unknown>>(r: CommandResult): T => {
  if (!r.ok) throw new Error(`expected a reply, got ${JSON.stringify(r.error)}`);
  return r.value as T;
};
const state = () => rig.store.getState();

beforeAll(async () => {
  rig = await managementRig();
  door = managementDoor(rig, rig.port);
  teamKey = Object.values(state().folders)[0]!.teamKey;
});
afterAll(() => rig.close());

describe('scenarioEdit.* through the contract', () => {
  let key: ScenarioKey;
  let id: number;

  it('creates from a blueprint file with a chosen name and folder; the store has it at once', async () => {
    const folder = Object.values(state().folders).find((f) => f.teamKey === teamKey)!;
    const reply = ok<{ kind: string; value: { key: string; id: number; name: string } }>(
      await door.handle('scenarioEdit.create', { teamKey, blueprint: blueprintText, name: 'Client import', folderKey: folder.key }),
    );
    expect(reply.kind).toBe('done');
    ({ key, id } = reply.value);
    expect(reply.value.name).toBe('Client import');
    expect(state().scenarios[key]).toMatchObject({ name: 'Client import', folderKey: folder.key, isActive: false });
    expect(rig.sim.world.scenarios.get(id)).toMatchObject({ name: 'Client import', folderId: folder.id });
  });

  it('refuses a file that is not a blueprint, listing its problems, before anything is sent', async () => {
    const before = rig.sim.world.scenarios.size;
    const r = await door.handle('scenarioEdit.create', { teamKey, blueprint: '{"name": "", "flow": [{"module": "http"}]}' });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'blueprint' } });
    if (!r.ok) expect(r.error.problems).toEqual(expect.arrayContaining([expect.stringMatching(/"name"/), expect.stringMatching(/no "id"/)]));
    expect((await door.handle('scenarioEdit.create', { teamKey, blueprint: 'not json' })) as CommandResult).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [expect.stringMatching(/not valid JSON/)] },
    });
    expect(rig.sim.world.scenarios.size).toBe(before);
  });

  it('exports the blueprint as a named file', async () => {
    const file = ok<{ fileName: string; text: string }>(await door.handle('scenarioEdit.exportBlueprint', { key }));
    expect(file.fileName).toBe('Client import.blueprint.json');
    expect(JSON.parse(file.text)).toEqual(rig.sim.world.scenarios.get(id)!.blueprint);
  });

  it('renames, describes, moves out of the folder and schedules', async () => {
    expect(ok(await door.handle('scenarioEdit.rename', { key, name: '  Orders → invoices ' }))).toEqual({ name: 'Orders → invoices' });
    expect(state().scenarios[key]!.name).toBe('Orders → invoices');
    expect(ok(await door.handle('scenarioEdit.setDescription', { key, description: 'Nightly' }))).toEqual({ description: 'Nightly' });
    expect(ok(await door.handle('scenarioEdit.move', { key, folderKey: null }))).toEqual({ folderKey: null });
    expect(state().scenarios[key]!.folderKey).toBeNull();
    const sched = ok<{ scheduling: unknown }>(await door.handle('scenarioEdit.setSchedule', { key, scheduling: { type: 'monthly', days: [15, 1], time: '6:05' } }));
    expect(sched.scheduling).toEqual({ type: 'monthly', days: [1, 15], time: '06:05' });
    expect(rig.sim.world.scenarios.get(id)!.scheduling).toEqual({ type: 'monthly', days: [1, 15], time: '06:05' });
  });

  it('a new schedule keeps the time restrictions made in Make', async () => {
    const restrict = [{ days: [1, 2, 3, 4, 5], time: ['08:00', '18:00'] }];
    const made = { type: 'indefinitely', interval: 900, restrict };
    rig.sim.world.scenarios.get(id)!.scheduling = made as never;
    rig.store.updateScenarioFacts(key, { scheduling: made });
    ok(await door.handle('scenarioEdit.setSchedule', { key, scheduling: { type: 'daily', time: '9:30' } }));
    expect(rig.sim.world.scenarios.get(id)!.scheduling).toEqual({ type: 'daily', time: '09:30', restrict });
  });

  it('refuses invalid input at the door and in the service', async () => {
    expect(await door.handle('scenarioEdit.rename', { key, name: '   ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
    expect(await door.handle('scenarioEdit.setSchedule', { key, scheduling: { type: 'weekly', time: '10:00' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', field: 'scheduling', problems: ['Choose at least one day of the week.'] },
    });
    expect(await door.handle('scenarioEdit.setSchedule', { key, scheduling: { type: 'indefinitely', interval: 30 } })).toMatchObject({
      ok: false,
      error: { code: 'invalid-input', problems: [expect.stringMatching(/at least 1 min on this plan/)] },
    });
    const otherTeamFolder = Object.values(state().folders).find((f) => f.teamKey !== state().scenarios[key]!.teamKey)!;
    expect(await door.handle('scenarioEdit.move', { key, folderKey: otherTeamFolder.key })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'folderKey' } });
  });

  it('deletes only with the name typed back', async () => {
    const ask = ok<{ kind: string; confirmation: { reason: string; scenario: { name: string } } }>(await door.handle('scenarioEdit.delete', { key }));
    expect(ask).toMatchObject({ kind: 'needs-confirmation', confirmation: { reason: 'scenario-name', scenario: { name: 'Orders → invoices' } } });
    expect(ok(await door.handle('scenarioEdit.delete', { key, confirmName: 'Orders' }))).toMatchObject({ kind: 'needs-confirmation' });
    expect(rig.sim.world.scenarios.has(id)).toBe(true);
    expect(ok(await door.handle('scenarioEdit.delete', { key, confirmName: 'Orders → invoices' }))).toEqual({ kind: 'done', value: { deleted: true } });
    expect(rig.sim.world.scenarios.has(id)).toBe(false);
    expect(state().scenarios[key]).toBeUndefined();
  });

  it('names the missing scope, and says when Make no longer knows the scenario', async () => {
    const other = Object.values(state().scenarios).find((s) => s.teamKey === teamKey)!;
    const readOnly = managementDoor(rig, rig.limited(['scenarios:read']));
    expect((await readOnly.handle('scenarioEdit.exportBlueprint', { key: other.key })).ok).toBe(true);
    expect(await readOnly.handle('scenarioEdit.rename', { key: other.key, name: 'x' })).toMatchObject({
      ok: false,
      error: { code: 'missing-scope', scope: 'scenarios:write' },
    });
    expect(await readOnly.handle('scenarioEdit.create', { teamKey, blueprint: blueprintText })).toMatchObject({
      ok: false,
      error: { code: 'missing-scope', scope: 'scenarios:write' },
    });
    rig.sim.control.deleteScenario(other.id);
    expect(await door.handle('scenarioEdit.rename', { key: other.key, name: 'Renamed' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await door.handle('scenarioEdit.delete', { key: other.key, confirmName: other.name })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('large blueprints', () => {
  it('the largest blueprint text the contract accepts fits one dashboard message, whatever its characters', () => {
    for (const ch of ['"', '\\', '\n', 'ä', '受', '😀']) {
      const text = ch.repeat(Math.floor(MAX_BLUEPRINT_CHARS / ch.length));
      const message = JSON.stringify({
        type: 'invoke',
        id: Number.MAX_SAFE_INTEGER,
        channel: 'scenarioEdit.create',
        payload: { teamKey: 'eu1.make.com/t123456789012345', blueprint: text, name: 'n'.repeat(200), folderKey: 'eu1.make.com/f123456789012345', confirmed: true },
      });
      expect(Buffer.byteLength(message, 'utf8'), `text of ${JSON.stringify(ch)}`).toBeLessThanOrEqual(MAX_CLIENT_MESSAGE_BYTES);
    }
  });

  it('a blueprint over the limit is refused at the door in plain words', async () => {
    const r = await door.handle('scenarioEdit.create', { teamKey, blueprint: ' '.repeat(MAX_BLUEPRINT_CHARS + 1) });
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'blueprint' } });
    if (!r.ok) expect(r.error.message).toMatch(/too large/);
  });
});
