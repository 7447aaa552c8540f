// Every fault leaves the state consistent, shows a clear status, raises no failure notification, and
// clears within one cycle (probe) after the fault is gone.
import { SignInRequiredError } from '../../../electron/core/accounts/oauth-credential-source';
import { afterEach, describe, expect, test } from 'vitest';
import type { FaultConfig } from '../../../electron/sim/simulator';
import { rig, scheduledScenarios, type Rig } from './harness';

let r: Rig | undefined;
afterEach(async () => {
  await r?.close();
  r = undefined;
});

async function synced(): Promise<Rig> {
  const x = await rig();
  await x.engine.start();
  await x.tick(5_000);
  expect(x.state().connectivity.state).toBe('online');
  return x;
}

const scenarioCount = (x: Rig) => Object.keys(x.state().scenarios).length;
/** One probe after the fault cleared: the offline backoff is at most 120 s (+15% jitter). */
const ONE_PROBE_MS = 140_000;

describe('connectivity faults', () => {
  test.each<[string, Partial<FaultConfig>, 'offline' | 'degraded']>([
    ['5xx burst', { errorRate: 1 }, 'degraded'],
    ['connection resets (offline)', { resetRate: 1 }, 'offline'],
    ['malformed JSON', { malformedRate: 1 }, 'degraded'],
    ['truncated JSON', { truncatedRate: 1 }, 'degraded'],
  ])('%s → %s with a plain message, state kept, back online within one probe', async (_name, fault, expected) => {
    r = await synced();
    const n = scenarioCount(r);
    r.sim.control.setFaults(fault);
    expect(await r.until(() => r!.state().connectivity.state === expected, 60_000)).toBe(true);
    const c = r.state().connectivity;
    expect(c.message).toMatch(new RegExp(r.zoneHost.replace(/[.]/g, '\\.')));
    expect(c.lastOkAt).not.toBeNull();
    expect(Object.values(r.state().orgs)[0]!.connectivity.state).toBe(expected);
    await r.tick(3 * 60_000, 1_000);
    expect(scenarioCount(r)).toBe(n);
    expect(Object.values(r.state().accounts)[0]!.status).toBe('ok');
    r.sim.control.clearFaults();
    expect(await r.until(() => r!.state().connectivity.state === 'online', ONE_PROBE_MS, 1_000)).toBe(true);
    expect(r.state().connectivity.message).toBeNull();
    expect(r.notifier.shown).toEqual([]);
  });

  test('timeouts (latency above the client timeout) → degraded, then online', async () => {
    r = await rig({ settings: { http: { headersTimeoutMs: 500, bodyTimeoutMs: 500 } } });
    await r.engine.start();
    await r.tick(5_000);
    r.sim.control.setFaults({ latencyMs: 2_500 });
    expect(await r.until(() => r!.state().connectivity.state === 'degraded', 60_000, 1_000)).toBe(true);
    r.sim.control.clearFaults();
    expect(await r.until(() => r!.state().connectivity.state === 'online', ONE_PROBE_MS, 2_000)).toBe(true);
    expect(r.notifier.shown).toEqual([]);
  });

  test('429 storm: the governor pauses the organization and the state says until when', async () => {
    r = await synced();
    r.sim.control.setFaults({ storm429: true });
    const org = () => Object.values(r!.state().orgs)[0]!;
    expect(await r.until(() => org().budget.rateLimitedUntil !== null, 60_000)).toBe(true);
    expect(org().budget.rateLimitedUntil!).toBeGreaterThan(r.clock.now());
    expect(org().budget.allowedPerMin).toBeLessThan(30);
    expect(r.state().connectivity.state).toBe('online');
    await r.tick(2 * 60_000, 1_000);
    r.sim.control.clearFaults();
    const syncedAt = org().lastSyncAt!;
    expect(await r.until(() => org().budget.rateLimitedUntil === null && org().lastSyncAt! > syncedAt, 3 * 60_000, 1_000)).toBe(true);
    expect(r.notifier.shown).toEqual([]);
  });
});

