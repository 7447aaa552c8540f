// Scheduled scenarios announce their next run (`nextExec`), and their runs usually take about as long
// as the last ones did. So the poller can read a scheduled run's log right when it should be over,
// instead of waiting for the next list to show the usage counters moving, and can spread those reads
// ahead of time. A wrong guess costs one read: the counters still announce every run. Pure.
import type { Millis, RunSummary } from '../../../shared/domain';

/** Assumed duration of a scenario whose runs were never read. */
export const EXPECT_DEFAULT_DURATION_MS = 10_000;
/** Added to the expected duration (clock skew between Make's scheduler and its logs). */
export const EXPECT_MARGIN_MS = 1_000;
/** Longer guesses are not worth a read: the counters announce such runs soon enough. */
export const EXPECT_MAX_DURATION_MS = 120_000;
/** A `nextExec` this far in the past is stale: the counters tell what happened. */
export const EXPECT_STALE_MS = 60_000;
/** Recent runs whose duration makes the guess. */
const DURATION_SAMPLE = 5;
/** Head room over the longest recent run. */
const DURATION_HEADROOM = 1.2;

/** How long the next run probably takes, from the recent finished runs (newest first). */
export function expectedDuration(recentRuns: readonly RunSummary[]): number {
  let longest = -1;
  let n = 0;
  for (const r of recentRuns) {
    if (r.status === 'running' || r.durationMs === null) continue;
    longest = Math.max(longest, r.durationMs);
    if (++n >= DURATION_SAMPLE) break;
  }
  if (longest < 0) return EXPECT_DEFAULT_DURATION_MS;
  return Math.min(EXPECT_MAX_DURATION_MS, Math.round(longest * DURATION_HEADROOM));
}

/** When to read the log of the run that starts at `nextExec`, or null when not worth guessing. */
export function expectedReadAt(nextExec: Millis, recentRuns: readonly RunSummary[], now: Millis): Millis | null {
  if (nextExec < now - EXPECT_STALE_MS) return null;
  return nextExec + expectedDuration(recentRuns) + EXPECT_MARGIN_MS;
}

/** Whether a read found the run expected to start at `start` (or a later one). */
export function foundExpectedRun(runs: readonly RunSummary[], start: Millis): boolean {
  return runs.some((r) => r.status !== 'running' && r.timestamp >= start - EXPECT_MARGIN_MS);
}

export interface UsageCounters {
  operations: number;
  transfer: number;
}

/**
 * The usage counters a read accounts for: those of the list taken at `listAt`, plus every run the read
 * returned that ended after it. When the next list shows exactly these counters, their growth is runs
 * already read and needs no other read. Null when a run lacks the figures (nothing is then explained).
 */
export function countersAfterRead(list: UsageCounters, listAt: Millis, runs: readonly RunSummary[]): UsageCounters | null {
  let { operations, transfer } = list;
  for (const r of runs) {
    if (r.status === 'running') continue;
    if (r.durationMs === null || r.operations === null || r.transfer === null) return null;
    if (r.timestamp + r.durationMs <= listAt) continue;
    operations += r.operations;
    transfer += r.transfer;
  }
  return { operations, transfer };
}
