// The tray icon and its menu (thin): the icon, tooltip and menu are the pure functions' output; this
// binds them to Electron's Tray and rebuilds only when what they say changed.
import type { MenuItemConstructorOptions, NativeImage, Rectangle, Tray as ElectronTray } from 'electron';
import type { EngineState, Millis } from '../../shared/domain';
import { trayIconState, trayMenuModel, trayTooltip, type MenuItemModel, type TrayAction, type TrayMenuSettings, type TrayStatus } from '../core/tray';
import { trayIconFileFor } from './tray-icon-files';

/** The Electron menu template for a model (pure: clicks call `run` with the item's action). */
export function toMenuTemplate(items: readonly MenuItemModel[], run: (action: TrayAction, id: string) => void): MenuItemConstructorOptions[] {
  return items.map((item): MenuItemConstructorOptions => {
    if (item.kind === 'separator') return { id: item.id, type: 'separator' };
    if (item.kind === 'submenu') return { id: item.id, label: item.label, enabled: item.enabled, submenu: toMenuTemplate(item.submenu ?? [], run) };
    const action = item.action;
    return {
      id: item.id,
      label: item.label,
      enabled: item.enabled,
      ...(action ? { click: () => run(action, item.id) } : {}),
    };
  });
}

/**
 * Left click: the popover where Electron reports the icon's position and click (macOS, Windows); the
 * menu on Linux, where AppIndicator panels only ever show the context menu.
 */
export const leftClickOpensMenu = (platform: NodeJS.Platform): boolean => platform === 'linux';

export interface TrayView {
  status: TrayStatus;
  menu: MenuItemModel[];
  tooltip: string;
  iconFile: string;
}

/** Everything the tray shows for a state (pure). */
export function trayView(state: EngineState, settings: TrayMenuSettings, now: Millis, platform: NodeJS.Platform, darkTaskbar: boolean): TrayView {
  const status = trayIconState(state, now);
  return {
    status,
    menu: trayMenuModel(state, settings, now),
    tooltip: trayTooltip(state, settings, now),
    iconFile: trayIconFileFor(status.icon, platform, darkTaskbar),
  };
}

export interface TrayControllerDeps {
  tray: ElectronTray;
  platform: NodeJS.Platform;
  buildMenu(template: MenuItemConstructorOptions[]): Electron.Menu;
  loadIcon(file: string): NativeImage;
  view(): TrayView;
  run(action: TrayAction, id: string): void;
  togglePopover(bounds: Rectangle): void;
}

export interface TrayController {
  /** Re-reads the view and updates what changed. */
  update(): void;
  current(): TrayView;
}

export function createTrayController(deps: TrayControllerDeps): TrayController {
  const { tray, platform } = deps;
  let shown: TrayView | null = null;
  let menuKey = '';
  let menu: Electron.Menu | null = null;

  const update = () => {
    const next = deps.view();
    if (next.iconFile !== shown?.iconFile) {
      const image = deps.loadIcon(next.iconFile);
      if (platform === 'darwin') image.setTemplateImage(true);
      tray.setImage(image);
    }
    if (next.tooltip !== shown?.tooltip) tray.setToolTip(next.tooltip);
    // macOS shows text beside the icon: the failing count says how bad at a glance.
    if (platform === 'darwin' && next.status.failing !== shown?.status.failing) tray.setTitle(next.status.failing > 0 ? String(next.status.failing) : '');
    const key = JSON.stringify(next.menu);
    if (key !== menuKey) {
      menuKey = key;
      menu = deps.buildMenu(toMenuTemplate(next.menu, deps.run));
      if (leftClickOpensMenu(platform)) tray.setContextMenu(menu);
    }
    shown = next;
  };

  if (!leftClickOpensMenu(platform)) {
    tray.on('click', (_event, bounds) => deps.togglePopover(bounds));
    tray.on('right-click', () => {
      if (menu) tray.popUpContextMenu(menu);
    });
  }
  update();
  return { update, current: () => shown ?? deps.view() };
}
