// Dates, times, durations and schedules in the user's language, with Intl.
import type { TFunction } from 'i18next';
import type { Millis, Scheduling } from '../../../shared/domain';

// Intl formatters are costly to create (each list row asks for some): one per language and options.
const intlCache = new Map<string, Intl.NumberFormat | Intl.ListFormat>();
function cachedIntl<T extends Intl.NumberFormat | Intl.ListFormat>(key: string, make: () => T): T {
  let f = intlCache.get(key) as T | undefined;
  if (!f) {
    f = make();
    intlCache.set(key, f);
  }
  return f;
}

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
  const nf = (unit: string, n: number) =>
    cachedIntl(`duration|${lang}|${unit}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 })).format(n);
  if (ms < 1000) return nf('millisecond', ms);
  if (ms < 60_000) return nf('second', ms / 1000);
  if (ms < 3_600_000) return nf('minute', ms / 60_000);
  return nf('hour', ms / 3_600_000);
}

export function formatNumber(n: number | null, lang: string): string {
  return n === null ? '—' : cachedIntl(`number|${lang}`, () => new Intl.NumberFormat(lang)).format(n);
}

export function formatPercent(share: number, lang: string): string {
  return cachedIntl(`percent|${lang}`, () => new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 0 })).format(share);
}

const listFormat = (lang: string, style: Intl.ListFormatStyle, type?: Intl.ListFormatType) =>
  cachedIntl(`list|${lang}|${style}|${type ?? ''}`, () => new Intl.ListFormat(lang, type ? { style, type } : { style }));

/**
 * Creates (and uses once) the formatters the main window's first render needs. The first
 * Intl.DateTimeFormat of a page loads locale data and takes milliseconds; the page calls this while it
 * waits for the state, so the first render of the list does not pay for it.
 */
export function warmFormatters(lang: string, now: Millis = Date.now()): void {
  formatWhen(now, lang, now);
  formatWhen(now - 2 * 86_400_000, lang, now);
  formatRelative(now - 3_600_000, lang, now);
  formatPercent(0.5, lang);
  weekdayNames([1], lang);
}

/** Seconds → "15 minutes", "2 hours". */
function formatInterval(seconds: number, lang: string): string {
  const unit = (u: string, n: number) =>
    cachedIntl(`unit|${lang}|${u}`, () => new Intl.NumberFormat(lang, { style: 'unit', unit: u, unitDisplay: 'long' })).format(n);
  if (seconds % 86_400 === 0) return unit('day', seconds / 86_400);
  if (seconds % 3600 === 0) return unit('hour', seconds / 3600);
  if (seconds % 60 === 0) return unit('minute', seconds / 60);
  return unit('second', seconds);
}

function weekdayNames(days: number[], lang: string): string {
  // Make numbers weekdays 0 = Sunday … 6 = Saturday; 2023-01-01 was a Sunday.
  const f = dtf(lang, { weekday: 'short' });
  const names = days.map((d) => f.format(new Date(2023, 0, 1 + (d % 7))));
  return listFormat(lang, 'long', 'conjunction').format(names);
}

function monthNames(months: number[], lang: string): string {
  const f = dtf(lang, { month: 'short' });
  const names = months.map((m) => f.format(new Date(2023, m - 1, 1)));
  return listFormat(lang, 'long', 'conjunction').format(names);
}

// Thousands of scenarios share a handful of schedules: each distinct one is put in words once per
// language (keyed by the translation function, which changes with the language).
const scheduleTexts = new WeakMap<TFunction, Map<string, string>>();

/** Make's scheduling object in plain words. */
export function describeSchedule(s: Scheduling | null, t: TFunction, lang: string): string {
  let texts = scheduleTexts.get(t);
  if (!texts) {
    texts = new Map();
    scheduleTexts.set(t, texts);
  }
  const key = `${lang}|${s === null ? '' : JSON.stringify(s)}`;
  let text = texts.get(key);
  if (text === undefined) {
    text = scheduleInWords(s, t, lang);
    texts.set(key, text);
  }
  return text;
}

function scheduleInWords(s: Scheduling | null, t: TFunction, lang: string): string {
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
      return t('schedule.monthly', { days: listFormat(lang, 'short').format(days.map(String)), time });
    case 'yearly':
      return t('schedule.yearly', {
        months: monthNames(s.months ?? [], lang),
        days: listFormat(lang, 'short').format(days.map(String)),
        time,
      });
    case 'on-demand':
      return t('schedule.on-demand');
    default:
      return t('schedule.other', { type: s.type });
  }
}
