// Dates, times, durations and schedules in the user's language, with Intl.
import type { TFunction } from 'i18next';
import type { Millis, Scheduling } from '../../../shared/domain';

const cache = new Map<string, Intl.DateTimeFormat>();
function dtf(lang: string, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const k = lang + JSON.stringify(opts);
  let f = cache.get(k);
  if (!f) {
    f = new Intl.DateTimeFormat(lang, opts);
    cache.set(k, f);
  }
  return f;
}

const sameDay = (a: Date, b: Date) => a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

/** "14:02" today, "Mar 3, 14:02" otherwise. */
export function formatWhen(ms: Millis, lang: string, now: Millis): string {
  const d = new Date(ms);
  if (sameDay(d, new Date(now))) return dtf(lang, { hour: '2-digit', minute: '2-digit' }).format(d);
  return dtf(lang, { month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
}

export function formatDateTime(ms: Millis, lang: string): string {
  return dtf(lang, { dateStyle: 'medium', timeStyle: 'medium' }).format(new Date(ms));
}

const rtfCache = new Map<string, Intl.RelativeTimeFormat>();
/** "3 min ago", "in 2 hours". */
export function formatRelative(ms: Millis, lang: string, now: Millis): string {
  let rtf = rtfCache.get(lang);
  if (!rtf) {
    rtf = new Intl.RelativeTimeFormat(lang, { numeric: 'auto', style: 'short' });
    rtfCache.set(lang, rtf);
  }
  const diff = ms - now;
  const abs = Math.abs(diff);
  if (abs < 60_000) return rtf.format(Math.round(diff / 1000), 'second');
  if (abs < 3_600_000) return rtf.format(Math.round(diff / 60_000), 'minute');
  if (abs < 86_400_000) return rtf.format(Math.round(diff / 3_600_000), 'hour');
  return rtf.format(Math.round(diff / 86_400_000), 'day');
}

export function formatDuration(ms: number | null, lang: string): string {
  if (ms === null) return '—';
  const nf = (unit: string, n: number) => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(n);
  if (ms < 1000) return nf('millisecond', ms);
  if (ms < 60_000) return nf('second', ms / 1000);
  if (ms < 3_600_000) return nf('minute', ms / 60_000);
  return nf('hour', ms / 3_600_000);
}

export function formatNumber(n: number | null, lang: string): string {
  return n === null ? '—' : new Intl.NumberFormat(lang).format(n);
}

export function formatPercent(share: number, lang: string): string {
  return new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

/** Seconds → "15 minutes", "2 hours". */
function formatInterval(seconds: number, lang: string): string {
  const unit = (u: string, n: number) => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' }).format(n);
  if (seconds % 86_400 === 0) return unit('day', seconds / 86_400);
  if (seconds % 3600 === 0) return unit('hour', seconds / 3600);
  if (seconds % 60 === 0) return unit('minute', seconds / 60);
  return unit('second', seconds);
}

function weekdayNames(days: number[], lang: string): string {
  // Make numbers weekdays 0 = Sunday … 6 = Saturday; 2023-01-01 was a Sunday.
  const f = dtf(lang, { weekday: 'short' });
  const names = days.map((d) => f.format(new Date(2023, 0, 1 + (d % 7))));
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
}

function monthNames(months: number[], lang: string): string {
  const f = dtf(lang, { month: 'short' });
  const names = months.map((m) => f.format(new Date(2023, m - 1, 1)));
  return new Intl.ListFormat(lang, { style: 'long', type: 'conjunction' }).format(names);
}

/** Make's scheduling object in plain words. */
export function describeSchedule(s: Scheduling | null, t: TFunction, lang: string): string {
  if (!s) return t('schedule.none');
  const time = s.time ?? '00:00';
  const days = s.days ?? [];
  switch (s.type) {
    case 'immediately':
      return t('schedule.immediately');
    case 'indefinitely':
      return s.interval ? t('schedule.indefinitely', { every: formatInterval(s.interval, lang) }) : t('schedule.other', { type: s.type });
    case 'once':
      return t('schedule.once', { date: s.date ? formatDateTime(Date.parse(s.date), lang) : '—' });
    case 'daily':
      return t('schedule.daily', { time });
    case 'weekly':
      return t('schedule.weekly', { days: weekdayNames(days, lang), time });
    case 'monthly':
      return t('schedule.monthly', { days: new Intl.ListFormat(lang, { style: 'short' }).format(days.map(String)), time });
    case 'yearly':
      return t('schedule.yearly', {
        months: monthNames(s.months ?? [], lang),
        days: new Intl.ListFormat(lang, { style: 'short' }).format(days.map(String)),
        time,
      });
    case 'on-demand':
      return t('schedule.on-demand');
    default:
      return t('schedule.other', { type: s.type });
  }
}
