// The built bundles: the preload needs nothing but `electron` (a sandboxed preload can't require
// anything else), and main, run under Node with a stand-in `electron` module, wires everything up:
// the app:// protocol, the hardening, the IPC sender check, the tray, demo mode and a clean quit.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildElectron } from '../../../scripts/build-electron.mjs';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from '../../../electron/shell/security';

const root = new URL('../../../', import.meta.url).pathname;
let work = '';
let appDir = '';

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'make-tray-bundle-'));
  appDir = join(work, 'app');
  await buildElectron({ quiet: true, outDir: join(appDir, 'dist', 'electron') });
  mkdirSync(join(appDir, 'dist', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>stand-in page</title>');
  writeFileSync(join(appDir, 'package.json'), '{"name":"secret-outside-renderer","type":"module"}');
}, 120_000);

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Runs dist/electron/main.js under this Node with `electron` resolved to the stub. */
function runMain(env: Record<string, string>) {
  const hooks = join(work, 'hooks.mjs');
  const stub = pathToFileURL(join(root, 'test', 'integration', 'packaging', 'electron-stub.mjs')).href;
  const repo = pathToFileURL(join(root, 'package.json')).href;
  writeFileSync(
    hooks,
    `import { registerHooks } from 'node:module';
registerHooks({ resolve(spec, ctx, next) {
  if (spec === 'electron') return { url: ${JSON.stringify(stub)}, shortCircuit: true };
  // Bare imports the bundle leaves out (the native keyring) come from the repository's node_modules.
  if (!spec.startsWith('.') && !spec.startsWith('/') && !spec.includes(':')) return next(spec, { ...ctx, parentURL: ${JSON.stringify(repo)} });
  return next(spec, ctx);
} });`,
  );
  const reportFile = join(work, `report-${Object.values(env).join('-')}.json`);
  const r = spawnSync(process.execPath, ['--import', pathToFileURL(hooks).href, join(appDir, 'dist', 'electron', 'main.js')], {
    env: {
      ...process.env,
      STUB_APP_PATH: appDir,
      STUB_REPORT: reportFile,
      MAKE_TRAY_DATA_DIR: join(work, 'data'),
      MAKE_TRAY_TEST_HOOKS: '1',
      MAKE_TRAY_DEMO: '1',
      ...env,
    },
    encoding: 'utf8',
    timeout: 90_000,
  });
  let report: { calls: unknown[][]; checks: Record<string, unknown>; errors: string[]; tray: { image: string; tooltip: string; hasMenu: boolean } | null };
  try {
    report = JSON.parse(readFileSync(reportFile, 'utf8'));
  } catch {
    throw new Error(`main wrote no report (exit ${r.status}, signal ${r.signal}):\n${r.stderr.slice(-3000)}`);
  }
  return { status: r.status, stderr: r.stderr, report };
}

describe('the preload bundle', () => {
  it('is CommonJS that requires nothing but electron, and carries no zod or Node built-ins', () => {
    const code = readFileSync(join(appDir, 'dist', 'electron', 'preload.cjs'), 'utf8');
    expect([...code.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1])).toEqual(['electron']);
    expect(code).not.toMatch(/\bimport\s|node:|zod/);
    expect(code).toContain('exposeInMainWorld');
  });
});

describe('main, under a stand-in electron', () => {
  it('quits at once when another instance holds the lock, after registering the scheme and the sandbox', () => {
    const { status, report } = runMain({ STUB_LOCK: '0' });
    expect(status).toBe(0);
    const names = report.calls.map((c) => c[0]);
    expect(names).toEqual(expect.arrayContaining(['protocol.registerSchemesAsPrivileged', 'app.enableSandbox', 'app.requestSingleInstanceLock', 'app.quit']));
    expect(report.calls.find((c) => c[0] === 'protocol.registerSchemesAsPrivileged')?.[1]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true, bypassCSP: false, corsEnabled: false, allowServiceWorkers: false, stream: false } },
    ]);
    // Hardening is installed before anything else can create a WebContents.
    expect(names.indexOf('app.on')).toBeLessThan(names.indexOf('app.requestSingleInstanceLock'));
    expect(names).not.toContain('new BrowserWindow');
  });

  it('starts the demo, serves and hardens the window, checks IPC senders, drives the tray, and quits cleanly', () => {
    const { status, stderr, report } = runMain({ STUB_LOCK: '1' });
    expect(report.errors, stderr.slice(-2000)).toEqual([]);
    expect(status).toBe(0);
    const c = report.checks;
    expect(c.demo).toBe(true);
    expect(c.windowCount).toBe(1);
    expect(c.mainUrl).toBe('app://make-tray/index.html');
    expect(c.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>stand-in page</title>' });
    expect(c.climb).toBe(404);
    expect(c.ownInvoke).toEqual({ ok: true, language: 'system' });
    expect(c.strangerInvoke).toBe('refused');
    expect(c.invalidInvoke).toBe('invalid-input');
    expect(c.windowOpen).toEqual({ action: 'deny' });
    expect(c.navigationPrevented).toBe(true);
    expect(c.webviewPrevented).toBe(true);
    expect(c.permissionGranted).toBe(false);
    expect(c.permissionCheck).toBe(false);
    expect(c.trayClick).toBe(true);
    // The system languages put Japanese first.
    expect(c.snoozedAfterClick).toMatch(/まで通知を一時停止中$/);
    expect(c.trayMenuIds).toEqual(expect.arrayContaining(['status', 'demo', 'refresh', 'pause', 'open', 'settings', 'quit']));

    const calls = report.calls;
    const win = calls.find((x) => x[0] === 'new BrowserWindow')?.[1] as { webPreferences: Record<string, unknown> };
    expect(win.webPreferences).toEqual(secureWebPreferences(join(appDir, 'dist', 'electron', 'preload.cjs'), { devTools: true }));
    const names = calls.map((x) => x[0]);
    for (const n of [
      'session.setPermissionRequestHandler',
      'session.setPermissionCheckHandler',
      'session.protocol.handle',
      'ipcMain.handle',
      'powerMonitor.on',
      'before-quit prevented',
      'tray.destroy',
    ]) {
      expect(names, n).toContain(n);
    }
    expect(calls.find((x) => x[0] === 'app.setPath')).toEqual(['app.setPath', 'userData', join(work, 'data')]);
    expect(report.tray?.image).toMatch(/dist\/electron\/tray-icons\/[a-z-]+-light-32\.png$/);
    expect(report.tray?.hasMenu).toBe(true);
  }, 120_000);
});
