// Webhooks against the simulator over real HTTP: list, create, rename, enable/disable, ping, delete
// (with the second confirmation for an attached hook), and the main failures.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebhookService, allowedHookActions, visibleActions } from '../../../electron/core/management';
import type { TeamKey } from '../../../shared/domain';
import { managementRig, type ManagementRig } from './harness';

let rig: ManagementRig;
let hooks: WebhookService;
/** A team of the first organization that has a hook feeding a scenario. */
let teamKey: TeamKey;
let teamId: number;

beforeAll(async () => {
  rig = await managementRig();
  hooks = new WebhookService(rig.port);
  const attached = [...rig.sim.world.hooks.values()].find((h) => rig.sim.world.scenarioOfHook(h.id));
  if (!attached) throw new Error('the test world needs an attached hook');
  teamId = attached.teamId;
  teamKey = `${rig.zone}/t${teamId}`;
});
afterAll(() => rig.close());

const value = <T>(r: { kind: string; value?: T }): T => {
  expect(r.kind).toBe('ok');
  return r.value as T;
};

describe('webhooks', () => {
  it('lists a team’s hooks with URL, state, queue and the scenario each feeds (named from the state)', async () => {
    const list = value(await hooks.list(teamKey));
    const truth = [...rig.sim.world.hooks.values()].filter((h) => h.teamId === teamId);
    expect(list.map((h) => h.id).sort()).toEqual(truth.map((h) => h.id).sort());
    const attached = list.find((h) => h.attachedScenario !== null)!;
    const scenario = rig.sim.world.scenarioOfHook(attached.id)!;
    expect(attached.attachedScenario).toEqual({ id: scenario.id, key: `${rig.zone}/s${scenario.id}`, name: scenario.name });
    expect(attached.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/hook\//);
    expect(typeof attached.queueCount).toBe('number');
  });

  it('creates a custom webhook, renames, disables, enables and pings it', async () => {
    const created = value(await hooks.create(teamKey, { name: '  Shopify orders  ', headers: true }));
    expect(created).toMatchObject({ name: 'Shopify orders', kind: 'webhook', typeName: 'gateway-webhook', enabled: true, attachedScenario: null });
    expect(rig.sim.world.hooks.get(created.id)?.data).toMatchObject({ headers: true });

    expect(value(await hooks.rename(teamKey, created.id, 'Shopify orders (EU)')).name).toBe('Shopify orders (EU)');
    expect(value(await hooks.setEnabled(teamKey, created.id, false))).toEqual({ enabled: false });
    expect(rig.sim.world.hooks.get(created.id)?.enabled).toBe(false);
    value(await hooks.setEnabled(teamKey, created.id, true));
    expect(rig.sim.world.hooks.get(created.id)?.enabled).toBe(true);
    const ping = value(await hooks.ping(teamKey, created.id));
    expect(ping).toEqual({ address: created.url, attached: false, learning: true, gone: false });

    expect(value(await hooks.delete(teamKey, created.id))).toEqual({ deleted: true });
    expect(rig.sim.world.hooks.has(created.id)).toBe(false);
  });

  it('asks before deleting a hook that feeds a scenario, and deletes only on the confirmed call', async () => {
    const hook = [...rig.sim.world.hooks.values()].find((h) => h.teamId === teamId && rig.sim.world.scenarioOfHook(h.id))!;
    const scenario = rig.sim.world.scenarioOfHook(hook.id)!;
    const first = await hooks.delete(teamKey, hook.id);
    expect(first.kind).toBe('needs-confirmation');
    if (first.kind !== 'needs-confirmation') return;
    expect(first.confirmation).toMatchObject({ reason: 'hook-attached', scenario: { id: scenario.id, name: scenario.name } });
    expect(first.confirmation.message).toContain(`"${scenario.name}"`);
    expect(rig.sim.world.hooks.has(hook.id)).toBe(true);

    expect(value(await hooks.delete(teamKey, hook.id, { confirmed: true }))).toEqual({ deleted: true });
    expect(rig.sim.world.hooks.has(hook.id)).toBe(false);
    expect(rig.store.getState().scenarios[`${rig.zone}/s${scenario.id}`]?.hookId).toBeNull();
    expect(rig.polls.length).toBeGreaterThan(0);
  });

  it('a token without hooks:write can list but not change, and says which scope is missing', async () => {
    const scopes = ['hooks:read', 'scenarios:read'];
    expect(visibleActions(allowedHookActions(scopes))).toEqual(['list', 'ping']);
    const readOnly = new WebhookService(rig.limited(scopes));
    expect((await readOnly.list(teamKey)).kind).toBe('ok');
    const r = await readOnly.create(teamKey, { name: 'Nope' });
    expect(r).toMatchObject({ kind: 'error', error: { code: 'missing-scope', scope: 'hooks:write' } });
    if (r.kind === 'error') expect(r.error.message).toContain('"hooks:write"');
  });

  it('404 and validation come back as typed results', async () => {
    expect(await hooks.rename(teamKey, 987654, 'x')).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
    expect(await hooks.delete(teamKey, 987654)).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
    const orgId = rig.sim.world.teams.get(teamId)!.organizationId;
    const sent = rig.sim.control.rateLimitUsed(orgId);
    expect(await hooks.create(teamKey, { name: '   ' })).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'name' } });
    expect(await hooks.create(teamKey, { name: 'x'.repeat(129) })).toMatchObject({ kind: 'error', error: { code: 'invalid-input' } });
    // Refused before sending: Make saw no request.
    expect(rig.sim.control.rateLimitUsed(orgId)).toBe(sent);
    expect(await hooks.list(`${rig.zone}/t999999`)).toMatchObject({ kind: 'error', error: { code: 'not-found' } });
  });
});
