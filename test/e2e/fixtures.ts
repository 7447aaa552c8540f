// The e2e fixture: a fresh simulator (test mode, its controllable clock) and a dashboard in this
// process watching it with the demo user's tokens, a temp data/cache folder, on port 0. Tests get the
// page URL, the sim handle (clock and fault control) and the dashboard. Console errors fail the test.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, type ConsoleMessage } from '@playwright/test';
import { startDashboard, type Dashboard } from '../../electron/dashboard/host';
import { demoWorldOf } from '../../electron/dashboard/demo-world';
import { ControllableClock, startSimulator, type SimulatorHandle } from '../../electron/sim/simulator';

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
}

export const screenshotPath = (name: string): string => new URL(`./screenshots/${name}.png`, import.meta.url).pathname;

export const test = base.extend<{ dash: DashFixture; consoleErrors: string[] }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright reads fixture dependencies from this pattern
  dash: async ({}, use) => {
    const dir = await mkdtemp(join(tmpdir(), 'make-tray-e2e-'));
    const clock = new ControllableClock();
    const sim = await startSimulator({ basePort: 0, mode: 'test', seed: 7, clock });
    const dashboard = await startDashboard({
      port: 0,
      clock,
      demoWorld: demoWorldOf(sim),
      forceDemo: true,
      sessionSecrets: true,
      dataDir: join(dir, 'data'),
      cacheDir: join(dir, 'cache'),
      log: () => undefined,
    });
    const { origin, socketUrl, secret } = dashboard.server;
    try {
      await use({ url: dashboard.url, popoverUrl: `${origin}/popover.html#k=${secret}`, origin, socketUrl, dashboard, sim, clock });
    } finally {
      await dashboard.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
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

export { expect };
