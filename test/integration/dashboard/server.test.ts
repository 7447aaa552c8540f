// The dashboard server over real loopback HTTP/WebSocket: the secret, the Origin and Host checks,
// message validation, coalesced versioned patches, and the browser-side bridge client against it.
import { request } from 'node:http';
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { VirtualClock } from '../../../shared/clock';
import { CommandError, type StatePatchEvent, type StateSnapshot } from '../../../shared/contract';
import { emptyEngineState, type EngineState, type ScenarioState } from '../../../shared/domain';
import { applyPatch } from '../../../shared/state-patch';
import { createWsBridge, type WebSocketLike } from '../../../shared/ws-bridge-client';
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import { createContractHost, type ContractHost } from '../../../electron/core/commands/contract-host';
import { openSettingsFile } from '../../../electron/core/commands/settings-file';
import { startDashboardServer, type DashboardServer, type DashboardServerOptions } from '../../../electron/dashboard/server';

const ZONE = '127.0.0.1:9';
const KEY = `${ZONE}/s7`;

function scenario(over: Partial<ScenarioState> = {}): ScenarioState {
  return {
    key: KEY, id: 7, orgKey: `${ZONE}/o1`, teamKey: `${ZONE}/t1`, folderKey: null, name: 'Nightly export', description: '',
    isActive: true, isinvalid: false, isPaused: false, dlqCount: 0, operations: 0, transfer: 0, nextExec: null, lastEdit: null,
    hookId: null, scheduling: null, usedPackages: [], health: 'ok', recentRuns: [], pendingRun: null, ...over,
  };
}

interface Rig {
  dir: string;
  clock: VirtualClock;
  store: StoreApi<EngineState>;
  contract: ContractHost;
  server: DashboardServer;
  opened: string[];
}

async function startRig(port = 0, secret?: string, dir?: string, limits: Partial<DashboardServerOptions> = {}): Promise<Rig> {
  const root = dir ?? (await mkdtemp(join(tmpdir(), 'make-tray-dash-')));
  const web = join(root, 'web');
  await mkdir(join(web, 'assets'), { recursive: true });
  await writeFile(join(web, 'index.html'), '<!doctype html><title>t</title><script type="module" src="./assets/app.js"></script>');
  await writeFile(join(web, 'assets', 'app.js'), 'export {};');
  await writeFile(join(root, 'outside.txt'), 'secret file');
  const clock = new VirtualClock(1_700_000_000_000);
  const store = createStore<EngineState>()(() => ({ ...emptyEngineState(), scenarios: { [KEY]: scenario() } }));
  const settings = await openSettingsFile(new DiskCacheFile(join(root, 'cache')));
  const opened: string[] = [];
  const refuse = () => Promise.reject(new CommandError({ code: 'refused', message: 'Not in this test.' }));
  const contract = createContractHost({
    state: store,
    clock,
    settings,
    engine: {
      store,
      // A refresh that never finishes: lets a test take the server away with a command in flight.
      refresh: () => new Promise<void>(() => undefined),
      toggleScenario: async (key, on) => store.setState((s) => ({ scenarios: { ...s.scenarios, [key]: { ...s.scenarios[key]!, isActive: on } } })),
      runScenario: async (key) => {
        store.setState((s) => ({ scenarios: { ...s.scenarios, [key]: { ...s.scenarios[key]!, pendingRun: { executionId: 'e'.repeat(32), startedAt: clock.now() } } } }));
        return 'e'.repeat(32);
      },
      retryIncomplete: refuse,
      setUserLooking: () => undefined,
      snooze: (until) => store.setState({ snoozedUntil: until }),
      mute: () => undefined,
    },
    host: { openExternal: async (url) => void opened.push(url) },
  });
  const server = await startDashboardServer({ contract, staticDir: web, port, ...(secret ? { secret } : {}), ...limits });
  return { dir: root, clock, store, contract, server, opened };
}

const stopRig = async (rig: Rig, keepDir = false) => {
  await rig.server.close();
  rig.contract.close();
  if (!keepDir) await rm(rig.dir, { recursive: true, force: true });
};

/** Opens a raw socket; resolves with it once open, or with the HTTP status of the refusal. */
function rawSocket(url: string, origin: string | undefined, headers: Record<string, string> = {}): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { ...(origin ? { origin } : {}), headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('error', (err) => reject(err));
  });
}

