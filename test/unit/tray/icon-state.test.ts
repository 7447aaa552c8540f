import { describe, expect, it } from 'vitest';
import { HEALTH_ORDER, type AccountStatus, type ConnectivityState, type EngineState, type ScenarioHealth } from '../../../shared/domain';
import { TRAY_ICON_STATES, iconSeverity, trayIconState, type TrayIconState } from '../../../electron/core/tray';
import { account, org, scenario, stateWith } from './build-state';

const NOW = 1_750_000_000_000;

type Accounts = 'none' | AccountStatus;
type When = 'none' | 'past' | 'future';

interface Combo {
  accounts: Accounts;
  health: ScenarioHealth;
  muted: boolean;
  monitored: boolean;
  rateLimited: When;
  orgConnectivity: ConnectivityState;
  globalOffline: boolean;
  snoozed: When;
  syncing: boolean;
  problem: boolean;
}

const at = (w: When) => (w === 'none' ? null : w === 'past' ? NOW - 1 : NOW + 60_000);

function build(c: Combo): EngineState {
  const o = org(1, {
    monitored: c.monitored,
    syncing: c.syncing,
    problem: c.problem ? 'Missing the scenarios:read permission' : null,
    connectivity: { state: c.orgConnectivity, lastOkAt: null, message: null },
    budget: { limitPerMin: 60, share: 0.5, allowedPerMin: 30, usedLastMin: 0, rateLimitedUntil: at(c.rateLimited), queued: 0 },
  });
  const s = scenario(1, 1, c.health);
  const state = stateWith([o], [s], {
    snoozedUntil: at(c.snoozed),
    mutedScenarios: c.muted ? [s.key] : [],
    connectivity: { state: c.globalOffline ? 'offline' : 'online', lastOkAt: null, message: null },
  });
  state.accounts = c.accounts === 'none' ? {} : { 'acc-1': account({ status: c.accounts }) };
  return state;
}

/** The rules as stated in icon-state.ts, written out per condition. */
function expected(c: Combo): { icon: TrayIconState; failing: number } {
  const counts = c.monitored && !c.muted;
  const failing = counts && (c.health === 'failing' || c.health === 'off-by-make') ? 1 : 0;
  const holds: [TrayIconState, boolean][] = [
    ['signed-out', c.accounts === 'none' || c.accounts === 'needs-sign-in' || c.accounts === 'error'],
    ['failing', failing > 0],
    ['warning', (counts && (c.health === 'warning' || c.health === 'paused')) || (c.monitored && c.problem)],
    ['rate-limited', c.monitored && c.rateLimited === 'future'],
    ['offline', c.globalOffline || (c.monitored && c.orgConnectivity === 'offline')],
    ['paused', c.snoozed === 'future'],
    ['syncing', (c.monitored && c.syncing) || c.accounts === 'checking'],
  ];
  return { icon: holds.find(([, h]) => h)?.[0] ?? 'ok', failing };
}

function* combos(): Generator<Combo> {
  const accounts: Accounts[] = ['none', 'ok', 'checking', 'needs-sign-in', 'error'];
  const whens: When[] = ['none', 'past', 'future'];
  const conns: ConnectivityState[] = ['online', 'offline', 'degraded', 'unknown'];
  const bools = [false, true];
  for (const a of accounts)
    for (const health of HEALTH_ORDER)
      for (const muted of bools)
        for (const monitored of bools)
          for (const rateLimited of whens)
            for (const orgConnectivity of conns)
              for (const globalOffline of bools)
                for (const snoozed of whens)
                  for (const syncing of bools)
                    for (const problem of bools)
                      yield { accounts: a, health, muted, monitored, rateLimited, orgConnectivity, globalOffline, snoozed, syncing, problem };
}

describe('trayIconState', () => {
  it('orders the states worst first, each once', () => {
    expect(TRAY_ICON_STATES).toEqual(['signed-out', 'failing', 'warning', 'rate-limited', 'offline', 'paused', 'syncing', 'ok']);
    expect(TRAY_ICON_STATES.map(iconSeverity)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('picks the worst condition over the whole state space (every combination)', () => {
    let checked = 0;
    const seen = new Set<TrayIconState>();
    const mismatches: string[] = [];
    for (const c of combos()) {
      const got = trayIconState(build(c), NOW);
      const want = expected(c);
      seen.add(got.icon);
      if (got.icon !== want.icon || got.failing !== want.failing) mismatches.push(`${JSON.stringify(c)} → ${got.icon}/${got.failing}, want ${want.icon}/${want.failing}`);
      // The reported conditions are sorted worst first and lead with the icon.
      const sev = got.conditions.map(iconSeverity);
      if (got.conditions[0] !== got.icon || sev.some((v, i) => i > 0 && v <= sev[i - 1]!)) mismatches.push(`conditions ${got.conditions.join(',')}`);
      checked++;
    }
    expect(mismatches.slice(0, 5)).toEqual([]);
    expect(checked).toBe(5 * 7 * 2 * 2 * 3 * 4 * 2 * 3 * 2 * 2);
    // Every icon is reachable.
    expect([...seen].sort()).toEqual([...TRAY_ICON_STATES].sort());
  });

  it('counts every failing and off-by-make scenario, leaving out muted ones and unwatched organizations', () => {
    const healths: ScenarioHealth[] = ['failing', 'off-by-make', 'failing', 'warning', 'ok', 'failing'];
    const scenarios = healths.map((h, i) => scenario(i + 1, i < 5 ? 1 : 2, h));
    const state = stateWith([org(1), org(2, { monitored: false })], scenarios, { mutedScenarios: [scenarios[2]!.key] });
    const status = trayIconState(state, NOW);
    expect(status).toMatchObject({ icon: 'failing', failing: 2, warnings: 1 });
  });

  it('reports until when it is rate-limited (the latest organization) and snoozed', () => {
    const state = stateWith(
      [1, 2, 3].map((id) =>
        org(id, { budget: { limitPerMin: 60, share: 0.5, allowedPerMin: 30, usedLastMin: 0, rateLimitedUntil: [NOW + 5, NOW + 90, NOW - 5][id - 1]!, queued: 0 } }),
      ),
      [],
      { snoozedUntil: NOW + 1000 },
    );
    const status = trayIconState(state, NOW);
    expect(status.icon).toBe('rate-limited');
    expect(status.rateLimitedUntil).toBe(NOW + 90);
    expect(status.snoozedUntil).toBe(NOW + 1000);
    expect(trayIconState(state, NOW + 91)).toMatchObject({ icon: 'paused', rateLimitedUntil: null });
    expect(trayIconState(state, NOW + 1000)).toMatchObject({ icon: 'ok', snoozedUntil: null });
  });

  it('counts a scenario whose organization is not known yet', () => {
    const state = stateWith([], [scenario(1, 9, 'failing')]);
    expect(trayIconState(state, NOW)).toMatchObject({ icon: 'failing', failing: 1 });
  });
});
