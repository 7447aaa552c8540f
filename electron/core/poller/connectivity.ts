// What a failed or successful request means for a zone's connectivity, in plain words. Pure.
import type { Connectivity, Millis } from '../../../shared/domain';

/** How the engine reacts to a failure. */
export type FailureClass =
  | 'offline' // no connection at all (refused, reset, DNS): back off and probe
  | 'degraded' // the server answers badly (5xx, timeouts, malformed body): back off and retry
  | 'rate-limited' // 429: the governor pauses the organization
  | 'auth' // credential rejected: the account needs sign-in
  | 'not-found' // the entity is gone (deleted scenario or organization)
  | 'forbidden' // missing rights or scope for this organization
  | 'other';

/** The fields of a Make client error this module reads (structural, so it stays pure and testable). */
export interface ErrorFacts {
  kind?: string;
  status?: number;
  code?: string;
}

export function classifyFailure(err: unknown): FailureClass {
  if (typeof err !== 'object' || err === null) return 'other';
  const { kind, status, code } = err as ErrorFacts;
  if (kind === 'network') return 'offline';
  if (kind === 'timeout' || kind === 'invalid-response' || kind === 'too-large') return 'degraded';
  if (kind === 'http' && status !== undefined) {
    if (status === 429) return 'rate-limited';
    if (status === 401 || (status === 403 && code === 'IM102')) return 'auth';
    if (status === 403 || status === 402) return 'forbidden';
    if (status === 404) return 'not-found';
    if (status >= 500 || status === 408) return 'degraded';
  }
  return 'other';
}

/** Whether a failure says something about the zone's reachability (and not about one entity). */
export const isConnectivityFailure = (c: FailureClass): boolean => c === 'offline' || c === 'degraded';

export interface ZoneHealth {
  connectivity: Connectivity;
  /** Consecutive cycles/probes that ended with a connectivity failure. */
  failures: number;
}

export const initialZoneHealth = (): ZoneHealth => ({
  connectivity: { state: 'unknown', lastOkAt: null, message: null },
  failures: 0,
});

export function zoneSucceeded(prev: ZoneHealth, at: Millis): ZoneHealth {
  return { connectivity: { state: 'online', lastOkAt: at, message: null }, failures: 0 };
}

export function zoneFailed(prev: ZoneHealth, failure: FailureClass, zone: string): ZoneHealth {
  if (failure !== 'offline' && failure !== 'degraded') return prev;
  const message =
    failure === 'offline'
      ? `Can't reach ${zone}. Showing the last known state; checking again shortly.`
      : `${zone} is answering slowly or with errors. Showing the last known state; retrying shortly.`;
  return {
    connectivity: { state: failure, lastOkAt: prev.connectivity.lastOkAt, message },
    failures: prev.failures + 1,
  };
}

const RANK: Record<Connectivity['state'], number> = { offline: 3, degraded: 2, unknown: 1, online: 0 };

/** The worst of several zones (for the overall indicator). No zones: unknown. */
export function worstConnectivity(zones: readonly Connectivity[]): Connectivity {
  if (zones.length === 0) return { state: 'unknown', lastOkAt: null, message: null };
  let worst = zones[0] as Connectivity;
  for (const z of zones) if (RANK[z.state] > RANK[worst.state]) worst = z;
  const lastOk = zones.map((z) => z.lastOkAt).filter((t): t is Millis => t !== null);
  return { ...worst, lastOkAt: lastOk.length ? Math.min(...lastOk) : null };
}
