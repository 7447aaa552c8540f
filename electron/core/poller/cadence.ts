// How long to wait before the next cycle of one organization. Pure.
//
// Decisions:
// - Looking (tray menu or window open): fastest; normal: a failure should show within seconds; idle
//   (user away): slower, since nobody reads a notification before they return.
// - Snoozed: keeps polling at the idle pace. Snooze silences notifications, not monitoring: the tray icon
//   and run history stay current, and failures during the snooze are already in the state when it ends.
//   If the user opens the tray while snoozed, the looking pace applies.
// - Offline: no cycle, one probe with exponential backoff.
// - Budget: a cycle's list pages plus the expected log reads must fit the allowed requests per minute, so
//   the delay never drops below what the budget can pay for, whatever the mode. Jitter only lengthens the
//   delay, so several organizations drift apart without ever overspending.
export interface CadenceInput {
  userLooking: boolean;
  idle: boolean;
  snoozed: boolean;
  offline: boolean;
  /** Consecutive failed probes while offline (0 for the first). */
  offlineAttempts?: number;
  /** Requests per minute the app allows itself for this organization now. */
  budgetPerMin: number;
  /** Fixed cost of one cycle: the scenario list pages. */
  requestsPerCycle: number;
  /** Log reads per minute the recent activity calls for. */
  logFetchesPerMin?: number;
  /** Uniform in [0, 1). */
  jitterRng: () => number;
}

export const CADENCE = {
  lookingMs: 5_000,
  /** Not much slower than looking: one list page is cheap next to the log reads it saves (W1 bench). */
  normalMs: 7_000,
  idleMs: 30_000,
  offlineBaseMs: 15_000,
  offlineMaxMs: 120_000,
  /** When no request is affordable at all (budget 0), look again after this long. */
  starvedMs: 60_000,
  /** Fraction of the budget always kept for list pages, however busy the logs are. */
  listReserve: 0.15,
  /**
   * Log reads are planned with this much headroom over the observed demand: at full utilisation the
   * queue of pending reads never drains and detection latency grows without bound.
   */
  logHeadroom: 1.15,
  jitter: 0.15,
} as const;

export function baseDelay(input: Pick<CadenceInput, 'userLooking' | 'idle' | 'snoozed'>): number {
  if (input.userLooking) return CADENCE.lookingMs;
  if (input.idle || input.snoozed) return CADENCE.idleMs;
  return CADENCE.normalMs;
}

/** The shortest delay the budget can pay for, in ms. */
export function budgetFloor(budgetPerMin: number, requestsPerCycle: number, logFetchesPerMin = 0): number {
  if (requestsPerCycle <= 0) return 0;
  if (!(budgetPerMin > 0)) return Number.POSITIVE_INFINITY;
  const logs = Math.min(Math.max(0, logFetchesPerMin) * CADENCE.logHeadroom, budgetPerMin * (1 - CADENCE.listReserve));
  return (60_000 * requestsPerCycle) / (budgetPerMin - logs);
}

export function nextCycleDelay(input: CadenceInput): number {
  const jitter = 1 + CADENCE.jitter * clamp01(input.jitterRng());
  if (input.offline) {
    const attempts = Math.max(0, input.offlineAttempts ?? 0);
    const backoff = Math.min(CADENCE.offlineMaxMs, CADENCE.offlineBaseMs * 2 ** Math.min(attempts, 16));
    return Math.ceil(backoff * jitter);
  }
  const floor = budgetFloor(input.budgetPerMin, input.requestsPerCycle, input.logFetchesPerMin);
  if (!Number.isFinite(floor)) return Math.ceil(CADENCE.starvedMs * jitter);
  return Math.ceil(Math.max(baseDelay(input), floor) * jitter);
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(Math.max(x, 0), 0.999999) : 0;
}
