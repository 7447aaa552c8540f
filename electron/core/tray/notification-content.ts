// What an OS notification says, for a notification the policy decided: title = the scenario, body =
// what happened and when, click = that run's log in Make (null: open Make Tray), and the buttons where
// the OS shows them. Pure: the policy's data, the state (for names and links), language, zone and time in.
import type { EngineState, Millis, NotificationSpec } from '../../../shared/domain';
import { executionPageUrl } from './make-links';
import { t, type TrayLocale } from './strings';
import { formatWhen } from './time';
import { command, type TrayAction } from './tray-action';

export type NotificationActionId = 'run-again' | 'mute';

export interface NotificationActionModel {
  id: NotificationActionId;
  label: string;
  action: TrayAction;
}

export interface NotificationContent {
  /** The policy's id: the OS tag, so a repeat replaces instead of stacking. */
  id: string;
  title: string;
  body: string;
  /** Make page to open on click; null opens Make Tray (at the scenario when there is one). */
  url: string | null;
  scenarioKey: string | null;
  actions: NotificationActionModel[];
}

export interface NotificationContext {
  timeZone: string;
  /** Names and links come from here when the notification's params lack them. */
  state?: EngineState;
}

/** Longest error message shown (OS notifications cut long bodies anyway, and unevenly). */
export const MAX_MESSAGE_CHARS = 180;

const str = (v: string | number | null | undefined): string | null => (typeof v === 'string' && v.trim() ? v.trim() : typeof v === 'number' ? String(v) : null);
const num = (v: string | number | null | undefined): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

function oneLine(text: string, max = MAX_MESSAGE_CHARS): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function notificationContent(n: NotificationSpec, locale: TrayLocale, now: Millis, ctx: NotificationContext): NotificationContent {
  const p = n.params;
  const scenario = n.scenarioKey ? ctx.state?.scenarios[n.scenarioKey] : undefined;
  const orgName = str(p.orgName) ?? (scenario ? (ctx.state?.orgs[scenario.orgKey]?.name ?? null) : null);
  const scenarioName = str(p.scenarioName) ?? scenario?.name ?? t(locale, 'notify.unnamed');
  const at = num(p.runAt) ?? n.at;
  const when = formatWhen(at, now, locale, ctx.timeZone);
  const whenText = t(locale, when.today ? 'when.today' : 'when.other', when.today ? { time: when.text } : { date: when.text });
  const org = orgName ? `${oneLine(orgName, 60)} · ` : '';
  const url = n.scenarioKey && ctx.state ? executionPageUrl(ctx.state, n.scenarioKey, n.executionId) : null;
  const base = { id: n.id, url, scenarioKey: n.scenarioKey };

  const message = () => {
    const m = str(p.errorMessage);
    const mod = str(p.errorModule);
    if (!m) return t(locale, 'notify.noMessage');
    return oneLine(mod ? `${mod}: ${m}` : m);
  };
  const actions = (ids: NotificationActionId[]): NotificationActionModel[] =>
    n.scenarioKey === null
      ? []
      : ids.map((id) =>
          id === 'run-again'
            ? { id, label: t(locale, 'notify.action.runAgain'), action: command('scenario.run', { key: n.scenarioKey! }) }
            : { id, label: t(locale, 'notify.action.mute'), action: command('scenario.mute', { key: n.scenarioKey!, muted: true }) },
        );

  switch (n.kind) {
    case 'failure': {
      const count = num(p.failedRuns) ?? 1;
      const head = count > 1 ? t(locale, 'notify.failure.many', { org, count, when: whenText }) : t(locale, 'notify.failure.one', { org, when: whenText });
      return { ...base, title: oneLine(scenarioName, 120), body: `${head}\n${message()}`, actions: actions(['run-again', 'mute']) };
    }
    case 'warning':
      return {
        ...base,
        title: oneLine(scenarioName, 120),
        body: `${t(locale, 'notify.warning', { org, when: whenText })}\n${message()}`,
        actions: actions(['run-again', 'mute']),
      };
    case 'off-by-make': {
      const detail = str(p.errorMessage) ? message() : t(locale, 'notify.offByMake.hint');
      // Make won't run a scenario it switched off: no "Run again".
      return { ...base, title: oneLine(scenarioName, 120), body: `${t(locale, 'notify.offByMake', { org, when: whenText })}\n${detail}`, actions: actions(['mute']) };
    }
    case 'fixed':
      return { ...base, title: oneLine(scenarioName, 120), body: t(locale, 'notify.fixed', { org, when: whenText }), actions: [] };
    case 'summary': {
      const count = num(p.count) ?? 0;
      const others = num(p.others) ?? Math.max(0, count - 1);
      const first = str(p.firstScenarioName) ?? t(locale, 'notify.unnamed');
      return {
        id: n.id,
        url: null,
        scenarioKey: null,
        title: t(locale, 'notify.summary.title', { count }),
        body: others > 0 ? t(locale, 'notify.summary.body', { first: oneLine(first, 80), others }) : t(locale, 'notify.summary.bodyOne', { first: oneLine(first, 80) }),
        actions: [],
      };
    }
  }
}
