// Sign-out with the real engine (H5) and its offline cache: the account disappears from the engine's
// state, its cache file from disk, its secret from the store.
import { afterAll, afterEach, beforeAll, beforeEach, expect, it } from 'vitest';
import { AccountRegistry, type EngineAccountsPort } from '../../../electron/core/accounts';
import { secretAccountName } from '../../../electron/core/accounts/stored-secret';
import { DiskCacheFile, accountFileName } from '../../../electron/core/cache';
import { createEngine, type Engine } from '../../../electron/core/engine';
import type { SecretStore } from '../../../electron/core/secrets';
import { startHarness, tempDir, testSecretStore, zone, type Harness } from './harness';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

let tmp: Awaited<ReturnType<typeof tempDir>>;
let secrets: SecretStore;
let engine: Engine;
beforeEach(async () => {
  tmp = await tempDir();
  secrets = testSecretStore();
  engine = createEngine({ clock: h.clock, accounts: [], cacheDir: `${tmp.dir}/cache`, notifier: { notify: () => undefined }, settings: { saveDebounceMs: 0 } });
  await engine.start();
});
afterEach(async () => {
  await engine.stop();
  try {
    for (const name of (await secrets.list?.()) ?? []) await secrets.delete(name);
  } finally {
    await tmp.remove();
  }
});

it('connect → the engine watches the account and caches it; sign-out removes it from state, cache and secret store', async () => {
  const port: EngineAccountsPort = engine;
  const registry = new AccountRegistry({ files: tmp.files, secrets, pools: h.pools, clock: h.clock, engine: port });
  await registry.start();
  const r = await registry.connectToken({ zone: zone(h, 'eu1').baseUrl, token: h.sim.tokens.eu1! });
  if (!r.ok) throw new Error(r.message);
  const id = r.account.id;

  const state = engine.store.getState();
  expect(state.accounts[id]).toBeDefined();
  const org = Object.values(state.orgs).find((o) => o.accountIds.includes(id));
  expect(org).toBeDefined();
  engine.setOrgMonitored(org!.key, true); // any change schedules a cache write
  await h.clock.advance(1_000);
  await engine.quiescent();
  const cacheFiles = new DiskCacheFile(`${tmp.dir}/cache`);
  await expect.poll(() => cacheFiles.list()).toContain(accountFileName(id));

  expect(await registry.signOut(id)).toEqual({ ok: true });
  await engine.quiescent();
  expect(engine.store.getState().accounts[id]).toBeUndefined();
  expect(Object.values(engine.store.getState().orgs).some((o) => o.accountIds.includes(id))).toBe(false);
  expect(await cacheFiles.list()).not.toContain(accountFileName(id));
  expect(await secrets.get(secretAccountName(id))).toBeNull();
});
