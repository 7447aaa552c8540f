// The one composition of Make Tray's main side, shared by the Electron app and the browser dashboard:
// settings, the secret store, the account registry, the demo decision and the demo world, the engine
// and the contract host. No Electron import: each entry point brings its own way to open a browser,
// its own OS notifier and its own keychain probe runner, and an integration test runs it under Node.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SystemClock, type Clock } from '../../../shared/clock';
import type { Settings } from '../../../shared/contract-schemas';
import type { ScenarioKey } from '../../../shared/domain';
import {
  AccountRegistry,
  DEFAULT_OAUTH_SCOPES,
  DemoHandover,
  OAUTH_SETTINGS_FILE,
  readOAuthSettings,
  type EngineAccount,
  type EngineAccountsPort,
  type OAuthClientSettings,
} from '../accounts';
import { DiskCacheFile } from '../cache/disk-cache-file';
import { accountsCommandPort, type AccountTarget } from '../commands/accounts-adapter';
import { createContractHost, type ContractHost } from '../commands/contract-host';
import { openSettingsFile, type SettingsFile } from '../commands/settings-file';
import { createEngine, type AccountConfig, type Engine, type EngineSettings, type Notifier } from '../engine';
import type { EngineStore } from '../state';
import { apiTokenCredential, ZonePools } from '../make';
import { openSecretStore, SessionSecretStore, type KeychainProbeRunner, type KeychainStatus, type SecretStore } from '../secrets';

/** A Make-compatible world the engine watches with demo accounts (the simulator's demo or test world). */
export interface DemoWorld {
  accounts: { id: string; baseUrl: string; token: string }[];
  /** The world's OAuth authorization server and demo client: browser sign-in on its zones. */
  oauth?: { authorizationServer: string; clientId: string };
  /** Runs on shutdown (e.g. stops the simulator). */
  close?: () => Promise<void>;
}

export interface ComposeOptions {
  /** Where accounts, settings and `oauth.json` are kept. */
  dataDir: string;
  /** Offline cache folder. Default: `<dataDir>/cache` (a temporary folder for the demo world). */
  cacheDir?: string;
  /** The engine's clock (a virtual one in tests). */
  clock?: Clock;
  /** Paces patches to the windows; real time by default. */
  uiClock?: Clock;
  coalesceMs?: number;
  /**
   * The world demo accounts watch when the user has no accounts (or `forceDemo`). A function is called
   * only when the demo is needed; the world's `close` runs on shutdown. Absent: never a demo.
   */
  demoWorld?: DemoWorld | (() => Promise<DemoWorld>);
  /** Use the demo world even when the user has accounts (they wait until the user connects one). */
  forceDemo?: boolean;
  /** Where secrets go. Default: the OS keychain when the probe finds it working, else session-only memory. */
  secrets?: SecretStore;
  /** Keep secrets in memory only: never touches the OS keychain. */
  sessionSecrets?: boolean;
  /** How the keychain probe runs (see `openAppSecretStore`). */
  keychainProbeRunner?: KeychainProbeRunner;
  /** Opens a page the user asked for (already checked by the command handler). */
  openExternal(url: string): Promise<void>;
  /** Opens a browser sign-in page (never an embedded window). Default: `openExternal`. */
  openSignInPage?: (url: string) => Promise<void>;
  /** Absent where there is no separate main window (the dashboard is that window). */
  openMainWindow?: (key?: ScenarioKey) => void;
  /** The OS notifier, made once the engine's store exists (so it can read the state from the start). */
  notifier?: (store: EngineStore) => Notifier;
  /** How long a browser sign-in may take (default 5 minutes). */
  oauthTimeoutMs?: number;
  /** In demo mode (not forced): the user connected an account of their own. */
  onOwnAccountAdded?: () => void;
  log?: (line: string) => void;
}

