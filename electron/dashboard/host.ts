// Composition root of the browser dashboard: the engine (on the demo world or the user's accounts),
// the contract host (the one command door + patch stream) and the HTTP/WebSocket server.
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock, type Clock } from '../../shared/clock';
import { ACCOUNTS_FILE, AccountRegistry } from '../core/accounts';
import { decodeAccountsFile } from '../core/accounts/account-record';
import { DiskCacheFile } from '../core/cache/disk-cache-file';
import { accountsCommandPort } from '../core/commands/accounts-adapter';
import { createContractHost, type ContractHost } from '../core/commands/contract-host';
import { openSettingsFile } from '../core/commands/settings-file';
import { createEngine, type AccountConfig, type Engine } from '../core/engine';
import { apiTokenCredential, ZonePools } from '../core/make';
import { openSecretStore, SessionSecretStore, type SecretStore } from '../core/secrets';
import type { Settings } from '../../shared/contract-schemas';
import { startDashboardServer, type DashboardServer } from './server';

/** A Make-compatible world the engine watches with demo accounts (the simulator's demo or test world). */
export interface DemoWorld {
  accounts: { id: string; baseUrl: string; token: string }[];
}

export interface DashboardOptions {
  port?: number;
  /** The renderer build. Default: dist/renderer of this checkout. */
  staticDir?: string;
  /** Where accounts and settings are kept. Default: the per-user app data folder. */
  dataDir?: string;
  /** Offline cache folder. Default: `<dataDir>/cache` (a temporary folder for the demo world). */
  cacheDir?: string;
  /**
   * The world a demo account watches when the user has no accounts (or `forceDemo`). A function is
   * called only when the demo is needed (e.g. to start the simulator); its `close` runs on shutdown.
   */
  demoWorld?: DemoWorld | (() => Promise<DemoWorld & { close?: () => Promise<void> }>);
  /** Use the demo world even when the user has accounts. */
  forceDemo?: boolean;
  /** Keep secrets in memory only (tests, forced demo): never touches the OS keychain. */
  sessionSecrets?: boolean;
  /** The engine's clock (a virtual one in tests). */
  clock?: Clock;
  /** Paces patches to the page; real time by default. */
  uiClock?: Clock;
  secret?: string;
  coalesceMs?: number;
  log?: (line: string) => void;
}

export interface Dashboard {
  readonly url: string;
  readonly server: DashboardServer;
  readonly engine: Engine;
  readonly contract: ContractHost;
  readonly demo: boolean;
  close(): Promise<void>;
}

/** Electron's default userData folder for this app, so the dashboard and the app share accounts. */
export function defaultDataDir(): string {
  const home = homedir();
  if (process.platform === 'win32') return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'make-tray');
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'make-tray');
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'make-tray');
}

export const defaultStaticDir = (): string => new URL('../../dist/renderer', import.meta.url).pathname;

const toEngineSettings = (s: Settings) => ({
  budgetShare: s.pollingShare,
  notifyOn: { failure: s.notify.failure, warning: s.notify.warning, offByMake: s.notify.offByMake, fixed: s.notify.fixed },
  summaryThreshold: s.notify.summaryThreshold,
});

export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const log = options.log ?? ((line: string) => console.error(line));
  const clock = options.clock ?? new SystemClock();
  const dataDir = options.dataDir ?? defaultDataDir();
  const files = new DiskCacheFile(dataDir);
  const settings = await openSettingsFile(files);
  const secrets: SecretStore = options.sessionSecrets || options.forceDemo ? new SessionSecretStore() : (await openSecretStore()).store;

  // The engine is created before the registry hands it accounts; the registry calls addAccount.
  const cleanups: (() => Promise<unknown>)[] = [];
  let contract: ContractHost | null = null;
  const pools = new ZonePools();
  cleanups.push(() => pools.close());

  const saved = await files.read(ACCOUNTS_FILE).catch(() => null);
  const records = saved ? (decodeAccountsFile(new TextDecoder().decode(saved)) ?? []) : [];
  const hasOwnAccounts = records.some((a) => a.status === 'ok' && !a.demo);
  const demo = !!options.demoWorld && (options.forceDemo || !hasOwnAccounts);

  let cacheDir = options.cacheDir;
  if (!cacheDir && demo) {
    cacheDir = await mkdtemp(join(tmpdir(), 'make-tray-demo-cache-'));
    const dir = cacheDir;
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
  }
  let world: DemoWorld | null = null;
  if (demo && options.demoWorld) {
    const w: DemoWorld & { close?: () => Promise<void> } = typeof options.demoWorld === 'function' ? await options.demoWorld() : options.demoWorld;
    if (w.close) cleanups.push(w.close);
    world = w;
  }
  const demoAccounts: AccountConfig[] = (world?.accounts ?? []).map((a) => ({
    id: a.id,
    baseUrl: a.baseUrl,
    credentials: apiTokenCredential(a.token),
    kind: 'token',
    demo: true,
  }));

  const engine = createEngine({
    clock,
    accounts: demoAccounts,
    cacheDir: cacheDir ?? join(dataDir, 'cache'),
    notifier: { notify: (spec) => contract?.emit('notification', spec) },
    settings: toEngineSettings(settings.get()),
  });

  // The registry that serves the accounts commands, wired to the engine. In demo mode the user's
  // own accounts are not watched (only listed), so the demo world stays what the page shows.
  const registry = new AccountRegistry({ files, secrets, pools, clock, ...(demo ? {} : { engine }) });
  await registry.start();

  contract = createContractHost({
    state: engine.store,
    // Patch coalescing paces the page, in real time even when the engine runs on a virtual clock.
    clock: options.uiClock ?? new SystemClock(),
    ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
    engine,
    settings,
    accounts: accountsCommandPort({
      registry,
      state: () => engine.store.getState(),
      setOrgMonitoredInState: (orgKey, monitored) => engine.store.setOrgMonitored(orgKey, monitored),
    }),
    host: {
      // The dashboard runs on the user's own machine: hand the URL to the desktop's browser.
      openExternal: (url) => openInBrowser(url),
    },
    log,
  });

  const server = await startDashboardServer({
    contract,
    staticDir: options.staticDir ?? defaultStaticDir(),
    port: options.port ?? 0,
    ...(options.secret ? { secret: options.secret } : {}),
  });
  await engine.start();

  const c = contract;
  return {
    url: server.url,
    server,
    engine,
    contract: c,
    demo,
    async close() {
      await server.close();
      c.close();
      await engine.stop();
      for (const f of cleanups.reverse()) await f().catch(() => undefined);
    },
  };
}

/** Opens a URL in the desktop's default browser (already checked by the command handler). */
export async function openInBrowser(url: string): Promise<void> {
  const { spawn } = await import('node:child_process');
  const [cmd, args] =
    process.platform === 'darwin' ? ['open', [url]] : process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : ['xdg-open', [url]];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(cmd as string, args as string[], { stdio: 'ignore', detached: true });
    child.once('error', () => reject(new Error('No web browser could be opened on this machine.')));
    child.once('spawn', () => {
      child.unref();
      resolve();
    });
  });
}
