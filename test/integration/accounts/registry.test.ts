// The account registry over the simulator: several accounts across zones, restart, per-organization
// monitoring, OAuth sign-in and "sign in again", and sign-out cleanup (keychain entry and cache gone).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { emptyEngineState, type AccountId } from '../../../shared/domain';
import { DEMO_OAUTH_CLIENT_ID, REFRESHING_OAUTH_CLIENT_ID } from '../../../electron/sim/oauth/authority';
import {
  AccountRegistry,
  DEFAULT_OAUTH_SCOPES,
  ACCOUNTS_FILE,
  isSignInRequired,
  OAuthCredentialSource,
  toAccountState,
  type AccountEvent,
  type EngineAccountsPort,
} from '../../../electron/core/accounts';
import { decodeSecret, secretAccountName } from '../../../electron/core/accounts/stored-secret';
import { DiskCacheFile, EngineCache, accountFileName } from '../../../electron/core/cache';
import { MakeClient } from '../../../electron/core/make/client';
import type { CredentialSource } from '../../../electron/core/make/credentials';
import { SessionSecretStore, type SecretStore } from '../../../electron/core/secrets';
import { answerConsent } from './browser';
import { startHarness, tempDir, testSecretStore, zone, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

/** Stands in for the engine at its port: records calls and proves each credential works on Make. */
class RecordingEngine implements EngineAccountsPort {
  readonly calls: string[] = [];
  readonly live = new Map<AccountId, { baseUrl: string; credentials: CredentialSource }>();
  addAccount(a: { id: AccountId; baseUrl: string; credentials: CredentialSource }): void {
    this.calls.push(`add ${a.id}`);
    this.live.set(a.id, a);
  }
  removeAccount(id: AccountId): void {
    this.calls.push(`remove ${id}`);
    this.live.delete(id);
  }
  client(id: AccountId): MakeClient {
    const a = this.live.get(id);
    if (!a) throw new Error(`engine has no account ${id}`);
    return new MakeClient({ baseUrl: a.baseUrl, credentials: a.credentials, pools: h.pools });
  }
}

let tmp: Awaited<ReturnType<typeof tempDir>>;
let secrets: SecretStore;
let engine: RecordingEngine;
let cache: EngineCache;
let events: AccountEvent[];
let registry: AccountRegistry;

function newRegistry(store: SecretStore = secrets): AccountRegistry {
  const r = new AccountRegistry({ files: tmp.files, secrets: store, pools: h.pools, clock: h.clock, engine, cache });
  r.onEvent((e) => events.push(e));
  return r;
}

beforeEach(async () => {
  tmp = await tempDir();
  secrets = testSecretStore();
  engine = new RecordingEngine();
  cache = new EngineCache(new DiskCacheFile(`${tmp.dir}/cache`));
  events = [];
  registry = newRegistry();
  await registry.start();
});
afterEach(async () => {
  try {
    for (const name of (await secrets.list?.()) ?? []) await secrets.delete(name);
  } finally {
    await tmp.remove();
  }
});

const readAccountsFile = async (): Promise<string> => new TextDecoder().decode((await tmp.files.read(ACCOUNTS_FILE)) ?? new Uint8Array());

async function connectEu1AndUs1() {
  const a = await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! });
  const b = await registry.connectToken({ zone: zone(h, 'us1').baseUrl, token: h.sim.tokens.us1! });
  if (!a.ok || !b.ok) throw new Error('connect failed');
  return [a.account, b.account] as const;
}

async function oauthSignIn(clientId: string) {
  let visit: Promise<unknown> = Promise.resolve();
  const r = await registry.connectOAuth({
    zone: zone(h, 'eu1').baseUrl,
    settings: { authorizationServer: h.sim.oauthOrigin, clientId, scopes: DEFAULT_OAUTH_SCOPES },
    openExternal: (url) => {
      visit = answerConsent(url, 'approve');
    },
  });
  await visit;
  if (!r.ok) throw new Error(`${r.problem}: ${r.message}`);
  return r.account;
}

