// Everything main runs that isn't Electron: settings, secrets, accounts, the engine (on the user's
// accounts, or on the embedded simulator's demo world when there are none) and the contract host. No
// Electron import, so an integration test starts it under Node exactly as main does.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock, type Clock } from '../../shared/clock';
import type { Settings } from '../../shared/contract-schemas';
import type { ScenarioKey } from '../../shared/domain';
import { ACCOUNTS_FILE, AccountRegistry } from '../core/accounts';
import { decodeAccountsFile } from '../core/accounts/account-record';
import { DiskCacheFile } from '../core/cache/disk-cache-file';
import { accountsCommandPort } from '../core/commands/accounts-adapter';
import { createContractHost, type ContractHost } from '../core/commands/contract-host';
import { openSettingsFile, type SettingsFile } from '../core/commands/settings-file';
import { createEngine, type AccountConfig, type Engine, type Notifier } from '../core/engine';
import { apiTokenCredential, ZonePools } from '../core/make';
import { openSecretStore, SessionSecretStore, type KeychainProbeRunner, type SecretStore } from '../core/secrets';
import { startSimulator } from '../sim/simulator';

/** A Make-compatible world for demo mode. */
export interface DemoWorld {
  baseUrl: string;
  token: string;
  close(): Promise<void>;
}

/** The embedded simulator's demo world on an ephemeral loopback port. */
export async function startEmbeddedDemoWorld(seed = 1): Promise<DemoWorld> {
  const sim = await startSimulator({ basePort: 0, mode: 'demo', seed });
  const zone = sim.zones[0];
  if (!zone) {
    await sim.close();
    throw new Error('The demo world has no zone.');
  }
  return { baseUrl: zone.baseUrl, token: sim.demoToken, close: () => sim.close() };
}

/**
 * The OS keychain when it answers, else memory only. The check runs out of process with a deadline:
 * a keyring call that D-Bus accepts but never answers blocks the calling thread, so it must never run
 * in main first. A packaged Electron has the RunAsNode fuse off, so main passes a runner built on
 * `utilityProcess.fork`; under Node the default runner forks Node itself.
 */
export async function openAppSecretStore(runner?: KeychainProbeRunner, log?: (line: string) => void): Promise<SecretStore> {
  const { store, keychain } = await openSecretStore({ callTimeoutMs: 5_000, ...(runner && { runner }) });
  if (!keychain.available) log?.(`Make Tray: ${keychain.message} Tokens are kept only until you quit.`);
  return store;
}

export interface AppServicesOptions {
  dataDir: string;
  notifier: Notifier;
  openExternal(url: string): Promise<void>;
  openMainWindow(key?: ScenarioKey): void;
  clock?: Clock;
  /** Watch the demo world even when the user has accounts. */
  forceDemo?: boolean;
  demoWorld?: () => Promise<DemoWorld>;
  secrets?: () => Promise<SecretStore>;
  /** How the keychain check is run (see openAppSecretStore). */
  keychainProbeRunner?: KeychainProbeRunner;
  /** In demo mode: the user connected an account of their own (main restarts onto it). */
  onOwnAccountAdded?: () => void;
  log?: (line: string) => void;
}

export interface AppServices {
  readonly engine: Engine;
  readonly contract: ContractHost;
  readonly settings: SettingsFile;
  readonly demo: boolean;
  /** Stops the engine (it writes the cache), the contract host and the demo world; idempotent. */
  close(): Promise<void>;
}

export const toEngineSettings = (s: Settings) => ({
  budgetShare: s.pollingShare,
  notifyOn: { failure: s.notify.failure, warning: s.notify.warning, offByMake: s.notify.offByMake, fixed: s.notify.fixed },
  summaryThreshold: s.notify.summaryThreshold,
});

export async function startAppServices(options: AppServicesOptions): Promise<AppServices> {
  const log = options.log ?? ((line: string) => console.error(line));
  const clock = options.clock ?? new SystemClock();
  const files = new DiskCacheFile(options.dataDir);
  const settings = await openSettingsFile(files);
  const cleanups: (() => Promise<unknown>)[] = [];
  const pools = new ZonePools();
  cleanups.push(() => pools.close());

  const saved = await files.read(ACCOUNTS_FILE).catch(() => null);
  const records = saved ? (decodeAccountsFile(new TextDecoder().decode(saved)) ?? []) : [];
  const demo = options.forceDemo === true || !records.some((a) => !a.demo);
  // The real store even in demo mode: an account connected from the demo must still be there next launch.
  const secrets = options.forceDemo ? new SessionSecretStore() : await (options.secrets ?? (() => openAppSecretStore(options.keychainProbeRunner, log)))();

  let cacheDir = join(options.dataDir, 'cache');
  let demoAccounts: AccountConfig[] = [];
  if (demo) {
    // The demo world is new every launch: its cache must not outlive it.
    const dir = await mkdtemp(join(tmpdir(), 'make-tray-demo-cache-'));
    cacheDir = dir;
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const world = await (options.demoWorld ?? startEmbeddedDemoWorld)();
    cleanups.push(() => world.close());
    demoAccounts = [{ id: 'demo', baseUrl: world.baseUrl, credentials: apiTokenCredential(world.token), kind: 'token', demo: true }];
  }

  let contract: ContractHost | null = null;
  const engine = createEngine({
    clock,
    accounts: demoAccounts,
    cacheDir,
    notifier: {
      notify: async (spec) => {
        contract?.emit('notification', spec);
        await options.notifier.notify(spec);
      },
    },
    settings: toEngineSettings(settings.get()),
  });

  // In demo mode the user's own accounts are listed but not watched, so the demo stays what is shown.
  const registry = new AccountRegistry({ files, secrets, pools, clock, ...(demo ? {} : { engine }) });
  await registry.start();
  if (demo && !options.forceDemo && options.onOwnAccountAdded) {
    const leave = options.onOwnAccountAdded;
    const off = registry.onEvent((e) => {
      if (e.type === 'changed' && registry.get(e.accountId)?.demo === false) {
        off();
        leave();
      }
    });
  }

  const host = createContractHost({
    state: engine.store,
    clock,
    engine,
    settings,
    accounts: accountsCommandPort({
      registry,
      state: () => engine.store.getState(),
      setOrgMonitoredInState: (orgKey, monitored) => engine.store.setOrgMonitored(orgKey, monitored),
    }),
    host: {
      openExternal: options.openExternal,
      openMainWindow: (key) => options.openMainWindow(key),
    },
    log,
  });
  contract = host;
  await engine.start();

  let closing: Promise<void> | null = null;
  return {
    engine,
    contract: host,
    settings,
    demo,
    close() {
      closing ??= (async () => {
        host.close();
        await engine.stop().catch((err: unknown) => log(`make-tray: the engine did not stop cleanly: ${err instanceof Error ? err.message : String(err)}`));
        for (const f of cleanups.reverse()) await f().catch(() => undefined);
      })();
      return closing;
    },
  };
}
