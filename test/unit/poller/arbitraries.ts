// Shared fast-check generators for the poller's pure parts.
import fc from 'fast-check';
import type { ScenarioCounters } from '../../../electron/core/poller/diff';

export const counters = (): fc.Arbitrary<ScenarioCounters> =>
  fc.record({
    isActive: fc.boolean(),
    isinvalid: fc.boolean(),
    isPaused: fc.boolean(),
    dlqCount: fc.nat(5),
    operations: fc.nat(50),
    transfer: fc.nat(50),
    nextExec: fc.option(fc.nat(10), { nil: null }),
    lastEdit: fc.option(fc.nat(10), { nil: null }),
  });

/** A plain active scenario's counters, for tests to vary one field of. */
export const baseCounters: ScenarioCounters = {
  isActive: true,
  isinvalid: false,
  isPaused: false,
  dlqCount: 0,
  operations: 10,
  transfer: 100,
  nextExec: 1000,
  lastEdit: 5,
};

export const key = (): fc.Arbitrary<string> => fc.integer({ min: 1, max: 40 }).map((i) => `h/s${i}`);

export const snapshot = (): fc.Arbitrary<Map<string, ScenarioCounters>> =>
  fc.dictionary(key(), counters()).map((d) => new Map(Object.entries(d)));
