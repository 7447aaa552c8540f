// Scenario lifecycle in the dashboard against the simulator: rename (the list changes at once, the next
// poll confirms), schedule, create from an uploaded blueprint file, a file that is not a blueprint,
// export as a download, delete with the name typed back. Each dialog passes axe.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, fileDashboard, keysOf, openMain, screenshotPath, showOnly, test } from './fixtures';

const dash = fileDashboard();
const blueprint = readFile(new URL('../fixtures/make-api/executions/blueprint.json', import.meta.url));

/** A scenario of the demo world that isn't started by a webhook, in a team that has folders. */
const plainScenario = (skip: number[] = []) => {
  const { world } = dash().sim;
  const s = [...world.scenarios.values()].find((x) => x.hookId === null && !skip.includes(x.id) && [...world.folders.values()].some((f) => f.teamId === x.teamId));
  if (!s) throw new Error('the demo world has no plain scenario in a team with folders');
  return s;
};

async function openDetailOf(page: Page, id: number) {
  const row = await showOnly(page, dash().sim, id);
  await row.locator('.name').click();
  await expect(page.getByTestId('scenario-edit')).toBeVisible();
  return row;
}

const engineState = () => dash().dashboard.engine.store.getState();

test('rename in the dashboard: the list shows the new name at once, Make has it, and the next poll confirms it', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = plainScenario();
  const { scenarioKey, orgKey } = keysOf(d.sim, s.id);
  const row = await openDetailOf(page, s.id);

  await page.getByTestId('edit-rename').click();
  const dialog = page.getByTestId('rename-dialog');
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('rename-input')).toBeFocused();
  expect(await seriousViolations(page, 'rename dialog')).toEqual([]);
  await page.getByTestId('rename-input').fill('Renamed from the dashboard');
  const before = engineState().orgs[orgKey]!.lastSyncAt ?? 0;
  await page.keyboard.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(row.locator('.name')).toHaveText('Renamed from the dashboard');
  await expect(page.getByTestId('detail-title')).toHaveText('Renamed from the dashboard');
  expect(d.sim.world.scenarios.get(s.id)!.name).toBe('Renamed from the dashboard');
  // The change asked for a poll; once it has run, the list still says what Make says.
  await expect.poll(() => engineState().orgs[orgKey]!.lastSyncAt ?? 0, { timeout: 30_000 }).toBeGreaterThan(before);
  expect(engineState().scenarios[scenarioKey]!.name).toBe('Renamed from the dashboard');
  await expect(row.locator('.name')).toHaveText('Renamed from the dashboard');
  expect(consoleErrors).toEqual([]);
});

test('schedule editor: previews the next runs and Make stores the schedule', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = plainScenario();
  await openDetailOf(page, s.id);
  await page.getByTestId('edit-schedule').click();
  const dialog = page.getByTestId('schedule-dialog');
  await dialog.getByTestId('schedule-type').selectOption('monthly');
  await expect(dialog.getByTestId('schedule-preview').getByRole('listitem')).toHaveCount(5);
  await dialog.getByTestId('schedule-time').fill('06:15');
  expect(await seriousViolations(page, 'schedule dialog')).toEqual([]);
  await page.screenshot({ path: screenshotPath('scenario-edit-schedule') });
  await dialog.getByTestId('schedule-dialog-submit').click();
  await expect(dialog).toBeHidden();
  await expect.poll(() => d.sim.world.scenarios.get(s.id)!.scheduling).toMatchObject({ type: 'monthly', days: [1], time: '06:15' });
  await expect(page.getByTestId('detail-schedule')).toContainText('06:15');
  expect(consoleErrors).toEqual([]);
});

