import { describe, expect, it } from 'vitest';
import {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  SECURITY_HEADERS,
  denyPermissionCheck,
  denyPermissionRequest,
  denyWebviewAttach,
  hardeningHandlers,
  isAppUrl,
  secureWebPreferences,
} from '../../../electron/shell/security';
import { APP_SCHEME_PRIVILEGES } from '../../../electron/shell/app-origin';
import { mainWindowOptions, popoverWindowOptions } from '../../../electron/shell/window-options';

const event = (url?: string) => {
  const e = { prevented: false, url, preventDefault() { this.prevented = true; } };
  return e;
};

describe('webPreferences', () => {
  it('isolates the page from Node and keeps web security on', () => {
    const prefs = secureWebPreferences('/app/preload.cjs');
    expect(prefs).toEqual({
      preload: '/app/preload.cjs',
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
      devTools: false,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
    expect(prefs).not.toHaveProperty('additionalArguments');
  });

  it('is what both windows use', () => {
    for (const options of [popoverWindowOptions('/p.cjs'), mainWindowOptions('/p.cjs')]) {
      expect(options.webPreferences).toEqual(secureWebPreferences('/p.cjs'));
      expect(options.show).toBe(false);
    }
    expect(mainWindowOptions('/p.cjs', { devTools: true }).webPreferences?.devTools).toBe(true);
    expect(popoverWindowOptions('/p.cjs')).toMatchObject({ frame: false, skipTaskbar: true, resizable: false });
  });
});

describe('content security policy', () => {
  const directives = new Map(CONTENT_SECURITY_POLICY.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allows only the app’s own files, no inline or eval code, no network', () => {
    expect(directives.get('default-src')).toEqual(["'none'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    for (const d of ['object-src', 'base-uri', 'form-action', 'frame-ancestors', 'frame-src']) expect(directives.get(d)).toEqual(["'none'"]);
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*|https?:/);
  });

  it('goes with the other security headers on every response', () => {
    expect(SECURITY_HEADERS).toMatchObject({ 'Content-Security-Policy': CONTENT_SECURITY_POLICY, 'X-Content-Type-Options': 'nosniff', 'X-Frame-Options': 'DENY' });
  });

  it('registers app:// as standard and secure, without CSP bypass', () => {
    expect(APP_SCHEME_PRIVILEGES).toEqual({
      scheme: 'app',
      privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false, stream: false },
    });
  });
});

describe('navigation, windows, webviews and permissions', () => {
  const opened: string[] = [];
  const handlers = hardeningHandlers((url) => opened.push(url));

  it('denies every window.open, handing the URL to the (allowlisted) browser opener', () => {
    opened.length = 0;
    for (const url of ['https://eu1.make.com/1/scenarios/2/edit', 'https://evil.example/', `${APP_ORIGIN}/index.html`, 'javascript:alert(1)']) {
      expect(handlers.windowOpen({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' } } as never)).toEqual({
        action: 'deny',
      });
    }
    // The opener is the allowlist's gate; the handler itself never opens a window.
    expect(opened).toHaveLength(4);
  });

  it('prevents every navigation, in-app ones included, and passes only foreign URLs to the opener', () => {
    opened.length = 0;
    for (const url of ['https://eu1.make.com/', `${APP_ORIGIN}/popover.html`, 'file:///etc/passwd', 'app://other-host/index.html']) {
      const e = event(url);
      handlers.navigate(e, url);
      expect(e.prevented, url).toBe(true);
    }
    expect(opened).toEqual(['https://eu1.make.com/', 'file:///etc/passwd', 'app://other-host/index.html']);
    // will-frame-navigate hands the URL on the event.
    const e = event('https://evil.example/');
    handlers.navigate(e);
    expect(e.prevented).toBe(true);
  });

  it('refuses to attach a webview', () => {
    const e = event();
    denyWebviewAttach(e);
    expect(e.prevented).toBe(true);
    expect(handlers.attachWebview).toBe(denyWebviewAttach);
  });

  it('denies every permission request and check', () => {
    for (const permission of ['media', 'notifications', 'geolocation', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown']) {
      let granted: boolean | undefined;
      denyPermissionRequest({}, permission, (g) => (granted = g));
      expect(granted, permission).toBe(false);
      expect(denyPermissionCheck()).toBe(false);
    }
    expect(handlers.permissionRequest).toBe(denyPermissionRequest);
    expect(handlers.permissionCheck).toBe(denyPermissionCheck);
  });
});

describe('isAppUrl', () => {
  it.each([
    [`${APP_ORIGIN}/index.html`, true],
    [`${APP_ORIGIN}/popover.html#scenario=x`, true],
    ['app://make-tray.evil/index.html', false],
    ['app://evil/index.html', false],
    ['app://user@make-tray/index.html', false],
    ['app://make-tray:8080/index.html', false],
    ['file:///index.html', false],
    ['https://make-tray/index.html', false],
    ['about:blank', false],
    ['', false],
  ])('%s → %s', (url, ok) => expect(isAppUrl(url)).toBe(ok));
});
