// Wall-clock time in an IANA time zone ↔ epoch ms, with Intl only. Pure.
import type { Millis } from './domain';

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    // Throws RangeError for an unknown zone.
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall time at `t` in `timeZone` (seconds dropped). */
export function wallTimeAt(t: Millis, timeZone: string): WallTime & { second: number } {
  const parts = formatter(timeZone).formatToParts(new Date(t));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour') % 24, minute: get('minute'), second: get('second') };
}

/** Offset of `timeZone` from UTC at instant `t`, in ms (Prague in summer: +7_200_000). */
export function offsetAt(t: Millis, timeZone: string): number {
  const w = wallTimeAt(t, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(t / 1000) * 1000;
}

const DAY_MS = 86_400_000;

/**
 * The instant a wall time happens in `timeZone`. A time that happens twice (clocks going back) gives
 * the first; a time that does not exist (clocks going forward) moves forward by the gap, e.g. 02:30 on
 * the spring-forward night in Europe/Prague gives 03:30.
 */
export function instantOf(w: WallTime, timeZone: string): Millis {
  const naive = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const before = offsetAt(naive - DAY_MS, timeZone);
  const after = offsetAt(naive + DAY_MS, timeZone);
  const candidates = [...new Set([naive - before, naive - after])].filter((t) => {
    const x = wallTimeAt(t, timeZone);
    return x.year === w.year && x.month === w.month && x.day === w.day && x.hour === w.hour && x.minute === w.minute;
  });
  if (candidates.length > 0) return Math.min(...candidates);
  return naive - before;
}

/** Days in a month of the proleptic Gregorian calendar (month 1–12). */
export const daysInMonth = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** ISO weekday of a calendar date: 1 Monday … 7 Sunday. */
export function isoWeekday(year: number, month: number, day: number): number {
  const d = new Date(Date.UTC(year, month - 1, day)).getUTCDay();
  return d === 0 ? 7 : d;
}
