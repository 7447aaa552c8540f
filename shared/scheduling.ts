// Make's scheduling object (REFERENCE §8.4): the kinds the schedule editor offers, their validation,
// and a preview of the next run times. Pure; time and time zone are arguments.
//
// Types: `on-demand`, `immediately` (instant trigger), `indefinitely` + `interval` (seconds),
// `once` + `date`, `daily` + `time`, `weekly` + `days` (ISO weekdays 1 Mon … 7 Sun) + `time`,
// `monthly` + `days` (1–31) + `time`, `yearly` + `months` (1–12) + `days` + `time` ("specified dates").
// Times of day are wall-clock `HH:MM` in the organization's time zone.
import type { Millis, Scheduling } from './domain';
import { problem, type Problem } from './problems';
import { daysInMonth, instantOf, isValidTimeZone, isoWeekday, wallTimeAt } from './zoned-time';

export const SCHEDULE_KINDS = [
  { type: 'on-demand', label: 'On demand' },
  { type: 'immediately', label: 'Immediately (as data arrives)' },
  { type: 'indefinitely', label: 'At regular intervals' },
  { type: 'once', label: 'Once' },
  { type: 'daily', label: 'Every day' },
  { type: 'weekly', label: 'Days of the week' },
  { type: 'monthly', label: 'Days of the month' },
  { type: 'yearly', label: 'Specified dates' },
] as const;
export type ScheduleType = (typeof SCHEDULE_KINDS)[number]['type'];

const TYPES = new Set<string>(SCHEDULE_KINDS.map((k) => k.type));
const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;
/** Make's minimum on paid plans; an organization's `license.interval` may ask for more. */
export const DEFAULT_MIN_INTERVAL_MINUTES = 1;

export interface SchedulingCheckOptions {
  /** `license.interval` of the organization, in minutes. */
  minIntervalMinutes?: number;
  /** For `once`: a date in the past is refused. */
  now?: Millis;
}