/** GET / with a chosen Host header (fetch won't let a caller set Host). */
function httpStatus(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/', headers: { Host: host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

/** A raw client that collects every message. */
async function client(rig: Rig) {
  const ws = (await rawSocket(rig.server.socketUrl, rig.server.origin)) as WebSocket;
  const messages: Record<string, unknown>[] = [];
  const waiters: (() => void)[] = [];
  ws.on('message', (d) => {
    messages.push(JSON.parse(d.toString()));
    for (const w of waiters.splice(0)) w();
  });
  const next = async (pred: (m: Record<string, unknown>) => boolean) => {
    for (;;) {
      const found = messages.find(pred);
      if (found) {
        messages.splice(messages.indexOf(found), 1);
        return found;
      }
      await new Promise<void>((r) => waiters.push(r));
    }
  };
  let id = 0;
  const invoke = async (channel: string, payload?: unknown) => {
    const myId = ++id;
    ws.send(JSON.stringify({ type: 'invoke', id: myId, channel, payload }));
    return next((m) => m.type === 'reply' && m.id === myId);
  };
  return { ws, messages, next, invoke };
}

describe('dashboard server', () => {
  let rig: Rig;
  beforeEach(async () => {
    rig = await startRig();
  });
  afterEach(async () => {
    await stopRig(rig);
  });

  it('serves the page with strict security headers, and nothing outside the build', async () => {
    const res = await fetch(`${rig.server.origin}/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain(`connect-src 'self' ws://127.0.0.1:${rig.server.port}`);
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('assets/app.js');
    expect((await fetch(`${rig.server.origin}/assets/app.js`)).headers.get('content-type')).toMatch(/javascript/);
    for (const p of ['/../outside.txt', '/%2e%2e/outside.txt', '/assets/%2e%2e%2f..%2foutside.txt', '/.hidden']) {
      const r = await fetch(`${rig.server.origin}${p}`);
      expect(r.status, p).toBe(404);
    }
    expect((await fetch(`${rig.server.origin}/`, { method: 'POST' })).status).toBe(405);
    expect(rig.server.url).toBe(`${rig.server.origin}/#k=${rig.server.secret}`);
  });

  it('refuses a wrong or missing secret, a foreign or missing Origin, and a foreign Host', async () => {
    const base = `ws://127.0.0.1:${rig.server.port}/ws`;
    expect(await rawSocket(`${base}?k=wrong`, rig.server.origin)).toBe(401);
    expect(await rawSocket(`${base}?k=${rig.server.secret}x`, rig.server.origin)).toBe(401);
    expect(await rawSocket(base, rig.server.origin)).toBe(401);
    expect(await rawSocket(rig.server.socketUrl, 'http://evil.example')).toBe(403);
    expect(await rawSocket(rig.server.socketUrl, `http://127.0.0.1:${rig.server.port + 1}`)).toBe(403);
    expect(await rawSocket(rig.server.socketUrl, undefined)).toBe(403);
    expect(await rawSocket(rig.server.socketUrl, rig.server.origin, { Host: `rebound.example:${rig.server.port}` })).toBe(421);
    expect(await rawSocket(`ws://127.0.0.1:${rig.server.port}/other?k=${rig.server.secret}`, rig.server.origin)).toBe(404);
    expect(await httpStatus(rig.server.port, `rebound.example:${rig.server.port}`)).toBe(421);
    expect(await httpStatus(rig.server.port, `localhost:${rig.server.port}`)).toBe(200);
    const ok = await rawSocket(rig.server.socketUrl, rig.server.origin);
    expect(ok).toBeInstanceOf(WebSocket);
    (ok as WebSocket).close();
  });

  it('answers invalid messages with typed errors and closes on garbage', async () => {
    const c = await client(rig);
    expect(await c.invoke('no.such.channel', {})).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await c.invoke('scenario.toggle', { key: KEY })).toMatchObject({ ok: false, error: { code: 'invalid-input', field: 'on' } });
    c.ws.send(JSON.stringify({ type: 'invoke', id: 99, channel: 7 }));
    expect(await c.next((m) => m.id === 99)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await c.invoke('scenario.toggle', { key: `${ZONE}/s404`, on: true })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await c.invoke('incomplete.retry', { key: KEY, dlqId: 'abc' })).toMatchObject({ ok: false, error: { code: 'refused', message: 'Not in this test.' } });
    expect(await c.invoke('shell.openExternal', { url: 'https://evil.example/' })).toMatchObject({ ok: false, error: { code: 'refused' } });
    expect(await c.invoke('shell.openExternal', { url: 'https://eu1.make.com/1/scenarios/7' })).toMatchObject({ ok: true });
    expect(rig.opened).toEqual(['https://eu1.make.com/1/scenarios/7']);
    const closed = new Promise<number>((r) => c.ws.once('close', (code) => r(code)));
    c.ws.send('{not json');
    expect(await closed).toBe(1007);
  });

  it('sends a snapshot, then one coalesced patch per window that continues its version', async () => {
    const c = await client(rig);
    const snap = (await c.invoke('state.get')) as { ok: true; value: StateSnapshot };
    expect(snap.ok).toBe(true);
    expect(snap.value.state.scenarios[KEY]?.name).toBe('Nightly export');
    for (let i = 1; i <= 20; i++) rig.store.setState({ snoozedUntil: i });
    await rig.clock.advance(100);
    const patch = (await c.next((m) => m.type === 'event' && m.event === 'state.patch')).payload as StatePatchEvent;
    expect(patch).toMatchObject({ from: snap.value.version, to: snap.value.version + 1, patch: { top: { snoozedUntil: 20 } } });
    expect(c.messages.filter((m) => m.event === 'state.patch')).toEqual([]);
    const mirror = applyPatch(snap.value.state, patch.patch);
    expect(mirror).toEqual(rig.store.getState());
  });

  it('sends patches only to clients that fetched a snapshot', async () => {
    const c = await client(rig);
    rig.store.setState({ snoozedUntil: 5 });
    await rig.clock.advance(100);
    const settings = await c.invoke('settings.get');
    expect(settings).toMatchObject({ ok: true, value: { theme: 'system' } });
    expect(c.messages.some((m) => m.event === 'state.patch')).toBe(false);
  });

  it('reports a run from start to outcome as run.progress', async () => {
    const c = await client(rig);
    await c.invoke('state.get');
    const reply = await c.invoke('scenario.run', { key: KEY, data: { email: 'a@b.c' } });
    expect(reply).toMatchObject({ ok: true, value: { executionId: 'e'.repeat(32) } });
    expect((await c.next((m) => m.event === 'run.progress')).payload).toMatchObject({ key: KEY, status: 'running' });
    rig.store.setState((s) => ({
      scenarios: {
        ...s.scenarios,
        [KEY]: {
          ...s.scenarios[KEY]!,
          pendingRun: null,
          recentRuns: [{ id: 'e'.repeat(32), status: 3, timestamp: 1, durationMs: 5, operations: 1, transfer: 0, type: 'manual', errorMessage: 'Bad input', errorModule: 'http' }],
        },
      },
    }));
    await rig.clock.advance(100);
    expect((await c.next((m) => m.event === 'run.progress')).payload).toMatchObject({ status: 3, errorMessage: 'Bad input' });
  });

  it('persists settings and announces the change', async () => {
    const c = await client(rig);
    const set = await c.invoke('settings.set', { theme: 'dark', notify: { warning: true } });
    expect(set).toMatchObject({ ok: true, value: { theme: 'dark', notify: { warning: true, failure: true } } });
    expect((await c.next((m) => m.event === 'settings.changed')).payload).toMatchObject({ theme: 'dark' });
    const again = await openSettingsFile(new DiskCacheFile(join(rig.dir, 'cache')));
    expect(again.get().theme).toBe('dark');
  });
});

describe('dashboard server limits', () => {
  const rigs: Rig[] = [];
  afterEach(async () => {
    for (const r of rigs.splice(0)) await stopRig(r);
  });

  it('answers `rate-limited` beyond 16 unanswered commands on one socket; other sockets are unaffected', async () => {
    const rig = await startRig();
    rigs.push(rig);
    const c = await client(rig);
    // `refresh` never finishes in this rig: each one stays in flight.
    for (let id = 1; id <= 16; id++) c.ws.send(JSON.stringify({ type: 'invoke', id, channel: 'refresh', payload: {} }));
    c.ws.send(JSON.stringify({ type: 'invoke', id: 17, channel: 'settings.get' }));
    expect(await c.next((m) => m.id === 17)).toMatchObject({ ok: false, error: { code: 'rate-limited' } });
    expect(c.messages.filter((m) => m.type === 'reply')).toEqual([]);
    const other = await client(rig);
    expect(await other.invoke('settings.get')).toMatchObject({ ok: true });
    c.ws.close();
    other.ws.close();
  });

  it('counts handshakes under way toward the connection limit', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let arrived = 0;
    let bothArrived!: () => void;
    const arrivedTwice = new Promise<void>((r) => (bothArrived = r));
    const rig = await startRig(0, undefined, undefined, {
      maxConnections: 2,
      beforeHandshake: () => {
        if (++arrived === 2) bothArrived();
        return gate;
      },
    });
    rigs.push(rig);
    const first = rawSocket(rig.server.socketUrl, rig.server.origin);
    const second = rawSocket(rig.server.socketUrl, rig.server.origin);
    await arrivedTwice;
    expect(rig.server.connectionCount()).toBe(2);
    // Neither is open yet, and still there is no room for a third.
    expect(await rawSocket(rig.server.socketUrl, rig.server.origin)).toBe(503);
    release();
    const opened = await Promise.all([first, second]);
    for (const ws of opened) expect(ws).toBeInstanceOf(WebSocket);
    expect(rig.server.connectionCount()).toBe(2);
    expect(await rawSocket(rig.server.socketUrl, rig.server.origin)).toBe(503);
    for (const ws of opened) (ws as WebSocket).close();
  });

  it('drops a socket that stops answering pings and keeps one that answers', async () => {
    const rig = await startRig(0, undefined, undefined, { pingIntervalMs: 20 });
    rigs.push(rig);
    const silent = new WebSocket(rig.server.socketUrl, { origin: rig.server.origin, autoPong: false });
    const answering = new WebSocket(rig.server.socketUrl, { origin: rig.server.origin });
    await Promise.all([silent, answering].map((ws) => new Promise((r) => ws.once('open', r))));
    const code = await new Promise<number>((r) => silent.once('close', (c) => r(c)));
    expect(code).toBe(1006);
    // The answering socket outlives the round that dropped the silent one and is pinged again.
    await new Promise((r) => answering.once('ping', r));
    await new Promise((r) => answering.once('ping', r));
    expect(answering.readyState).toBe(WebSocket.OPEN);
    answering.close();
  });
});

