// How many requests one cycle may spend: a token bucket refilled at the governor's background rate, so
// the poller plans only what the governor will let through without queueing. Pure.
import type { Millis } from '../../../shared/domain';

export interface LogBudget {
  /** Requests available now (fractional). */
  credit: number;
  at: Millis;
}

export interface BudgetRate {
  /** Requests per minute the poller may spend on average. */
  perMin: number;
  /** Most the bucket holds, in ms of refill (bounds bursts after a quiet spell). */
  burstMs: number;
}

export const emptyBudget = (now: Millis): LogBudget => ({ credit: 0, at: now });

export function refill(b: LogBudget, rate: BudgetRate, now: Millis): LogBudget {
  const elapsed = Math.max(0, now - b.at);
  const cap = (rate.perMin * rate.burstMs) / 60_000;
  return { credit: Math.min(cap, b.credit + (rate.perMin * elapsed) / 60_000), at: Math.max(now, b.at) };
}

/** Spends `n` requests; the bucket may go negative (a list needed more pages than planned), which delays later spending. */
export const spend = (b: LogBudget, n: number): LogBudget => ({ credit: b.credit - n, at: b.at });

/** Whole requests available, never more than the governor's window still admits. */
export const available = (b: LogBudget, windowLeft: number): number => Math.max(0, Math.min(Math.floor(b.credit), Math.floor(windowLeft)));
