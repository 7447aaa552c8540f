// The dashboard host with real accounts: the demo world when there are none, browser sign-in against the
// demo world's own authorization server (kept in memory only), the demo ending when the user connects
// an account of their own, per-organization monitoring, "sign in again" with exactly one toast,
// sign-out cleanup, and starting again on the saved accounts.
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { EventName, EventPayload } from '../../../shared/contract';
import { ACCOUNTS_FILE } from '../../../electron/core/accounts';
import { secretAccountName } from '../../../electron/core/accounts/stored-secret';
import { accountFileName } from '../../../electron/core/cache';
import { SessionSecretStore, type SecretStore } from '../../../electron/core/secrets';
import { demoWorldOf } from '../../../electron/dashboard/demo-world';
import { startDashboard, type Dashboard, type DashboardOptions } from '../../../electron/dashboard/host';
import { ControllableClock, startSimulator, type SimulatorHandle } from '../../../electron/sim/simulator';
import { answerConsent } from '../accounts/browser';
import { START, smallWorld, testSecretStore } from '../accounts/harness';

let root: string;
let clock: ControllableClock;
/** The demo world. */
let demoSim: SimulatorHandle;
/** Stands in for the user's own Make (not the demo world). */
let ownMake: SimulatorHandle;
let secrets: SecretStore;
const open: Dashboard[] = [];

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'make-tray-dash-accounts-'));
  clock = new ControllableClock(START);
  clock.freeze();
  demoSim = await startSimulator({ basePort: 0, mode: 'test', clock, world: smallWorld() });
  ownMake = await startSimulator({ basePort: 0, mode: 'test', clock, seed: 2, world: {
      zones: ['eu1', 'us1'],
      orgs: [
        { zone: 'eu1', name: 'Own Org', plan: 'core', teams: 1, scenarios: 2 },
        { zone: 'us1', name: 'Own US Org', plan: 'core', teams: 1, scenarios: 1 },
      ],
    },
  });
  secrets = testSecretStore();
});
afterEach(async () => {
  for (const d of open.splice(0)) await d.close();
  await demoSim.close();
  await ownMake.close();
  clock.dispose();
  for (const name of (await secrets.list?.()) ?? []) await secrets.delete(name);
  await rm(root, { recursive: true, force: true });
});

interface Started {
  dash: Dashboard;
  events: { event: EventName; payload: unknown }[];
  invoke(channel: string, payload?: unknown): Promise<unknown>;
  visits: Promise<unknown>[];
  toasts(): EventPayload<'toast'>[];
}

