// Machines without a working keychain: the probe says so (and never hangs), the app falls back to
// the memory-only session store, and nothing is written to disk.
import { fork } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  forkProbeRunner,
  KeychainSecretStore,
  KeychainUnavailableError,
  openSecretStore,
  probeKeychain,
  SessionSecretStore,
  type KeychainProbeRunner,
} from '../../../electron/core/secrets';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'make-tray-nokeychain-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** An environment whose session bus does not exist, and whose home is an empty temp dir. */
const deadBusEnv = (): NodeJS.ProcessEnv => ({
  ...process.env,
  DBUS_SESSION_BUS_ADDRESS: `unix:path=${join(dir, 'no-bus-here')}`,
  DISPLAY: '',
  HOME: dir,
  XDG_DATA_HOME: join(dir, 'data'),
  XDG_RUNTIME_DIR: join(dir, 'run'),
});

const filesUnder = async (root: string): Promise<string[]> => (await readdir(root, { recursive: true })).map(String);

describe('no keychain', () => {
  it('falls back to the session store and writes nothing to disk', async () => {
    const opened = await openSecretStore({ env: deadBusEnv(), timeoutMs: 10_000 });
    expect(opened.keychain.available).toBe(false);
    expect(opened.store).toBeInstanceOf(SessionSecretStore);
    const secret = `tok-${randomUUID()}`;
    await opened.store.set('acct-1', secret);
    expect(await opened.store.get('acct-1')).toBe(secret);
    expect(await opened.store.list?.()).toEqual(['acct-1']);
    expect(await opened.store.delete('acct-1')).toBe(true);
    expect(await opened.store.get('acct-1')).toBeNull();
    expect(await filesUnder(dir)).toEqual([]);
  });

  // The default runner (execPath as Node) and the fork runner the Electron shell uses with
  // utilityProcess.fork (here Node's child_process.fork, which has the same shape).
  const runners: [string, (env: NodeJS.ProcessEnv) => { runner?: KeychainProbeRunner }][] = [
    ['node -e (default)', () => ({})],
    ['fork', (env) => ({ runner: forkProbeRunner({ fork, env }) })],
  ];

  it.each(runners)('%s: the probe reports no keychain when the session bus leads nowhere', async (_name, runner) => {
    const status = await probeKeychain({ env: deadBusEnv(), timeoutMs: 10_000, ...runner(deadBusEnv()) });
    expect(status).toMatchObject({ available: false, problem: 'no-keychain' });
  });

  it.each(runners)('%s: a bus that accepts but never answers makes the probe time out, and the probe process is killed', async (_name, runner) => {
    const socketPath = join(dir, 'silent-bus');
    const sockets: Socket[] = [];
    const closed: Promise<void>[] = [];
    const server: Server = createServer((socket) => {
      sockets.push(socket);
      closed.push(new Promise((resolve) => socket.on('close', () => resolve())));
      socket.on('error', () => {});
      socket.resume(); // read to EOF so the close is seen
    });
    await new Promise<void>((resolve) => server.listen(socketPath, resolve));
    const env = { ...deadBusEnv(), DBUS_SESSION_BUS_ADDRESS: `unix:path=${socketPath}` };
    try {
      const status = await probeKeychain({ env, timeoutMs: 1_500, ...runner(env) });
      expect(status).toMatchObject({ available: false, problem: 'timeout' });
      expect(sockets.length).toBeGreaterThan(0);
      await Promise.all(closed); // the killed probe's connection goes away
    } finally {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('answers at the deadline even when the runner never returns, and tells the runner to stop', async () => {
    let stopped = false;
    const stuck: KeychainProbeRunner = (_job, signal) => {
      signal.addEventListener('abort', () => (stopped = true));
      return new Promise(() => undefined);
    };
    expect(await probeKeychain({ runner: stuck, timeoutMs: 200 })).toMatchObject({ available: false, problem: 'timeout' });
    expect(stopped).toBe(true);
  });

  it('a runner that cannot start the probe (e.g. the RunAsNode fuse is off) means "failed", not a hang', async () => {
    const status = await probeKeychain({ execPath: join(dir, 'no-such-runtime'), timeoutMs: 10_000 });
    expect(status).toMatchObject({ available: false, problem: 'failed' });
    expect(status.available ? '' : status.detail).toMatch(/could not start/);
  });

  it('keychain calls without a Secret Service fail with a typed error', async () => {
    const saved = process.env.DBUS_SESSION_BUS_ADDRESS;
    process.env.DBUS_SESSION_BUS_ADDRESS = `unix:path=${join(dir, 'no-bus-here')}`;
    try {
      const store = new KeychainSecretStore({ service: 'make-tray-test' });
      const secret = `tok-${randomUUID()}`;
      const err = await store.set('acct', secret).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(KeychainUnavailableError);
      expect((err as KeychainUnavailableError).problem).toBe('no-keychain');
      expect(JSON.stringify({ m: (err as Error).message, d: (err as KeychainUnavailableError).detail })).not.toContain(secret);
      expect(await store.isAvailable()).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.DBUS_SESSION_BUS_ADDRESS;
      else process.env.DBUS_SESSION_BUS_ADDRESS = saved;
    }
  });
});
