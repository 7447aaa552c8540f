// The browser dashboard: the shared composition (engine on the user's accounts or the demo world,
// account registry, contract host) behind the HTTP/WebSocket server, opening pages in the desktop's
// browser.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Clock } from '../../shared/clock';
import type { AccountRegistry } from '../core/accounts';
import { composeApp, type DemoWorld } from '../core/app/compose';
import { openInBrowser } from '../core/app/open-in-browser';
import type { ContractHost } from '../core/commands/contract-host';
import type { Engine } from '../core/engine';
import type { SecretStore } from '../core/secrets';
import { startDashboardServer, type DashboardServer } from './server';

export type { DemoWorld } from '../core/app/compose';
export { openInBrowser } from '../core/app/open-in-browser';

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
  demoWorld?: DemoWorld | (() => Promise<DemoWorld>);
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

export const defaultStaticDir = (): string => fileURLToPath(new URL('../../dist/renderer', import.meta.url));

export async function startDashboard(options: DashboardOptions = {}): Promise<Dashboard> {
  const log = options.log ?? ((line: string) => console.error(line));
  const dataDir = options.dataDir ?? defaultDataDir();
  const app = await composeApp({
    dataDir,
    ...(options.cacheDir !== undefined && { cacheDir: options.cacheDir }),
    ...(options.clock && { clock: options.clock }),
    ...(options.uiClock && { uiClock: options.uiClock }),
    ...(options.coalesceMs !== undefined && { coalesceMs: options.coalesceMs }),
    ...(options.demoWorld && { demoWorld: options.demoWorld }),
    ...(options.forceDemo !== undefined && { forceDemo: options.forceDemo }),
    ...(options.secrets && { secrets: options.secrets }),
    ...(options.sessionSecrets !== undefined && { sessionSecrets: options.sessionSecrets }),
    ...(options.oauthTimeoutMs !== undefined && { oauthTimeoutMs: options.oauthTimeoutMs }),
    // The dashboard runs on the user's own machine: hand the URL to the desktop's browser.
    openExternal: (url) => openInBrowser(url),
    openSignInPage:
      options.openSignInPage ??
      (async (url: string) => {
        // Printed too, so sign-in works where no browser can be started (a remote shell).
        log(`make-tray: sign in to Make in your browser: ${url}`);
        await openInBrowser(url).catch(() => log('make-tray: no browser could be opened; open the address above yourself.'));
      }),
    log,
  });

  let server: DashboardServer;
  try {
    server = await startDashboardServer({
      contract: app.contract,
      staticDir: options.staticDir ?? defaultStaticDir(),
      port: options.port ?? 0,
      ...(options.secret ? { secret: options.secret } : {}),
    });
    app.beforeClose(() => server.close());
    await app.start();
  } catch (err) {
    await app.close();
    throw err;
  }

  return {
    url: server.url,
    server,
    engine: app.engine,
    contract: app.contract,
    registry: app.registry,
    demo: app.demo,
    secretStore: app.secretStore,
    keychainProblem: app.keychainProblem,
    oauthProblem: app.oauthProblem,
    close: () => app.close(),
  };
}