async function start(over: Partial<DashboardOptions> = {}): Promise<Started> {
  const visits: Promise<unknown>[] = [];
  const dash = await startDashboard({
    dataDir: join(root, 'data'),
    cacheDir: join(root, 'cache'),
    staticDir: join(root, 'no-build'),
    clock,
    secrets,
    demoWorld: demoWorldOf(demoSim),
    openSignInPage: async (url) => void visits.push(answerConsent(url, 'approve')),
    log: () => undefined,
    ...over,
  });
  open.push(dash);
  const events: Started['events'] = [];
  dash.contract.subscribe((event, payload) => events.push({ event, payload }));
  return {
    dash,
    events,
    visits,
    async invoke(channel, payload = {}) {
      const r = await dash.contract.handle(channel, payload);
      if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    toasts: () => events.filter((e) => e.event === 'toast').map((e) => e.payload as EventPayload<'toast'>),
  };
}

const until = async (cond: () => boolean | Promise<boolean>) => {
  while (!(await cond())) await new Promise((r) => setTimeout(r, 10));
};
const cacheFiles = async () => readdir(join(root, 'cache')).catch(() => [] as string[]);
const accountsFile = async () => readFile(join(root, 'data', ACCOUNTS_FILE), 'utf8').catch(() => '');

it('demo world without accounts; browser sign-in on it is a memory-only demo account; expiry → one "sign in again" toast', async () => {
  const s = await start();
  expect(s.dash.demo).toBe(true);
  expect(Object.values(s.dash.engine.store.getState().accounts).every((a) => a.demo)).toBe(true);

  const eu1 = demoSim.zones[0]!;
  expect(await s.invoke('accounts.startOAuth', { zone: eu1.host })).toEqual({ started: true });
  await until(() => s.visits.length === 1);
  await Promise.all(s.visits);
  await until(() => s.toasts().some((t) => t.kind === 'success'));
  const account = s.dash.registry.list().find((a) => a.kind === 'oauth');
  expect(account).toMatchObject({ demo: true, status: 'ok', oauth: { authorizationServer: demoSim.oauthOrigin, clientId: 'make-tray-demo' } });
  expect(s.dash.engine.store.getState().accounts[account!.id]).toBeDefined();
  // The demo never reaches the keychain or the accounts file.
  expect(await secrets.list?.()).toEqual([]);
  expect(await accountsFile()).not.toContain(account!.id);

  // Make's public clients get no refresh token: after an hour the account needs a new sign-in.
  for (let i = 0; i < 70; i++) {
    clock.advance(60_000);
    await s.dash.engine.quiescent();
  }
  await until(() => s.dash.engine.store.getState().accounts[account!.id]?.status === 'needs-sign-in');
  for (let i = 0; i < 40; i++) {
    clock.advance(60_000);
    await s.dash.engine.quiescent();
  }
  const signInToasts = s.toasts().filter((t) => /sign in again/i.test(t.message));
  expect(signInToasts).toHaveLength(1);
  expect(signInToasts[0]).toMatchObject({ kind: 'warning', key: null });
  expect(s.dash.registry.get(account!.id)?.status).toBe('needs-sign-in');
});

it('the first own account ends the demo; org monitoring and sign-out work; the next start is on the saved account', async () => {
  const s = await start();
  expect(s.dash.demo).toBe(true);
  const own = ownMake.zones[0]!;
  const reply = (await s.invoke('accounts.connectToken', { baseUrl: own.baseUrl, token: ownMake.tokens.eu1 })) as { account: { id: string; demo: boolean } };
  const id = reply.account.id;
  expect(reply.account.demo).toBe(false);
  let state = s.dash.engine.store.getState();
  expect(Object.keys(state.accounts)).toEqual([id]);
  expect(state.demo).toBe(false);
  expect(await secrets.get(secretAccountName(id))).not.toBeNull();
  expect(await accountsFile()).toContain(id);

  const org = Object.values(state.orgs).find((o) => o.accountIds.includes(id))!;
  await s.invoke('accounts.setOrgMonitored', { orgKey: org.key, monitored: false });
  expect(s.dash.engine.store.getState().orgs[org.key]?.monitored).toBe(false);
  expect(s.dash.registry.isOrganizationMonitored(id, org.id)).toBe(false);
  await s.invoke('accounts.setOrgMonitored', { orgKey: org.key, monitored: true });
  expect(s.dash.registry.isOrganizationMonitored(id, org.id)).toBe(true);

  // Let the engine write its cache, then stop and start again: the saved account, no demo.
  await until(async () => {
    clock.advance(30_000);
    await s.dash.engine.quiescent();
    return (await cacheFiles()).includes(accountFileName(id));
  });
  await s.dash.close();
  open.splice(open.indexOf(s.dash), 1);

  const again = await start();
  expect(again.dash.demo).toBe(false);
  await again.dash.engine.quiescent();
  state = again.dash.engine.store.getState();
  expect(Object.keys(state.accounts)).toEqual([id]);
  expect(Object.values(state.orgs).some((o) => o.accountIds.includes(id))).toBe(true);

  expect(await again.invoke('accounts.signOut', { accountId: id })).toBeNull();
  expect(again.dash.engine.store.getState().accounts[id]).toBeUndefined();
  expect(await secrets.get(secretAccountName(id))).toBeNull();
  expect(await cacheFiles()).not.toContain(accountFileName(id));
  expect(await accountsFile()).not.toContain(id);
});

it('--demo with saved accounts: they wait, then join when the user connects another own account', async () => {
  const first = await start({ demoWorld: undefined });
  const own = ownMake.zones[0]!;
  const saved = ((await first.invoke('accounts.connectToken', { baseUrl: own.baseUrl, token: ownMake.tokens.eu1 })) as { account: { id: string } }).account.id;
  await first.dash.close();
  open.splice(open.indexOf(first.dash), 1);

  const s = await start({ forceDemo: true });
  expect(s.dash.demo).toBe(true);
  expect(s.dash.engine.store.getState().accounts[saved]).toBeUndefined();
  expect(s.dash.registry.get(saved)).not.toBeNull();
  const us1 = ownMake.zones[1]!;
  const added = ((await s.invoke('accounts.connectToken', { baseUrl: us1.baseUrl, token: ownMake.tokens.us1 })) as { account: { id: string } }).account.id;
  await until(() => s.dash.engine.store.getState().accounts[saved]?.status === 'ok');
  const state = s.dash.engine.store.getState();
  expect(Object.keys(state.accounts).sort()).toEqual([saved, added].sort());
  expect(state.demo).toBe(false);
});

it('without a working keychain: session-only, with a warning toast when an account is connected', async () => {
  const s = await start({ secrets: new SessionSecretStore(), demoWorld: undefined });
  expect(s.dash.secretStore).toBe('session');
  expect(s.dash.demo).toBe(false);
  const own = ownMake.zones[0]!;
  await s.invoke('accounts.connectToken', { baseUrl: own.baseUrl, token: ownMake.tokens.eu1 });
  expect(s.toasts()).toEqual([expect.objectContaining({ kind: 'warning', message: expect.stringMatching(/kept only until Make Tray quits/) })]);
});

it('browser sign-in outside the demo world needs oauth.json; a denied consent is reported as a command error', async () => {
  const denied: Promise<unknown>[] = [];
  const deny = async (url: string) => void denied.push(answerConsent(url, 'deny'));
  const s = await start({ demoWorld: undefined, openSignInPage: deny });
  expect(s.dash.oauthProblem).toMatch(/oauth\.json/);
  await expect(s.invoke('accounts.startOAuth', { zone: ownMake.zones[0]!.host })).rejects.toThrow(/not set up/);

  const d = await start({ forceDemo: true, openSignInPage: deny });
  await d.invoke('accounts.startOAuth', { zone: demoSim.zones[0]!.host });
  await until(() => denied.length === 1);
  await Promise.all(denied);
  await until(() => d.events.some((e) => e.event === 'command.error'));
  expect(d.events.find((e) => e.event === 'command.error')?.payload).toMatchObject({ channel: 'accounts.startOAuth', error: { code: 'refused', message: expect.stringMatching(/denied/) } });
  expect(d.dash.registry.list()).toEqual([]);
});
