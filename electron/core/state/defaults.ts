// Starting values for entities the engine creates before it knows better.
import type { BudgetState, ConnectivityState } from '../../../shared/domain';

/** Core plan, the lowest documented limit: safe until `license.apiLimit` is read. */
export const DEFAULT_API_LIMIT = 60;
export const DEFAULT_SHARE = 0.5;

export const allowanceFor = (limitPerMin: number, share: number): number => Math.max(1, Math.floor(limitPerMin * share));

export const budgetDefaults = (apiLimit: number | null, share = DEFAULT_SHARE): BudgetState => {
  const limitPerMin = apiLimit ?? DEFAULT_API_LIMIT;
  return { limitPerMin, share, allowedPerMin: allowanceFor(limitPerMin, share), usedLastMin: 0, rateLimitedUntil: null, queued: 0 };
};

const RANK: Record<ConnectivityState, number> = { offline: 0, degraded: 1, unknown: 2, online: 3 };
/** Lower is worse. */
export const connectivityRank = (s: ConnectivityState): number => RANK[s];
