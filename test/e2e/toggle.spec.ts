// A user action travels page → WebSocket → command door → engine → Make (the simulator) and back.
import { expect, screenshotPath, test } from './fixtures';

test('turning a scenario off in the window turns it off in Make', async ({ dash, page, consoleErrors }) => {
  await page.goto(dash.url);
  const row = page.getByTestId('scenario-row').filter({ has: page.locator('[data-testid="scenario-toggle"][aria-checked="true"]') }).first();
  await expect(row).toBeVisible({ timeout: 30_000 });
  const key = await row.getAttribute('data-scenario-key');
  const id = Number(key?.split('/s').pop());
  expect(dash.sim.world.scenarios.get(id)?.isActive).toBe(true);
  // Search by its id so the row stays in view when the list re-sorts after the change.
  await page.getByRole('searchbox').fill(String(id));

  const toggle = page.locator(`[data-scenario-key="${key}"] [data-testid="scenario-toggle"]`);
  await toggle.click();
  await page.getByTestId('confirm-off-confirm').click();

  await expect.poll(() => dash.sim.world.scenarios.get(id)?.isActive).toBe(false);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await page.screenshot({ path: screenshotPath('after-toggle-off') });
  expect(consoleErrors).toEqual([]);
});
