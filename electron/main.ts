// Electron composition root: binds the engine's state and the renderer to Electron. Everything with a
// decision in it lives in pure functions (electron/core/tray, electron/shell/*) tested under Node;
// this file only wires them to Electron's objects.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, nativeImage, nativeTheme, net, Notification, powerMonitor, protocol, screen, session, shell, Tray, utilityProcess } from 'electron';
import { browserLaunch } from './core/app/open-in-browser';
import { accountHosts } from './core/commands/external-url';
import { isAllowedExternalUrl, resolveTrayLocale, type TrayAction } from './core/tray';
import { APP_SCHEME_PRIVILEGES } from './shell/app-origin';
import { installAppProtocol } from './shell/app-protocol';
import { composeAppServices, type AppServices } from './shell/app-services';
import { createNotificationShower } from './shell/electron-notification';
import { forkProbeRunner } from './core/secrets';
import { anyShowsApp, forwardEvent, installIpc } from './shell/ipc';
import { applyStartAtLogin, installPowerHooks, startedHidden, watchOnline } from './shell/lifecycle';
import { createShellNotifier, DecisionLog } from './shell/notifier';
import { hardeningHandlers, hardenSession, installAppHardening } from './shell/security';
import { createTestHooks, installTestHooks, testHooksEnabled } from './shell/test-hooks';
import { createTrayController, trayView, type TrayController } from './shell/tray';
import { WindowManager } from './shell/windows';

const platform = process.platform;
const root = app.getAppPath();
const dist = (...p: string[]) => join(root, 'dist', ...p);
const timeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const log = (line: string) => console.error(line);
/** How long quitting waits for the engine to write its cache before it leaves anyway. */
const QUIT_DEADLINE_MS = 5_000;

// Before `ready`: the renderer's origin, the sandbox for every renderer, one shared data folder with
// the browser dashboard (`make-tray`, whatever the packaged product name).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
app.enableSandbox();
app.setPath('userData', process.env.MAKE_TRAY_DATA_DIR ?? join(app.getPath('appData'), 'make-tray'));
if (platform === 'win32') app.setAppUserModelId('com.maketray.app');

let services: AppServices | null = null;
let windows: WindowManager | null = null;
let tray: Tray | null = null;
let quitting = false;

const allowedHosts = () => (services ? accountHosts(services.engine.store.getState()) : []);
/** The one way a URL reaches the OS browser. */
function openExternalIfAllowed(url: string): boolean {
  if (!isAllowedExternalUrl(url, allowedHosts())) return false;
  void shell.openExternal(url);
  return true;
}

const handlers = hardeningHandlers((url) => void openExternalIfAllowed(url));
installAppHardening(app, handlers);

if (!app.requestSingleInstanceLock()) {
  // Another Make Tray runs: it gets our `second-instance` and shows itself.
  app.quit();
} else {
  app.on('second-instance', () => windows?.showMain());
  // A tray app stays when its windows close.
  app.on('window-all-closed', () => undefined);
  app.on('before-quit', (event) => {
    if (quitting || !services) return;
    event.preventDefault();
    quitting = true;
    // A stuck step (a keychain call, a disk write) must not keep the app from quitting.
    const deadline = new Promise<void>((resolve) => setTimeout(resolve, QUIT_DEADLINE_MS).unref());
    void Promise.race([shutdown().catch(() => undefined), deadline]).finally(() => app.exit(0));
  });
  app.whenReady().then(start, (err: unknown) => fail(err));
}

async function shutdown(): Promise<void> {
  tray?.destroy();
  windows?.closeAll();
  // Stops polling, aborts requests and writes the cache.
  await services?.close();
}

function fail(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  log(`make-tray: could not start: ${message}`);
  dialog.showErrorBox('Make Tray could not start', message);
  app.exit(1);
}

async function start(): Promise<void> {
  try {
    await startInner();
  } catch (err) {
    fail(err);
  }
}

