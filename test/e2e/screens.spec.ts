// Every screen in Chromium: no serious or critical axe-core violations (light and dark, English and
// Japanese), and screenshots of each under test/e2e/screenshots/ (not committed).
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, fileDashboard, openMain, screenshotPath, test } from './fixtures';

const dash = fileDashboard();

const MAIN_VIEWPORT = { width: 1280, height: 800 };
const POPOVER_VIEWPORT = { width: 400, height: 600 };

async function violations(page: Page, screen: string): Promise<string[]> {
  const t0 = Date.now();
  const found = await seriousViolations(page, screen);
  if (process.env.E2E_TIMING) console.log(`axe ${screen}: ${Date.now() - t0} ms`);
  return found;
}

/** Main window → detail → run dialog → settings, scanning and photographing each. */
async function walkMainWindow(page: Page, tag: string): Promise<string[]> {
  const found: string[] = [];
  await page.setViewportSize(MAIN_VIEWPORT);
  await openMain(page, dash().url);
  await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
  found.push(...(await violations(page, `main window (${tag})`)));
  await page.screenshot({ path: screenshotPath(`main-window-${tag}`) });

  // The worst scenario comes first (sort by severity): its detail has history and an error.
  await page.getByTestId('scenario-row').first().locator('.name').click();
  const detail = page.getByTestId('scenario-detail');
  await expect(detail).toBeVisible();
  await expect(detail.getByTestId('run-history').or(detail.getByText(/No runs|実行はありません/))).toBeVisible();
  await detail.getByTestId('run-history-item').first().click();
  await expect(detail.getByTestId('execution-detail')).toBeVisible();
  found.push(...(await violations(page, `detail (${tag})`)));
  await page.screenshot({ path: screenshotPath(`detail-${tag}`) });

  await detail.getByTestId('detail-run').click();
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('run-submit')).toBeEnabled();
  found.push(...(await violations(page, `run dialog (${tag})`)));
  await page.screenshot({ path: screenshotPath(`run-dialog-${tag}`) });
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await page.getByTestId('nav-settings').click();
  await expect(page.getByTestId('settings-view')).toBeVisible();
  await expect(page.getByTestId('language')).toBeEnabled();
  found.push(...(await violations(page, `settings (${tag})`)));
  await page.screenshot({ path: screenshotPath(`settings-${tag}`), fullPage: true });
  return found;
}

async function walkPopover(page: Page, tag: string, withRunDialog = false): Promise<string[]> {
  await page.setViewportSize(POPOVER_VIEWPORT);
  await page.goto(dash().popoverUrl);
  await expect(page.getByTestId('popover-row').first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('org-summary-line').first()).toBeVisible();
  const found = await violations(page, `popover (${tag})`);
  await page.screenshot({ path: screenshotPath(`popover-${tag}`) });
  // The popover's run dialog is the main window's component (scanned there); once is enough.
  if (!withRunDialog) return found;
  await page.getByTestId('popover-run').first().click();
  await expect(page.getByTestId('run-dialog')).toBeVisible();
  found.push(...(await violations(page, `popover run dialog (${tag})`)));
  return found;
}

test('English, light: every screen passes axe and is photographed', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  const found = [...(await walkMainWindow(page, 'en-light')), ...(await walkPopover(page, 'en-light', true))];
  expect(found).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('English, dark (following the OS): every screen passes axe and is photographed', async ({ page, consoleErrors }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const found = [...(await walkMainWindow(page, 'en-dark')), ...(await walkPopover(page, 'en-dark'))];
  expect(found).toEqual([]);
  expect(consoleErrors).toEqual([]);
});

test('Japanese (following the OS), light and dark: the main window and popover pass axe and are photographed', async ({ browser }) => {
  const found: string[] = [];
  for (const colorScheme of ['light', 'dark'] as const) {
    const context = await browser.newContext({ locale: 'ja-JP', colorScheme });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.setViewportSize(MAIN_VIEWPORT);
    await openMain(page, dash().url);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
    await expect(page.getByTestId('nav-settings')).toHaveText('設定');
    await expect(page.getByTestId('sync-progress')).toHaveCount(0, { timeout: 30_000 });
    found.push(...(await violations(page, `main window (ja-${colorScheme})`)));
    await page.screenshot({ path: screenshotPath(`main-window-ja-${colorScheme}`) });
    found.push(...(await walkPopover(page, `ja-${colorScheme}`)));
    expect(errors).toEqual([]);
    await context.close();
  }
  expect(found).toEqual([]);
});

test('Settings: browser sign-in says plainly that it is not set up here; an organization can be left unwatched', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  await page.getByTestId('nav-settings').click();
  const form = page.getByTestId('connect-form');
  await form.getByTestId('connect-oauth').click();
  const note = form.getByTestId('error-note');
  await expect(note).toHaveAttribute('data-code', 'refused');
  await expect(note).toHaveText(/not available|not set up/);
  await expect(note).not.toContainText(/Error:|at .*\.ts|undefined/);

  const orgs = Object.values(d.dashboard.engine.store.getState().orgs);
  const org = orgs.sort((a, b) => a.name.localeCompare(b.name))[0]!;
  const watch = page.locator(`[data-testid="org-monitored"][data-org="${org.key}"]`).first();
  await expect(watch).toBeChecked();
  await expect(page.locator(`[data-testid="org-budget"][data-org="${org.key}"]`)).toHaveCount(1);
  await watch.click();
  await expect.poll(() => d.dashboard.engine.store.getState().orgs[org.key]?.monitored).toBe(false);
  await expect(watch).not.toBeChecked();
  await expect(page.locator(`[data-testid="org-budget"][data-org="${org.key}"]`)).toHaveCount(0);
  await watch.click();
  await expect.poll(() => d.dashboard.engine.store.getState().orgs[org.key]?.monitored).toBe(true);
  await expect(page.locator(`[data-testid="org-budget"][data-org="${org.key}"]`)).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});
