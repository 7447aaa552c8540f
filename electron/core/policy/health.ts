// Scenario health and its severity order. Pure.
import { HEALTH_ORDER } from '../../../shared/domain';
import type { RunSummary, ScenarioHealth, ScenarioState } from '../../../shared/domain';

export type HealthFacts = Pick<ScenarioState, 'isActive' | 'isinvalid' | 'isPaused'>;

/** The newest finished run (a run still going says nothing about health yet). */
export function latestFinishedRun(runs: readonly RunSummary[]): RunSummary | undefined {
  let best: RunSummary | undefined;
  for (const r of runs) {
    if (r.status === 'running') continue;
    if (!best || r.timestamp > best.timestamp) best = r;
  }
  return best;
}

/**
 * Switched off by Make beats everything; then what the last finished run says (a scenario the user
 * turned off after it failed still shows as failing); then plan trouble; then the user's switch.
 */
export function deriveHealth(facts: HealthFacts, recentRuns: readonly RunSummary[]): ScenarioHealth {
  if (facts.isinvalid) return 'off-by-make';
  const last = latestFinishedRun(recentRuns);
  if (last?.status === 3) return 'failing';
  if (last?.status === 2) return 'warning';
  if (facts.isPaused) return 'paused';
  if (!facts.isActive) return 'inactive';
  return 'ok';
}

const severityIndex = new Map<ScenarioHealth, number>(HEALTH_ORDER.map((h, i) => [h, i]));

/** 0 is the worst; sort ascending to list the worst first. */
export const healthSeverity = (h: ScenarioHealth): number => severityIndex.get(h) ?? HEALTH_ORDER.length;

export const compareHealth = (a: ScenarioHealth, b: ScenarioHealth): number => healthSeverity(a) - healthSeverity(b);

/** Health that should turn the tray icon red / amber. */
export const isProblem = (h: ScenarioHealth): boolean => h === 'off-by-make' || h === 'failing';
export const isWarning = (h: ScenarioHealth): boolean => h === 'warning' || h === 'paused';
