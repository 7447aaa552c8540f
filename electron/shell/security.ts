// The Electron security checklist as values and handlers that tests assert on without Electron, and a
// thin installer that applies them (it takes Electron's objects as parameters; this module only imports
// Electron's types, so it loads under plain Node).
import type { App, Event, HandlerDetails, Session, WebContents, WebPreferences, WindowOpenHandlerResponse } from 'electron';
import { isAppUrl } from './app-origin';

export { APP_HOST, APP_ORIGIN, APP_SCHEME, isAppUrl } from './app-origin';

/**
 * Every window's webPreferences. Node stays out of the page (the preload runs sandboxed and exposes one
 * narrow object through the context bridge); web security stays on; nothing experimental.
 */
export function secureWebPreferences(preload: string, options: { devTools?: boolean } = {}): WebPreferences {
  return {
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools: options.devTools ?? false,
  };
}

/**
 * The page's policy, sent as a response header by the app:// protocol: only the app's own files, no
 * inline script, no network (all data comes over IPC), nothing framed, no plugins, no forms, no base.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'none'",
  "worker-src 'none'",
  "frame-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** Headers on every app:// response. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), serial=(), hid=(), bluetooth=()',
  'Cache-Control': 'no-store',
};

/** Opens a URL in the user's browser if (and only if) the allowlist accepts it. */
export type OpenExternalIfAllowed = (url: string) => void;

/** `setWindowOpenHandler`: no window is ever opened by a page; an allowed Make link goes to the browser. */
export function createWindowOpenHandler(openExternal: OpenExternalIfAllowed): (details: HandlerDetails) => WindowOpenHandlerResponse {
  return (details) => {
    openExternal(details.url);
    return { action: 'deny' };
  };
}

/** `will-navigate` / `will-redirect` / `will-frame-navigate`: the page never leaves the app's own files. */
export function createNavigationGuard(openExternal: OpenExternalIfAllowed): (event: { preventDefault(): void; url?: string }, url?: string) => void {
  return (event, url) => {
    const target = url ?? event.url ?? '';
    // Same-document navigation (hash changes) doesn't fire will-navigate; a real load of another app
    // page would drop the preload's state, and nothing in the app needs it: deny everything.
    event.preventDefault();
    if (!isAppUrl(target)) openExternal(target);
  };
}

/** `will-attach-webview`: no <webview> (also off in webPreferences). */
export const denyWebviewAttach = (event: { preventDefault(): void }): void => event.preventDefault();

/** `session.setPermissionRequestHandler`: camera, notifications, geolocation, …: no. */
export const denyPermissionRequest = (_webContents: unknown, _permission: string, callback: (granted: boolean) => void): void => callback(false);

/** `session.setPermissionCheckHandler`: no. */
export const denyPermissionCheck = (): boolean => false;

/** The handlers the installers attach, by event, so a test can check each one denies. */
export interface HardeningHandlers {
  windowOpen: ReturnType<typeof createWindowOpenHandler>;
  navigate: ReturnType<typeof createNavigationGuard>;
  attachWebview: typeof denyWebviewAttach;
  permissionRequest: typeof denyPermissionRequest;
  permissionCheck: typeof denyPermissionCheck;
}

export function hardeningHandlers(openExternal: OpenExternalIfAllowed): HardeningHandlers {
  return {
    windowOpen: createWindowOpenHandler(openExternal),
    navigate: createNavigationGuard(openExternal),
    attachWebview: denyWebviewAttach,
    permissionRequest: denyPermissionRequest,
    permissionCheck: denyPermissionCheck,
  };
}

/** Applies the handlers to one WebContents (every one the app creates: see installAppHardening). */
export function hardenWebContents(contents: WebContents, handlers: HardeningHandlers): void {
  contents.setWindowOpenHandler(handlers.windowOpen);
  contents.on('will-navigate', (event: Event, url: string) => handlers.navigate(event, url));
  contents.on('will-redirect', (event: Event, url: string) => handlers.navigate(event, url));
  contents.on('will-frame-navigate', (event) => handlers.navigate(event, event.url));
  contents.on('will-attach-webview', handlers.attachWebview);
}

/** Session-wide: deny every permission; no device access. */
export function hardenSession(session: Session, handlers: HardeningHandlers): void {
  session.setPermissionRequestHandler(handlers.permissionRequest);
  session.setPermissionCheckHandler(handlers.permissionCheck);
  session.setDevicePermissionHandler(() => false);
  session.setDisplayMediaRequestHandler((_request, callback) => callback({}));
}

/** Hardens every WebContents the app ever creates, including ones a bug might create later. */
export function installAppHardening(app: App, handlers: HardeningHandlers): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, handlers));
}

