// The report's period as the user picks it: whole local days (`YYYY-MM-DD` from date inputs), turned
// into the half-open millisecond range main counts runs in. Pure; `now` is passed in.
export interface DayRange {
  from: string;
  to: string;
}

export const PRESETS = ['today', 'last7', 'last30', 'thisMonth', 'lastMonth'] as const;
export type Preset = (typeof PRESETS)[number];

const pad = (n: number) => String(n).padStart(2, '0');
export const dayOf = (d: Date): string => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Local midnight of a `YYYY-MM-DD` day plus `addDays`, or null for anything else. */
export function startOfDay(day: string, addDays = 0): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(y, mo - 1, d);
  if (date.getFullYear() !== y || date.getMonth() !== mo - 1 || date.getDate() !== d) return null;
  date.setDate(date.getDate() + addDays);
  return date.getTime();
}

export function presetRange(preset: Preset, now: number): DayRange {
  const today = new Date(now);
  const daysAgo = (n: number) => dayOf(new Date(today.getFullYear(), today.getMonth(), today.getDate() - n));
  switch (preset) {
    case 'today':
      return { from: daysAgo(0), to: daysAgo(0) };
    case 'last7':
      return { from: daysAgo(6), to: daysAgo(0) };
    case 'last30':
      return { from: daysAgo(29), to: daysAgo(0) };
    case 'thisMonth':
      return { from: dayOf(new Date(today.getFullYear(), today.getMonth(), 1)), to: daysAgo(0) };
    case 'lastMonth':
      return {
        from: dayOf(new Date(today.getFullYear(), today.getMonth() - 1, 1)),
        to: dayOf(new Date(today.getFullYear(), today.getMonth(), 0)),
      };
  }
}

/** The range main counts in (`from` ≤ start < `to`), with `to` the midnight after the last day; null when not a valid period. */
export function toMillisRange(days: DayRange): { from: number; to: number } | null {
  const from = startOfDay(days.from);
  const to = startOfDay(days.to, 1);
  if (from === null || to === null || from >= to) return null;
  return { from, to };
}

/** `make-report_2026-04-01_2026-04-07.csv` */
export const exportFileName = (days: DayRange, ext: 'csv' | 'html'): string => `make-report_${days.from}_${days.to}.${ext}`;
