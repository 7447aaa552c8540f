import fc from 'fast-check';
import type { Scheduling } from '../../../shared/domain';
import { problemText } from '../../../shared/problems';
import { describe, expect, it } from 'vitest';
import {
  checkScheduling,
  instantOf,
  normalizeScheduling,
  advancedSchedulingOf,
  keepAdvancedScheduling,
  previewNextRuns,
  wallTimeAt,
} from '../../../electron/core/management';

const U = Date.UTC;
const iso = (ts: number[]) => ts.map((t) => new Date(t).toISOString());

describe('previewNextRuns per type', () => {
  it('has no times for on-demand and instant schedules', () => {
    expect(previewNextRuns({ type: 'on-demand' }, U(2026, 0, 1), 5, 'UTC')).toEqual([]);
    expect(previewNextRuns({ type: 'immediately' }, U(2026, 0, 1), 5, 'UTC')).toEqual([]);
  });

  it('counts intervals in seconds from `from`', () => {
    const from = U(2026, 0, 1, 10, 7);
    expect(previewNextRuns({ type: 'indefinitely', interval: 900 }, from, 3, 'Europe/Prague')).toEqual([from + 900_000, from + 1_800_000, from + 2_700_000]);
    expect(previewNextRuns({ type: 'indefinitely' }, from, 3, 'UTC')).toEqual([]);
  });

  it('runs once only when the date is still ahead', () => {
    const date = '2026-05-01T08:00:00.000Z';
    expect(previewNextRuns({ type: 'once', date }, U(2026, 3, 1), 3, 'UTC')).toEqual([Date.parse(date)]);
    expect(previewNextRuns({ type: 'once', date }, Date.parse(date), 3, 'UTC')).toEqual([]);
    expect(previewNextRuns({ type: 'once', date: 'soon' }, 0, 3, 'UTC')).toEqual([]);
  });

  it('every day at a wall time, in the zone, strictly after `from`', () => {
    const runs = previewNextRuns({ type: 'daily', time: '08:00' }, U(2026, 2, 27, 12), 3, 'Europe/Prague');
    // CET (+1) until the night of 29 March, then CEST (+2).
    expect(runs).toEqual([U(2026, 2, 28, 7), U(2026, 2, 29, 6), U(2026, 2, 30, 6)]);
  });

  it('days of the week use ISO numbers (1 Monday … 7 Sunday); 0 is read as Sunday too', () => {
    const from = U(2026, 3, 1, 9, 15); // Wednesday 09:15: that run is not "next"
    expect(iso(previewNextRuns({ type: 'weekly', days: [5, 1, 3], time: '09:15' }, from, 3, 'UTC'))).toEqual([
      '2026-04-03T09:15:00.000Z',
      '2026-04-06T09:15:00.000Z',
      '2026-04-08T09:15:00.000Z',
    ]);
    const sunday = [U(2026, 3, 5, 9, 15)];
    expect(previewNextRuns({ type: 'weekly', days: [7], time: '09:15' }, from, 1, 'UTC')).toEqual(sunday);
    expect(previewNextRuns({ type: 'weekly', days: [0], time: '09:15' }, from, 1, 'UTC')).toEqual(sunday);
    expect(previewNextRuns({ type: 'weekly', days: [], time: '09:15' }, from, 1, 'UTC')).toEqual([]);
  });

  it('days of the month skip months without that day', () => {
    const runs = previewNextRuns({ type: 'monthly', days: [31, 15], time: '12:00' }, U(2026, 0, 20), 7, 'UTC');
    expect(iso(runs).map((s) => s.slice(0, 10))).toEqual(['2026-01-31', '2026-02-15', '2026-03-15', '2026-03-31', '2026-04-15', '2026-05-15', '2026-05-31']);
  });

  it('specified dates (yearly) find 29 February years ahead', () => {
    const runs = previewNextRuns({ type: 'yearly', months: [2], days: [29], time: '00:00' }, U(2026, 0, 1), 2, 'UTC');
    expect(iso(runs)).toEqual(['2028-02-29T00:00:00.000Z', '2032-02-29T00:00:00.000Z']);
    expect(previewNextRuns({ type: 'yearly', months: [1], days: [1], time: '09:00' }, U(2026, 5, 1), 1, 'Asia/Tokyo')).toEqual([U(2027, 0, 1, 0)]);
    expect(previewNextRuns({ type: 'yearly', months: [2], days: [30], time: '09:00' }, U(2026, 5, 1), 1, 'UTC')).toEqual([]);
  });

  it('walks the calendar of the zone, not of UTC, for zones ahead and behind', () => {
    expect(previewNextRuns({ type: 'daily', time: '00:00' }, U(2026, 4, 1), 1, 'Asia/Kolkata')).toEqual([U(2026, 4, 1, 18, 30)]);
    expect(previewNextRuns({ type: 'daily', time: '20:00' }, U(2026, 4, 1, 2), 1, 'America/Los_Angeles')).toEqual([U(2026, 4, 1, 3)]);
  });

  it('refuses an unknown time zone and answers nothing for count 0', () => {
    expect(() => previewNextRuns({ type: 'daily', time: '08:00' }, 0, 1, 'Mars/Olympus')).toThrow(RangeError);
    expect(previewNextRuns({ type: 'daily', time: '08:00' }, 0, 0, 'UTC')).toEqual([]);
    expect(previewNextRuns({ type: 'daily' }, 0, 2, 'UTC')).toEqual([]);
  });
});