async function startInner(): Promise<void> {
  hardenSession(session.defaultSession, handlers);
  installAppProtocol(session.defaultSession.protocol, dist('renderer'));
  app.dock?.hide();

  const hooks = testHooksEnabled(process.env);
  const decisions = new DecisionLog();
  const locale = () => resolveTrayLocale(services?.settings.get().language ?? 'system', app.getPreferredSystemLanguages());

  const win = new WindowManager({
    BrowserWindow,
    app,
    screen,
    preload: dist('electron', 'preload.cjs'),
    devTools: !app.isPackaged,
    icon: dist('electron', 'icon.png'),
  });
  windows = win;

  const run = (action: TrayAction): void => {
    if (action.kind === 'app') {
      if (action.action === 'quit') app.quit();
      else win.showMain({ view: 'settings' });
      return;
    }
    const { channel, payload } = action.command;
    void services?.contract.handle(channel, payload).then((r) => {
      if (r.ok) return;
      services?.contract.emit('command.error', { channel, error: r.error });
      // Nobody is looking at a window: say it where the click happened.
      if (!win.hasVisibleWindow() && Notification.isSupported()) new Notification({ title: 'Make Tray', body: r.error.message }).show();
    });
  };

  const show = createNotificationShower({
    Notification,
    platform,
    openExternal: openExternalIfAllowed,
    openApp: (key) => win.showMain(key ? { scenario: key } : {}),
    run,
  });

  const forceDemo = process.env.MAKE_TRAY_DEMO === '1';
  services = await composeAppServices({
    dataDir: app.getPath('userData'),
    forceDemo,
    // A forced demo never touches the keychain.
    sessionSecrets: forceDemo,
    keychainProbeRunner: forkProbeRunner({ fork: (path, args, opts) => utilityProcess.fork(path, args, opts) }),
    // Made with the engine's store, so it can read the state from the first notification on.
    notifier: (store) =>
      createShellNotifier({
        state: () => store.getState(),
        locale,
        timeZone,
        now: () => Date.now(),
        show,
        ...(hooks ? { record: decisions.record } : {}),
      }),
    openExternal: async (url) => {
      if (!openExternalIfAllowed(url)) throw new Error('Make Tray only opens pages on Make.');
    },
    // Browser sign-in: the authorization server's page in the system browser, never an embedded window.
    openSignInPage: async (url) => {
      const launch = browserLaunch(url, platform);
      const href = launch?.args[launch.args.length - 1];
      if (!href) throw new Error('The sign-in page address is not a web address.');
      await shell.openExternal(href);
    },
    openMainWindow: (key) => win.showMain(key ? { scenario: key } : {}),
    onOwnAccountAdded: () => {
      // Leave the demo for the user's own account: start afresh on it (and its own cache).
      app.relaunch();
      app.quit();
    },
    log,
  });
  const svc = services;

  installIpc(ipcMain, { mainFrames: () => win.mainFrames(), handle: (c, p) => svc.contract.handle(c, p), log });
  svc.contract.subscribe((event, payload) => forwardEvent(win.eventTargets(), event, payload), {
    watching: () => anyShowsApp(win.eventTargets()),
  });

  // The tray.
  const view = () =>
    trayView(svc.engine.store.getState(), { locale: locale(), timeZone: timeZone() }, Date.now(), platform, nativeTheme.shouldUseDarkColors);
  const firstView = view();
  tray = new Tray(nativeImage.createFromPath(dist('electron', 'tray-icons', firstView.iconFile)));
  const controller: TrayController = createTrayController({
    tray,
    platform,
    buildMenu: (template) => Menu.buildFromTemplate(template),
    loadIcon: (file) => nativeImage.createFromPath(dist('electron', 'tray-icons', file)),
    view,
    run: (action) => run(action),
    togglePopover: (bounds) => win.togglePopover(bounds),
  });
  let pending: ReturnType<typeof setTimeout> | null = null;
  const scheduleTrayUpdate = () => {
    pending ??= setTimeout(() => {
      pending = null;
      if (!tray?.isDestroyed()) controller.update();
    }, 250);
  };
  svc.engine.store.subscribe(scheduleTrayUpdate);
  nativeTheme.on('updated', scheduleTrayUpdate);
  // Snoozes and rate limits end by the clock, not by a state change.
  setInterval(scheduleTrayUpdate, 30_000).unref();

  // Settings that live outside the engine.
  const applyLogin = (on: boolean) =>
    applyStartAtLogin(app, platform, on, process.env, app.getPath('home')).catch((err: unknown) =>
      log(`make-tray: could not change start at login: ${err instanceof Error ? err.message : String(err)}`),
    );
  let startAtLogin = svc.settings.get().startAtLogin;
  svc.settings.onChange((s) => {
    if (s.startAtLogin !== startAtLogin) {
      startAtLogin = s.startAtLogin;
      void applyLogin(s.startAtLogin);
    }
    scheduleTrayUpdate();
  });

  // Wake-ups and network changes: look now.
  installPowerHooks(powerMonitor, svc.engine);
  watchOnline(() => net.isOnline(), () => svc.engine.networkChanged());

  if (hooks) {
    installTestHooks(
      globalThis,
      createTestHooks({
        decisions: () => decisions.decisions,
        trayView: view,
        run: (action) => run(action),
        demo: () => svc.demo,
        state: () => svc.engine.store.getState(),
      }),
    );
  }

  // Everything listens now: show the cache, discover, poll.
  await svc.start();
  if (!startedHidden(process.argv)) win.showMain();
}
