// A stand-in for the `electron` module, for running the built main bundle under plain Node where the
// Electron binary can't be had. It records what main asks of Electron, starts "ready" at once, and
// then drives the app from outside (ipc, protocol, tray hook, quit) like a user and a page would,
// writing what it saw to $STUB_REPORT. Only the wiring is under test here: every decision main makes
// is a pure function with its own tests.
import { EventEmitter } from 'node:events';
import { writeFileSync } from 'node:fs';
import { fork } from 'node:child_process';

const calls = [];
const record = (name, ...args) => calls.push([name, ...args.map((a) => (typeof a === 'function' ? '[function]' : a))]);
const report = { calls, checks: {}, errors: [] };

class Emitter extends EventEmitter {}

// ---- app
const appEvents = new Emitter();
let quitting = false;
export const app = Object.assign(appEvents, {
  isPackaged: false,
  dock: undefined,
  getAppPath: () => process.env.STUB_APP_PATH,
  getPath: (name) => (name === 'home' ? process.env.STUB_APP_PATH : `${process.env.STUB_APP_PATH}/${name}`),
  setPath: (...a) => record('app.setPath', ...a),
  enableSandbox: () => record('app.enableSandbox'),
  setAppUserModelId: () => undefined,
  requestSingleInstanceLock: () => {
    record('app.requestSingleInstanceLock');
    return process.env.STUB_LOCK !== '0';
  },
  whenReady: () => new Promise((resolve) => setTimeout(resolve, 10)),
  getPreferredSystemLanguages: () => ['ja-JP', 'en-US'],
  setLoginItemSettings: (s) => record('app.setLoginItemSettings', s),
  relaunch: () => record('app.relaunch'),
  quit: () => {
    record('app.quit');
    if (quitting) return;
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    appEvents.emit('before-quit', event);
    if (event.defaultPrevented) return record('before-quit prevented');
    quitting = true;
    finish(0);
  },
  exit: (code) => finish(code),
});
const originalOn = appEvents.on.bind(appEvents);
appEvents.on = (name, listener) => {
  record('app.on', name);
  return originalOn(name, listener);
};

// ---- protocol, session
const protocolHandlers = new Map();
export const protocol = {
  registerSchemesAsPrivileged: (s) => record('protocol.registerSchemesAsPrivileged', s),
};
export const session = {
  defaultSession: {
    protocol: { handle: (scheme, h) => (record('session.protocol.handle', scheme), protocolHandlers.set(scheme, h)) },
    setPermissionRequestHandler: (h) => ((report.permissionRequest = h), record('session.setPermissionRequestHandler')),
    setPermissionCheckHandler: (h) => ((report.permissionCheck = h), record('session.setPermissionCheckHandler')),
    setDevicePermissionHandler: () => record('session.setDevicePermissionHandler'),
    setDisplayMediaRequestHandler: () => record('session.setDisplayMediaRequestHandler'),
  },
};

// ---- ipc
const ipcHandlers = new Map();
export const ipcMain = {
  handle: (channel, h) => (record('ipcMain.handle', channel), ipcHandlers.set(channel, h)),
  removeHandler: (channel) => ipcHandlers.delete(channel),
};

// ---- windows
let nextProcess = 10;
const windows = [];
class WebContents extends Emitter {
  constructor() {
    super();
    this.mainFrame = { url: '', parent: null, processId: nextProcess++, routingId: 1 };
    this.sent = [];
  }
  isDestroyed() { return false; }
  getURL() { return this.mainFrame.url; }
  send(channel, message) { this.sent.push([channel, message]); }
  isDevToolsOpened() { return false; }
  setWindowOpenHandler(h) { this.windowOpenHandler = h; }
}
export class BrowserWindow extends Emitter {
  constructor(options) {
    super();
    record('new BrowserWindow', { ...options, webPreferences: { ...options.webPreferences } });
    this.options = options;
    this.webContents = new WebContents();
    this.visible = false;
    windows.push(this);
    appEvents.emit('web-contents-created', {}, this.webContents);
  }
  loadURL(url) { this.webContents.mainFrame.url = url; record('loadURL', url); setTimeout(() => this.emit('ready-to-show'), 1); return Promise.resolve(); }
  show() { this.visible = true; }
  hide() { this.visible = false; }
  focus() {}
  isVisible() { return this.visible; }
  isDestroyed() { return false; }
  isMinimized() { return false; }
  restore() {}
  destroy() { this.emit('closed'); }
  setPosition() {}
  setVisibleOnAllWorkspaces() {}
}

