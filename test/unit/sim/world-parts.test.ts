import { expect, test } from 'vitest';
import { OrgRateLimiter } from '../../../electron/sim/rate-limit';
import { nextRunAfter } from '../../../electron/sim/world/blueprint';
import { ControllableClock } from '../../../electron/sim/world/clock';
import { MinHeap } from '../../../electron/sim/world/heap';
import { Rng, hash32 } from '../../../electron/sim/world/rng';
import { executionId } from '../../../electron/sim/world/scheduler';

const T = Date.UTC(2026, 3, 6, 9, 30); // a Monday

test('min-heap pops in order', () => {
  const h = new MinHeap<number>((a, b) => a < b);
  const rng = new Rng(1);
  const xs = Array.from({ length: 500 }, () => rng.int(0, 1000));
  xs.forEach((x) => h.push(x));
  const out: number[] = [];
  for (let x = h.pop(); x !== undefined; x = h.pop()) out.push(x);
  expect(out).toEqual([...xs].sort((a, b) => a - b));
});

test('seeded randomness repeats; execution ids are 32 hex and distinct', () => {
  expect(new Rng(5).hex(32)).toBe(new Rng(5).hex(32));
  expect(new Rng(5).hex(32)).not.toBe(new Rng(6).hex(32));
  expect(hash32(1, 2, 3)).toBe(hash32(1, 2, 3));
  const ids = new Set<string>();
  for (let s = 0; s < 50; s++) for (let n = 0; n < 200; n++) ids.add(executionId(1, 100000 + s, n, 1));
  expect(ids.size).toBe(10_000);
  expect([...ids].every((id) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
  expect(new Rng(3).uuid()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

test('schedule math: interval, daily, weekly, monthly, once, instant', () => {
  expect(nextRunAfter({ type: 'indefinitely', interval: 900 }, T)).toBe(T + 900_000);
  expect(nextRunAfter({ type: 'daily', time: '08:00' }, T)).toBe(Date.UTC(2026, 3, 7, 8, 0));
  expect(nextRunAfter({ type: 'daily', time: '10:00' }, T)).toBe(Date.UTC(2026, 3, 6, 10, 0));
  expect(nextRunAfter({ type: 'weekly', days: [3], time: '07:30' }, T)).toBe(Date.UTC(2026, 3, 8, 7, 30));
  expect(nextRunAfter({ type: 'monthly', days: [1], time: '06:00' }, T)).toBe(Date.UTC(2026, 4, 1, 6, 0));
  expect(nextRunAfter({ type: 'once', date: new Date(T + 5000).toISOString() }, T)).toBe(T + 5000);
  expect(nextRunAfter({ type: 'once', date: new Date(T - 5000).toISOString() }, T)).toBeNull();
  expect(nextRunAfter({ type: 'immediately' }, T)).toBeNull();
  expect(nextRunAfter({ type: 'on-demand' }, T)).toBeNull();
});

test('controllable clock: freeze, set, advance fire timers in order', () => {
  let real = 1_000;
  const c = new ControllableClock(T, () => real);
  expect(c.now()).toBe(T);
  real += 500;
  expect(c.now()).toBe(T + 500);
  c.freeze();
  real += 10_000;
  expect(c.now()).toBe(T + 500);
  const fired: string[] = [];
  c.setTimeout(() => fired.push('b'), 2000);
  c.setTimeout(() => fired.push('a'), 1000);
  const h = c.setTimeout(() => fired.push('never'), 1500);
  c.clearTimeout(h);
  c.advance(2500);
  expect(fired).toEqual(['a', 'b']);
  expect(c.now()).toBe(T + 3000);
  c.set(T);
  expect(c.now()).toBe(T);
  c.resume();
  real += 100;
  expect(c.now()).toBe(T + 100);
  c.dispose();
});

test('rate limiter: a sliding minute per organization', () => {
  const l = new OrgRateLimiter();
  for (let i = 0; i < 3; i++) expect(l.hit(1, 3, T + i * 1000).ok).toBe(true);
  const r = l.hit(1, 3, T + 5000);
  expect(r.ok).toBe(false);
  if (!r.ok) expect(r.retryAfterS).toBeCloseTo(55, 0);
  expect(l.hit(2, 3, T + 5000).ok).toBe(true);
  expect(l.hit(1, 3, T + 60_001).ok).toBe(true);
  expect(l.used(1, T + 60_001)).toBe(3);
});
