// The engine's ManagementPort (issue 7) against the simulator: the management services run on the
// engine's own client, governor and store, and their changes show in the engine's state at once.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ScenarioLifecycleService, WebhookService } from '../../../electron/core/management';
import type { ManagementResult } from '../../../electron/core/management';
import { rig, smallWorld, type Rig } from './harness';

let r: Rig;

beforeAll(async () => {
  r = await rig({ world: smallWorld({ hookShare: 0.3 }) });
  await r.engine.start();
  await r.tick(5_000);
});
afterAll(() => r.close());

const value = <T>(res: ManagementResult<T>): T => {
  if (res.kind !== 'ok') throw new Error(`expected ok, got ${JSON.stringify(res)}`);
  return res.value;
};

describe("the engine's management port", () => {
  test('reaches every organization with the account’s client and scopes; unknown organizations get none', () => {
    const port = r.engine.management();
    const org = Object.values(r.state().orgs)[0]!;
    expect(port.clientFor(org.key)).not.toBeNull();
    expect(port.scopesFor(org.key)).toEqual(expect.arrayContaining(['scenarios:write', 'hooks:write']));
    expect(port.clientFor(`${r.zoneHost}/o999999`)).toBeNull();
    expect(port.scopesFor(`${r.zoneHost}/o999999`)).toBeNull();
    expect(port.now()).toBe(r.clock.now());
    expect(port.getState()).toBe(r.state());
  });

  test('a rename shows in the engine’s state at once, is sent through the engine, and the poller confirms it', async () => {
    const scenarios = new ScenarioLifecycleService(r.engine.management());
    const s = Object.values(r.state().scenarios)[0]!;
    const before = r.engine.metrics();
    const lists = before.byEndpoint['GET /scenarios'] ?? 0;

    expect(value(await scenarios.rename(s.key, '  Invoices → Xero  '))).toEqual({ name: 'Invoices → Xero' });
    expect(r.state().scenarios[s.key]!.name).toBe('Invoices → Xero');
    expect(r.sim.world.scenarios.get(s.id)!.name).toBe('Invoices → Xero');

    // The engine counted the request, and the org's poller was asked to look (no time has passed).
    await r.engine.quiescent();
    const after = r.engine.metrics();
    expect(after.byEndpoint['PATCH /scenarios/{scenarioId}']).toBe((before.byEndpoint['PATCH /scenarios/{scenarioId}'] ?? 0) + 1);
    expect(after.byEndpoint['GET /scenarios'] ?? 0).toBeGreaterThan(lists);
    await r.tick(60_000);
    expect(r.state().scenarios[s.key]!.name).toBe('Invoices → Xero');
  });

  test('creates and deletes a webhook of a team through the engine', async () => {
    const hooks = new WebhookService(r.engine.management());
    const team = Object.values(r.state().teams)[0]!;

    const created = value(await hooks.create(team.key, { name: 'Shopify orders' }));
    expect(created).toMatchObject({ name: 'Shopify orders', typeName: 'gateway-webhook', enabled: true, attachedScenario: null });
    expect(r.sim.world.hooks.get(created.id)).toMatchObject({ teamId: team.id, name: 'Shopify orders' });
    expect(value(await hooks.list(team.key)).map((h) => h.id)).toContain(created.id);

    expect(value(await hooks.delete(team.key, created.id))).toEqual({ deleted: true });
    expect(r.sim.world.hooks.has(created.id)).toBe(false);
    const again = await hooks.delete(team.key, created.id);
    expect(again.kind === 'error' && again.error.code).toBe('not-found');
  });
});
