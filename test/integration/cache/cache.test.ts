import { spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CacheWriteError } from '../../../electron/core/cache/cache-file';
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import { EngineCache, META_FILE, POLICY_FILE, accountFileName } from '../../../electron/core/cache/engine-cache';
import { CACHE_VERSION } from '../../../electron/core/cache/snapshot';
import { decideNotifications, DEFAULT_NOTIFY_SETTINGS } from '../../../electron/core/policy/notifications';
import { createEngineStore } from '../../../electron/core/state/store';
import { orgKey } from '../../../shared/domain';
import { T0, ZONE, account, bigState, facts, run } from '../../unit/state/make-state';

const dirs: string[] = [];
const tempDir = async () => {
  const d = await mkdtemp(join(tmpdir(), 'make-tray-cache-'));
  dirs.push(d);
  return d;
};
afterEach(async () => {
  for (const d of dirs.splice(0)) await rm(d, { recursive: true, force: true });
});

const tables = (s: ReturnType<typeof bigState>) => ({ accounts: s.accounts, orgs: s.orgs, teams: s.teams, folders: s.folders, scenarios: s.scenarios });

describe('EngineCache on disk', () => {
  it('saves per account and loads the same state back, with settings', async () => {
    const dir = await tempDir();
    const cache = new EngineCache(new DiskCacheFile(dir), () => T0 + 5);
    const state = { ...bigState({ accounts: 3, scenarios: 300, runsPerScenario: 6 }), mutedScenarios: ['eu1.make.com/s10001'], snoozedUntil: T0 + 9, demo: true };
    await cache.saveAll(state);
    expect((await readdir(dir)).sort()).toEqual([...['acc-0', 'acc-1', 'acc-2'].map(accountFileName), META_FILE].sort());
    const loaded = await cache.loadAll();
    expect(loaded.problems).toEqual([]);
    expect(loaded.cachedAt).toBe(T0 + 5);
    expect(tables(loaded.state)).toEqual(tables(state));
    expect(loaded.state).toMatchObject({ mutedScenarios: state.mutedScenarios, snoozedUntil: T0 + 9, demo: true });
    // The store takes it as a cache view.
    const store = createEngineStore();
    store.loadFromCache(loaded.state, loaded.cachedAt!);
    expect(Object.keys(store.getState().scenarios)).toHaveLength(300);
    expect(store.getState().cachedAt).toBe(T0 + 5);
  });

  it('an org two accounts share is in both files and merges back with both account ids', async () => {
    const dir = await tempDir();
    const store = createEngineStore();
    for (const id of ['a', 'b']) {
      store.upsertAccount(account(id));
      store.applyDiscovery(id, [{ id: 1, zone: ZONE, name: 'Shared', productName: null }], [{ id: 11, zone: ZONE, orgId: 1, name: 'Ops' }]);
    }
    store.applyScenarioList({ orgKey: orgKey(ZONE, 1) }, [facts(1, 1, 11)], T0);
    const cache = new EngineCache(new DiskCacheFile(dir));
    await cache.saveAll(store.getState());
    await cache.removeAccount('b');
    const loaded = await cache.loadAll();
    expect(loaded.state.orgs[orgKey(ZONE, 1)]!.accountIds).toEqual(['a']);
    expect(Object.keys(loaded.state.scenarios)).toEqual([facts(1, 1, 11).key]);
  });

  it('never writes a token: the state holds none, the files contain none', async () => {
    const dir = await tempDir();
    const token = 'tok_8c1f7e7d-SECRET-4e0b-9d7b-3b3b1a0c9f11';
    // The token travels next to the account (as the accounts module holds it) but never into state.
    const credential = { account: account('a'), token };
    const store = createEngineStore();
    store.upsertAccount(credential.account);
    store.applyDiscovery('a', [{ id: 1, zone: ZONE, name: 'C', productName: null }], [{ id: 11, zone: ZONE, orgId: 1, name: 'Ops' }]);
    store.applyScenarioList({ orgKey: orgKey(ZONE, 1) }, [facts(1, 1, 11)], T0);
    store.applyRuns(facts(1, 1, 11).key, [run(1, 3, T0)]);
    const cache = new EngineCache(new DiskCacheFile(dir));
    await cache.saveAll(store.getState());
    await cache.savePolicyMemory(decideNotifications({ memory: null, observations: [], settings: DEFAULT_NOTIFY_SETTINGS, now: T0, watchingSince: T0 }).memory);
    expect(JSON.stringify(store.getState())).not.toContain(token);
    for (const name of await readdir(dir)) {
      const bytes = await readFile(join(dir, name));
      expect(bytes.includes(Buffer.from(token))).toBe(false);
      expect(bytes.includes(Buffer.from('SECRET'))).toBe(false);
    }
  });

  it.each([
    ['garbage', () => Buffer.from('not a cache file at all')],
    ['empty', () => Buffer.alloc(0)],
    ['unknown version', (good: Buffer) => Buffer.from(good.toString('latin1').replace(`"version":${CACHE_VERSION}`, '"version":7'), 'latin1')],
    ['older format version', (good: Buffer) => Buffer.from(good.toString('latin1').replace(`"version":${CACHE_VERSION}`, `"version":${CACHE_VERSION - 1}`), 'latin1')],
    ['cut off', (good: Buffer) => good.subarray(0, Math.floor(good.length / 2))],
    ['bit flip', (good: Buffer) => {
      const b = Buffer.from(good);
      b[b.length - 3] = b[b.length - 3]! ^ 1;
      return b;
    }],
    ['wrong shape', (good: Buffer) => Buffer.from(good.toString('latin1').replace('"kind":"token"', '"kind":"magic"'), 'latin1')],
  ])('a %s account file is moved aside with a message; the rest still loads', async (label, damage) => {
    const dir = await tempDir();
    const cache = new EngineCache(new DiskCacheFile(dir), () => T0);
    await cache.saveAll(bigState({ accounts: 2, scenarios: 20, runsPerScenario: 2 }));
    const bad = accountFileName('acc-1');
    await writeFile(join(dir, bad), damage(await readFile(join(dir, bad))));
    const loaded = await cache.loadAll();
    expect(loaded.problems).toHaveLength(1);
    expect(loaded.problems[0]).toMatchObject({ file: bad, movedTo: `${bad}.corrupt-${T0}` });
    expect(loaded.problems[0]!.message).toContain(bad);
    if (label === 'older format version') expect(loaded.problems[0]!.message).toContain(`has format version ${CACHE_VERSION - 1}, this app reads ${CACHE_VERSION}`);
    expect(Object.keys(loaded.state.accounts)).toEqual(['acc-0']);
    expect(await readdir(dir)).toContain(`${bad}.corrupt-${T0}`);
    // Next start: no problem any more.
    expect((await cache.loadAll()).problems).toEqual([]);
  });

  it('a missing or unusable cache folder means an empty start, not a crash', async () => {
    const dir = await tempDir();
    expect(await new EngineCache(new DiskCacheFile(join(dir, 'nope'))).loadAll()).toEqual({
      state: expect.objectContaining({ accounts: {} }),
      cachedAt: null,
      problems: [],
    });
    await writeFile(join(dir, 'file'), 'x');
    const r = await new EngineCache(new DiskCacheFile(join(dir, 'file'))).loadAll();
    expect(r.cachedAt).toBeNull();
    expect(r.problems).toHaveLength(1);
  });

  it('policy memory round-trips; a damaged one starts empty', async () => {
    const dir = await tempDir();
    const cache = new EngineCache(new DiskCacheFile(dir), () => T0);
    const memory = decideNotifications({
      memory: null,
      observations: [{ key: 'k', orgKey: 'o', name: 'n', orgName: null, health: 'ok', runs: [run(1, 1, T0 - 1)] }],
      settings: DEFAULT_NOTIFY_SETTINGS,
      now: T0,
      watchingSince: T0,
    }).memory;
    await cache.savePolicyMemory(memory);
    expect(await cache.loadPolicyMemory()).toEqual({ memory, problems: [] });
    await writeFile(join(dir, POLICY_FILE), '{');
    const r = await cache.loadPolicyMemory();
    expect(r.memory.scenarios).toEqual({});
    expect(r.problems).toHaveLength(1);
  });

  it('write failure on a full disk: typed error, previous file intact, no temp file left', async (ctx) => {
    const dir = await tempDir();
    const mounted = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=160k', 'tmpfs', dir]).status === 0;
    if (!mounted) return ctx.skip('needs permission to mount a small tmpfs');
    try {
      const cache = new EngineCache(new DiskCacheFile(dir), () => T0);
      const small = bigState({ scenarios: 20, runsPerScenario: 2 });
      await cache.saveAll(small);
      const err = await cache.saveAll(bigState({ scenarios: 3000, runsPerScenario: 5 })).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CacheWriteError);
      expect(err).toMatchObject({ code: 'disk-full' });
      expect((err as Error).message).toContain('disk is full');
      expect((await readdir(dir)).filter((n) => n.includes('.tmp-'))).toEqual([]);
      const loaded = await cache.loadAll();
      expect(loaded.problems).toEqual([]);
      expect(Object.keys(loaded.state.scenarios)).toHaveLength(20);
    } finally {
      spawnSync('umount', [dir]);
    }
  });

  it('kill -9 in the middle of repeated writes leaves a loadable cache: the old or the new snapshot', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const ROUNDS = 5;
    for (let round = 0; round < ROUNDS; round++) {
      const dir = await tempDir();
      const child = spawn(process.execPath, ['--import', 'tsx', join(root, 'test/integration/cache/writer-child.ts'), dir], {
        cwd: root,
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await new Promise<void>((resolve, reject) => {
        const savedAt: number[] = [];
        child.stdout!.on('data', (d: Buffer) => {
          for (const _ of d.toString().match(/saved/g) ?? []) savedAt.push(performance.now());
          if (savedAt.length === 4) {
            // Spread the kills over one save cycle (encode, chunked write, fsync, rename).
            const period = (savedAt[3]! - savedAt[1]!) / 2;
            setTimeout(() => {
              child.kill('SIGKILL');
              resolve();
            }, (period * (round + 0.5)) / ROUNDS);
          }
        });
        child.once('exit', (code) => (code === 0 ? reject(new Error('writer ended')) : resolve()));
      });
      await exited;
      const loaded = await new EngineCache(new DiskCacheFile(dir)).loadAll();
      expect(loaded.problems).toEqual([]);
      expect([200, 2500]).toContain(Object.keys(loaded.state.scenarios).length);
    }
  }, 120_000);
});
