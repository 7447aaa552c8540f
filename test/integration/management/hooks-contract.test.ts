// The webhooks area through the contract door (createCommandHandler) against the simulator over real
// HTTP: requests checked, replies stripped to the contract, failures as typed contract errors.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TeamKey } from '../../../shared/domain';
import type { CommandHandler } from '../../../electron/core/commands/command-handler';
import { managementDoor } from './contract-door';
import { managementRig, type ManagementRig } from './harness';

let rig: ManagementRig;
let door: CommandHandler;
let teamKey: TeamKey;
let teamId: number;

beforeAll(async () => {
  rig = await managementRig();
  door = managementDoor(rig, rig.port);
  const attached = [...rig.sim.world.hooks.values()].find((h) => rig.sim.world.scenarioOfHook(h.id));
  if (!attached) throw new Error('the test world needs an attached hook');
  teamId = attached.teamId;
  teamKey = `${rig.zone}/t${teamId}`;
});
afterAll(() => rig.close());

async function ok<T = Record<string, unknown>>(channel: string, payload: unknown): Promise<T> {
  const r = await door.handle(channel, payload);
  if (!r.ok) throw new Error(`${channel} failed: ${JSON.stringify(r.error)}`);
  return r.value as T;
}

describe('hooks.* through the contract', () => {
  it('lists, creates, renames, disables, pings and deletes a custom webhook', async () => {
    const { hooks } = await ok<{ hooks: { id: number; attachedScenario: unknown; url: string }[] }>('hooks.list', { teamKey });
    expect(hooks.map((h) => h.id).sort()).toEqual([...rig.sim.world.hooks.values()].filter((h) => h.teamId === teamId).map((h) => h.id).sort());
    // Only the contract's fields cross (typeName is the service's, not the UI's).
    expect(Object.keys(hooks[0]!).sort()).toEqual(['attachedScenario', 'enabled', 'gone', 'id', 'kind', 'name', 'queueCount', 'queueLimit', 'teamKey', 'url']);

    const { hook } = await ok<{ hook: { id: number; name: string; url: string; enabled: boolean } }>('hooks.create', { teamKey, name: ' Shopify orders ' });
    expect(hook).toMatchObject({ name: 'Shopify orders', enabled: true });
    expect(rig.sim.world.hooks.get(hook.id)).toMatchObject({ typeName: 'gateway-webhook', teamId });

    expect((await ok<{ hook: { name: string } }>('hooks.rename', { teamKey, hookId: hook.id, name: 'Shopify (EU)' })).hook.name).toBe('Shopify (EU)');
    expect(await ok('hooks.setEnabled', { teamKey, hookId: hook.id, enabled: false })).toEqual({ enabled: false });
    expect(rig.sim.world.hooks.get(hook.id)?.enabled).toBe(false);
    expect(await ok('hooks.ping', { teamKey, hookId: hook.id })).toMatchObject({ address: hook.url, attached: false });
    expect(await ok('hooks.delete', { teamKey, hookId: hook.id })).toEqual({ kind: 'done', value: { deleted: true } });
    expect(rig.sim.world.hooks.has(hook.id)).toBe(false);
  });

  it('a hook feeding a scenario needs a second, confirmed call', async () => {
    const hook = [...rig.sim.world.hooks.values()].find((h) => h.teamId === teamId && rig.sim.world.scenarioOfHook(h.id))!;
    const scenario = rig.sim.world.scenarioOfHook(hook.id)!;
    const first = await ok<{ kind: string; confirmation: { reason: string; scenario: { name: string } } }>('hooks.delete', { teamKey, hookId: hook.id });
    expect(first).toMatchObject({ kind: 'needs-confirmation', confirmation: { reason: 'hook-attached', scenario: { id: scenario.id, name: scenario.name } } });
    expect(rig.sim.world.hooks.has(hook.id)).toBe(true);
    expect(await ok('hooks.delete', { teamKey, hookId: hook.id, confirmed: true })).toEqual({ kind: 'done', value: { deleted: true } });
    expect(rig.sim.world.hooks.has(hook.id)).toBe(false);
  });

  it('missing hooks:write names the scope', async () => {
    const readOnly = managementDoor(rig, rig.limited(['hooks:read']));
    expect((await readOnly.handle('hooks.list', { teamKey })).ok).toBe(true);
    const r = await readOnly.handle('hooks.create', { teamKey, name: 'Nope' });
    expect(r).toMatchObject({ ok: false, error: { code: 'missing-scope', scope: 'hooks:write' } });
  });

  it('404 for an unknown hook or team', async () => {
    expect(await door.handle('hooks.rename', { teamKey, hookId: 987654, name: 'x' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await door.handle('hooks.list', { teamKey: `${rig.zone}/t999999` })).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });

  it('validation: a blank or too long name is refused with the field, a bad request at the door', async () => {
    expect(await door.handle('hooks.create', { teamKey, name: '  ' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
    const long = await door.handle('hooks.rename', { teamKey, hookId: 1, name: 'x'.repeat(129) });
    expect(long).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'name' } });
    if (!long.ok) expect(long.error.problems?.[0]).toMatch(/at most 128/);
    expect(await door.handle('hooks.list', { teamKey: 'not a key' })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'teamKey' } });
    expect(await door.handle('hooks.delete', { teamKey, hookId: 1, confirmed: true, extra: 1 })).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
