// Problems in Make reach the window: a failed run shows in the list and in the popover's summary within
// one polling cycle, and a 429 storm shows as the rate-limited state in the budget footer and clears.
// A quiet world (no random failures) so that every change on screen is the one the test made.
import type { WorldSpec } from '../../electron/sim/simulator';
import { expect, fileDashboard, keysOf, openMain, showOnly, test } from './fixtures';

const QUIET: WorldSpec = {
  seed: 11,
  zones: ['eu1'],
  historyDays: 1,
  story: false,
  errorShare: 0,
  warningShare: 0,
  activeShare: 1,
  hookShare: 0,
  dlqShare: 0,
  orgs: [{ zone: 'eu1', name: 'Quiet Orchard Ltd', plan: 'core', teams: 2, scenarios: 16 }],
};

const dash = fileDashboard({ world: QUIET });

test('a 429 storm shows as rate-limited in the budget footer and the popover, and clears after it', async ({ page, context, consoleErrors }) => {
  const d = dash();
  await openMain(page, d.url);
  const budget = page.getByTestId('org-budget');
  await expect(budget).toHaveCount(1);
  await expect(budget).toHaveAttribute('data-rate-limited', 'false');
  const popover = await context.newPage();
  await popover.goto(d.popoverUrl);
  const line = popover.getByTestId('org-summary-line');
  await expect(line).toHaveAttribute('data-condition', 'ok', { timeout: 30_000 });

  d.sim.control.setFaults({ storm429: true });
  // The window is open, so the engine polls at its fastest; the next cycle meets the storm.
  await expect(budget).toHaveAttribute('data-rate-limited', 'true');
  await expect(budget).toContainText('Rate-limited until');
  await expect(line).toHaveAttribute('data-condition', 'rate-limited');

  // The storm ends; once Make's Retry-After (60 s) has passed, the next request goes through.
  d.sim.control.clearFaults();
  await d.sim.control.clock.advance(61_000);
  await expect(budget).toHaveAttribute('data-rate-limited', 'false');
  await expect(budget).not.toContainText('Rate-limited');
  await expect(line).toHaveAttribute('data-condition', 'ok');
  await popover.close();
  expect(consoleErrors).toEqual([]);
});

test('a failed run in Make shows in the list and in the popover summary within one cycle', async ({ page, context, consoleErrors }) => {
  const d = dash();
  d.sim.control.catchUp();
  const s = [...d.sim.world.scenarios.values()]
    .filter((x) => x.isActive && x.scheduling.type === 'indefinitely' && x.nextExec !== null && !x.running)
    .sort((a, b) => (a.nextExec ?? 0) - (b.nextExec ?? 0))[0];
  if (!s || s.nextExec === null) throw new Error('the quiet world has no scheduled scenario');
  const { scenarioKey, orgKey } = keysOf(d.sim, s.id);

  await openMain(page, d.url);
  const row = await showOnly(page, d.sim, s.id);
  await expect(row.getByTestId('status-chip')).toHaveAttribute('data-health', /ok|unknown/);
  const popover = await context.newPage();
  await popover.goto(d.popoverUrl);
  const line = popover.locator(`[data-testid="org-summary-line"][data-org="${orgKey}"]`);
  await expect(line).toHaveAttribute('data-condition', 'ok', { timeout: 30_000 });
  await expect(popover.locator(`[data-testid="popover-row"][data-scenario-key="${scenarioKey}"]`)).toHaveCount(0);

  // Make runs the scenario at its next scheduled time, and this run fails.
  d.sim.control.forceNextOutcome(s.id, { status: 'error', durationMs: 1_000, errorMessage: 'E2E: the warehouse API timed out' });
  await d.sim.control.clock.advance(s.nextExec - d.clock.now() + 2_000);
  const failed = d.sim.control.executions({ scenarioId: s.id }).at(-1);
  expect(failed).toMatchObject({ status: 3 });

  // One cycle (the engine's own clock moved with Make's, so the cycle is due now).
  await expect(row.getByTestId('status-chip')).toHaveAttribute('data-health', 'failing', { timeout: 10_000 });
  await expect(line).toHaveAttribute('data-condition', 'failing', { timeout: 10_000 });
  const popRow = popover.locator(`[data-testid="popover-row"][data-scenario-key="${scenarioKey}"]`);
  await expect(popRow).toBeVisible();
  await expect(popRow).toContainText('E2E: the warehouse API timed out');
  await popover.close();
  expect(consoleErrors).toEqual([]);
});
