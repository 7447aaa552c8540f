// Running a scenario from the window: the form (or JSON editor), the run starting in Make, and its
// status arriving live in the dialog, checked against the simulator's ground truth.
import { expect, fileDashboard, openMain, showOnly, test } from './fixtures';

const dash = fileDashboard();

test('a scenario with inputs: the form checks what is required, runs with the typed data, and follows the run live', async ({ page, consoleErrors }) => {
  const d = dash();
  const s = [...d.sim.world.scenarios.values()].find((x) => x.isActive && (x.interfaceInput?.length ?? 0) > 0 && !x.running);
  if (!s) throw new Error('the demo world has no scenario with inputs');
  const startedAfter = d.clock.now();
  d.sim.control.forceNextOutcome(s.id, { status: 'warning', durationMs: 1500 });

  await openMain(page, d.url);
  const row = await showOnly(page, d.sim, s.id);
  await row.getByTestId('scenario-run').click();
  const dialog = page.getByTestId('run-dialog');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByTestId('run-field-email')).toBeVisible();

  // Required input missing: said at the field, nothing is run.
  await dialog.getByTestId('run-submit').click();
  await expect(dialog.getByTestId('run-field-email')).toHaveAttribute('aria-invalid', 'true');
  expect(d.sim.control.executions({ scenarioId: s.id, since: startedAfter })).toEqual([]);

  await dialog.getByTestId('run-field-email').fill('e2e@example.com');
  await dialog.getByTestId('run-field-note').fill('started from the e2e test');
  await dialog.getByTestId('run-submit').click();
  const outcome = dialog.getByTestId('run-outcome');
  await expect(outcome).toHaveAttribute('data-status', /running|2/);
  await expect(outcome).toHaveAttribute('data-status', '2', { timeout: 20_000 });

  const runs = d.sim.control.executions({ scenarioId: s.id, since: startedAfter });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ type: 'manual', status: 2 });
  expect(consoleErrors).toEqual([]);
});

test('a scenario without inputs: JSON input, a failed run shows Make’s error message live', async ({ page, consoleErrors }) => {
  const d = dash();
  const s = [...d.sim.world.scenarios.values()].find((x) => x.isActive && x.scheduling.type === 'on-demand' && !x.interfaceInput?.length && !x.running);
  if (!s) throw new Error('the demo world has no on-demand scenario without inputs');
  const startedAfter = d.clock.now();
  d.sim.control.forceNextOutcome(s.id, { status: 'error', durationMs: 1200, errorMessage: 'E2E: the CRM answered 503' });

  await openMain(page, d.url);
  const row = await showOnly(page, d.sim, s.id);
  await row.getByTestId('scenario-run').click();
  const dialog = page.getByTestId('run-dialog');
  const json = dialog.getByTestId('run-json');
  await expect(json).toBeVisible();
  await json.fill('{"orderId": 42');
  await expect(dialog.getByTestId('run-submit')).toBeDisabled();
  await json.fill('{"orderId": 42}');
  await dialog.getByTestId('run-submit').click();

  const outcome = dialog.getByTestId('run-outcome');
  await expect(outcome).toHaveAttribute('data-status', '3', { timeout: 20_000 });
  const runs = d.sim.control.executions({ scenarioId: s.id, since: startedAfter });
  expect(runs).toHaveLength(1);
  expect(runs[0]).toMatchObject({ type: 'manual', status: 3 });
  await expect(outcome).toContainText(runs[0]!.error?.message ?? 'missing ground truth');
  // What was typed is still there after the run.
  await expect(json).toHaveValue('{"orderId": 42}');
  expect(consoleErrors).toEqual([]);
});