describe('the WebSocket bridge client against the server', () => {
  const socketFor = (origin: string) => (url: string) => new WebSocket(url, { origin }) as unknown as WebSocketLike;

  it('syncs a mirror, rejects pending commands when the server goes, and resyncs after it returns', async () => {
    let rig = await startRig();
    const { port, secret, origin } = rig.server;
    const bridge = createWsBridge({ url: rig.server.socketUrl, createSocket: socketFor(origin), backoff: { initialMs: 20, maxMs: 100 }, validateEvents: true });
    let mirror: EngineState | null = null;
    const snapshots: number[] = [];
    bridge.on('state.snapshot', (s) => {
      mirror = s.state;
      snapshots.push(s.version);
    });
    bridge.on('state.patch', (p) => {
      mirror = applyPatch(mirror!, p.patch);
    });
    const until = async (cond: () => boolean) => {
      while (!cond()) await new Promise((r) => setTimeout(r, 5));
    };
    try {
      await until(() => snapshots.length === 1);
      expect(bridge.connectionState).toBe('open');

      await bridge.invoke('scenario.toggle', { key: KEY, on: false });
      await rig.clock.advance(100);
      await until(() => mirror?.scenarios[KEY]?.isActive === false);
      expect(mirror).toEqual(rig.store.getState());

      // The server goes away with a command in flight (the rig's refresh never finishes).
      const pending = bridge.invoke('refresh', {}).catch((e: unknown) => e);
      await new Promise((r) => setTimeout(r, 20));
      await stopRig(rig, true);
      const err = await pending;
      expect(err).toBeInstanceOf(CommandError);
      expect((err as CommandError).code).toBe('offline');
      await expect(bridge.invoke('state.get')).rejects.toMatchObject({ code: 'offline' });

      // It comes back on the same port and secret with a different state: the client resyncs.
      rig = await startRig(port, secret, rig.dir);
      rig.store.setState({ snoozedUntil: 42 });
      await until(() => snapshots.length === 2);
      expect(bridge.connectionState).toBe('open');
      expect(mirror!.snoozedUntil).toBe(42);
    } finally {
      bridge.close();
      await stopRig(rig);
    }
    expect(bridge.connectionState).toBe('closed');
  });
});