test('a file that is not a blueprint is refused with its problems; a blueprint file creates a scenario that shows at once', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  await page.getByTestId('new-scenario').click();
  const dialog = page.getByTestId('create-dialog');
  await expect(dialog).toBeVisible();
  await page.getByTestId('create-name').fill('Uploaded in the dashboard');

  await page.getByTestId('create-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Meeting notes, not JSON') });
  await expect(page.getByTestId('create-file-problems')).toContainText('notes.txt is not a scenario blueprint');
  await expect(page.getByTestId('create-file-problems')).toContainText('not valid JSON');
  await page.getByTestId('create-file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "x", "flow": [{"id": 1}]}') });
  await expect(page.getByTestId('create-file-problems')).toContainText('has no "module"');
  await expect(page.getByTestId('create-dialog-submit')).toBeDisabled();
  expect(await seriousViolations(page, 'create dialog with problems')).toEqual([]);
  await page.screenshot({ path: screenshotPath('scenario-edit-create-problems') });
  // What was typed is still there.
  await expect(page.getByTestId('create-name')).toHaveValue('Uploaded in the dashboard');

  const before = Math.max(...d.sim.world.scenarios.keys());
  await page.getByTestId('create-file').setInputFiles({ name: 'simple.blueprint.json', mimeType: 'application/json', buffer: await blueprint });
  await expect(page.getByTestId('create-file-ok')).toContainText('Simple scenario');
  const teamKey = await page.getByTestId('create-team').inputValue();
  await page.getByTestId('create-dialog-submit').click();
  await expect(dialog).toBeHidden();
  const created = [...d.sim.world.scenarios.values()].find((x) => x.id > before && x.name === 'Uploaded in the dashboard');
  expect(created).toBeDefined();
  expect(`${keysOf(d.sim, created!.id).scenarioKey.split('/')[0]}/t${created!.teamId}`).toBe(teamKey);
  await expect(page.getByTestId('detail-title')).toHaveText('Uploaded in the dashboard');
  const row = await showOnly(page, d.sim, created!.id);
  await expect(row.locator('.name')).toHaveText('Uploaded in the dashboard');
  expect(consoleErrors).toEqual([]);
});

test('a blueprint file larger than 1 MiB goes through the dashboard’s WebSocket', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const big = { name: 'Large blueprint', flow: [{ id: 1, module: 'http:ActionSendData', parameters: { note: 'x'.repeat(2_000_000) } }], metadata: {} };
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('create-file').setInputFiles({ name: 'large.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  await expect(page.getByTestId('create-file-ok')).toContainText('Large blueprint');
  await page.getByTestId('create-dialog-submit').click();
  await expect(page.getByTestId('create-dialog')).toBeHidden();
  await expect(page.getByTestId('detail-title')).toHaveText('Large blueprint');
  expect([...d.sim.world.scenarios.values()].some((x) => x.name === 'Large blueprint')).toBe(true);
  expect(consoleErrors).toEqual([]);
});

test('export downloads the blueprint as a file named after the scenario', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = plainScenario();
  await openDetailOf(page, s.id);
  const download = page.waitForEvent('download');
  await page.getByTestId('edit-export').click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`${d.sim.world.scenarios.get(s.id)!.name}.blueprint.json`);
  const text = await readFile((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toEqual(d.sim.world.scenarios.get(s.id)!.blueprint);
  expect(consoleErrors).toEqual([]);
});

test('delete asks first, names the scenario and needs its name typed', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = plainScenario();
  const name = d.sim.world.scenarios.get(s.id)!.name;
  const row = await openDetailOf(page, s.id);
  await page.getByTestId('edit-delete').click();
  const dialog = page.getByRole('alertdialog', { name: `Delete “${name}”?` });
  await expect(dialog).toBeVisible();
  await expect(page.getByTestId('delete-dialog-submit')).toBeDisabled();
  expect(await seriousViolations(page, 'delete dialog')).toEqual([]);
  await page.getByTestId('delete-confirm-name').fill(name.slice(0, -1));
  await expect(page.getByTestId('delete-dialog-submit')).toBeDisabled();
  expect(d.sim.world.scenarios.has(s.id)).toBe(true);
  await page.getByTestId('delete-confirm-name').fill(name);
  await page.getByTestId('delete-dialog-submit').click();
  await expect(dialog).toBeHidden();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId('scenario-detail')).toHaveCount(0);
  expect(d.sim.world.scenarios.has(s.id)).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('Japanese, dark: the Manage section, the schedule and create dialogs pass axe', async ({ browser }) => {
  const context = await browser.newContext({ locale: 'ja-JP', colorScheme: 'dark' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await openMain(page, dash().url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ja');
  await openDetailOf(page, plainScenario().id);
  await expect(page.getByTestId('edit-schedule')).toHaveText('スケジュールを編集');
  const found = await seriousViolations(page, 'manage section (ja-dark)');
  await page.getByTestId('edit-schedule').click();
  await page.getByTestId('schedule-type').selectOption('yearly');
  found.push(...(await seriousViolations(page, 'schedule dialog (ja-dark)')));
  await page.keyboard.press('Escape');
  await page.getByTestId('new-scenario').click();
  await page.getByTestId('create-file').setInputFiles({ name: 'x.json', mimeType: 'application/json', buffer: Buffer.from('[]') });
  await expect(page.getByTestId('create-file-problems')).toContainText('シナリオのブループリントではありません');
  found.push(...(await seriousViolations(page, 'create dialog (ja-dark)')));
  expect(found).toEqual([]);
  expect(errors).toEqual([]);
  await context.close();
});
