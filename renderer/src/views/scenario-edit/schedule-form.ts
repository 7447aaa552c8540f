// The schedule editor's form state ↔ Make's scheduling object. Pure; the time zone is an argument.
import type { ScheduleRequest } from '../../../../shared/contract-scenario-edit';
import type { Millis, Scheduling } from '../../../../shared/domain';
import type { Problem } from '../../../../shared/problems';
import { SCHEDULE_KINDS, checkScheduling, normalizeScheduling, previewNextRuns } from '../../../../shared/scheduling';
import { instantOf, isValidTimeZone, wallTimeAt } from '../../../../shared/zoned-time';

export type ScheduleTypeName = (typeof SCHEDULE_KINDS)[number]['type'];
export const SCHEDULE_TYPES: readonly ScheduleTypeName[] = SCHEDULE_KINDS.map((k) => k.type);

export interface ScheduleDraft {
  type: ScheduleTypeName;
  /** Minutes, as typed. */
  intervalMinutes: string;
  /** `YYYY-MM-DDTHH:MM` (a datetime-local value) in `timeZone`. */
  date: string;
  /** `HH:MM`. */
  time: string;
  weekdays: number[];
  monthDays: number[];
  months: number[];
}

const pad = (n: number) => String(n).padStart(2, '0');

/** The form for a scenario's current schedule (what it lacks filled with sensible defaults). */
export function draftOf(s: Scheduling | null, now: Millis, timeZone: string): ScheduleDraft {
  const type = (SCHEDULE_TYPES as readonly string[]).includes(s?.type ?? '') ? (s!.type as ScheduleTypeName) : 'on-demand';
  const date = s?.type === 'once' && s.date && Number.isFinite(Date.parse(s.date)) ? Date.parse(s.date) : now + 86_400_000;
  const w = wallTimeAt(date, timeZone);
  return {
    type,
    intervalMinutes: String(s?.type === 'indefinitely' && s.interval ? Math.max(1, Math.round(s.interval / 60)) : 15),
    date: `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`,
    time: s?.time && /^\d{1,2}:\d{2}$/.test(s.time) ? s.time.padStart(5, '0') : '08:00',
    weekdays: s?.type === 'weekly' ? [...(s.days ?? [])] : [1, 2, 3, 4, 5],
    monthDays: s?.type === 'monthly' || s?.type === 'yearly' ? [...(s.days ?? [])] : [1],
    months: s?.type === 'yearly' ? [...(s.months ?? [])] : [1],
  };
}

/** A datetime-local value in `timeZone` as an instant, or null when it isn't one. */
function instantOfLocal(value: string, timeZone: string): Millis | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!m) return null;
  return instantOf({ year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]) }, timeZone);
}

/** What is sent to Make for the form (normalized: only the fields the type reads). */
export function schedulingOf(d: ScheduleDraft, timeZone: string): Scheduling {
  switch (d.type) {
    case 'indefinitely': {
      const minutes = Number(d.intervalMinutes.trim());
      return normalizeScheduling({ type: d.type, ...(d.intervalMinutes.trim() !== '' && Number.isFinite(minutes) ? { interval: Math.round(minutes * 60) } : {}) });
    }
    case 'once': {
      const at = instantOfLocal(d.date, timeZone);
      return normalizeScheduling({ type: d.type, ...(at !== null ? { date: new Date(at).toISOString() } : {}) });
    }
    case 'daily':
      return normalizeScheduling({ type: d.type, time: d.time });
    case 'weekly':
      return normalizeScheduling({ type: d.type, days: d.weekdays, time: d.time });
    case 'monthly':
      return normalizeScheduling({ type: d.type, days: d.monthDays, time: d.time });
    case 'yearly':
      return normalizeScheduling({ type: d.type, months: d.months, days: d.monthDays, time: d.time });
    default:
      return { type: d.type };
  }
}

export interface SchedulePreview {
  scheduling: ScheduleRequest;
  /** Main's own checks, run here first (worded by useProblemText). */
  problems: Problem[];
  /** The next run times; empty for on demand and instant. */
  nextRuns: Millis[];
}

export function previewOf(d: ScheduleDraft, now: Millis, timeZone: string, count = 5): SchedulePreview {
  const zone = isValidTimeZone(timeZone) ? timeZone : 'UTC';
  const scheduling = schedulingOf(d, zone);
  const problems = checkScheduling(scheduling, { now });
  // The type comes from the form's own list of Make's types, so it is one the contract accepts.
  return { scheduling: scheduling as ScheduleRequest, problems, nextRuns: problems.length > 0 ? [] : previewNextRuns(scheduling, now, count, zone) };
}

export const toggled = (list: readonly number[], n: number): number[] => (list.includes(n) ? list.filter((x) => x !== n) : [...list, n].sort((a, b) => a - b));

/** The machine's time zone (the renderer's); Make's own is the organization's setting. */
export function localTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}
