// The agency report in the dashboard against the simulator: the agency's name and logo in Settings,
// a report for the demo organizations over two past days whose totals match the simulator's own
// records, the CSV and the printable page downloaded, and axe scans of both screens.
import { readFile } from 'node:fs/promises';
import type { Download, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, fileDashboard, openMain, screenshotPath, test } from './fixtures';

const dash = fileDashboard({
  world: {
    seed: 11,
    zones: ['eu1'],
    historyDays: 3,
    errorShare: 0.08,
    warningShare: 0.08,
    orgs: [
      { zone: 'eu1', name: 'Northwind Digital Agency', plan: 'enterprise', teams: ['Operations', 'Client Delivery'], scenarios: 8, members: 2 },
      { zone: 'eu1', name: 'さくらフーズ株式会社', plan: 'teams', teams: ['経理部'], scenarios: 4, members: 1 },
    ],
  },
});

// 1×1 transparent PNG.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=', 'base64');

async function textOf(download: Download): Promise<string> {
  return readFile((await download.path())!, 'utf8');
}

/** Local midnight `daysAgo` days before today, in the page (the report counts whole local days). */
const midnight = (page: Page, daysAgo: number) =>
  page.evaluate((n) => {
    const d = new Date();
    return new Date(d.getFullYear(), d.getMonth(), d.getDate() - n).getTime();
  }, daysAgo);
const dayString = (page: Page, daysAgo: number) =>
  page.evaluate((n) => {
    const d = new Date();
    const x = new Date(d.getFullYear(), d.getMonth(), d.getDate() - n);
    return `${x.getFullYear()}-${String(x.getMonth() + 1).padStart(2, '0')}-${String(x.getDate()).padStart(2, '0')}`;
  }, daysAgo);

test('Settings: the agency’s name and logo for client reports (axe)', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMain(page, dash().url);
  await page.getByTestId('nav-settings').click();
  const section = page.getByTestId('agency-settings');
  await expect(section).toBeVisible();
  await section.getByLabel('Agency name').fill('Northwind Digital');
  await section.getByRole('button', { name: 'Save name' }).click();
  await expect(section.getByText('Saved.')).toBeVisible();
  await section.getByLabel('Logo').setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: PNG });
  await expect(section.getByTestId('agency-logo-preview')).toBeVisible();
  await section.getByLabel('Logo').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
  await expect(section.getByRole('alert')).toContainText('not a PNG, JPEG');
  await expect(section.getByTestId('agency-logo-preview')).toBeVisible();
  expect(await seriousViolations(page, 'settings with agency')).toEqual([]);
  await section.screenshot({ path: screenshotPath('settings-agency') });
  expect(consoleErrors).toEqual([]);
});

test('a report for the demo organizations matches the simulator’s records; CSV and printable page download (axe)', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await openMain(page, dash().url);
  await page.getByTestId('nav-report').click();
  const view = page.getByTestId('report-view');
  await expect(view.getByTestId('report-org')).toHaveCount(2);
  for (const box of await view.getByTestId('report-org').all()) await expect(box).toBeChecked();
  expect(await seriousViolations(page, 'report (empty)')).toEqual([]);

  // Two whole past days: every run in them has finished, so the simulator's records are final.
  const from = await dayString(page, 2);
  const to = await dayString(page, 1);
  await view.getByLabel('From').fill(from);
  await view.getByLabel('To (inclusive)').fill(to);
  await view.getByRole('button', { name: 'Build report' }).click();
  const result = view.getByTestId('report-result');
  await expect(result).toBeVisible({ timeout: 90_000 });
  await expect(view.getByTestId('report-partial')).toHaveCount(0);

  const range = { from: await midnight(page, 2), to: await midnight(page, 0) };
  const { sim } = dash();
  const truth = { runs: 0, failures: 0, warnings: 0, operations: 0 };
  for (const e of sim.control.executions()) {
    if (e.status === 'running' || e.start < range.from || e.start >= range.to) continue;
    truth.runs++;
    if (e.status === 3) truth.failures++;
    if (e.status === 2) truth.warnings++;
    truth.operations += e.operations;
  }
  expect(truth.runs).toBeGreaterThan(50);
  const fmt = (n: number) => new Intl.NumberFormat('en').format(n);
  const grand = result.getByTestId('report-grand-total').locator('td');
  await expect(grand.nth(0)).toHaveText(fmt(truth.runs));
  await expect(grand.nth(1)).toHaveText(fmt(truth.failures));
  await expect(grand.nth(2)).toHaveText(fmt(truth.warnings));
  await expect(grand.nth(3)).toHaveText(fmt(truth.operations));
  await expect(result.getByTestId('report-org-section')).toHaveCount(2);
  await expect(result.getByRole('heading', { name: 'さくらフーズ株式会社' })).toBeVisible();
  expect(await seriousViolations(page, 'report (built)')).toEqual([]);
  await page.screenshot({ path: screenshotPath('report-en-light'), fullPage: true });

  const [csv] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download CSV' }).click()]);
  expect(csv.suggestedFilename()).toBe(`make-report_${from}_${to}.csv`);
  const lines = (await textOf(csv)).replace(/^\uFEFF/, '').split('\r\n');
  expect(lines[0]).toBe('Organization,Team,Scenario,Scenario ID,Runs,Successes,Warnings,Failures,Operations,Data transfer (bytes),Complete');
  const total = lines.find((l) => l.startsWith('All organizations,'))!.split(',');
  expect(Number(total[4])).toBe(truth.runs);
  expect(Number(total[8])).toBe(truth.operations);

  const [html] = await Promise.all([page.waitForEvent('download'), result.getByRole('button', { name: 'Download printable page' }).click()]);
  expect(html.suggestedFilename()).toBe(`make-report_${from}_${to}.html`);
  const page2 = await textOf(html);
  expect(page2).toContain('<h1>Northwind Digital</h1>');
  expect(page2).toContain('<img src="data:image/png;base64,');
  expect(page2).toContain('さくらフーズ株式会社');
  expect(page2).not.toMatch(/<script/i);
  // The app window stayed where it was.
  await expect(view).toBeVisible();
  expect(consoleErrors).toEqual([]);
});
