// Start at login, wake-up and network changes (the pure parts and thin installers).
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { App, PowerMonitor } from 'electron';

/** macOS and Windows: Electron's login item. `--hidden` starts in the tray without a window. */
export function loginItemSettings(startAtLogin: boolean): { openAtLogin: boolean; args: string[] } {
  return { openAtLogin: startAtLogin, args: startAtLogin ? ['--hidden'] : [] };
}

/** Linux has no login-item API: an XDG autostart entry does the same. */
export function autostartDesktopEntry(execPath: string, appPath: string | null): string {
  const quote = (s: string) => `"${s.replace(/(["`$\\])/g, '\\$1')}"`;
  const exec = [quote(execPath), ...(appPath ? [quote(appPath)] : []), '--hidden'].join(' ');
  return ['[Desktop Entry]', 'Type=Application', 'Name=Make Tray', 'Comment=Watches your Make scenarios', `Exec=${exec}`, 'X-GNOME-Autostart-enabled=true', 'Terminal=false', ''].join(
    '\n',
  );
}

export const AUTOSTART_FILE = 'make-tray.desktop';

export async function applyStartAtLogin(
  app: Pick<App, 'setLoginItemSettings' | 'isPackaged' | 'getAppPath'>,
  platform: NodeJS.Platform,
  startAtLogin: boolean,
  env: NodeJS.ProcessEnv = process.env,
  homedir = '',
): Promise<void> {
  if (platform === 'darwin' || platform === 'win32') {
    app.setLoginItemSettings(loginItemSettings(startAtLogin));
    return;
  }
  const dir = join(env.XDG_CONFIG_HOME ?? join(homedir, '.config'), 'autostart');
  const file = join(dir, AUTOSTART_FILE);
  if (!startAtLogin) {
    await rm(file, { force: true });
    return;
  }
  await mkdir(dir, { recursive: true });
  const execPath = env.APPIMAGE ?? process.execPath;
  await writeFile(file, autostartDesktopEntry(execPath, app.isPackaged ? null : app.getAppPath()), { mode: 0o644 });
}

/** True when the app was started at login (`--hidden`): stay in the tray. */
export const startedHidden = (argv: readonly string[]): boolean => argv.includes('--hidden');

export interface OnlineWatcher {
  stop(): void;
}

/**
 * Electron has no network-change event in main; `net.isOnline()` is cheap, so look every few seconds
 * and tell the engine on a change (it then polls at once instead of waiting out its back-off).
 */
export function watchOnline(isOnline: () => boolean, onChange: (online: boolean) => void, everyMs = 5_000): OnlineWatcher {
  let last = isOnline();
  const timer = setInterval(() => {
    const now = isOnline();
    if (now !== last) {
      last = now;
      onChange(now);
    }
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}

export interface WakeTarget {
  resumed(): void;
  networkChanged(): void;
}

/** Resume from sleep and unlocking the screen: look now. */
export function installPowerHooks(powerMonitor: PowerMonitor, engine: WakeTarget): void {
  powerMonitor.on('resume', () => engine.resumed());
  powerMonitor.on('unlock-screen', () => engine.resumed());
}
