// The tray menu as plain data, a pure function of the state: a status line, failing scenarios first
// (each with Run now, Turn on/off, Open in Make, Mute), a line per organization, then Refresh now,
// Pause notifications, Open Make Tray, Settings, Quit. The shell turns it into a native menu.
import type { EngineState, Millis, OrgState, ScenarioState } from '../../../shared/domain';
import { compareHealth, isProblem, latestFinishedRun } from '../policy';
import { trayIconState, type TrayStatus } from './icon-state';
import { executionPageUrl, scenarioPageUrl } from './make-links';
import { t, type TrayLocale } from './strings';
import { formatClock, tomorrowAt } from './time';
import { appAction, command, type TrayAction } from './tray-action';

export interface MenuItemModel {
  /** Stable and unique within one menu (tests and the tray test hook find items by it). */
  id: string;
  kind: 'item' | 'separator' | 'submenu';
  label: string;
  enabled: boolean;
  /** What a click does; null for information lines and submenus. */
  action: TrayAction | null;
  submenu?: MenuItemModel[];
}

export interface TrayMenuSettings {
  locale: TrayLocale;
  /** IANA zone of the user's wall clock ("until tomorrow", times shown). */
  timeZone: string;
  /** Failing scenarios listed before "N more failing…" (default 10). */
  maxFailing?: number;
}

export const DEFAULT_MAX_FAILING = 10;
export const HOUR_MS = 3_600_000;

const item = (id: string, label: string, action: TrayAction | null, enabled = action !== null): MenuItemModel => ({
  id,
  kind: 'item',
  label,
  enabled,
  action,
});
const submenu = (id: string, label: string, items: MenuItemModel[]): MenuItemModel => ({
  id,
  kind: 'submenu',
  label,
  enabled: items.length > 0,
  action: null,
  submenu: items,
});
const separator = (id: string): MenuItemModel => ({ id, kind: 'separator', label: '', enabled: false, action: null });

const lastRunAt = (s: ScenarioState): number => latestFinishedRun(s.recentRuns)?.timestamp ?? -Infinity;
const byName = <T extends { name: string; key: string }>(a: T, b: T): number =>
  a.name.localeCompare(b.name, 'en') || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** Failing scenarios in menu order: unmuted first, off-by-make before failing, newest failure first. */
export function failingScenarios(state: EngineState): ScenarioState[] {
  const muted = new Set(state.mutedScenarios);
  return Object.values(state.scenarios)
    .filter((s) => isProblem(s.health) && state.orgs[s.orgKey]?.monitored !== false)
    .sort(
      (a, b) =>
        Number(muted.has(a.key)) - Number(muted.has(b.key)) || compareHealth(a.health, b.health) || lastRunAt(b) - lastRunAt(a) || byName(a, b),
    );
}

function statusLine(status: TrayStatus, state: EngineState, s: TrayMenuSettings): string {
  const time = (at: Millis | null) => (at === null ? '' : formatClock(at, s.locale, s.timeZone));
  switch (status.icon) {
    case 'signed-out':
      return t(s.locale, Object.keys(state.accounts).length === 0 ? 'status.signedOut' : 'status.needsSignIn');
    case 'failing':
      return t(s.locale, 'status.failing', { count: status.failing });
    case 'warning':
      return status.warnings > 0 ? t(s.locale, 'status.warning', { count: status.warnings }) : t(s.locale, 'status.ok');
    case 'rate-limited':
      return t(s.locale, 'status.rateLimited', { time: time(status.rateLimitedUntil) });
    case 'offline':
      return t(s.locale, 'status.offline');
    case 'paused':
      return t(s.locale, 'status.paused', { time: time(status.snoozedUntil) });
    case 'syncing':
      return t(s.locale, 'status.syncing');
    case 'ok':
      return t(s.locale, 'status.ok');
  }
}

function scenarioMenu(state: EngineState, sc: ScenarioState, muted: boolean, s: TrayMenuSettings): MenuItemModel {
  const id = `scenario:${sc.key}`;
  const name = sc.health === 'off-by-make' ? t(s.locale, 'menu.offByMake', { name: sc.name }) : sc.name;
  const label = muted ? t(s.locale, 'menu.muted', { name }) : name;
  const page = executionPageUrl(state, sc.key, latestFinishedRun(sc.recentRuns)?.id ?? null) ?? scenarioPageUrl(state, sc.key);
  const canRun = sc.isActive && !sc.isinvalid && sc.pendingRun === null;
  return submenu(id, label, [
    item(`${id}:run`, t(s.locale, sc.pendingRun ? 'menu.running' : 'menu.runNow'), command('scenario.run', { key: sc.key }), canRun),
    item(`${id}:toggle`, t(s.locale, sc.isActive ? 'menu.turnOff' : 'menu.turnOn'), command('scenario.toggle', { key: sc.key, on: !sc.isActive })),
    item(
      `${id}:open`,
      t(s.locale, 'menu.openInMake'),
      page ? command('shell.openExternal', { url: page }) : command('window.openMain', { key: sc.key }),
    ),
    item(`${id}:mute`, t(s.locale, muted ? 'menu.unmute' : 'menu.mute'), command('scenario.mute', { key: sc.key, muted: !muted })),
  ]);
}

