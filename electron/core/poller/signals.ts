// Turns list movements into "look at this scenario's logs" signals, and keeps the ones not yet served.
// A signal stays pending until its logs were fetched, so a busy cycle delays a look, never drops it.
import type { Millis, ScenarioKey } from '../../../shared/domain';
import type { SnapshotDiff } from './diff';

/**
 * `failure`: the list itself says something went wrong (incomplete execution stored, switched off by Make).
 * `activity`: it ran (operations/transfer grew, just switched on).
 * `new`: appeared after the first sync; its history is unknown.
 * `started`: only `nextExec` moved: a scheduled run began, and its log appears when it ends, which the
 *   usage counters normally announce. Read anyway once `dueAt` passes, in case they don't.
 */
export type SignalTier = 'failure' | 'activity' | 'new' | 'started';

export const TIER_ORDER: Record<SignalTier, number> = { failure: 0, activity: 1, new: 2, started: 3 };

/** How long a `started` signal waits for the usage counters before its logs are read regardless. */
export const STARTED_GRACE_MS = 90_000;

export interface PendingSignal {
  key: ScenarioKey;
  tier: SignalTier;
  /** First time this scenario was seen moving without its logs being read since. */
  since: Millis;
  /** Not worth a read before this instant (only `started` signals carry one). */
  dueAt?: Millis;
}

/** Whether the planner may spend a read on the signal now. */
export const isDue = (s: PendingSignal, now: Millis): boolean => s.dueAt === undefined || s.dueAt <= now;

export function signalsFromDiff(diff: SnapshotDiff, now: Millis): PendingSignal[] {
  const out: PendingSignal[] = [];
  for (const { key, prev, next } of diff.changed) {
    const failure =
      next.dlqCount > prev.dlqCount ||
      (next.isinvalid && !prev.isinvalid) ||
      (prev.isActive && !next.isActive && next.isinvalid);
    // Usage counters fall back at the start of a usage period; only growth means a run. A run hidden by
    // such a reset is left to the safety sweep.
    const activity = next.operations > prev.operations || next.transfer > prev.transfer || (!prev.isActive && next.isActive);
    const started = next.nextExec !== prev.nextExec && prev.isActive && next.isActive;
    if (failure) out.push({ key, tier: 'failure', since: now });
    else if (activity) out.push({ key, tier: 'activity', since: now });
    else if (started) out.push({ key, tier: 'started', since: now, dueAt: now + STARTED_GRACE_MS });
  }
  for (const key of diff.appeared) out.push({ key, tier: 'new', since: now });
  return out;
}

/** One signal per scenario: the most urgent tier, the oldest `since`. Result sorted by urgency. */
export function mergeSignals(pending: readonly PendingSignal[], fresh: readonly PendingSignal[]): PendingSignal[] {
  const byKey = new Map<ScenarioKey, PendingSignal>();
  for (const s of [...pending, ...fresh]) {
    const cur = byKey.get(s.key);
    if (!cur) {
      byKey.set(s.key, { ...s });
      continue;
    }
    const tier = TIER_ORDER[s.tier] < TIER_ORDER[cur.tier] ? s.tier : cur.tier;
    const merged: PendingSignal = { key: s.key, tier, since: Math.min(s.since, cur.since) };
    // A stronger signal makes the read due now; two `started` ones keep the earlier deadline.
    if (tier === 'started') merged.dueAt = Math.min(s.dueAt ?? Infinity, cur.dueAt ?? Infinity);
    byKey.set(s.key, merged);
  }
  return sortSignals([...byKey.values()]);
}

export function sortSignals(signals: PendingSignal[]): PendingSignal[] {
  return signals.sort(
    (a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier] || a.since - b.since || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
}

/** Drops signals of scenarios that no longer exist. */
export function dropSignals(pending: readonly PendingSignal[], gone: ReadonlySet<ScenarioKey>): PendingSignal[] {
  return pending.filter((s) => !gone.has(s.key));
}
