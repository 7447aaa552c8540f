// The popover and the main window (thin). Both load our app:// pages only (every WebContents is
// hardened app-wide, see security.ts); the main window brings the app into the dock/taskbar while it is
// open, and the app leaves them again when it closes.
import type { App, BrowserWindow as ElectronBrowserWindow, Rectangle, Screen } from 'electron';
import type { ScenarioKey } from '../../shared/domain';
import { MAIN_PAGE, POPOVER_PAGE } from './app-origin';
import type { FrameLike } from './ipc';
import type { EventTarget } from './ipc';
import { popoverPosition } from './popover-position';
import { mainWindowOptions, popoverWindowOptions, POPOVER_SIZE } from './window-options';

/** The main page's address: `#scenario=<key>` or `#view=settings` tell the renderer where to start. */
export function mainPageUrl(target: { scenario?: ScenarioKey; view?: 'settings' } = {}): string {
  const hash = new URLSearchParams();
  if (target.scenario) hash.set('scenario', target.scenario);
  if (target.view) hash.set('view', target.view);
  const h = hash.toString();
  return h ? `${MAIN_PAGE}#${h}` : MAIN_PAGE;
}

export interface WindowManagerDeps {
  BrowserWindow: typeof ElectronBrowserWindow;
  app: Pick<App, 'dock'>;
  screen: Pick<Screen, 'getDisplayNearestPoint' | 'getCursorScreenPoint'>;
  preload: string;
  devTools: boolean;
  icon?: string;
}

export class WindowManager {
  private main: ElectronBrowserWindow | null = null;
  private popover: ElectronBrowserWindow | null = null;
  private popoverHiddenAt = 0;

  constructor(private readonly deps: WindowManagerDeps) {}

  showMain(target: { scenario?: ScenarioKey; view?: 'settings' } = {}): void {
    const url = mainPageUrl(target);
    if (this.main && !this.main.isDestroyed()) {
      if (target.scenario || target.view) void this.main.loadURL(url);
      if (this.main.isMinimized()) this.main.restore();
      this.main.show();
      this.main.focus();
      return;
    }
    const win = new this.deps.BrowserWindow(mainWindowOptions(this.deps.preload, { devTools: this.deps.devTools, ...(this.deps.icon ? { icon: this.deps.icon } : {}) }));
    this.main = win;
    void this.deps.app.dock?.show();
    win.once('ready-to-show', () => {
      win.show();
      win.focus();
    });
    win.on('closed', () => {
      this.main = null;
      // Back to a tray-only app: out of the dock.
      this.deps.app.dock?.hide();
    });
    void win.loadURL(url);
    this.popover?.hide();
  }

  /** Shows the popover next to the tray icon, or hides it when it is showing. */
  togglePopover(trayBounds: Rectangle): void {
    const win = this.ensurePopover();
    // A click on the tray icon first blurs (and so hides) the popover: don't reopen it at once.
    if (win.isVisible() || Date.now() - this.popoverHiddenAt < 250) {
      win.hide();
      return;
    }
    const anchor =
      trayBounds.width > 0 ? { x: trayBounds.x + Math.round(trayBounds.width / 2), y: trayBounds.y + Math.round(trayBounds.height / 2) } : this.deps.screen.getCursorScreenPoint();
    const { workArea } = this.deps.screen.getDisplayNearestPoint(anchor);
    const { x, y } = popoverPosition(trayBounds, POPOVER_SIZE, workArea);
    win.setPosition(x, y, false);
    win.show();
    win.focus();
  }

  private ensurePopover(): ElectronBrowserWindow {
    if (this.popover && !this.popover.isDestroyed()) return this.popover;
    const win = new this.deps.BrowserWindow(popoverWindowOptions(this.deps.preload, { devTools: this.deps.devTools }));
    win.setVisibleOnAllWorkspaces(true, { visibleOnFullScreen: true });
    win.on('blur', () => {
      if (!win.webContents.isDevToolsOpened()) {
        win.hide();
        this.popoverHiddenAt = Date.now();
      }
    });
    win.on('closed', () => {
      if (this.popover === win) this.popover = null;
    });
    void win.loadURL(POPOVER_PAGE);
    this.popover = win;
    return win;
  }

  /** Main frames of our windows (the IPC sender check accepts only these). */
  mainFrames(): FrameLike[] {
    return this.windows().map((w) => w.webContents.mainFrame);
  }

  /** Where events go. */
  eventTargets(): EventTarget[] {
    return this.windows().map((w) => w.webContents);
  }

  hasVisibleWindow(): boolean {
    return this.windows().some((w) => w.isVisible());
  }

  closeAll(): void {
    for (const w of this.windows()) w.destroy();
  }

  private windows(): ElectronBrowserWindow[] {
    return [this.main, this.popover].filter((w): w is ElectronBrowserWindow => w !== null && !w.isDestroyed());
  }
}