function orgLabel(org: OrgState, failing: number, now: Millis, s: TrayMenuSettings): string {
  const name = org.name;
  if (!org.monitored) return t(s.locale, 'menu.org.notWatched', { name });
  if (org.problem) return t(s.locale, 'menu.org.problem', { name, problem: org.problem });
  if (failing > 0) return t(s.locale, 'menu.org.failing', { name, count: failing });
  const until = org.budget.rateLimitedUntil;
  if (until !== null && until > now) return t(s.locale, 'menu.org.rateLimited', { name, time: formatClock(until, s.locale, s.timeZone) });
  if (org.connectivity.state === 'offline') return t(s.locale, 'menu.org.offline', { name });
  if (org.syncing) return t(s.locale, 'menu.org.syncing', { name });
  return t(s.locale, 'menu.org.ok', { name });
}

function orgMenus(state: EngineState, now: Millis, s: TrayMenuSettings): MenuItemModel[] {
  const muted = new Set(state.mutedScenarios);
  const failingByOrg = new Map<string, number>();
  for (const sc of Object.values(state.scenarios)) {
    if (isProblem(sc.health) && !muted.has(sc.key)) failingByOrg.set(sc.orgKey, (failingByOrg.get(sc.orgKey) ?? 0) + 1);
  }
  return Object.values(state.orgs)
    .sort((a, b) => Number(b.monitored) - Number(a.monitored) || byName(a, b))
    .map((org) => {
      const id = `org:${org.key}`;
      return submenu(id, orgLabel(org, failingByOrg.get(org.key) ?? 0, now, s), [
        item(`${id}:refresh`, t(s.locale, 'menu.org.refresh'), command('refresh', { scope: org.key }), org.monitored),
        item(
          `${id}:monitor`,
          t(s.locale, org.monitored ? 'menu.org.stopWatching' : 'menu.org.watch'),
          command('accounts.setOrgMonitored', { orgKey: org.key, monitored: !org.monitored }),
        ),
      ]);
    });
}

export function trayMenuModel(state: EngineState, settings: TrayMenuSettings, now: Millis): MenuItemModel[] {
  const s = settings;
  const status = trayIconState(state, now);
  const out: MenuItemModel[] = [item('status', statusLine(status, state, s), null, false)];
  if (state.demo) out.push(item('demo', t(s.locale, 'status.demo'), null, false));
  if (status.conditions.includes('signed-out')) out.push(item('connect', t(s.locale, 'menu.connect'), appAction('open-settings')));

  const failing = failingScenarios(state);
  if (failing.length > 0) {
    const max = Math.max(0, settings.maxFailing ?? DEFAULT_MAX_FAILING);
    const muted = new Set(state.mutedScenarios);
    out.push(separator('sep:failing'));
    for (const sc of failing.slice(0, max)) out.push(scenarioMenu(state, sc, muted.has(sc.key), s));
    if (failing.length > max) out.push(item('failing:more', t(s.locale, 'menu.more', { count: failing.length - max }), command('window.openMain', {})));
  }

  const orgs = orgMenus(state, now, s);
  if (orgs.length > 0) out.push(separator('sep:orgs'), ...orgs);

  const snoozed = status.snoozedUntil !== null;
  out.push(
    separator('sep:actions'),
    item('refresh', t(s.locale, 'menu.refresh'), command('refresh', {}), Object.keys(state.accounts).length > 0),
    submenu(
      'pause',
      snoozed ? t(s.locale, 'menu.pausedUntil', { time: formatClock(status.snoozedUntil!, s.locale, s.timeZone) }) : t(s.locale, 'menu.pause'),
      [
        item('pause:1h', t(s.locale, 'menu.pause1h'), command('notifications.snooze', { until: now + HOUR_MS })),
        item('pause:tomorrow', t(s.locale, 'menu.pauseTomorrow'), command('notifications.snooze', { until: tomorrowAt(now, s.timeZone) })),
        item('pause:resume', t(s.locale, 'menu.resume'), command('notifications.snooze', { until: null }), snoozed),
      ],
    ),
    item('open', t(s.locale, 'menu.open'), command('window.openMain', {})),
    item('settings', t(s.locale, 'menu.settings'), appAction('open-settings')),
    separator('sep:quit'),
    item('quit', t(s.locale, 'menu.quit'), appAction('quit')),
  );
  return out;
}

/** Every item, depth first (tests; the tray test hook looks items up by id). */
export function flattenMenu(items: readonly MenuItemModel[]): MenuItemModel[] {
  return items.flatMap((i) => [i, ...flattenMenu(i.submenu ?? [])]);
}

/** The tray's tooltip: app name and every condition that holds, worst first. */
export function trayTooltip(state: EngineState, settings: TrayMenuSettings, now: Millis): string {
  const status = trayIconState(state, now);
  const lines = [t(settings.locale, 'tooltip.app'), statusLine(status, state, settings)];
  if (status.icon !== 'failing' && status.failing > 0) lines.push(t(settings.locale, 'status.failing', { count: status.failing }));
  if (state.demo) lines.push(t(settings.locale, 'status.demo'));
  return lines.join('\n');
}
