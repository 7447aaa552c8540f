// The token-leak search (issue "Accounts and secrets", Done when): a full session through the real
// dashboard host — the same contract host and WebSocket the renderer uses — against the simulator, with
// a real data and cache folder: connect an API token and an OAuth account, poll, run a scenario, toggle
// one, watch an organization less, let the OAuth token expire and rotate, sign both out. Then every
// file the app wrote, every message sent to the renderer and every log line is searched for every
// token's bytes, in every encoding a leak could take. Nothing may be found.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { REFRESHING_OAUTH_CLIENT_ID } from '../../../electron/sim/oauth/authority';
import { ControllableClock, startSimulator, type SimulatorHandle } from '../../../electron/sim/simulator';
import { decodeSecret, secretAccountName } from '../../../electron/core/accounts/stored-secret';
import { ACCOUNTS_FILE, OAUTH_SETTINGS_FILE } from '../../../electron/core/accounts';
import { accountFileName } from '../../../electron/core/cache';
import { SETTINGS_FILE } from '../../../electron/core/commands';
import type { SecretStore } from '../../../electron/core/secrets';
import { startDashboard, type Dashboard } from '../../../electron/dashboard/host';
import { answerConsent } from './browser';
import { START, smallWorld, testSecretStore } from './harness';
import { filesUnder, findLeaks, textHaystack, type Haystack } from './leak-search';

