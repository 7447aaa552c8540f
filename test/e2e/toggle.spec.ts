// A user action travels page → WebSocket → command door → engine → Make (the simulator) and back.
import { expect, fileDashboard, keysOf, openMain, screenshotPath, showOnly, test } from './fixtures';

const dash = fileDashboard();

const firstActiveScheduled = () => {
  const s = [...dash().sim.world.scenarios.values()].find((x) => x.isActive && x.scheduling.type === 'indefinitely' && x.hookId === null);
  if (!s) throw new Error('the demo world has no active scheduled scenario');
  return s;
};

test('turning a scenario off asks first; Cancel leaves it on in Make, Turn off switches it off', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = firstActiveScheduled();
  const key = keysOf(d.sim, s.id).scenarioKey;
  await showOnly(page, d.sim, s.id);
  const toggle = page.locator(`[data-scenario-key="${key}"] [data-testid="scenario-toggle"]`);
  await expect(toggle).toHaveAttribute('aria-checked', 'true');

  await toggle.click();
  const confirm = page.getByTestId('confirm-off');
  await expect(confirm).toBeVisible();
  await expect(confirm).toContainText(s.name);
  await expect(page.getByTestId('confirm-off-cancel')).toBeFocused();
  await page.getByTestId('confirm-off-cancel').click();
  await expect(confirm).toBeHidden();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  expect(d.sim.world.scenarios.get(s.id)?.isActive).toBe(true);

  await toggle.click();
  await page.getByTestId('confirm-off-confirm').click();
  await expect.poll(() => d.sim.world.scenarios.get(s.id)?.isActive).toBe(false);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(page.locator(`[data-scenario-key="${key}"] [data-testid="status-chip"]`)).toHaveAttribute('data-health', 'inactive');
  await page.screenshot({ path: screenshotPath('after-toggle-off') });
  expect(consoleErrors).toEqual([]);
});

test('turning a scenario on happens at once and Make schedules it again', async ({ page, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const s = [...d.sim.world.scenarios.values()].find((x) => !x.isActive && x.scheduling.type === 'indefinitely' && x.hookId === null && x.profile.brokenSince === null);
  if (!s) throw new Error('no inactive scenario in the world');
  await showOnly(page, d.sim, s.id);
  const toggle = page.locator(`[data-scenario-key="${keysOf(d.sim, s.id).scenarioKey}"] [data-testid="scenario-toggle"]`);
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await toggle.click();
  await expect(page.getByTestId('confirm-off')).toHaveCount(0);
  await expect.poll(() => d.sim.world.scenarios.get(s.id)?.isActive).toBe(true);
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  // Make plans its next run once it is on.
  await expect.poll(() => d.sim.world.scenarios.get(s.id)?.nextExec ?? null).not.toBeNull();
  expect(consoleErrors).toEqual([]);
});
