// The two windows' options (pure), both with the hardened webPreferences.
import type { BrowserWindowConstructorOptions } from 'electron';
import { secureWebPreferences } from './security';

export const POPOVER_SIZE = { width: 380, height: 520 } as const;

/** A small frameless panel that hides when it loses focus; never in the taskbar or the window switcher. */
export function popoverWindowOptions(preload: string, opts: { devTools?: boolean } = {}): BrowserWindowConstructorOptions {
  return {
    ...POPOVER_SIZE,
    show: false,
    frame: false,
    resizable: false,
    movable: false,
    minimizable: false,
    maximizable: false,
    fullscreenable: false,
    skipTaskbar: true,
    alwaysOnTop: true,
    transparent: false,
    title: 'Make Tray',
    webPreferences: secureWebPreferences(preload, opts),
  };
}

export function mainWindowOptions(preload: string, opts: { devTools?: boolean; icon?: string } = {}): BrowserWindowConstructorOptions {
  return {
    width: 1100,
    height: 720,
    minWidth: 720,
    minHeight: 480,
    show: false,
    title: 'Make Tray',
    ...(opts.icon ? { icon: opts.icon } : {}),
    webPreferences: secureWebPreferences(preload, opts.devTools === undefined ? {} : { devTools: opts.devTools }),
  };
}