const wholeIn = (v: unknown, lo: number, hi: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= lo && v <= hi;

/** Every problem with a scheduling object (empty when Make should accept it). */
export function checkScheduling(s: Scheduling, opts: SchedulingCheckOptions = {}): Problem[] {
  const problems: Problem[] = [];
  if (!TYPES.has(s.type)) return [problem('schedule-unknown-type', { type: s.type })];
  const needTime = () => {
    if (s.time === undefined) problems.push(problem('schedule-no-time'));
    else if (!TIME.test(s.time)) problems.push(problem('schedule-bad-time', { time: s.time }));
  };
  const needDays = (hi: 7 | 31) => {
    const [none, bad] = hi === 7 ? (['schedule-no-weekdays', 'schedule-bad-weekdays'] as const) : (['schedule-no-monthdays', 'schedule-bad-monthdays'] as const);
    if (!s.days || s.days.length === 0) problems.push(problem(none));
    else if (!s.days.every((d) => wholeIn(d, 1, hi))) problems.push(problem(bad));
  };
  switch (s.type) {
    case 'indefinitely': {
      const min = (opts.minIntervalMinutes ?? DEFAULT_MIN_INTERVAL_MINUTES) * 60;
      if (typeof s.interval !== 'number' || !Number.isInteger(s.interval) || s.interval <= 0) problems.push(problem('schedule-no-interval'));
      else if (s.interval < min) problems.push(problem('schedule-interval-too-short', { minutes: min / 60 }));
      break;
    }
    case 'once': {
      const at = s.date === undefined ? NaN : Date.parse(s.date);
      if (!Number.isFinite(at)) problems.push(problem('schedule-no-date'));
      else if (opts.now !== undefined && at <= opts.now) problems.push(problem('schedule-date-past'));
      break;
    }
    case 'daily':
      needTime();
      break;
    case 'weekly':
      needDays(7);
      needTime();
      break;
    case 'monthly':
      needDays(31);
      needTime();
      break;
    case 'yearly':
      if (!s.months || s.months.length === 0) problems.push(problem('schedule-no-months'));
      else if (!s.months.every((m) => wholeIn(m, 1, 12))) problems.push(problem('schedule-bad-months'));
      needDays(31);
      needTime();
      if (problems.length === 0 && !s.months!.some((m) => s.days!.some((d) => d <= daysInMonth(2024, m)))) {
        problems.push(problem('schedule-no-such-date'));
      }
      break;
    default:
      break;
  }
  return problems;
}

/** Only the fields Make reads for the type, numbers sorted and de-duplicated (what is sent). */
export function normalizeScheduling(s: Scheduling): Scheduling {
  const sorted = (a: number[] | undefined) => (a ? [...new Set(a)].sort((x, y) => x - y) : undefined);
  const time = s.time !== undefined && TIME.test(s.time) ? s.time.padStart(5, '0') : s.time;
  switch (s.type) {
    case 'indefinitely':
      return { type: s.type, ...(s.interval !== undefined ? { interval: s.interval } : {}) };
    case 'once':
      return { type: s.type, ...(s.date !== undefined ? { date: s.date } : {}) };
    case 'daily':
      return { type: s.type, ...(time !== undefined ? { time } : {}) };
    case 'weekly':
    case 'monthly':
      return { type: s.type, days: sorted(s.days) ?? [], ...(time !== undefined ? { time } : {}) };
    case 'yearly':
      return { type: s.type, months: sorted(s.months) ?? [], days: sorted(s.days) ?? [], ...(time !== undefined ? { time } : {}) };
    default:
      return { type: s.type };
  }
}

/** How far ahead calendar schedules are searched (Feb 29 may be eight years away around 2100). */
const SEARCH_DAYS = 366 * 8 + 2;

/**
 * The next `count` run times strictly after `from`, as Make would schedule them in `timeZone`.
 * Empty for schedules that have no times (on demand, instant) and for a `once` in the past.
 * Intervals count from `from` (Make counts from the previous run). Throws RangeError for an unknown
 * time zone. Advanced restrictions (`restrict`, `between`) are not applied (see advancedSchedulingOf).
 */
export function previewNextRuns(s: Scheduling, from: Millis, count: number, timeZone: string): Millis[] {
  if (!isValidTimeZone(timeZone)) throw new RangeError(`Unknown time zone "${timeZone}".`);
  const n = Math.max(0, Math.floor(count));
  if (n === 0) return [];
  switch (s.type) {
    case 'indefinitely': {
      if (typeof s.interval !== 'number' || s.interval <= 0) return [];
      return Array.from({ length: n }, (_, i) => from + (i + 1) * s.interval! * 1000);
    }
    case 'once': {
      const at = s.date === undefined ? NaN : Date.parse(s.date);
      return Number.isFinite(at) && at > from ? [at] : [];
    }
    case 'daily':
    case 'weekly':
    case 'monthly':
    case 'yearly':
      return calendarRuns(s, from, n, timeZone);
    default:
      return [];
  }
}

function calendarRuns(s: Scheduling, from: Millis, n: number, timeZone: string): Millis[] {
  const m = TIME.exec(s.time ?? '');
  if (!m) return [];
  const hour = Number(m[1]);
  const minute = Number(m[2]);
  // Sunday may arrive as 7 (ISO) or 0.
  const weekdays = new Set((s.days ?? []).map((d) => (d === 0 ? 7 : d)));
  const days = new Set(s.days ?? []);
  const months = new Set(s.months ?? []);
  if (s.type !== 'daily' && days.size === 0) return [];
  if (s.type === 'yearly' && months.size === 0) return [];

  const start = wallTimeAt(from, timeZone);
  // Walk calendar dates from the day `from` falls on (in the zone), without touching time zones.
  const cursor = new Date(Date.UTC(start.year, start.month - 1, start.day));
  const out: Millis[] = [];
  for (let i = 0; i < SEARCH_DAYS && out.length < n; i++, cursor.setUTCDate(cursor.getUTCDate() + 1)) {
    const year = cursor.getUTCFullYear();
    const month = cursor.getUTCMonth() + 1;
    const day = cursor.getUTCDate();
    if (s.type === 'weekly' && !weekdays.has(isoWeekday(year, month, day))) continue;
    if ((s.type === 'monthly' || s.type === 'yearly') && !days.has(day)) continue;
    if (s.type === 'yearly' && !months.has(month)) continue;
    const at = instantOf({ year, month, day, hour, minute }, timeZone);
    if (at > from) out.push(at);
  }
  return out;
}

/**
 * Settings Make offers on a repeating schedule that the editor does not show (REFERENCE §8.4): a new
 * schedule of a repeating type keeps them from the current one, so saving never drops them.
 */
const ADVANCED_FIELDS = ['restrict', 'between', 'maximum_runs_per_minute'] as const;
const REPEATING = new Set<string>(['indefinitely', 'daily', 'weekly', 'monthly', 'yearly']);

/** The current schedule's advanced settings (empty when it has none). */
export function advancedSchedulingOf(s: Scheduling | null | undefined): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!s) return out;
  for (const f of ADVANCED_FIELDS) {
    const v = (s as unknown as Record<string, unknown>)[f];
    if (v !== undefined && v !== null && !(Array.isArray(v) && v.length === 0)) out[f] = v;
  }
  return out;
}

/** Whether a new schedule of `type` carries advanced settings of `current` over (the editor says so). */
export const keepsAdvancedScheduling = (type: string, current: Scheduling | null | undefined): boolean =>
  REPEATING.has(type) && Object.keys(advancedSchedulingOf(current)).length > 0;

/** `next` (normalized) with the advanced settings of `current` carried over where they apply. */
export function keepAdvancedScheduling(next: Scheduling, current: Scheduling | null | undefined): Scheduling {
  return REPEATING.has(next.type) ? { ...next, ...advancedSchedulingOf(current) } : next;
}
