import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { budgetFloor, CADENCE, nextCycleDelay, type CadenceInput } from '../../../electron/core/poller/cadence';

const input = (over: Partial<CadenceInput> = {}): CadenceInput => ({
  userLooking: false,
  idle: false,
  snoozed: false,
  offline: false,
  budgetPerMin: 1000,
  requestsPerCycle: 1,
  jitterRng: () => 0,
  ...over,
});

describe('nextCycleDelay', () => {
  test('looking < normal < idle; snoozed polls at the idle pace unless looking', () => {
    expect(nextCycleDelay(input({ userLooking: true }))).toBe(CADENCE.lookingMs);
    expect(nextCycleDelay(input())).toBe(CADENCE.normalMs);
    expect(nextCycleDelay(input({ idle: true }))).toBe(CADENCE.idleMs);
    expect(nextCycleDelay(input({ snoozed: true }))).toBe(CADENCE.idleMs);
    expect(nextCycleDelay(input({ snoozed: true, userLooking: true }))).toBe(CADENCE.lookingMs);
  });

  test('offline probes back off exponentially up to a cap', () => {
    const d = [0, 1, 2, 3, 10, 100].map((n) => nextCycleDelay(input({ offline: true, offlineAttempts: n })));
    expect(d).toEqual([15_000, 30_000, 60_000, 120_000, 120_000, 120_000]);
  });

  test('budget floor: one list page at 30/min with 20 log reads/min (+15% headroom) needs ≥ 8.57 s', () => {
    expect(budgetFloor(30, 1, 20)).toBeCloseTo(60_000 / (30 - 23), 6);
    expect(nextCycleDelay(input({ userLooking: true, budgetPerMin: 30, logFetchesPerMin: 20 }))).toBe(Math.ceil(60_000 / 7));
  });

  test('busy logs never squeeze the lists below their reserve', () => {
    expect(budgetFloor(30, 1, 1000)).toBeCloseTo(60_000 / (30 * CADENCE.listReserve), 6);
  });

  test('no budget at all: wait long, never zero', () => {
    expect(nextCycleDelay(input({ budgetPerMin: 0 }))).toBe(CADENCE.starvedMs);
  });

  test('jitter spreads delays and only lengthens them', () => {
    const a = nextCycleDelay(input({ jitterRng: () => 0.1 }));
    const b = nextCycleDelay(input({ jitterRng: () => 0.9 }));
    expect(a).not.toBe(b);
    expect(Math.min(a, b)).toBeGreaterThanOrEqual(CADENCE.normalMs);
  });

  test('property: never plans more requests per minute than the budget allows', () => {
    fc.assert(
      fc.property(
        fc.record({
          userLooking: fc.boolean(),
          idle: fc.boolean(),
          snoozed: fc.boolean(),
          budgetPerMin: fc.double({ min: 0.5, max: 2000, noNaN: true }),
          requestsPerCycle: fc.integer({ min: 1, max: 50 }),
          logFetchesPerMin: fc.double({ min: 0, max: 5000, noNaN: true }),
          r: fc.double({ min: 0, max: 1, noNaN: true }),
        }),
        ({ r, ...rest }) => {
          const d = nextCycleDelay({ ...rest, offline: false, jitterRng: () => r });
          const logs = Math.min(rest.logFetchesPerMin * CADENCE.logHeadroom, rest.budgetPerMin * (1 - CADENCE.listReserve));
          const perMin = (rest.requestsPerCycle * 60_000) / d + logs;
          expect(perMin).toBeLessThanOrEqual(rest.budgetPerMin * (1 + 1e-9));
          expect(d).toBeGreaterThan(0);
          expect(d).toBeLessThanOrEqual(Math.max(CADENCE.idleMs, budgetFloor(rest.budgetPerMin, rest.requestsPerCycle, rest.logFetchesPerMin)) * (1 + CADENCE.jitter) + 1);
        },
      ),
    );
  });
});
