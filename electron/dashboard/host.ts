// Composition root of the browser dashboard: the engine (on the user's accounts, or on the demo world
// when there are none), the account registry (OS keychain, or session-only memory when no keychain
// works), the contract host (the one command door + patch stream) and the HTTP/WebSocket server.
import { mkdtemp, rm } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock, type Clock } from '../../shared/clock';
import type { Settings } from '../../shared/contract-schemas';
import {
  AccountRegistry,
  DEFAULT_OAUTH_SCOPES,
  DemoHandover,
  OAUTH_SETTINGS_FILE,
  type EngineAccount,
  type EngineAccountsPort,
  readOAuthSettings,
  type OAuthClientSettings,
} from '../core/accounts';
import { DiskCacheFile } from '../core/cache/disk-cache-file';
import { accountsCommandPort, type AccountTarget } from '../core/commands/accounts-adapter';
import { createContractHost, type ContractHost } from '../core/commands/contract-host';
import { openSettingsFile } from '../core/commands/settings-file';
import { createEngine, type AccountConfig, type Engine } from '../core/engine';
import { apiTokenCredential, ZonePools } from '../core/make';
import { openSecretStore, SessionSecretStore, type KeychainStatus, type SecretStore } from '../core/secrets';
import { startDashboardServer, type DashboardServer } from './server';

/** A Make-compatible world the engine watches with demo accounts (the simulator's demo or test world). */
export interface DemoWorld {
  accounts: { id: string; baseUrl: string; token: string }[];
  /** The world's OAuth authorization server and demo client: browser sign-in on its zones. */
  oauth?: { authorizationServer: string; clientId: string };
}

export interface DashboardOptions {
  port?: number;
  /** The renderer build. Default: dist/renderer of this checkout. */
  staticDir?: string;
  /** Where accounts, settings and `oauth.json` are kept. Default: the per-user app data folder. */
  dataDir?: string;
  /** Offline cache folder. Default: `<dataDir>/cache` (a temporary folder for the demo world). */
  cacheDir?: string;
  /**
   * The world a demo account watches when the user has no accounts (or `forceDemo`). A function is
   * called only when the demo is needed (e.g. to start the simulator); its `close` runs on shutdown.
   */
  demoWorld?: DemoWorld | (() => Promise<DemoWorld & { close?: () => Promise<void> }>);
  /** Use the demo world even when the user has accounts (they wait until the user connects one). */
  forceDemo?: boolean;
  /** Where secrets go. Default: the OS keychain when the probe finds it working, else session-only memory. */
  secrets?: SecretStore;
  /** Keep secrets in memory only (tests): never touches the OS keychain. */
  sessionSecrets?: boolean;
  /**
   * Opens a browser sign-in page. Default: print the address and hand it to the desktop's browser
   * (xdg-open / open / start) when there is one. Never an embedded window.
   */
  openSignInPage?: (url: string) => Promise<void>;
  /** How long a browser sign-in may take (default 5 minutes). */
  oauthTimeoutMs?: number;
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
  readonly registry: AccountRegistry;
  /** Whether it started on the demo world (connecting an account of the user's own ends the demo). */
  readonly demo: boolean;
  /** 'session' = no working keychain: connected accounts are forgotten when the dashboard stops. */
  readonly secretStore: SecretStore['kind'];
  /** Why there is no keychain (null when there is one or it was not asked). */
  readonly keychainProblem: string | null;
  /** Why browser sign-in is not set up for Make (null when it is, from `oauth.json`). */
  readonly oauthProblem: string | null;
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

const SESSION_ONLY = 'Accounts you connect are kept only until Make Tray quits.';

async function chooseSecretStore(options: DashboardOptions): Promise<{ store: SecretStore; problem: string | null }> {
  if (options.secrets) return { store: options.secrets, problem: null };
  if (options.sessionSecrets) return { store: new SessionSecretStore(), problem: null };
  const opened = await openSecretStore();
  const status: KeychainStatus = opened.keychain;
  return { store: opened.store, problem: status.available ? null : status.message };
}

export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const log = options.log ?? ((line: string) => console.error(line));
  const clock = options.clock ?? new SystemClock();
  const dataDir = options.dataDir ?? defaultDataDir();
  const files = new DiskCacheFile(dataDir);
  const settings = await openSettingsFile(files);
  const { store: secrets, problem: keychainProblem } = await chooseSecretStore(options);
  const ownsSecrets = options.secrets === undefined;
  if (keychainProblem) log(`make-tray: ${keychainProblem} ${SESSION_ONLY}`);

  const cleanups: (() => Promise<unknown>)[] = [];
  let contract: ContractHost | null = null;
  const pools = new ZonePools();
  cleanups.push(() => pools.close());
  const shutdown = new AbortController();