describe('the leak search itself', () => {
  const token = 'tok/en+with=special&chars-0123456789abcdef';

  it('finds a token planted in a file (inside base64 at any alignment, URL-encoded, gzipped) and in a message', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'make-tray-leak-plant-'));
    try {
      await mkdir(join(dir, 'cache'));
      await writeFile(join(dir, 'cache', 'clean.json'), JSON.stringify({ note: 'nothing to see', token: 'tok/en+with' }));
      for (const prefix of ['', 'a', 'ab']) {
        await writeFile(join(dir, `b64-${prefix.length}.txt`), Buffer.from(`${prefix}{"h":"Token ${token}"}`).toString('base64'));
      }
      await writeFile(join(dir, 'cache', 'state.bin'), gzipSync(Buffer.from(`xx${token}yy`)));
      const files = await filesUnder(dir);
      const messages = [textHaystack('message #1', JSON.stringify({ type: 'event', payload: `u=${encodeURIComponent(token)}` }))];
      const leaks = findLeaks({ token }, [...files, ...messages]);
      const where = [...new Set(leaks.map((l) => l.where.replace(`${dir}/`, '')))].sort();
      expect(where).toEqual(['b64-0.txt', 'b64-1.txt', 'b64-2.txt', 'cache/state.bin', 'message #1']);
      expect(leaks.find((l) => l.where === 'message #1')?.what).toBe('token (url-encoded)');
      expect(leaks.every((l) => !l.what.includes(token))).toBe(true);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

/** A renderer on the dashboard's WebSocket: keeps every frame the server sends, as sent. */
async function rendererSocket(dash: Dashboard) {
  const { socketUrl, origin } = dash.server;
  const ws = new WebSocket(socketUrl, { origin });
  await new Promise<void>((resolve, reject) => ws.once('open', () => resolve()).once('error', reject));
  const frames: string[] = [];
  ws.on('message', (data) => frames.push(data.toString()));
  const until = async <T>(find: () => T | undefined): Promise<T> => {
    for (;;) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  let id = 0;
  const invoke = async (channel: string, payload: unknown = {}) => {
    const myId = ++id;
    ws.send(JSON.stringify({ type: 'invoke', id: myId, channel, payload }));
    const frame = await until(() => frames.map((f) => JSON.parse(f) as Record<string, unknown>).find((m) => m.type === 'reply' && m.id === myId));
    if (frame.ok !== true) throw new Error(`${channel} failed: ${JSON.stringify(frame.error)}`);
    return (frame.value ?? {}) as Record<string, unknown>;
  };
  const events = (name: string) =>
    frames.map((f) => JSON.parse(f) as { type: string; event?: string; payload?: unknown }).filter((m) => m.type === 'event' && m.event === name);
  return { ws, frames, invoke, until, events };
}

describe('a full session leaves no token anywhere', () => {
  let root: string;
  let clock: ControllableClock;
  let sim: SimulatorHandle;
  let secrets: SecretStore;
  let dash: Dashboard | null = null;
  const logs: string[] = [];

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'make-tray-leak-'));
    clock = new ControllableClock(START);
    clock.freeze();
    sim = await startSimulator({ basePort: 0, mode: 'test', clock, world: smallWorld() });
    secrets = testSecretStore();
    for (const level of ['log', 'warn', 'error', 'info', 'debug'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void logs.push(args.map(String).join(' ')));
    }
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await dash?.close();
    await sim.close();
    clock.dispose();
    for (const name of (await secrets.list?.()) ?? []) await secrets.delete(name);
    await rm(root, { recursive: true, force: true });
  });

  it('connect (token + OAuth), poll, run, toggle, rotate, sign out: no token in any file, message or log', async () => {
    const dataDir = join(root, 'data');
    const cacheDir = join(root, 'cache');
    await mkdir(dataDir, { recursive: true });
    // Browser sign-in from the settings file, against the simulator's authorization server, with the
    // client that gets refresh tokens (so rotation happens and the refresh tokens are searched too).
    await writeFile(join(dataDir, OAUTH_SETTINGS_FILE), JSON.stringify({ authorizationServer: sim.oauthOrigin, clientId: REFRESHING_OAUTH_CLIENT_ID }));
    const [eu1, us1] = sim.zones;
    if (!eu1 || !us1) throw new Error('zones missing');
    const apiToken = sim.control.createToken({ zone: 'eu1', label: 'leak test' });

    const visits: Promise<unknown>[] = [];
    dash = await startDashboard({
      dataDir,
      cacheDir,
      staticDir: join(root, 'no-build'),
      clock,
      secrets,
      coalesceMs: 5,
      openSignInPage: async (url) => void visits.push(answerConsent(url, 'approve')),
      log: (line) => logs.push(line),
    });
    expect(dash.demo).toBe(false);
    const engine = dash.engine;
    const r = await rendererSocket(dash);
    const advance = async (ms: number, step = 60_000) => {
      for (let t = 0; t < ms; t += step) {
        clock.advance(Math.min(step, ms - t));
        await engine.quiescent();
      }
    };

    await r.invoke('state.get');
    // 1. Connect an API token, and sign in with OAuth in the "browser".
    const connected = await r.invoke('accounts.connectToken', { baseUrl: eu1.baseUrl, token: apiToken });
    const tokenAccountId = (connected.account as { id: string }).id;
    await r.invoke('accounts.startOAuth', { zone: us1.host });
    await r.until(() => (visits.length === 1 ? true : undefined));
    await Promise.all(visits);
    await r.until(() => r.events('toast').find((e) => /Signed in/.test(JSON.stringify(e.payload))));
    const oauthAccount = dash.registry.list().find((a) => a.kind === 'oauth');
    if (!oauthAccount) throw new Error('no OAuth account');
    const firstOAuth = decodeSecret(await secrets.get(secretAccountName(oauthAccount.id)));
    if (firstOAuth?.kind !== 'oauth' || !firstOAuth.refreshToken) throw new Error('no OAuth tokens stored');

    // 2. Poll, run a scenario, toggle another, watch an organization less, change a setting.
    await advance(5 * 60_000);
    const state = engine.store.getState();
    const scenarios = Object.values(state.scenarios).filter((s) => s.orgKey.startsWith(eu1.host));
    const [toRun, toToggle] = scenarios;
    if (!toRun || !toToggle) throw new Error('scenarios missing');
    const run = await r.invoke('scenario.run', { key: toRun.key });
    await r.invoke('scenario.toggle', { key: toToggle.key, on: !toToggle.isActive });
    await r.invoke('scenario.runs', { key: toRun.key });
    const usOrg = Object.values(engine.store.getState().orgs).find((o) => o.zone === us1.host);
    if (!usOrg) throw new Error('no us1 organization');
    await r.invoke('accounts.setOrgMonitored', { orgKey: usOrg.key, monitored: false });
    await r.invoke('accounts.setOrgMonitored', { orgKey: usOrg.key, monitored: true });
    await r.invoke('settings.set', { theme: 'dark' });
    await r.invoke('accounts.list');
    await advance(3 * 60_000);
    expect(r.events('run.progress').some((e) => (e.payload as { executionId: string }).executionId === run.executionId)).toBe(true);

    // 3. The OAuth access token expires; the refresh rotates both tokens quietly.
    await advance(61 * 60_000);
    const rotated = decodeSecret(await secrets.get(secretAccountName(oauthAccount.id)));
    if (rotated?.kind !== 'oauth' || !rotated.refreshToken) throw new Error('no rotated tokens');
    expect(rotated.refreshToken).not.toBe(firstOAuth.refreshToken);

    // Mid-session: the cache holds both accounts now.
    const cacheFilesMidway = await filesUnder(cacheDir);
    expect(cacheFilesMidway.map((f) => f.where)).toEqual(
      expect.arrayContaining([join(cacheDir, accountFileName(tokenAccountId)), join(cacheDir, accountFileName(oauthAccount.id))]),
    );
    const dataFilesMidway = await filesUnder(dataDir);

    // 4. Sign both out, and stop.
    await r.invoke('accounts.signOut', { accountId: tokenAccountId });
    await r.invoke('accounts.signOut', { accountId: oauthAccount.id });
    expect(await secrets.list?.()).toEqual([]);
    r.ws.close();
    await dash.close();
    dash = null;

    const files = await filesUnder(root);
    const names = files.map((f) => f.where.slice(root.length + 1));
    expect(names).toEqual(expect.arrayContaining([`data/${ACCOUNTS_FILE}`, `data/${SETTINGS_FILE}`, `data/${OAUTH_SETTINGS_FILE}`]));
    expect(names.some((n) => n.startsWith('cache/'))).toBe(true);
    expect(names.some((n) => n === `cache/${accountFileName(tokenAccountId)}`)).toBe(false); // gone at sign-out
    expect(r.frames.length).toBeGreaterThan(20);

    const haystacks: Haystack[] = [
      ...files,
      ...cacheFilesMidway.map((f) => ({ ...f, where: `${f.where} (mid-session)` })),
      ...dataFilesMidway.map((f) => ({ ...f, where: `${f.where} (mid-session)` })),
      ...r.frames.map((f, i) => textHaystack(`message #${i}`, f)),
      ...logs.map((l, i) => textHaystack(`log line #${i}`, l)),
    ];
    const leaks = findLeaks(
      {
        'API token': apiToken,
        'OAuth access token': firstOAuth.accessToken,
        'OAuth refresh token': firstOAuth.refreshToken,
        'rotated OAuth access token': rotated.accessToken,
        'rotated OAuth refresh token': rotated.refreshToken,
      },
      haystacks,
    );
    expect(leaks).toEqual([]);
  });
});