describe('AccountRegistry', () => {
  it('holds several accounts across zones and hands each to the engine with a working credential', async () => {
    const [eu, us] = await connectEu1AndUs1();
    expect(registry.list().map((a) => a.zone).sort()).toEqual([zone(h, 'eu1').host, zone(h, 'us1').host].sort());
    expect(engine.calls).toEqual([`add ${eu.id}`, `add ${us.id}`]);
    expect((await engine.client(eu.id).getMe()).id).toBe(h.sim.demoUserId);
    expect((await engine.client(us.id).getMe()).id).toBe(h.sim.demoUserId);
  });

  it('per-organization monitoring is saved and survives a restart, together with the accounts', async () => {
    const [eu] = await connectEu1AndUs1();
    const orgs = await registry.listOrganizations(eu.id);
    expect(orgs.length).toBeGreaterThanOrEqual(2);
    expect(orgs.every((o) => o.monitored)).toBe(true);
    const off = orgs[0]!;
    await registry.setOrganizationMonitored(eu.id, off.id, false);
    expect((await registry.listOrganizations(eu.id)).find((o) => o.id === off.id)?.monitored).toBe(false);

    const engineAfterRestart = new RecordingEngine();
    engine = engineAfterRestart;
    const again = newRegistry();
    expect(await again.start()).toEqual({ problems: [] });
    expect(again.list()).toHaveLength(2);
    expect(again.isOrganizationMonitored(eu.id, off.id)).toBe(false);
    expect(again.isOrganizationMonitored(eu.id, orgs[1]!.id)).toBe(true);
    expect((await engineAfterRestart.client(eu.id).getMe()).id).toBe(h.sim.demoUserId);

    await again.setOrganizationMonitored(eu.id, off.id, true);
    expect(again.isOrganizationMonitored(eu.id, off.id)).toBe(true);
  });

  it('sign-out deletes the keychain entry and the cache file, tells the engine, and forgets the account', async () => {
    const [eu, us] = await connectEu1AndUs1();
    const token = h.sim.tokens.eu1!;
    const state = emptyEngineState();
    state.accounts[eu.id] = toAccountState(eu);
    state.accounts[us.id] = toAccountState(us);
    await cache.saveAll(state);
    const cacheFiles = new DiskCacheFile(`${tmp.dir}/cache`);
    expect(await cacheFiles.list()).toContain(accountFileName(eu.id));

    expect(await registry.signOut(eu.id)).toEqual({ ok: true });

    expect(await secrets.get(secretAccountName(eu.id))).toBeNull();
    expect(await secrets.get(secretAccountName(us.id))).not.toBeNull();
    const left = await cacheFiles.list();
    expect(left).not.toContain(accountFileName(eu.id));
    expect(left).toContain(accountFileName(us.id));
    expect(engine.calls.at(-1)).toBe(`remove ${eu.id}`);
    expect(registry.credentialsFor(eu.id)).toBeNull();
    expect(registry.list().map((a) => a.id)).toEqual([us.id]);
    const file = await readAccountsFile();
    expect(file).not.toContain(eu.id);
    expect(file).not.toContain(token);
    expect(events).toContainEqual({ type: 'removed', accountId: eu.id });
    expect(await registry.signOut(eu.id)).toMatchObject({ ok: false, problem: 'unknown-account' });
  });

  it('an account whose secret is gone at start (session mode after a restart) needs sign-in, notified once, in memory only', async () => {
    const [eu] = await connectEu1AndUs1();
    events = [];
    const fresh = newRegistry(new SessionSecretStore());
    await fresh.start();
    expect(fresh.get(eu.id)).toMatchObject({ status: 'needs-sign-in', statusMessage: expect.stringMatching(/Connect again/) });
    expect(events.filter((e) => e.type === 'needs-sign-in')).toHaveLength(2);
    // Session mode cannot see the keychain: the file keeps the accounts usable for a later launch,
    // even after something else (a monitoring switch) saves the file in this session.
    await fresh.setOrganizationMonitored(eu.id, 42, false);
    expect(await readAccountsFile()).not.toContain('needs-sign-in');

    // The next launch with the keychain uses the saved secrets again.
    engine = new RecordingEngine();
    const withKeychain = newRegistry(secrets);
    expect(await withKeychain.start()).toEqual({ problems: [] });
    expect(withKeychain.get(eu.id)).toMatchObject({ status: 'ok', statusMessage: null });
    expect(withKeychain.isOrganizationMonitored(eu.id, 42)).toBe(false);
    expect((await engine.client(eu.id).getMe()).id).toBe(h.sim.demoUserId);
  });

  it('an account saved as "needs sign-in" is used again when its secret is present at start', async () => {
    const [eu, us] = await connectEu1AndUs1();
    // As an earlier version left it: marked in the file although the keychain still has the secret.
    const text = await readAccountsFile();
    await tmp.files.write(ACCOUNTS_FILE, new TextEncoder().encode(text.replaceAll('"status": "ok"', '"status": "needs-sign-in"')));
    expect(await readAccountsFile()).toContain('needs-sign-in');
    engine = new RecordingEngine();
    const again = newRegistry(secrets);
    expect(await again.start()).toEqual({ problems: [] });
    expect(again.list().map((a) => a.status)).toEqual(['ok', 'ok']);
    expect(engine.calls.sort()).toEqual([`add ${eu.id}`, `add ${us.id}`].sort());
    expect(await readAccountsFile()).not.toContain('needs-sign-in');
  });

  it('an account whose secret is gone from the keychain itself is saved as "needs sign-in"', async () => {
    if (secrets.kind !== 'keychain') return; // only meaningful with a real keychain (scripts/with-keyring.sh)
    const [eu] = await connectEu1AndUs1();
    await secrets.delete(secretAccountName(eu.id));
    const again = newRegistry(secrets);
    await again.start();
    expect(again.get(eu.id)?.status).toBe('needs-sign-in');
    expect(await readAccountsFile()).toContain('needs-sign-in');
  });

  it('a demo account lives in memory only: nothing in the secret store or the accounts file, gone after a restart', async () => {
    const real = await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! });
    const demo = await registry.connectToken({ zone: zone(h, 'us1').baseUrl, token: h.sim.tokens.us1!, demo: true });
    if (!real.ok || !demo.ok) throw new Error('connect failed');
    expect(demo.account.demo).toBe(true);
    expect(registry.list()).toHaveLength(2);
    expect((await engine.client(demo.account.id).getMe()).id).toBe(h.sim.demoUserId);
    expect(await secrets.list?.()).toEqual([secretAccountName(real.account.id)]);
    const file = await readAccountsFile();
    expect(file).toContain(real.account.id);
    expect(file).not.toContain(demo.account.id);

    const again = newRegistry();
    await again.start();
    expect(again.list().map((a) => a.id)).toEqual([real.account.id]);

    expect(await registry.signOut(demo.account.id)).toEqual({ ok: true });
    expect(registry.credentialsFor(demo.account.id)).toBeNull();
    expect(await secrets.list?.()).toEqual([secretAccountName(real.account.id)]);
  });

  it('a damaged accounts file is moved aside and reported; the app starts with no accounts', async () => {
    await tmp.files.write(ACCOUNTS_FILE, new TextEncoder().encode('{"version":1,"accounts":[{"id":'));
    const fresh = newRegistry();
    const { problems } = await fresh.start();
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/damaged/);
    expect(fresh.list()).toEqual([]);
    expect((await tmp.files.list()).some((n) => n.startsWith(`${ACCOUNTS_FILE}.corrupt-`))).toBe(true);
  });
});

