// Which scenario logs to read this cycle, within the requests the budget leaves after the list.
// Failure signals first, then activity, then new scenarios; whatever budget remains goes to a slow
// round-robin sweep over active scenarios, so a signal the list failed to show costs latency only.
import type { Millis, ScenarioKey } from '../../../shared/domain';
import type { PendingSignal, SignalTier } from './signals';
import { isDue, sortSignals } from './signals';

export interface LogFetch {
  key: ScenarioKey;
  /**
   * Lower time bound for `GET /scenarios/{id}/logs?from=`: the start of the newest run already seen,
   * less LOG_OVERLAP_MS (see there).
   */
  from: Millis;
  reason: SignalTier | 'sweep';
}

export interface SweepInput {
  /** Scenarios the sweep walks through (active ones), in a stable order. */
  candidates: readonly ScenarioKey[];
  /** Where the previous sweep stopped. */
  cursor: number;
  /** Upper bound of sweep fetches per cycle (keeps the sweep slow and leaves room for user actions). */
  maxPerCycle: number;
}

export interface LogFetchPlan {
  fetches: LogFetch[];
  /** Signals not served this cycle (no budget left, or not due yet); they keep their place for the next one. */
  deferred: PendingSignal[];
  sweepCursor: number;
}

/** How far back a log read may reach when nothing (or something very old) was seen. */
export const DEFAULT_LOOKBACK_MS = 24 * 60 * 60 * 1000;
/**
 * A log carries its run's start time but appears when the run ends. Where runs of one scenario overlap
 * (webhooks processed in parallel), a long run can start before the newest run already seen and end
 * after it was read; reads therefore reach back this far before that run's start (Make stops an
 * execution after 40 minutes), and the runs read twice are merged by execution id.
 */
export const LOG_OVERLAP_MS = 45 * 60 * 1000;

export function planLogFetches(
  signals: readonly PendingSignal[],
  lastSeenRunByScenario: Pick<ReadonlyMap<ScenarioKey, Millis>, 'get'>,
  budgetLeft: number,
  now: Millis,
  sweep: SweepInput = { candidates: [], cursor: 0, maxPerCycle: 0 },
  lookbackMs: number = DEFAULT_LOOKBACK_MS,
  overlapMs: number = LOG_OVERLAP_MS,
): LogFetchPlan {
  const budget = Math.max(0, Math.floor(budgetLeft));
  const fromFor = (key: ScenarioKey): Millis => {
    const floor = now - lookbackMs;
    const seen = lastSeenRunByScenario.get(key);
    return seen === undefined ? floor : Math.min(now, Math.max(seen - overlapMs, floor));
  };

  const ordered = sortSignals([...signals]);
  const fetches: LogFetch[] = [];
  const deferred: PendingSignal[] = [];
  const planned = new Set<ScenarioKey>();
  let waiting = 0;
  for (const s of ordered) {
    if (planned.has(s.key)) continue;
    if (!isDue(s, now)) {
      deferred.push(s);
      continue;
    }
    if (fetches.length < budget) {
      fetches.push({ key: s.key, from: fromFor(s.key), reason: s.tier });
      planned.add(s.key);
    } else {
      deferred.push(s);
      waiting++;
    }
  }

  let cursor = sweep.cursor;
  const n = sweep.candidates.length;
  if (n > 0 && waiting === 0) {
    const room = Math.min(budget - fetches.length, Math.max(0, Math.floor(sweep.maxPerCycle)));
    let taken = 0;
    let visited = 0;
    cursor = ((cursor % n) + n) % n;
    while (taken < room && visited < n) {
      const key = sweep.candidates[cursor] as ScenarioKey;
      cursor = (cursor + 1) % n;
      visited++;
      if (planned.has(key)) continue;
      fetches.push({ key, from: fromFor(key), reason: 'sweep' });
      planned.add(key);
      taken++;
    }
  }
  return { fetches, deferred, sweepCursor: cursor };
}
