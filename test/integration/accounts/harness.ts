// A small simulated Make world over real HTTP, a temp folder and a secret store for the account tests.
import { randomUUID } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ControllableClock, startSimulator, type SimulatorHandle, type WorldSpec } from '../../../electron/sim/simulator';
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import { ZonePools } from '../../../electron/core/make/zone-pools';
import { KeychainSecretStore, SessionSecretStore, type SecretStore } from '../../../electron/core/secrets';

export const START = Date.UTC(2026, 0, 5, 9, 0, 0);

export const smallWorld = (): WorldSpec => ({
  zones: ['eu1', 'us1'],
  orgs: [
    { zone: 'eu1', name: 'Acme', plan: 'pro', teams: 1, scenarios: 3 },
    { zone: 'eu1', name: 'Initech', plan: 'core', teams: 1, scenarios: 2 },
    { zone: 'us1', name: 'Globex', plan: 'core', teams: 1, scenarios: 2 },
  ],
});

export interface Harness {
  sim: SimulatorHandle;
  clock: ControllableClock;
  pools: ZonePools;
  close(): Promise<void>;
}

export async function startHarness(): Promise<Harness> {
  const clock = new ControllableClock(START);
  clock.freeze();
  const sim = await startSimulator({ basePort: 0, mode: 'test', clock, world: smallWorld() });
  const pools = new ZonePools();
  return {
    sim,
    clock,
    pools,
    async close() {
      await pools.destroy();
      await sim.close();
      clock.dispose();
    },
  };
}

/**
 * The real keychain inside scripts/with-keyring.sh, otherwise the session store (reason printed once).
 * Each call gets its own keychain service name, so test files running in parallel never see (or
 * clean up) each other's entries.
 */
export const inKeyringSession = process.env.MAKE_TRAY_TEST_KEYRING === '1';
let warned = false;
export function testSecretStore(): SecretStore {
  if (inKeyringSession) return new KeychainSecretStore({ service: `make-tray-test-${randomUUID()}` });
  if (!warned) {
    warned = true;
    console.warn('[accounts] using the session secret store: not inside scripts/with-keyring.sh (MAKE_TRAY_TEST_KEYRING is not set)');
  }
  return new SessionSecretStore();
}

export async function tempDir(): Promise<{ dir: string; files: DiskCacheFile; remove(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'make-tray-accounts-'));
  return { dir, files: new DiskCacheFile(dir), remove: () => rm(dir, { recursive: true, force: true }) };
}

export const zone = (h: Harness, name: string) => {
  const z = h.sim.zones.find((x) => x.name === name);
  if (!z) throw new Error(`no zone ${name}`);
  return z;
};
