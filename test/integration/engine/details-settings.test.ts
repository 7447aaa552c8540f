import { afterEach, describe, expect, test } from 'vitest';
import { DEFAULT_SETTINGS, ScenarioDetailSchema } from '../../../shared/contract-schemas';
import { DETAIL_TTL_MS } from '../../../electron/core/engine/engine';
import { dlqEnabled, flowModules } from '../../../electron/sim/world/blueprint';
import { failureNotificationsFor, rig, scheduledScenarios, smallWorld, type Rig } from './harness';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

const synced = async (world = smallWorld()) => {
  const rr = await rig({ world });
  await rr.engine.start();
  await rr.tick(5_000);
  return rr;
};

describe('scenario details', () => {
  test('blueprint apps, run-form inputs, outputs, incomplete-execution setting and hook, cached briefly', async () => {
    r = await synced(smallWorld({ hookShare: 0.5 }));
    const world = r.sim.world;
    const withHook = [...world.scenarios.values()].find((s) => s.hookId !== null)!;
    const plain = scheduledScenarios(r.sim)[0]!;
    plain.interfaceInput = [
      { name: 'email', type: 'text', default: null, required: true, multiline: false },
      { name: 'note', type: 'text', default: 'hi', required: false, multiline: true },
    ];
    plain.interfaceOutput = [{ name: 'result', type: 'text' }];

    const d = await r.engine.scenarioDetails(r.key(plain.id));
    expect(ScenarioDetailSchema.safeParse(d).success).toBe(true);
    expect(d.inputs.map((i) => [i.name, i.required, i.multiline, i.default])).toEqual([
      ['email', true, false, null],
      ['note', false, true, 'hi'],
    ]);
    expect(d.outputs.map((o) => o.name)).toEqual(['result']);
    const apps = flowModules(plain.blueprint).map((m) => m.module.split(':')[0]!);
    expect(d.usedApps.map((a) => a.name)).toEqual([...new Set(apps)]);
    expect(d.usedApps.reduce((n, a) => n + a.modules, 0)).toBe(apps.length);
    expect(d.storesIncomplete).toBe(dlqEnabled(plain.blueprint));
    expect(d.hook).toBeNull();

    const h = await r.engine.scenarioDetails(r.key(withHook.id));
    const hook = world.hooks.get(withHook.hookId!)!;
    expect(h.hook).toMatchObject({ id: hook.id, name: hook.name, enabled: hook.enabled });

    // A second look within the TTL costs no request; after it, Make is asked again.
    const sent = r.engine.metrics().countedRequests;
    await r.engine.scenarioDetails(r.key(plain.id));
    expect(r.engine.metrics().countedRequests).toBe(sent);
    await r.tick(DETAIL_TTL_MS, 5_000);
    const before = r.engine.metrics().byEndpoint['GET /scenarios/{scenarioId}/interface'] ?? 0;
    await r.engine.scenarioDetails(r.key(plain.id));
    expect(r.engine.metrics().byEndpoint['GET /scenarios/{scenarioId}/interface']).toBe(before + 1);
  });

  test('an unknown scenario is a not-found command error', async () => {
    r = await synced();
    await expect(r.engine.scenarioDetails(`${r.zoneHost}/s999999`)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('settings on a running engine', () => {
  test('the polling share changes every allowance at once and the engine keeps to it', async () => {
    r = await synced();
    const org = () => Object.values(r!.state().orgs)[0]!;
    expect(org().budget.allowedPerMin).toBe(30);
    r.engine.applySettings({ ...DEFAULT_SETTINGS, pollingShare: 0.1 });
    expect(org().budget).toMatchObject({ share: 0.1, allowedPerMin: 6 });
    await r.tick(60_000, 1_000);
    const at = r.engine.metrics().countedRequests;
    await r.tick(3 * 60_000, 1_000);
    expect(r.engine.metrics().countedRequests - at).toBeLessThanOrEqual(3 * 6);
    expect(r.sim.control.rateLimitUsed(org().id)).toBeLessThanOrEqual(6);
  });

  test('notification rules apply from the next policy run: failures off means no failure notification', async () => {
    r = await synced();
    r.engine.applySettings({ ...DEFAULT_SETTINGS, notify: { ...DEFAULT_SETTINGS.notify, failure: false } });
    const target = scheduledScenarios(r.sim)[0]!;
    r.sim.control.forceNextOutcome(target.id, { status: 'error', errorMessage: 'Nobody hears this' });
    const key = r.key(target.id);
    const failed = () => r!.sim.world.executions.find((e) => e.scenarioId === target.id && e.status === 3);
    expect(await r.until(() => failed() !== undefined, 30 * 60_000, 1_000)).toBe(true);
    expect(await r.until(() => r!.state().scenarios[key]!.recentRuns.some((x) => x.id === failed()!.id), 2 * 60_000, 1_000)).toBe(true);
    await r.tick(30_000, 1_000);
    expect(failureNotificationsFor(r.notifier, key)).toEqual([]);
    expect(r.state().scenarios[key]!.health).toBe('failing');
  });
});
