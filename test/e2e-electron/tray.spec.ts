// The Electron app end to end (where an Electron binary exists): in demo mode with the test hooks on,
// the tray hook returns the menu model, a page's commands go through the preload and the IPC sender
// check (toggle, run), and a failed run reaches the notification hook with its words and link.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import type { EngineState } from '../../shared/domain';
import { electronBinary } from './electron-binary';

const binary = electronBinary();
const root = new URL('../..', import.meta.url).pathname;
const main = `${root}dist/electron/main.js`;
// launch.spec.ts prints the one line saying why these skip.
const skipReason =
  'reason' in binary ? binary.reason : !existsSync(main) ? `the app is not built (${main} is missing; run npm run build)` : null;

interface Hooks {
  demo(): boolean;
  state(): EngineState;
  tray(): { status: { icon: string }; menu: { id: string; label: string }[] };
  clickTrayItem(id: string): boolean;
  notifications(): { shown: boolean; spec: { kind: string; scenarioKey: string | null }; content?: { title: string; body: string; url: string | null } }[];
}

const hooks = <T>(app: ElectronApplication, fn: (h: Hooks, arg: unknown) => T, arg?: unknown): Promise<T> =>
  app.evaluate(
    (_electron, [source, a]) => {
      const h = (globalThis as unknown as { __makeTrayTestHooks: Hooks }).__makeTrayTestHooks;
      return (new Function('h', 'a', `return (${source})(h, a)`) as (h: Hooks, a: unknown) => T)(h, a);
    },
    [fn.toString(), arg] as const,
  );

test.describe('Electron tray app', () => {
  test.skip(skipReason !== null, skipReason ?? '');

  let app: ElectronApplication;
  let page: Page;
  let dataDir: string;

  test.beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'make-tray-e2e-'));
    app = await electron.launch({
      executablePath: (binary as { path: string }).path,
      args: [root, '--no-sandbox'],
      env: { ...process.env, MAKE_TRAY_DEMO: '1', MAKE_TRAY_TEST_HOOKS: '1', MAKE_TRAY_DATA_DIR: dataDir },
    });
    page = await app.firstWindow();
    await expect.poll(() => hooks(app, (h) => Object.keys(h.state().scenarios).length), { timeout: 30_000 }).toBeGreaterThan(0);
  });

  test.afterEach(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('the tray hook returns the menu model of the demo world', async () => {
    expect(await hooks(app, (h) => h.demo())).toBe(true);
    const tray = await hooks(app, (h) => h.tray());
    expect(tray.menu.map((i) => i.id)).toEqual(expect.arrayContaining(['status', 'demo', 'refresh', 'pause', 'open', 'settings', 'quit']));
    expect(await hooks(app, (h) => h.clickTrayItem('pause:1h'))).toBe(true);
    await expect.poll(() => hooks(app, (h) => h.tray().status.icon)).not.toBe('ok');
  });

  test('toggle and run go through the preload, and a failed run is notified with its link', async () => {
    const state = await hooks(app, (h) => h.state());
    const scenario = Object.values(state.scenarios).find((s) => s.isActive && !s.isinvalid);
    expect(scenario).toBeDefined();
    const key = scenario!.key;
    const origin = `http://${key.slice(0, key.lastIndexOf('/'))}`;
    // The simulator's control API: the next run of this scenario fails.
    const r = await fetch(`${origin}/__sim/scenarios/${scenario!.id}/next-outcome`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'error', errorMessage: 'e2e boom' }),
    });
    expect(r.ok).toBe(true);

    const run = await page.evaluate((k) => (globalThis as unknown as { makeTray: { invoke(c: string, p: unknown): Promise<{ executionId: string }> } }).makeTray.invoke('scenario.run', { key: k }), key);
    expect(run.executionId).toMatch(/^[A-Za-z0-9_-]+$/);
    await expect
      .poll(() => hooks(app, (h, k) => h.notifications().find((n) => n.spec.scenarioKey === k && n.spec.kind === 'failure'), key), { timeout: 45_000 })
      .toMatchObject({ shown: true, content: { title: scenario!.name } });
    const shown = await hooks(app, (h, k) => h.notifications().find((n) => n.spec.scenarioKey === k)!, key);
    expect(shown.content?.body).toContain('e2e boom');

    const toggled = await page.evaluate((k) => (globalThis as unknown as { makeTray: { invoke(c: string, p: unknown): Promise<{ isActive: boolean }> } }).makeTray.invoke('scenario.toggle', { key: k, on: false }), key);
    expect(toggled.isActive).toBe(false);
    await expect.poll(() => hooks(app, (h, k) => h.state().scenarios[k as string]?.isActive, key)).toBe(false);
  });

  test('the page gets one narrow bridge and no Node', async () => {
    const shape = await page.evaluate(() => {
      const w = globalThis as unknown as { makeTray: object; require?: unknown; process?: unknown; location: { origin: string } };
      return { keys: Object.keys(w.makeTray).sort(), require: typeof w.require, process: typeof w.process, origin: w.location.origin };
    });
    expect(shape).toEqual({ keys: ['invoke', 'on'], require: 'undefined', process: 'undefined', origin: 'app://make-tray' });
  });
});