// ---- tray, menus, images
export class Tray extends Emitter {
  constructor(image) { super(); this.image = image; report.tray = this; }
  setImage(image) { this.image = image; }
  setToolTip(t) { this.tooltip = t; }
  setTitle(t) { this.title = t; }
  setContextMenu(m) { this.menu = m; }
  popUpContextMenu() {}
  isDestroyed() { return false; }
  destroy() { record('tray.destroy'); }
}
export const Menu = { buildFromTemplate: (template) => ({ template }) };
export const nativeImage = { createFromPath: (path) => ({ path, setTemplateImage() {} }) };
export const nativeTheme = Object.assign(new Emitter(), { shouldUseDarkColors: false });
export class Notification extends Emitter {
  static isSupported() { return true; }
  constructor(o) { super(); record('new Notification', o); }
  show() {}
}
export const powerMonitor = Object.assign(new Emitter(), {});
const pmOn = powerMonitor.on.bind(powerMonitor);
powerMonitor.on = (name, l) => (record('powerMonitor.on', name), pmOn(name, l));
export const net = { isOnline: () => true };
export const screen = { getDisplayNearestPoint: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }), getCursorScreenPoint: () => ({ x: 0, y: 0 }) };
export const shell = { openExternal: (url) => (record('shell.openExternal', url), Promise.resolve()) };
export const dialog = { showErrorBox: (t, m) => report.errors.push(`${t}: ${m}`) };
// Electron's utilityProcess.fork starts a Node child much like child_process.fork.
export const utilityProcess = {
  fork: (modulePath, args, options) => (record('utilityProcess.fork', options?.serviceName ?? ''), fork(modulePath, args, { ...options, stdio: 'pipe' })),
};
export const contextBridge = {};
export const ipcRenderer = {};
export default { app, protocol, session, ipcMain, BrowserWindow, Tray, Menu, nativeImage, nativeTheme, Notification, powerMonitor, net, screen, shell, dialog, utilityProcess };

// ---- the driver
function finish(code) {
  const { tray } = report;
  report.tray = tray ? { image: tray.image?.path ?? null, tooltip: tray.tooltip ?? null, hasMenu: !!tray.menu } : null;
  delete report.permissionRequest;
  delete report.permissionCheck;
  writeFileSync(process.env.STUB_REPORT, JSON.stringify(report));
  process.exit(code);
}

const deadline = Date.now() + Number(process.env.STUB_DEADLINE_MS ?? 60_000);
async function drive() {
  const hooks = globalThis.__makeTrayTestHooks;
  // Main installs its test hooks before its window exists; drive once both are there.
  if (!hooks || windows.length === 0) {
    if (Date.now() > deadline) {
      report.errors.push('main did not finish starting in time');
      return finish(3);
    }
    return setTimeout(drive, 50);
  }
  const c = report.checks;
  try {
    c.demo = hooks.demo();
    const view = hooks.tray();
    c.trayIcon = view.iconFile;
    c.trayMenuIds = view.menu.map((i) => i.id);
    const main = windows[0];
    c.windowCount = windows.length;
    c.mainUrl = main?.webContents.mainFrame.url ?? null;
    // The protocol serves the renderer with its policy, and refuses a climb out.
    const handler = protocolHandlers.get('app');
    const page = await handler(new Request('app://make-tray/index.html'));
    c.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
    c.climb = (await handler(new Request('app://make-tray/../package.json'))).status;
    // IPC: our window's frame is heard, a stranger is not.
    const invoke = ipcHandlers.get('make-tray:invoke');
    const own = await invoke({ senderFrame: main.webContents.mainFrame }, 'settings.get', {});
    c.ownInvoke = { ok: own.ok, language: own.ok ? own.value.language : null };
    const stranger = await invoke({ senderFrame: { url: 'https://evil.example/', parent: null, processId: 999, routingId: 1 } }, 'settings.get', {});
    c.strangerInvoke = stranger.ok ? 'accepted' : stranger.error.code;
    const invalid = await invoke({ senderFrame: main.webContents.mainFrame }, 'scenario.run', { key: 'not a key' });
    c.invalidInvoke = invalid.ok ? 'accepted' : invalid.error.code;
    // Every WebContents got the hardening.
    const contents = main.webContents;
    c.windowOpen = contents.windowOpenHandler?.({ url: 'https://evil.example/' });
    const nav = { prevented: false, preventDefault() { this.prevented = true; } };
    contents.emit('will-navigate', nav, 'https://evil.example/');
    c.navigationPrevented = nav.prevented;
    const webview = { prevented: false, preventDefault() { this.prevented = true; } };
    contents.emit('will-attach-webview', webview);
    c.webviewPrevented = webview.prevented;
    let granted = null;
    report.permissionRequest?.(contents, 'media', (g) => (granted = g));
    c.permissionGranted = granted;
    c.permissionCheck = report.permissionCheck?.(contents, 'notifications', 'app://make-tray', {});
    // A tray click goes through the same door as a page's command.
    c.trayClick = hooks.clickTrayItem('pause:1h');
    await new Promise((r) => setTimeout(r, 200));
    c.snoozedAfterClick = hooks.tray().menu.find((i) => i.id === 'pause')?.label ?? null;
  } catch (err) {
    report.errors.push(String(err && err.stack ? err.stack : err));
  }
  app.quit();
}
if (process.env.STUB_LOCK !== '0') setTimeout(drive, 50);
else process.on('exit', () => writeFileSync(process.env.STUB_REPORT, JSON.stringify(report)));
