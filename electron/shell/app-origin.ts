// The renderer's origin: `app://make-tray`, a privileged (standard + secure) custom scheme served from
// dist/renderer. Never file://, whose origin would be every file on the disk.
export const APP_SCHEME = 'app';
export const APP_HOST = 'make-tray';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

export const MAIN_PAGE = `${APP_ORIGIN}/index.html`;
export const POPOVER_PAGE = `${APP_ORIGIN}/popover.html`;

/** True for `app://make-tray/...` exactly (no credentials, no port, no other host). */
export function isAppUrl(raw: unknown): boolean {
  if (typeof raw !== 'string') return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST && url.username === '' && url.password === '';
}

/** `registerSchemesAsPrivileged` entry: a standard, secure origin with fetch; no CSP bypass, no CORS. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false, stream: false },
} as const;