describe('account and entity faults', () => {
  test('revoked token: the account asks for sign-in; a new token resumes monitoring', async () => {
    r = await synced();
    r.sim.control.revokeToken(r.credential.token);
    const account = () => Object.values(r!.state().accounts)[0]!;
    expect(await r.until(() => account().status === 'needs-sign-in', 60_000)).toBe(true);
    expect(account().statusMessage).toMatch(/sign in again/i);
    expect(account().statusMessage).not.toContain(r.credential.token);
    expect(scenarioCount(r)).toBeGreaterThan(0);
    r.credential.token = r.sim.control.createToken();
    r.engine.resumed();
    expect(await r.until(() => account().status === 'ok', 90_000, 1_000)).toBe(true);
    const org = Object.values(r.state().orgs)[0]!;
    const at = org.lastSyncAt!;
    expect(await r.until(() => Object.values(r!.state().orgs)[0]!.lastSyncAt! > at, 90_000, 1_000)).toBe(true);
    expect(Object.values(r.state().orgs)[0]!.problem).toBeNull();
    expect(r.notifier.shown).toEqual([]);
  });

  test('a sign-in that can no longer be renewed (SignInRequiredError): needs sign-in, polling pauses, resumes with a working credential', async () => {
    r = await synced();
    const account = () => Object.values(r!.state().accounts)[0]!;
    const message = 'Your Make sign-in for eu1.make.com has expired. Sign in again to keep watching.';
    const works = r.credential.authorization.bind(r.credential);
    let asked = 0;
    r.credential.authorization = () => {
      asked++;
      return Promise.reject(new SignInRequiredError('acc', message));
    };
    const sent = () => r!.engine.metrics().countedRequests;
    expect(await r.until(() => account().status === 'needs-sign-in', 60_000)).toBe(true);
    expect(account().statusMessage).toBe(message);
    // Paused: no request reaches Make, the source is asked at most once a minute, nothing is notified.
    const sentBefore = sent();
    const askedBefore = asked;
    await r.tick(5 * 60_000, 1_000);
    expect(sent()).toBe(sentBefore);
    expect(asked - askedBefore).toBeLessThanOrEqual(6);
    expect(r.notifier.shown).toEqual([]);
    expect(scenarioCount(r)).toBeGreaterThan(0);
    await expect(r.engine.toggleScenario(Object.keys(r.state().scenarios)[0]!, false)).rejects.toMatchObject({ code: 'refused' });
    // The credential works again (a new sign-in): monitoring resumes.
    r.credential.authorization = works;
    r.engine.resumed();
    expect(await r.until(() => account().status === 'ok', 90_000, 1_000)).toBe(true);
    const at = Object.values(r.state().orgs)[0]!.lastSyncAt!;
    expect(await r.until(() => Object.values(r!.state().orgs)[0]!.lastSyncAt! > at, 90_000, 1_000)).toBe(true);
    expect(r.notifier.shown).toEqual([]);
  });

  test('scenario deleted mid-cycle: it leaves the state, nothing else breaks', async () => {
    r = await synced();
    const [gone, other] = scheduledScenarios(r.sim);
    r.engine.setUserLooking(true, [r.key(gone!.id)]);
    r.sim.control.deleteScenario(gone!.id);
    expect(await r.until(() => r!.state().scenarios[r!.key(gone!.id)] === undefined, 30_000)).toBe(true);
    expect(r.state().scenarios[r.key(other!.id)]).toBeDefined();
    expect(Object.values(r.state().orgs)[0]!.problem).toBeNull();
    await expect(r.engine.toggleScenario(r.key(gone!.id), false)).rejects.toMatchObject({ code: 'not-found' });
    expect(r.notifier.shown).toEqual([]);
  });

  test('organization deleted: a plain problem on the organization, no crash', async () => {
    r = await synced();
    const orgId = [...r.sim.world.orgs.keys()][0]!;
    r.sim.control.deleteOrganization(orgId);
    expect(
      await r.until(() => {
        const s = r!.state();
        return Object.keys(s.orgs).length === 0 || Object.values(s.orgs).some((o) => o.problem !== null);
      }, 3 * 60_000, 1_000),
    ).toBe(true);
    expect(r.state().connectivity.state).not.toBe('offline');
    expect(r.notifier.shown).toEqual([]);
  });
});
