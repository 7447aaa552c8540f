// Wall-clock helpers for a given IANA time zone, so the tray's "until tomorrow" and "failed at 14:32"
// are pure functions of (now, timeZone) instead of reading the machine's zone.
import type { Millis } from '../../../shared/domain';
import { instantOf, wallTimeAt } from '../../../shared/zoned-time';
import type { TrayLocale } from './strings';

export { instantOf };

/** The date and time on a wall clock in `timeZone` at instant `at`. */
export const wallTime = wallTimeAt;

/** Tomorrow at `hour`:00 on the user's wall clock. */
export function tomorrowAt(now: Millis, timeZone: string, hour = 8): Millis {
  const w = wallTime(now, timeZone);
  const next = new Date(Date.UTC(w.year, w.month - 1, w.day + 1));
  return instantOf({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate(), hour, minute: 0 }, timeZone);
}

export const sameWallDay = (a: Millis, b: Millis, timeZone: string): boolean => {
  const x = wallTime(a, timeZone);
  const y = wallTime(b, timeZone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
};

const intlLocale = (locale: TrayLocale) => (locale === 'ja' ? 'ja-JP' : 'en-GB');

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'clock' | 'date', locale: TrayLocale, timeZone: string): Intl.DateTimeFormat {
  const id = `${kind}|${locale}|${timeZone}`;
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat(
      intlLocale(locale),
      kind === 'clock' ? { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' } : { timeZone, month: 'short', day: 'numeric' },
    );
    formatters.set(id, f);
  }
  return f;
}

/** `14:32` (24-hour in both languages: tray menus are narrow). */
export function formatClock(at: Millis, locale: TrayLocale, timeZone: string): string {
  return formatter('clock', locale, timeZone).format(at);
}

/** `14:32` today, else `3 Mar, 14:32` / `3月3日 14:32`. */
export function formatWhen(at: Millis, now: Millis, locale: TrayLocale, timeZone: string): { today: boolean; text: string } {
  if (sameWallDay(at, now, timeZone)) return { today: true, text: formatClock(at, locale, timeZone) };
  const date = formatter('date', locale, timeZone).format(at);
  return { today: false, text: `${date} ${formatClock(at, locale, timeZone)}` };
}
