// Webhooks in the dashboard against the simulator: create, see it listed with its address, copy it,
// rename, switch off, check and delete it; delete a hook that feeds a scenario (two questions); axe.
import type { Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { expect, fileDashboard, openMain, screenshotPath, test } from './fixtures';

const dash = fileDashboard();

/** A team of the world with a hook feeding a scenario, as the app keys it. */
function teamWithAttachedHook() {
  const { sim } = dash();
  const hook = [...sim.world.hooks.values()].find((h) => sim.world.scenarioOfHook(h.id) && h.typeName === 'gateway-webhook')!;
  const team = sim.world.teams.get(hook.teamId)!;
  const org = sim.world.orgs.get(team.organizationId)!;
  return { hook, scenario: sim.world.scenarioOfHook(hook.id)!, teamKey: `${sim.world.zoneHost(org.zone)}/t${team.id}` };
}

async function openHooks(page: Page, teamKey: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await openMain(page, dash().url);
  await page.getByTestId('nav-hooks').click();
  await page.getByTestId('hooks-team').selectOption(teamKey);
  await expect(page.getByTestId('hooks-table')).toBeVisible({ timeout: 30_000 });
}

const rowNamed = (page: Page, name: string) => page.getByTestId('hook-row').filter({ has: page.getByTestId('hook-name').getByText(name, { exact: true }) });

test('create a webhook, copy its address, rename it, switch it off, check it and delete it', async ({ page, context, consoleErrors }) => {
  const { sim } = dash();
  const { teamKey } = teamWithAttachedHook();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: dash().origin });
  await openHooks(page, teamKey);

  await page.getByTestId('hook-create').click();
  await page.getByLabel('Name', { exact: true }).fill('E2E orders');
  await page.getByTestId('hook-create-submit').click();
  await expect(rowNamed(page, 'E2E orders')).toBeVisible();
  const created = [...sim.world.hooks.values()].find((h) => h.name === 'E2E orders')!;
  const row = page.locator(`[data-testid="hook-row"][data-hook-id="${created.id}"]`);
  expect(created.typeName).toBe('gateway-webhook');
  const url = (await row.getByTestId('hook-url').textContent()) ?? '';
  expect(url).toContain(created.udid);

  await row.getByRole('button', { name: 'Copy the address of “E2E orders”' }).click();
  await expect(row.getByText('Address of “E2E orders” copied.')).toBeAttached();
  expect(await page.evaluate('navigator.clipboard.readText()')).toBe(url);

  await row.getByTestId('hook-rename').click();
  await row.getByTestId('hook-rename-input').fill('E2E orders (EU)');
  await row.getByTestId('hook-rename-input').press('Enter');
  await expect(row.getByTestId('hook-name')).toHaveText('E2E orders (EU)');
  expect(sim.world.hooks.get(created.id)?.name).toBe('E2E orders (EU)');

  const sw = row.getByRole('switch', { name: '“E2E orders (EU)” receives data' });
  await sw.click();
  await expect(sw).toHaveAttribute('aria-checked', 'false');
  expect(sim.world.hooks.get(created.id)?.enabled).toBe(false);

  await row.getByTestId('hook-ping').click();
  await expect(row.getByTestId('hook-ping-result')).not.toBeEmpty();

  await row.getByTestId('hook-delete').click();
  const dialog = page.getByTestId('hook-delete-dialog');
  await expect(dialog).toContainText('Delete webhook “E2E orders (EU)”?');
  await dialog.getByTestId('hook-delete-confirm').click();
  await expect(row).toHaveCount(0);
  expect(sim.world.hooks.has(created.id)).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('deleting a hook that feeds a scenario names it and deletes only after the second yes', async ({ page, consoleErrors }) => {
  const { sim } = dash();
  const { hook, scenario, teamKey } = teamWithAttachedHook();
  await openHooks(page, teamKey);
  const row = page.locator(`[data-testid="hook-row"][data-hook-id="${hook.id}"]`);
  await expect(row.getByTestId('hook-scenario')).toHaveText(scenario.name);

  await row.getByTestId('hook-delete').click();
  await page.getByTestId('hook-delete-confirm').click();
  const second = page.getByTestId('hook-delete-attached');
  await expect(second).toContainText(`This webhook feeds “${scenario.name}”`);
  expect(sim.world.hooks.has(hook.id)).toBe(true);
  await second.getByTestId('hook-delete-confirm-attached').click();
  await expect(row).toHaveCount(0);
  expect(sim.world.hooks.has(hook.id)).toBe(false);
  expect(consoleErrors).toEqual([]);
});

test('the webhooks screen passes axe (list, create form, delete question)', async ({ page, consoleErrors }) => {
  const { teamKey } = teamWithAttachedHook();
  await openHooks(page, teamKey);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByTestId('hook-create').click();
  const found = await seriousViolations(page, 'webhooks (en-light)');
  await page.screenshot({ path: screenshotPath('hooks-en-light') });
  await page.getByTestId('hook-delete').first().click();
  await expect(page.getByTestId('hook-delete-dialog')).toBeVisible();
  found.push(...(await seriousViolations(page, 'webhooks delete dialog (en-light)')));
  expect(found).toEqual([]);
  expect(consoleErrors).toEqual([]);
});
