// The schedule editor's form ↔ Make's scheduling object, in a time zone that isn't the machine's.
import { describe, expect, it } from 'vitest';
import { draftOf, previewOf as preview, schedulingOf } from '../../renderer/src/views/scenario-edit/schedule-form';
import { problemText } from '../../shared/problems';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
/** The preview with its problems in English words. */
const previewOf = (...args: Parameters<typeof preview>) => {
  const p = preview(...args);
  return { ...p, problems: p.problems.map((x) => problemText(x)) };
};

describe('schedule form', () => {
  it('fills a form from each of Make’s types and gives the same schedule back', () => {
    for (const s of [
      { type: 'indefinitely', interval: 3600 },
      { type: 'daily', time: '08:05' },
      { type: 'weekly', days: [1, 5], time: '09:30' },
      { type: 'monthly', days: [1, 31], time: '23:59' },
      { type: 'yearly', months: [3, 12], days: [24], time: '00:00' },
      { type: 'on-demand' },
    ]) {
      expect(schedulingOf(draftOf(s, NOW, 'Asia/Tokyo'), 'Asia/Tokyo')).toEqual(s);
    }
  });

  it('a single run is the wall time in the chosen zone, and must lie ahead', () => {
    const d = { ...draftOf(null, NOW, 'Asia/Tokyo'), type: 'once' as const, date: '2025-03-01T09:00' };
    expect(schedulingOf(d, 'Asia/Tokyo')).toEqual({ type: 'once', date: '2025-03-01T00:00:00.000Z' });
    expect(previewOf(d, NOW, 'Asia/Tokyo').nextRuns).toEqual([Date.UTC(2025, 2, 1, 0, 0)]);
    expect(previewOf({ ...d, date: '2024-03-01T09:00' }, NOW, 'Asia/Tokyo').problems).toEqual(['The date of a single run must be in the future.']);
  });

  it('previews intervals from now and refuses an interval under a minute', () => {
    const d = { ...draftOf(null, NOW, 'UTC'), type: 'indefinitely' as const, intervalMinutes: '15' };
    expect(previewOf(d, NOW, 'UTC', 2).nextRuns).toEqual([NOW + 900_000, NOW + 1_800_000]);
    expect(previewOf({ ...d, intervalMinutes: '0.5' }, NOW, 'UTC').problems).toEqual(['The interval must be at least 1 min on this plan.']);
    expect(previewOf({ ...d, intervalMinutes: '' }, NOW, 'UTC').problems).toEqual(['Choose how often it runs (a whole number of seconds).']);
  });
});
