import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { LOG_OVERLAP_MS, planLogFetches, type LogFetchPlan } from '../../../electron/core/poller/plan';
import { TIER_ORDER, type PendingSignal } from '../../../electron/core/poller/signals';
import { key } from './arbitraries';

const NOW = 1_000_000_000;
const LOOKBACK = 3_600_000;
const OVERLAP = 600_000;
const sig = (k: string, tier: PendingSignal['tier'], since = 0): PendingSignal => ({ key: k, tier, since });

const signal = () =>
  fc.record({ key: key(), tier: fc.constantFrom<PendingSignal['tier']>('failure', 'activity', 'new'), since: fc.nat(100) });
const lastSeen = () =>
  fc.dictionary(key(), fc.integer({ min: NOW - 2 * LOOKBACK, max: NOW + 10 })).map((d) => new Map(Object.entries(d)));
const sweep = () =>
  fc.record({
    candidates: fc.uniqueArray(key(), { maxLength: 30 }),
    cursor: fc.integer({ min: -5, max: 60 }),
    maxPerCycle: fc.nat(10),
  });

describe('planLogFetches', () => {
  test('failure signals go before activity, activity before new', () => {
    const plan = planLogFetches(
      [sig('z/s3', 'new'), sig('z/s1', 'activity'), sig('z/s2', 'failure', 5)],
      new Map(),
      2,
      NOW,
    );
    expect(plan.fetches.map((f) => [f.key, f.reason])).toEqual([
      ['z/s2', 'failure'],
      ['z/s1', 'activity'],
    ]);
    expect(plan.deferred).toEqual([sig('z/s3', 'new')]);
  });

  test('from is the last run seen less the overlap for long parallel runs, bounded by the lookback window', () => {
    const plan = planLogFetches(
      [sig('z/s1', 'activity'), sig('z/s2', 'activity'), sig('z/s3', 'activity'), sig('z/s4', 'activity')],
      new Map([
        ['z/s1', NOW - 5_000],
        ['z/s2', NOW - 10 * LOOKBACK],
        ['z/s4', NOW - LOOKBACK + 1_000],
      ]),
      10,
      NOW,
      undefined,
      LOOKBACK,
      OVERLAP,
    );
    expect(Object.fromEntries(plan.fetches.map((f) => [f.key, f.from]))).toEqual({
      'z/s1': NOW - 5_000 - OVERLAP,
      'z/s2': NOW - LOOKBACK,
      'z/s3': NOW - LOOKBACK,
      'z/s4': NOW - LOOKBACK,
    });
  });

  test('the default overlap covers the longest run Make allows (40 min)', () => {
    const plan = planLogFetches([sig('z/s1', 'activity')], new Map([['z/s1', NOW - 1_000]]), 1, NOW);
    expect(plan.fetches[0]!.from).toBeLessThanOrEqual(NOW - 1_000 - 40 * 60_000);
    expect(LOG_OVERLAP_MS).toBeGreaterThanOrEqual(40 * 60_000);
  });

  test('zero or negative budget plans nothing and defers everything', () => {
    for (const b of [0, -3, 0.7]) {
      const plan = planLogFetches([sig('z/s1', 'failure')], new Map(), b, NOW, {
        candidates: ['z/s4'],
        cursor: 0,
        maxPerCycle: 5,
      });
      expect(plan.fetches).toEqual([]);
      expect(plan.deferred).toHaveLength(1);
    }
  });

  test('the sweep round-robins active scenarios with the budget left', () => {
    const candidates = ['z/s1', 'z/s2', 'z/s3', 'z/s4', 'z/s5'];
    const p1 = planLogFetches([sig('z/s2', 'activity')], new Map(), 3, NOW, { candidates, cursor: 0, maxPerCycle: 5 });
    expect(p1.fetches.map((f) => `${f.key}:${f.reason}`)).toEqual(['z/s2:activity', 'z/s1:sweep', 'z/s3:sweep']);
    const p2 = planLogFetches([], new Map(), 3, NOW, { candidates, cursor: p1.sweepCursor, maxPerCycle: 2 });
    expect(p2.fetches.map((f) => f.key)).toEqual(['z/s4', 'z/s5']);
    const p3 = planLogFetches([], new Map(), 3, NOW, { candidates, cursor: p2.sweepCursor, maxPerCycle: 2 });
    expect(p3.fetches.map((f) => f.key)).toEqual(['z/s1', 'z/s2']);
  });

  test('started signals wait until due and do not hold the sweep back', () => {
    const plan = planLogFetches([{ key: 'z/s1', tier: 'started', since: 0, dueAt: NOW + 1 }, { key: 'z/s2', tier: 'started', since: 0, dueAt: NOW }], new Map(), 5, NOW, {
      candidates: ['z/s3'],
      cursor: 0,
      maxPerCycle: 5,
    });
    expect(plan.fetches.map((f) => `${f.key}:${f.reason}`)).toEqual(['z/s2:started', 'z/s3:sweep']);
    expect(plan.deferred.map((s) => s.key)).toEqual(['z/s1']);
  });

  test('no sweep while signals wait', () => {
    const plan = planLogFetches([sig('z/s1', 'failure'), sig('z/s2', 'activity')], new Map(), 1, NOW, {
      candidates: ['z/s3'],
      cursor: 0,
      maxPerCycle: 5,
    });
    expect(plan.fetches.map((f) => f.key)).toEqual(['z/s1']);
    expect(plan.sweepCursor).toBe(0);
  });

  const check = (signals: PendingSignal[], seen: Map<string, number>, budget: number, sw: Parameters<typeof planLogFetches>[4]) => {
    const plan: LogFetchPlan = planLogFetches(signals, seen, budget, NOW, sw, LOOKBACK);
    const keys = plan.fetches.map((f) => f.key);
    // Budget is never exceeded and no scenario is read twice.
    expect(plan.fetches.length).toBeLessThanOrEqual(Math.max(0, budget));
    expect(new Set(keys).size).toBe(keys.length);
    // Every signalled scenario is either read now or still pending: nothing is dropped.
    const signalled = new Set(signals.map((s) => s.key));
    const served = new Set(plan.fetches.filter((f) => f.reason !== 'sweep').map((f) => f.key));
    const deferred = new Set(plan.deferred.map((s) => s.key));
    expect(new Set([...served, ...deferred])).toEqual(signalled);
    for (const k of served) expect(deferred.has(k)).toBe(false);
    // Urgency order: nothing deferred is more urgent than something served.
    const worstServed = Math.max(-1, ...plan.fetches.filter((f) => f.reason !== 'sweep').map((f) => TIER_ORDER[f.reason as PendingSignal['tier']]));
    for (const d of plan.deferred) expect(TIER_ORDER[d.tier]).toBeGreaterThanOrEqual(worstServed);
    // The sweep only spends what signals left, within its own cap, on candidates.
    const swept = plan.fetches.filter((f) => f.reason === 'sweep');
    if (plan.deferred.length > 0) expect(swept).toEqual([]);
    expect(swept.length).toBeLessThanOrEqual(sw?.maxPerCycle ?? 0);
    for (const f of swept) expect(sw?.candidates).toContain(f.key);
    // from: within the window, the last seen run less the overlap when that is inside it.
    for (const f of plan.fetches) {
      expect(f.from).toBeGreaterThanOrEqual(NOW - LOOKBACK);
      expect(f.from).toBeLessThanOrEqual(NOW);
      const s = seen.get(f.key);
      if (s !== undefined && s - LOG_OVERLAP_MS >= NOW - LOOKBACK && s <= NOW) expect(f.from).toBe(s - LOG_OVERLAP_MS);
    }
  };

  test('properties: budget, no duplicates, nothing dropped, urgency, sweep bounds, from', () => {
    fc.assert(
      fc.property(fc.array(signal(), { maxLength: 30 }), lastSeen(), fc.integer({ min: -2, max: 40 }), sweep(), (s, seen, b, sw) =>
        check(s, seen, b, sw),
      ),
    );
  });

  test('property: with no signals the sweep visits every candidate within ceil(n/k) cycles', () => {
    fc.assert(
      fc.property(fc.uniqueArray(key(), { minLength: 1, maxLength: 30 }), fc.integer({ min: 1, max: 7 }), fc.nat(100), (candidates, k, start) => {
        const seen = new Set<string>();
        let cursor = start;
        for (let i = 0; i < Math.ceil(candidates.length / k); i++) {
          const p = planLogFetches([], new Map(), k, NOW, { candidates, cursor, maxPerCycle: k });
          expect(p.fetches.length).toBe(Math.min(k, candidates.length));
          p.fetches.forEach((f) => seen.add(f.key));
          cursor = p.sweepCursor;
        }
        expect(seen).toEqual(new Set(candidates));
      }),
    );
  });
});
