import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { diffScenarioSnapshots, type ScenarioCounters } from '../../../electron/core/poller/diff';
import { mergeSignals, signalsFromDiff, STARTED_GRACE_MS, TIER_ORDER, type PendingSignal } from '../../../electron/core/poller/signals';
import { baseCounters as base, key } from './arbitraries';

const one = (prev: ScenarioCounters, next: ScenarioCounters) =>
  signalsFromDiff(diffScenarioSnapshots(new Map([['z/s1', prev]]), new Map([['z/s1', next]])), 42);

describe('signalsFromDiff', () => {
  test.each<[string, Partial<ScenarioCounters>, PendingSignal['tier'] | null]>([
    ['dlqCount up', { dlqCount: 1 }, 'failure'],
    ['switched off by Make', { isActive: false, isinvalid: true }, 'failure'],
    ['isinvalid alone', { isinvalid: true }, 'failure'],
    ['operations grew', { operations: 11 }, 'activity'],
    ['transfer grew', { transfer: 101 }, 'activity'],
    ['nextExec moved', { nextExec: 2000 }, 'started'],
    ['dlq up and operations grew: failure wins', { dlqCount: 2, operations: 20 }, 'failure'],
    ['usage period reset (operations fell)', { operations: 0, transfer: 0 }, null],
    ['dlqCount down (retried/resolved)', {}, null],
    ['edited only', { lastEdit: 6 }, null],
    ['paused by plan', { isPaused: true }, null],
    ['switched off by the user', { isActive: false, nextExec: null }, null],
  ])('%s', (_name, patch, tier) => {
    const prev = _name.startsWith('dlqCount down') ? { ...base, dlqCount: 3 } : base;
    const got = one(prev, { ...base, ...patch });
    expect(got).toEqual(tier ? [{ key: 'z/s1', tier, since: 42, ...(tier === 'started' ? { dueAt: 42 + STARTED_GRACE_MS } : {}) }] : []);
  });

  test('switched on counts as activity (activation triggers a run)', () => {
    expect(one({ ...base, isActive: false, nextExec: null }, { ...base, isActive: true })[0]?.tier).toBe('activity');
  });

  test('nextExec changes of an inactive scenario are no signal', () => {
    const off = { ...base, isActive: false };
    expect(one(off, { ...off, nextExec: 3 })).toEqual([]);
  });

  test('appeared scenarios get a "new" signal', () => {
    const d = diffScenarioSnapshots(new Map(), new Map([['z/s9', base]]));
    expect(signalsFromDiff(d, 7)).toEqual([{ key: 'z/s9', tier: 'new', since: 7 }]);
  });
});

describe('mergeSignals', () => {
  const signal = () =>
    fc.record({ key: key(), tier: fc.constantFrom<PendingSignal['tier']>('failure', 'activity', 'new'), since: fc.nat(100) });

  test('a stronger signal makes a started one due at once; two started keep the earlier deadline', () => {
    const started = (since: number): PendingSignal => ({ key: 'z/s1', tier: 'started', since, dueAt: since + 100 });
    expect(mergeSignals([started(5)], [{ key: 'z/s1', tier: 'activity', since: 9 }])).toEqual([{ key: 'z/s1', tier: 'activity', since: 5 }]);
    expect(mergeSignals([started(5)], [started(1)])).toEqual([{ key: 'z/s1', tier: 'started', since: 1, dueAt: 101 }]);
  });

  test('one per key, most urgent tier, oldest since, sorted by urgency', () => {
    fc.assert(
      fc.property(fc.array(signal()), fc.array(signal()), (a, b) => {
        const merged = mergeSignals(a, b);
        const all = [...a, ...b];
        expect(new Set(merged.map((s) => s.key)).size).toBe(merged.length);
        expect(new Set(merged.map((s) => s.key))).toEqual(new Set(all.map((s) => s.key)));
        for (const m of merged) {
          const same = all.filter((s) => s.key === m.key);
          expect(TIER_ORDER[m.tier]).toBe(Math.min(...same.map((s) => TIER_ORDER[s.tier])));
          expect(m.since).toBe(Math.min(...same.map((s) => s.since)));
        }
        for (let i = 1; i < merged.length; i++) {
          const p = merged[i - 1] as PendingSignal;
          const c = merged[i] as PendingSignal;
          expect(TIER_ORDER[p.tier] < TIER_ORDER[c.tier] || (p.tier === c.tier && p.since <= c.since)).toBe(true);
        }
      }),
    );
  });
});
