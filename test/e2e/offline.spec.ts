// Browsing offline: the window keeps showing what it last knew, says from when, and says it is offline.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoWorldOf } from '../../electron/dashboard/demo-world';
import { ControllableClock } from '../../electron/sim/simulator';
import type { Dashboard } from '../../electron/dashboard/host';
import { expect, launchDashboard, pageUrls, screenshotPath, startDash, test } from './fixtures';

const synced = (d: Dashboard) => {
  const s = d.engine.store.getState();
  const orgs = Object.values(s.orgs);
  return orgs.length > 0 && orgs.every((o) => o.lastSyncAt !== null && !o.syncing) ? Object.keys(s.scenarios).length : 0;
};

test('starting with Make unreachable shows the cached list, “showing cached data from …” and the offline state', async ({ page, context, consoleErrors }) => {
  const keep = await mkdtemp(join(tmpdir(), 'make-tray-e2e-offline-'));
  let second: Dashboard | null = null;
  const clock = new ControllableClock();
  try {
    // A previous run: synced with Make and left its cache behind.
    const first = await startDash({ cacheDir: join(keep, 'cache') });
    const accounts = demoWorldOf(first.sim);
    await expect.poll(() => synced(first.dashboard), { timeout: 30_000 }).toBeGreaterThan(0);
    const scenarios = Object.values(first.dashboard.engine.store.getState().scenarios);
    const sample = scenarios.find((s) => s.health === 'failing') ?? scenarios[0]!;
    await first.close(); // the dashboard writes its cache on the way out; the simulator goes away

    // Now: the same accounts, Make unreachable (nothing listens on its ports any more).
    second = await launchDashboard({ demoWorld: accounts, clock, dir: keep, cacheDir: join(keep, 'cache') });
    const urls = pageUrls(second);
    await page.goto(urls.url);
    await expect(page.getByTestId('scenario-row').first()).toBeVisible();
    await expect(page.getByTestId('connection-status')).toHaveAttribute('data-state', 'offline');
    await expect(page.getByTestId('stale-marker')).toContainText('Showing cached data from');
    await page.getByTestId('scenario-search').fill(String(sample.id));
    const row = page.locator(`[data-testid="scenario-row"][data-scenario-key="${sample.key}"]`);
    await expect(row).toContainText(sample.name);
    await expect(row.getByTestId('status-chip')).toHaveAttribute('data-health', sample.health);
    await page.screenshot({ path: screenshotPath('main-window-offline') });

    const popover = await context.newPage();
    await popover.goto(urls.popoverUrl);
    const lines = popover.getByTestId('org-summary-line');
    await expect(lines.first()).toBeVisible();
    await expect.poll(async () => [...new Set(await lines.evaluateAll((els) => els.map((e) => e.getAttribute('data-condition'))))]).toEqual(['offline']);
    await popover.close();
    expect(consoleErrors).toEqual([]);
  } finally {
    await second?.close();
    clock.dispose();
    await rm(keep, { recursive: true, force: true });
  }
});

test('when Make’s connections start dropping, the window says so and keeps the list; it recovers when they stop', async ({ dash, page, consoleErrors }) => {
  await page.goto(dash.url);
  const status = page.getByTestId('connection-status');
  await expect(status).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('scenario-row').first()).toBeVisible();
  // The list's own count, not the DOM rows: the windowed list adds its overscan rows when idle. Read once
  // every organization's first list is in (the first rows show while the others still load).
  const count = `${dash.sim.world.scenarios.size} scenarios`;
  await expect(page.getByTestId('scenario-count')).toHaveText(count, { timeout: 30_000 });

  dash.sim.control.setFaults({ resetRate: 1 });
  await expect(status).toHaveAttribute('data-state', 'offline', { timeout: 30_000 });
  await expect(page.getByTestId('stale-marker')).toContainText('Showing cached data from');
  await expect(page.getByTestId('scenario-count')).toHaveText(count);
  await expect(page.getByTestId('scenario-row').first()).toBeVisible();

  dash.sim.control.clearFaults();
  // The engine probes again with backoff; move its clock past the probe.
  await dash.sim.control.clock.advance(130_000);
  await expect(status).toHaveAttribute('data-state', 'online', { timeout: 30_000 });
  await expect(page.getByTestId('stale-marker')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});