export interface ComposedApp {
  readonly engine: Engine;
  readonly contract: ContractHost;
  readonly registry: AccountRegistry;
  readonly settings: SettingsFile;
  /** Whether it started on the demo world (connecting an account of the user's own ends the demo). */
  readonly demo: boolean;
  readonly cacheDir: string;
  /** 'session' = no working keychain: connected accounts are forgotten when the app stops. */
  readonly secretStore: SecretStore['kind'];
  /** Why there is no keychain (null when there is one or it was not asked). */
  readonly keychainProblem: string | null;
  /** Why browser sign-in is not set up for Make (null when it is, from `oauth.json`). */
  readonly oauthProblem: string | null;
  /** Starts the engine: shows the cache, discovers, polls. */
  start(): Promise<void>;
  /** Runs `step` first on close (e.g. the dashboard's server), before the engine stops. */
  beforeClose(step: () => unknown): void;
  /** Every step runs even when one fails (each failure is logged); idempotent. */
  close(): Promise<void>;
}

export const toEngineSettings = (s: Settings): EngineSettings => ({
  budgetShare: s.pollingShare,
  notifyOn: { failure: s.notify.failure, warning: s.notify.warning, offByMake: s.notify.offByMake, fixed: s.notify.fixed },
  summaryThreshold: s.notify.summaryThreshold,
});

const SESSION_ONLY = 'Accounts you connect are kept only until Make Tray quits.';

/**
 * The OS keychain when it answers, else memory only. The check runs out of process with a deadline:
 * a keyring call that D-Bus accepts but never answers blocks the calling thread, so it must never run
 * in main first. A packaged Electron has the RunAsNode fuse off, so main passes a runner built on
 * `utilityProcess.fork`; under Node the default runner forks Node itself.
 */
export async function openAppSecretStore(runner?: KeychainProbeRunner): Promise<{ store: SecretStore; keychain: KeychainStatus }> {
  return openSecretStore({ callTimeoutMs: 5_000, ...(runner && { runner }) });
}