describe('AccountRegistry with OAuth', () => {
  it('signs in through the browser, checks the token on the zone, and saves an oauth account', async () => {
    const account = await oauthSignIn(DEMO_OAUTH_CLIENT_ID);
    expect(account).toMatchObject({ kind: 'oauth', zone: zone(h, 'eu1').host, status: 'ok', oauth: { clientId: DEMO_OAUTH_CLIENT_ID } });
    expect((await engine.client(account.id).getMe()).id).toBe(h.sim.demoUserId);
    const stored = decodeSecret(await secrets.get(secretAccountName(account.id)));
    expect(stored?.kind).toBe('oauth');
    const file = await readAccountsFile();
    if (stored?.kind === 'oauth') expect(file).not.toContain(stored.accessToken);
  });

  it('expiry without a refresh token → "needs sign-in" with exactly one event; signing in again restores it', async () => {
    const account = await oauthSignIn(DEMO_OAUTH_CLIENT_ID);
    events = [];
    await h.clock.advance(3600_000);
    const client = engine.client(account.id);
    for (let i = 0; i < 3; i++) {
      const err = await client.getMe().catch((e: unknown) => e);
      expect(isSignInRequired(err)).toBe(true);
    }
    expect(events).toEqual([{ type: 'needs-sign-in', accountId: account.id, message: expect.stringMatching(/Sign in again/) }]);
    expect(registry.get(account.id)?.status).toBe('needs-sign-in');
    await expect.poll(readAccountsFile).toContain('needs-sign-in');

    const again = await oauthSignIn(DEMO_OAUTH_CLIENT_ID);
    expect(again.id).toBe(account.id);
    expect(registry.get(account.id)?.status).toBe('ok');
    expect(engine.calls.slice(-2)).toEqual([`remove ${account.id}`, `add ${account.id}`]);
    expect((await engine.client(account.id).getMe()).id).toBe(h.sim.demoUserId);
  });

  it('with a refresh token: refreshes quietly after expiry and keeps the rotated refresh token in the secret store', async () => {
    const account = await oauthSignIn(REFRESHING_OAUTH_CLIENT_ID);
    const before = decodeSecret(await secrets.get(secretAccountName(account.id)));
    events = [];
    await h.clock.advance(3600_000);
    expect((await engine.client(account.id).getMe()).id).toBe(h.sim.demoUserId);
    const after = decodeSecret(await secrets.get(secretAccountName(account.id)));
    expect(before?.kind === 'oauth' && after?.kind === 'oauth').toBe(true);
    if (before?.kind !== 'oauth' || after?.kind !== 'oauth') return;
    expect(after.refreshToken).not.toBe(before.refreshToken);
    expect(after.accessToken).not.toBe(before.accessToken);
    expect(await secrets.list?.()).toEqual([secretAccountName(account.id)]);
    expect(events).toEqual([]);
  });

  it('sign-out revokes the OAuth grant and deletes the secret', async () => {
    const account = await oauthSignIn(REFRESHING_OAUTH_CLIENT_ID);
    const stored = decodeSecret(await secrets.get(secretAccountName(account.id)));
    if (stored?.kind !== 'oauth') throw new Error('no oauth secret');
    const source = registry.credentialsFor(account.id);
    expect(await registry.signOut(account.id)).toEqual({ ok: true });
    // The old source can no longer write the entry back or report "needs sign-in".
    expect(source instanceof OAuthCredentialSource && source.isDisposed).toBe(true);
    expect(await secrets.get(secretAccountName(account.id))).toBeNull();
    const check = await fetch(`${zone(h, 'eu1').baseUrl}/users/me`, { headers: { authorization: `Bearer ${stored.accessToken}` } });
    expect(check.status).toBe(401);
  });

  it('denied consent saves nothing', async () => {
    let visit: Promise<unknown> = Promise.resolve();
    const r = await registry.connectOAuth({
      zone: zone(h, 'eu1').baseUrl,
      settings: { authorizationServer: h.sim.oauthOrigin, clientId: DEMO_OAUTH_CLIENT_ID, scopes: ['scenarios:read'] },
      openExternal: (url) => {
        visit = answerConsent(url, 'deny');
      },
    });
    await visit;
    expect(r).toMatchObject({ ok: false, problem: 'denied' });
    expect(registry.list()).toEqual([]);
    expect(await tmp.files.read(ACCOUNTS_FILE)).toBeNull();
  });
});
