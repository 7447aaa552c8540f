// Which icon the tray shows: the worst condition across everything watched. Pure: state and time in.
import type { EngineState, Millis, OrgState, ScenarioState } from '../../../shared/domain';
import { isProblem, isWarning } from '../policy';

/**
 * Worst first; the first that holds wins. Signed-out leads: when Make no longer accepts a sign-in the
 * app is blind to new failures there, and a red icon from older data would hide that (the failing
 * count still travels with it). Rate-limited and offline follow the scenario states because they only
 * delay news; snoozed ("paused") and the first sync are information, not trouble.
 */
export const TRAY_ICON_STATES = ['signed-out', 'failing', 'warning', 'rate-limited', 'offline', 'paused', 'syncing', 'ok'] as const;
export type TrayIconState = (typeof TRAY_ICON_STATES)[number];

export interface TrayStatus {
  icon: TrayIconState;
  /** Scenarios failing or turned off by Make (muted ones left out), in watched organizations. */
  failing: number;
  warnings: number;
  /** Every condition that holds, worst first (the tooltip lists them). */
  conditions: TrayIconState[];
  /** Until when, for `rate-limited` (the latest of the organizations) and `paused`. */
  rateLimitedUntil: Millis | null;
  snoozedUntil: Millis | null;
}

export const iconSeverity = (s: TrayIconState): number => TRAY_ICON_STATES.indexOf(s);

/** Organizations the app watches (an org it was told to skip doesn't color the icon). */
export const watchedOrgs = (state: EngineState): OrgState[] => Object.values(state.orgs).filter((o) => o.monitored);

/** Scenarios of watched organizations; a scenario whose org is not (yet) known counts as watched. */
export function watchedScenarios(state: EngineState): ScenarioState[] {
  return Object.values(state.scenarios).filter((s) => state.orgs[s.orgKey]?.monitored !== false);
}

/** True when no account can be used to watch anything. */
export function isSignedOut(state: EngineState): boolean {
  const accounts = Object.values(state.accounts);
  return accounts.length === 0 || accounts.some((a) => a.status === 'needs-sign-in' || a.status === 'error');
}

export function trayIconState(state: EngineState, now: Millis): TrayStatus {
  const muted = new Set(state.mutedScenarios);
  const scenarios = watchedScenarios(state).filter((s) => !muted.has(s.key));
  const orgs = watchedOrgs(state);
  const failing = scenarios.filter((s) => isProblem(s.health)).length;
  const warnings = scenarios.filter((s) => isWarning(s.health)).length;
  const limitedUntil = orgs.map((o) => o.budget.rateLimitedUntil).filter((t): t is Millis => t !== null && t > now);
  const snoozed = state.snoozedUntil !== null && state.snoozedUntil > now;
  const offline = state.connectivity.state === 'offline' || orgs.some((o) => o.connectivity.state === 'offline');
  const syncing = orgs.some((o) => o.syncing) || Object.values(state.accounts).some((a) => a.status === 'checking');

  const holds: Record<TrayIconState, boolean> = {
    'signed-out': isSignedOut(state),
    failing: failing > 0,
    warning: warnings > 0 || orgs.some((o) => o.problem !== null),
    'rate-limited': limitedUntil.length > 0,
    offline,
    paused: snoozed,
    syncing,
    ok: true,
  };
  const conditions = TRAY_ICON_STATES.filter((s) => holds[s]);
  return {
    icon: conditions[0] ?? 'ok',
    failing,
    warnings,
    conditions,
    rateLimitedUntil: limitedUntil.length ? Math.max(...limitedUntil) : null,
    snoozedUntil: snoozed ? state.snoozedUntil : null,
  };
}