/** The secret store for these options, and why there is no keychain (null when there is or it was not asked). */
export async function chooseSecretStore(
  options: Pick<ComposeOptions, 'secrets' | 'sessionSecrets' | 'keychainProbeRunner'>,
): Promise<{ store: SecretStore; problem: string | null }> {
  if (options.secrets) return { store: options.secrets, problem: null };
  if (options.sessionSecrets) return { store: new SessionSecretStore(), problem: null };
  const { store, keychain } = await openAppSecretStore(options.keychainProbeRunner);
  return { store, problem: keychain.available ? null : keychain.message };
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Builds everything (nothing polls yet: call `start`). */
export async function composeApp(options: ComposeOptions): Promise<ComposedApp> {
  const log = options.log ?? ((line: string) => console.error(line));
  const clock = options.clock ?? new SystemClock();
  const { dataDir } = options;
  const files = new DiskCacheFile(dataDir);

  // Filled as things are made, so a failure half-way still releases what exists.
  const cleanups: { name: string; run: () => unknown }[] = [];
  const runSteps = async (steps: { name: string; run: () => unknown }[]) => {
    for (const step of steps) {
      try {
        await step.run();
      } catch (err) {
        log(`make-tray: ${step.name} failed while closing: ${messageOf(err)}`);
      }
    }
  };
  try {
    return await build();
  } catch (err) {
    await runSteps(cleanups.reverse());
    throw err;
  }

  async function build(): Promise<ComposedApp> {
    const settings = await openSettingsFile(files);
    const { store: secrets, problem: keychainProblem } = await chooseSecretStore(options);
    const ownsSecrets = options.secrets === undefined;
    if (ownsSecrets && secrets instanceof SessionSecretStore) cleanups.push({ name: 'forgetting session secrets', run: () => secrets.clear() });
    if (keychainProblem) log(`make-tray: ${keychainProblem} ${SESSION_ONLY}`);

    const pools = new ZonePools();
    cleanups.push({ name: 'closing connections', run: () => pools.close() });
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
    const demo = !!options.demoWorld && (options.forceDemo === true || registry.list().length === 0);

    let cacheDir = options.cacheDir ?? join(dataDir, 'cache');
    let world: DemoWorld | null = null;
    if (demo && options.demoWorld) {
      // The demo world is new every launch: its cache must not outlive it.
      if (!options.cacheDir) {
        const dir = await mkdtemp(join(tmpdir(), 'make-tray-demo-cache-'));
        cacheDir = dir;
        cleanups.push({ name: 'removing the demo cache', run: () => rm(dir, { recursive: true, force: true }) });
      }
      const w = typeof options.demoWorld === 'function' ? await options.demoWorld() : options.demoWorld;
      const closeWorld = w.close;
      if (closeWorld) cleanups.push({ name: 'stopping the demo world', run: () => closeWorld() });
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

    let contract: ContractHost | null = null;
    let osNotifier: Notifier | null = null;
    const engine = createEngine({
      clock,
      accounts: demo ? demoAccounts : [...savedAccounts.values()],
      cacheDir,
      notifier: {
        notify: async (spec) => {
          contract?.emit('notification', spec);
          await osNotifier?.notify(spec);
        },
      },
      settings: toEngineSettings(settings.get()),
    });
    osNotifier = options.notifier?.(engine.store) ?? null;

    // While the demo runs, the user's saved accounts (only when forced) wait; their first own connect ends it.
    accountsTarget = demo
      ? new DemoHandover({
          engine,
          demoAccountIds: demoAccounts.map((a) => a.id),
          waiting: [...savedAccounts.values()],
          onDemoEnded: () => engine.store.setDemo(false),
        })
      : engine;
    registry.onEvent((event) => {
      if (event.type !== 'needs-sign-in') return;
      engine.store.setAccountStatus(event.accountId, 'needs-sign-in', event.message);
      contract?.emit('toast', { kind: 'warning', message: event.message, key: null });
    });
    if (demo && !options.forceDemo && options.onOwnAccountAdded) {
      const leave = options.onOwnAccountAdded;
      const off = registry.onEvent((e) => {
        if (e.type === 'changed' && registry.get(e.accountId)?.demo === false) {
          off();
          leave();
        }
      });
    }

    // Browser sign-in: the demo world's own authorization server on its zones, `oauth.json` elsewhere.
    const fromFile = await readOAuthSettings(files);
    const oauthProblem = fromFile.problem ?? (fromFile.settings ? null : `Browser sign-in is not set up: no ${OAUTH_SETTINGS_FILE} in ${dataDir}.`);
    if (fromFile.problem) log(`make-tray: ${fromFile.problem}`);
    const demoOAuth: OAuthClientSettings | null = world?.oauth ? { ...world.oauth, scopes: DEFAULT_OAUTH_SCOPES } : null;
    const oauthSettings = (t: AccountTarget): OAuthClientSettings | null => (isDemoTarget(t) ? demoOAuth : fromFile.settings);

    const host = createContractHost({
      state: engine.store,
      // Patch coalescing paces the windows, in real time even when the engine runs on a virtual clock.
      clock: options.uiClock ?? new SystemClock(),
      ...(options.coalesceMs !== undefined ? { coalesceMs: options.coalesceMs } : {}),
      engine,
      settings,
      accounts: accountsCommandPort({
        registry,
        state: () => engine.store.getState(),
        setOrgMonitoredInState: (orgKey, monitored) => engine.store.setOrgMonitored(orgKey, monitored),
        oauthSettings,
        openExternal: options.openSignInPage ?? options.openExternal,
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
        openExternal: options.openExternal,
        ...(options.openMainWindow ? { openMainWindow: options.openMainWindow } : {}),
      },
      log,
    });
    contract = host;
    // What went wrong reading the saved accounts is the user's business, not only the log's.
    for (const problem of started.problems) host.emit('toast', { kind: 'warning', message: problem, key: null });

    const first: { name: string; run: () => unknown }[] = [];
    let closing: Promise<void> | null = null;
    return {
      engine,
      contract: host,
      registry,
      settings,
      demo,
      cacheDir,
      secretStore: secrets.kind,
      keychainProblem,
      oauthProblem,
      start: () => engine.start(),
      beforeClose(step) {
        first.push({ name: 'closing', run: step });
      },
      close() {
        closing ??= runSteps([
          // Sign-ins in progress stop waiting for their browser.
          { name: 'ending sign-ins', run: () => shutdown.abort() },
          ...first,
          { name: 'closing the contract host', run: () => host.close() },
          // Stops polling, aborts requests and writes the cache.
          { name: 'stopping the engine', run: () => engine.stop() },
          ...cleanups.reverse(),
        ]);
        return closing;
      },
    };
  }
}

