// The e2e fixtures: a simulator (test mode, its controllable clock) and a dashboard in this process
// watching it with the demo user's tokens, a temp data/cache folder, on port 0. Tests get the page URL,
// the sim handle (clock and fault control) and the dashboard. Console errors fail the test.
//
// `dash` is a fresh world per test; `fileDashboard()` starts one world for all tests of a spec file
// (the tests of that file then run in order and share it), which keeps the suite fast on two cores.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type ConsoleMessage, type Locator, type Page } from '@playwright/test';
import { startDashboard, type Dashboard, type DemoWorld } from '../../electron/dashboard/host';
import { demoWorldOf } from '../../electron/dashboard/demo-world';
import { ControllableClock, startSimulator, type SimulatorHandle, type WorldSpec } from '../../electron/sim/simulator';

export interface DashFixture {
  /** The page to open (`http://127.0.0.1:PORT/#k=SECRET`). */
  url: string;
  /** The popover page with the same secret. */
  popoverUrl: string;
  origin: string;
  socketUrl: string;
  dashboard: Dashboard;
  sim: SimulatorHandle;
  clock: ControllableClock;
  /** The temp folder holding `data/` and `cache/`. */
  dir: string;
}

export interface DashOptions {
  /** The simulator's world (default: the demo world). */
  world?: WorldSpec;
  seed?: number;
  /** Reuse a cache folder (e.g. one a previous dashboard wrote). */
  cacheDir?: string;
}

export const screenshotPath = (name: string): string => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

/** A dashboard over an arbitrary world (no simulator of its own); closes only what it started. */
export async function launchDashboard(opts: { demoWorld: DemoWorld; clock: ControllableClock; dir: string; cacheDir?: string }): Promise<Dashboard> {
  return startDashboard({
    port: 0,
    clock: opts.clock,
    demoWorld: opts.demoWorld,
    forceDemo: true,
    sessionSecrets: true,
    dataDir: join(opts.dir, 'data'),
    cacheDir: opts.cacheDir ?? join(opts.dir, 'cache'),
    log: () => undefined,
  });
}

export const pageUrls = (dashboard: Dashboard) => {
  const { origin, socketUrl, secret } = dashboard.server;
  return { url: dashboard.url, popoverUrl: `${origin}/popover.html#k=${secret}`, origin, socketUrl };
};

export async function startDash(opts: DashOptions = {}): Promise<DashFixture & { close(): Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'make-tray-e2e-'));
  const clock = new ControllableClock();
  const sim = await startSimulator({ basePort: 0, mode: 'test', seed: opts.seed ?? 7, clock, ...(opts.world ? { world: opts.world } : {}) });
  let dashboard: Dashboard;
  try {
    dashboard = await launchDashboard({ demoWorld: demoWorldOf(sim), clock, dir, ...(opts.cacheDir ? { cacheDir: opts.cacheDir } : {}) });
  } catch (err) {
    await sim.close();
    throw err;
  }
  return {
    ...pageUrls(dashboard),
    dashboard,
    sim,
    clock,
    dir,
    async close() {
      await dashboard.close();
      await sim.close();
      clock.dispose();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The app's key of a simulator scenario (`host:port/s<id>`) and of its organization. */
export function keysOf(sim: SimulatorHandle, scenarioId: number): { scenarioKey: string; orgKey: string } {
  const s = sim.world.scenarios.get(scenarioId);
  const org = s ? sim.world.orgOfScenario(s) : undefined;
  if (!s || !org) throw new Error(`scenario ${scenarioId} is not in the simulated world`);
  const host = sim.world.zoneHost(org.zone);
  return { scenarioKey: `${host}/s${s.id}`, orgKey: `${host}/o${org.id}` };
}

/** Narrows the list to one scenario (search by id), so it stays in view when the list re-sorts. */
export async function showOnly(page: Page, sim: SimulatorHandle, scenarioId: number): Promise<Locator> {
  await page.getByTestId('scenario-search').fill(String(scenarioId));
  const row = page.locator(`[data-testid="scenario-row"][data-scenario-key="${keysOf(sim, scenarioId).scenarioKey}"]`);
  await expect(row).toBeVisible();
  return row;
}

/** Waits until the main window shows the list of a loaded state. */
export async function openMain(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.getByTestId('scenario-row').first()).toBeVisible({ timeout: 30_000 });
}

export const test = base.extend<{ dash: DashFixture; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  dash: async ({}, use) => {
    const d = await startDash();
    try {
      await use(d);
    } finally {
      await d.close();
    }
  },
  // Collects console errors and page errors of the test's page; asserted empty after the test.
  consoleErrors: [
    async ({ page }, use) => {
      const errors: string[] = [];
      page.on('console', (m: ConsoleMessage) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(e.message));
      await use(errors);
    },
    { auto: true },
  ],
});

/**
 * One dashboard for the whole spec file: started before its first test, closed after its last.
 * Call at the top level of the file; the returned getter works inside tests.
 */
export function fileDashboard(opts: DashOptions = {}): () => DashFixture {
  let current: (DashFixture & { close(): Promise<void> }) | null = null;
  test.describe.configure({ mode: 'serial' });
  test.beforeAll(async () => {
    current = await startDash(opts);
  });
  test.afterAll(async () => {
    await current?.close();
    current = null;
  });
  return () => {
    if (!current) throw new Error('The file dashboard is not running (fileDashboard() must be called at the top level).');
    return current;
  };
}

export { expect };