describe('previewNextRuns across daylight-saving changes', () => {
  it('a time skipped by spring-forward moves forward by the gap (Europe/Prague)', () => {
    const runs = previewNextRuns({ type: 'daily', time: '02:30' }, U(2026, 2, 28), 3, 'Europe/Prague');
    // 28 Mar 02:30 CET; 29 Mar 02:30 does not exist → 03:30 CEST; 30 Mar 02:30 CEST.
    expect(runs).toEqual([U(2026, 2, 28, 1, 30), U(2026, 2, 29, 1, 30), U(2026, 2, 30, 0, 30)]);
  });

  it('a time repeated by fall-back runs once, at its first occurrence (Europe/Prague)', () => {
    const runs = previewNextRuns({ type: 'daily', time: '02:30' }, U(2026, 9, 24), 3, 'Europe/Prague');
    expect(runs).toEqual([U(2026, 9, 24, 0, 30), U(2026, 9, 25, 0, 30), U(2026, 9, 26, 1, 30)]);
  });

  it('weekly in New York keeps the wall time over the March change', () => {
    const runs = previewNextRuns({ type: 'weekly', days: [7], time: '01:30' }, U(2026, 2, 1), 3, 'America/New_York');
    expect(runs).toEqual([U(2026, 2, 1, 6, 30), U(2026, 2, 8, 6, 30), U(2026, 2, 15, 5, 30)]);
  });

  it('instantOf and wallTimeAt agree on ordinary times (property)', () => {
    const zones = ['UTC', 'Europe/Prague', 'America/New_York', 'Asia/Tokyo', 'Australia/Lord_Howe', 'Asia/Kathmandu'];
    fc.assert(
      fc.property(fc.constantFrom(...zones), fc.integer({ min: U(2024, 0, 1), max: U(2030, 0, 1) }), (zone, t) => {
        const minute = Math.floor(t / 60_000) * 60_000;
        const w = wallTimeAt(minute, zone);
        const back = instantOf(w, zone);
        // Either the same instant, or the earlier of two with this wall time (fall-back hour).
        expect(back === minute || (back < minute && minute - back <= 3_600_000)).toBe(true);
        expect(wallTimeAt(back, zone)).toMatchObject({ hour: w.hour, minute: w.minute, day: w.day });
      }),
      { numRuns: 300, seed: 7 },
    );
  });

  it('daily runs are increasing, after `from`, and about a day apart in any zone (property)', () => {
    const zones = ['Europe/Prague', 'America/Santiago', 'Australia/Sydney', 'Pacific/Chatham', 'UTC'];
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.integer({ min: U(2025, 0, 1), max: U(2028, 0, 1) }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        (zone, from, h, m) => {
          const time = `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
          const runs = previewNextRuns({ type: 'daily', time }, from, 5, zone);
          expect(runs).toHaveLength(5);
          expect(runs[0]!).toBeGreaterThan(from);
          expect(runs[0]! - from).toBeLessThanOrEqual(26 * 3_600_000);
          for (let i = 1; i < runs.length; i++) {
            const gap = runs[i]! - runs[i - 1]!;
            expect(gap).toBeGreaterThanOrEqual(22 * 3_600_000);
            expect(gap).toBeLessThanOrEqual(26 * 3_600_000);
          }
        },
      ),
      { numRuns: 150, seed: 11 },
    );
  });
});

describe('checkScheduling and normalizeScheduling', () => {
  it('accepts each well-formed type', () => {
    for (const s of [
      { type: 'on-demand' },
      { type: 'immediately' },
      { type: 'indefinitely', interval: 900 },
      { type: 'once', date: '2030-01-01T10:00:00Z' },
      { type: 'daily', time: '7:05' },
      { type: 'weekly', days: [1, 7], time: '23:59' },
      { type: 'monthly', days: [1, 31], time: '00:00' },
      { type: 'yearly', months: [2], days: [29], time: '12:00' },
    ]) {
      expect(checkScheduling(s, { now: Date.UTC(2026, 0, 1) })).toEqual([]);
    }
  });

  it('names each problem in plain words', () => {
    const check = (...args: Parameters<typeof checkScheduling>) => checkScheduling(...args).map((p) => problemText(p));
    expect(check({ type: 'hourly' })).toEqual(['"hourly" is not one of Make\'s schedule types.']);
    expect(check({ type: 'indefinitely' })).toEqual(['Choose how often it runs (a whole number of seconds).']);
    expect(check({ type: 'indefinitely', interval: 300 }, { minIntervalMinutes: 15 })).toEqual(['The interval must be at least 15 min on this plan.']);
    expect(check({ type: 'once', date: '2020-01-01T00:00:00Z' }, { now: Date.UTC(2026, 0, 1) })).toEqual(['The date of a single run must be in the future.']);
    expect(check({ type: 'daily', time: '24:00' })).toEqual(['"24:00" is not a time of day (HH:MM, 00:00–23:59).']);
    expect(check({ type: 'weekly', days: [8], time: '10:00' })).toEqual(['Each day of the week must be a whole number from 1 to 7.']);
    expect(check({ type: 'monthly', time: '10:00' })).toEqual(['Choose at least one day of the month.']);
    expect(check({ type: 'yearly', months: [2], days: [30, 31], time: '10:00' })).toEqual(['None of the chosen dates exists in the calendar.']);
  });

  it('keeps only the fields of the type, sorted and de-duplicated', () => {
    expect(normalizeScheduling({ type: 'weekly', days: [5, 1, 5], time: '7:05', interval: 60 })).toEqual({ type: 'weekly', days: [1, 5], time: '07:05' });
    expect(normalizeScheduling({ type: 'on-demand', time: '10:00' })).toEqual({ type: 'on-demand' });
  });

  it('keeps the advanced settings made in Make when a repeating schedule is replaced', () => {
    const restrict = [{ days: [1, 2], time: ['08:00', '18:00'] }];
    const current = { type: 'indefinitely', interval: 900, restrict, between: [], maximum_runs_per_minute: 5 } as Scheduling;
    expect(advancedSchedulingOf(current)).toEqual({ restrict: restrict, maximum_runs_per_minute: 5 });
    expect(keepAdvancedScheduling({ type: 'daily', time: '09:00' }, current)).toEqual({ type: 'daily', time: '09:00', restrict: restrict, maximum_runs_per_minute: 5 });
    // Runs that are not repeated by a schedule have nothing to restrict.
    expect(keepAdvancedScheduling({ type: 'on-demand' }, current)).toEqual({ type: 'on-demand' });
    expect(keepAdvancedScheduling({ type: 'daily', time: '09:00' }, null)).toEqual({ type: 'daily', time: '09:00' });
  });
});