  // The registry reads the saved accounts (and their secrets) first, so the engine starts with them.
  const savedAccounts = new Map<string, EngineAccount>();
  let accountsTarget: EngineAccountsPort | null = null;
  const registry = new AccountRegistry({
    files,
    secrets,
    pools,
    clock,
    engine: {
      addAccount: (a) => (accountsTarget ? accountsTarget.addAccount(a) : savedAccounts.set(a.id, a)),
      removeAccount: (id) => (accountsTarget ? accountsTarget.removeAccount(id) : savedAccounts.delete(id)),
    },
  });
  const started = await registry.start();
  for (const problem of started.problems) log(`make-tray: ${problem}`);

  // Demo only when the user has no account at all (one that needs a new sign-in counts: the user
  // should see it, not demo data), or when asked for.
  const demo = !!options.demoWorld && (options.forceDemo || registry.list().length === 0);

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
  // Demo accounts go straight to the engine: their tokens are the simulator's, new every launch, and
  // never reach the keychain or the disk.
  const demoAccounts: AccountConfig[] = (world?.accounts ?? []).map((a) => ({
    id: a.id,
    baseUrl: a.baseUrl,
    credentials: apiTokenCredential(a.token),
    kind: 'token',
    demo: true,
  }));
  const demoZones = new Set(demoAccounts.map((a) => new URL(a.baseUrl).host));
  const isDemoTarget = (t: AccountTarget) => demoZones.has(t.zone);

  const engine = createEngine({
    clock,
    accounts: demo ? demoAccounts : [...savedAccounts.values()],
    cacheDir: cacheDir ?? join(dataDir, 'cache'),
    notifier: { notify: (spec) => contract?.emit('notification', spec) },
    settings: toEngineSettings(settings.get()),
  });
  // While the demo runs, the user's saved accounts (only with --demo) wait; their first own connect ends it.
  accountsTarget = demo
    ? new DemoHandover({ engine, demoAccountIds: demoAccounts.map((a) => a.id), waiting: [...savedAccounts.values()], onDemoEnded: () => engine.store.setDemo(false) })
    : engine;
  registry.onEvent((event) => {
    if (event.type !== 'needs-sign-in') return;
    engine.store.setAccountStatus(event.accountId, 'needs-sign-in', event.message);
    contract?.emit('toast', { kind: 'warning', message: event.message, key: null });
  });

  // Browser sign-in: the demo world's own authorization server on its zones, `oauth.json` elsewhere.
  const fromFile = await readOAuthSettings(files);
  const oauthProblem = fromFile.problem ?? (fromFile.settings ? null : `Browser sign-in is not set up: no ${OAUTH_SETTINGS_FILE} in ${dataDir}.`);
  if (fromFile.problem) log(`make-tray: ${fromFile.problem}`);
  const demoOAuth: OAuthClientSettings | null = world?.oauth ? { ...world.oauth, scopes: DEFAULT_OAUTH_SCOPES } : null;
  const oauthSettings = (t: AccountTarget): OAuthClientSettings | null => (isDemoTarget(t) ? demoOAuth : fromFile.settings);
  const openSignInPage =
    options.openSignInPage ??
    (async (url: string) => {
      // Printed too, so sign-in works where no browser can be started (a remote shell).
      log(`make-tray: sign in to Make in your browser: ${url}`);
      await openInBrowser(url).catch(() => log('make-tray: no browser could be opened; open the address above yourself.'));
    });

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
      oauthSettings,
      openExternal: openSignInPage,
      ...(options.oauthTimeoutMs !== undefined ? { oauthTimeoutMs: options.oauthTimeoutMs } : {}),
      isDemoTarget,
      signal: shutdown.signal,
      onConnected: (account) => {
        if (secrets.kind === 'session' && !account.demo) {
          contract?.emit('toast', { kind: 'warning', message: `${keychainProblem ?? 'No system keychain is in use.'} ${SESSION_ONLY}`, key: null });
        }
      },
      onOAuthFinished: (outcome) => {
        if (outcome.ok) {
          contract?.emit('toast', { kind: 'success', message: `Signed in to Make as ${outcome.account.userName} (${outcome.account.zone}).`, key: null });
        } else {
          contract?.emit('command.error', { channel: 'accounts.startOAuth', error: outcome.error });
        }
      },
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
    registry,
    demo,
    secretStore: secrets.kind,
    keychainProblem,
    oauthProblem,
    async close() {
      shutdown.abort();
      await server.close();
      c.close();
      await engine.stop();
      for (const f of cleanups.reverse()) await f().catch(() => undefined);
      if (ownsSecrets && secrets instanceof SessionSecretStore) secrets.clear();
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
