import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { VirtualClock } from '../../../shared/clock';
import type { BudgetState } from '../../../shared/domain';
import {
  BORROW_MAX_USER_WAIT_MS,
  GovernorDisposedError,
  RateGovernor,
  USER_ACTIVE_MS,
  WINDOW_MS,
} from '../../../electron/core/governor/governor';
import type { Priority } from '../../../electron/core/governor/governor';

const ORG = 'eu1.make.com/o1';
const T0 = 1_700_000_000_000;

class RateLimited extends Error {
  constructor(readonly retryAfterMs?: number) {
    super('Requests limit for organization exceeded, please try again later.');
  }
}

function setup(opts: { limit?: number; share?: number } = {}) {
  const clock = new VirtualClock(T0);
  const changes: BudgetState[] = [];
  const gov = new RateGovernor({
    clock,
    isRateLimited: (e) => e instanceof RateLimited,
    share: opts.share ?? 0.5,
    onChange: (_k, b) => changes.push(b),
  });
  gov.setLimit(ORG, opts.limit ?? 60);
  const starts: { name: string; at: number }[] = [];
  const task =
    (name: string, fail?: () => Error | undefined) =>
    async (): Promise<string> => {
      starts.push({ name, at: clock.now() });
      const err = fail?.();
      if (err) throw err;
      return name;
    };
  return { clock, gov, starts, task, changes };
}

/** Max starts in any window [t, t + 60 s). */
function maxInWindow(times: number[]): number {
  const t = [...times].sort((a, b) => a - b);
  let best = 0;
  for (let i = 0, j = 0; i < t.length; i++) {
    while (t[i]! - t[j]! >= WINDOW_MS) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('RateGovernor', () => {
  it('never starts more counted requests than share × limit in any 60 s window (random arrivals, 429s)', async () => {
    const arrival = fc.record({
      // Bursts: many arrivals share a few instants.
      at: fc.integer({ min: 0, max: 12 }).map((b) => b * 10_000),
      priority: fc.constantFrom<Priority>('user', 'visible', 'background'),
      rateLimited: fc.boolean(),
      retryAfter: fc.option(fc.integer({ min: 0, max: 90_000 })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(arrival, { minLength: 10, maxLength: 80 }), fc.constantFrom(10, 20, 60), async (arrivals, limit) => {
        const { clock, gov, starts, task } = setup({ limit });
        const cap = Math.floor(limit * 0.5);
        const results: Promise<unknown>[] = [];
        let rateLimitsLeft = 3;
        arrivals.forEach((a, i) => {
          clock.setTimeout(() => {
            let first = true;
            const fail = () => {
              if (a.rateLimited && first && rateLimitsLeft > 0) {
                first = false;
                rateLimitsLeft--;
                return new RateLimited(a.retryAfter ?? undefined);
              }
              return undefined;
            };
            results.push(gov.schedule(ORG, a.priority, task(`t${i}`, fail)).catch(() => 'failed'));
          }, a.at);
        });
        await clock.advance(30 * WINDOW_MS);
        const settled = await Promise.all(results);
        expect(settled).toHaveLength(arrivals.length);
        expect(maxInWindow(starts.map((s) => s.at))).toBeLessThanOrEqual(cap);
        gov.dispose();
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('serves user before visible before background, FIFO within a priority', async () => {
    const { clock, gov, starts, task } = setup({ limit: 20 }); // cap 10
    const fill = Array.from({ length: 10 }, (_, i) => gov.schedule(ORG, 'user', task(`fill${i}`)));
    await clock.advance(0);
    const order = [
      gov.schedule(ORG, 'background', task('b1')),
      gov.schedule(ORG, 'visible', task('v1')),
      gov.schedule(ORG, 'background', task('b2')),
      gov.schedule(ORG, 'user', task('u1')),
      gov.schedule(ORG, 'user', task('u2')),
    ];
    await clock.advance(WINDOW_MS + 1);
    await Promise.all([...fill, ...order]);
    expect(starts.slice(10).map((s) => s.name)).toEqual(['u1', 'u2', 'v1', 'b1', 'b2']);
    expect(starts[10]!.at).toBe(T0 + WINDOW_MS);
  });

  it('background work leaves headroom: a user action starts at once even with background queued', async () => {
    const { clock, gov, starts, task } = setup({ limit: 60 }); // cap 30, reserve 3
    const bg = Array.from({ length: 40 }, (_, i) => gov.schedule(ORG, 'background', task(`b${i}`)));
    await clock.advance(0);
    await clock.advance(1000);
    expect(starts).toHaveLength(27);
    const u = gov.schedule(ORG, 'user', task('u'));
    await clock.advance(0);
    expect(starts.at(-1)).toEqual({ name: 'u', at: T0 + 1000 });
    await clock.advance(3 * WINDOW_MS);
    await Promise.all([...bg, u]);
    expect(maxInWindow(starts.map((s) => s.at))).toBeLessThanOrEqual(30);
  });

  it('lends the user reserve to background work while the user is quiet, and a user action then waits seconds at most', async () => {
    const { clock, gov, starts, task, changes } = setup({ limit: 60 }); // cap 30, reserve 3
    // Background demand above the cap, one request a second for three minutes.
    const bg: Promise<unknown>[] = [];
    for (let i = 0; i < 180; i++) {
      bg.push(gov.schedule(ORG, 'background', task(`b${i}`)));
      await clock.advance(1000);
    }
    expect(Math.max(...changes.map((c) => c.usedLastMin))).toBe(30);
    expect(gov.allowanceOf(ORG, 'background')).toBe(30);
    // The window is full and background work is queued: a user action goes next, within a few seconds.
    const before = starts.length;
    const u = gov.schedule(ORG, 'user', task('u'));
    await clock.advance(BORROW_MAX_USER_WAIT_MS);
    expect(starts[before]?.name).toBe('u');
    await u;
    // The user is active now: background leaves the reserve free again.
    expect(gov.allowanceOf(ORG, 'background')).toBe(27);
    await clock.advance(WINDOW_MS - BORROW_MAX_USER_WAIT_MS - 1);
    expect(gov.budget(ORG).usedLastMin).toBeLessThanOrEqual(27);
    expect(Math.max(...changes.map((c) => c.usedLastMin))).toBe(30);
    // Quiet for USER_ACTIVE_MS: the reserve is lent again.
    await clock.advance(USER_ACTIVE_MS - WINDOW_MS + BORROW_MAX_USER_WAIT_MS + 1);
    expect(gov.allowanceOf(ORG, 'background')).toBe(30);
    gov.dispose();
    await Promise.allSettled(bg);
  });

  it('a user action overtakes queued background work even when the window is exhausted', async () => {
    const { clock, gov, starts, task } = setup({ limit: 20 }); // cap 10, reserve 1
    const fill = Array.from({ length: 10 }, (_, i) => gov.schedule(ORG, 'user', task(`u${i}`)));
    await clock.advance(0);
    const queued = Array.from({ length: 5 }, (_, i) => gov.schedule(ORG, 'background', task(`b${i}`)));
    await clock.advance(10_000);
    const u = gov.schedule(ORG, 'user', task('late-user'));
    await clock.advance(WINDOW_MS);
    await Promise.all([...fill, ...queued, u]);
    expect(starts[10]).toEqual({ name: 'late-user', at: T0 + WINDOW_MS });
    expect(maxInWindow(starts.map((s) => s.at))).toBeLessThanOrEqual(10);
  });

  it('POST /run (countsAgainstLimit: false) is never delayed, even while rate-limited', async () => {
    const { clock, gov, starts, task } = setup({ limit: 2 }); // cap 1
    await gov.schedule(ORG, 'user', task('a'));
    const queued = gov.schedule(ORG, 'user', task('b'));
    const run = gov.schedule(ORG, 'background', task('run'), { countsAgainstLimit: false });
    await clock.advance(0);
    await expect(run).resolves.toBe('run');
    expect(starts.map((s) => s.name)).toEqual(['a', 'run']);
    expect(gov.budget(ORG).usedLastMin).toBe(1);
    await clock.advance(WINDOW_MS);
    await expect(queued).resolves.toBe('b');
  });

  it('429 without Retry-After pauses the org for 60 s, retries the task, and lowers the rate', async () => {
    const { clock, gov, starts, task, changes } = setup({ limit: 60 }); // cap 30
    let first = true;
    const p = gov.schedule(ORG, 'user', task('x', () => (first ? ((first = false), new RateLimited()) : undefined)));
    const other = gov.schedule(ORG, 'visible', task('y'));
    await clock.advance(0);
    expect(gov.budget(ORG)).toMatchObject({ rateLimitedUntil: T0 + WINDOW_MS, allowedPerMin: 22 });
    expect(changes.some((c) => c.rateLimitedUntil === T0 + WINDOW_MS)).toBe(true);
    await clock.advance(WINDOW_MS - 1);
    expect(starts.map((s) => s.name)).toEqual(['x', 'y']); // y started before the 429 came back
    await clock.advance(1);
    await expect(p).resolves.toBe('x');
    await other;
    expect(starts.at(-1)).toEqual({ name: 'x', at: T0 + WINDOW_MS });
    expect(gov.budget(ORG).rateLimitedUntil).toBeNull();
  });

  it('429 with Retry-After resumes when it says', async () => {
    const { clock, gov, starts, task } = setup();
    let first = true;
    const p = gov.schedule(ORG, 'user', task('x', () => (first ? ((first = false), new RateLimited(5000)) : undefined)));
    await clock.advance(0);
    await clock.advance(4999);
    expect(starts).toHaveLength(1);
    await clock.advance(1);
    await expect(p).resolves.toBe('x');
    expect(starts[1]!.at).toBe(T0 + 5000);
  });

  it('gives up after repeated 429s and hands the error to the caller', async () => {
    const { clock, gov, task } = setup();
    const p = gov.schedule(ORG, 'user', task('x', () => new RateLimited(1000)));
    const caught = p.catch((e: unknown) => e);
    for (let i = 0; i < 4; i++) await clock.advance(1000);
    expect(await caught).toBeInstanceOf(RateLimited);
  });

  it('recovers gradually: +10 % of the cap per clean minute, up to the cap', async () => {
    const { clock, gov, task } = setup({ limit: 60 }); // cap 30
    let first = true;
    const x = gov.schedule(ORG, 'user', task('x', () => (first ? ((first = false), new RateLimited()) : undefined)));
    await clock.advance(0);
    await clock.advance(WINDOW_MS);
    await x;
    expect(gov.budget(ORG).allowedPerMin).toBe(22);
    const seen: number[] = [];
    for (let i = 0; i < 4; i++) {
      await clock.advance(WINDOW_MS);
      seen.push(gov.budget(ORG).allowedPerMin);
    }
    expect(seen).toEqual([25, 28, 30, 30]);
  });

  it('a second 429 during recovery lowers the rate again', async () => {
    const { clock, gov, task } = setup({ limit: 60 });
    const fails = [true, false, true, false];
    const next = () => (fails.shift() ? new RateLimited() : undefined);
    for (const name of ['a', 'b']) {
      const p = gov.schedule(ORG, 'user', task(name, next));
      await clock.advance(0);
      await clock.advance(WINDOW_MS);
      await p;
    }
    expect(gov.budget(ORG).allowedPerMin).toBe(16); // 30 → 22 → 16
  });

  it('aborting a queued task rejects it and it never runs', async () => {
    const { clock, gov, starts, task } = setup({ limit: 2 });
    await gov.schedule(ORG, 'user', task('a'));
    const ac = new AbortController();
    const p = gov.schedule(ORG, 'user', task('b'), { signal: ac.signal });
    const caught = p.catch((e: unknown) => e);
    expect(gov.budget(ORG).queued).toBe(1);
    ac.abort(new Error('view closed'));
    expect(((await caught) as Error).message).toBe('view closed');
    await clock.advance(2 * WINDOW_MS);
    expect(starts.map((s) => s.name)).toEqual(['a']);
    expect(gov.budget(ORG).queued).toBe(0);
  });

  it('two accounts reaching one org share one budget', async () => {
    const { clock, gov, starts, task } = setup({ limit: 20 }); // cap 10
    const all = Array.from({ length: 16 }, (_, i) => gov.schedule(ORG, 'user', task(i % 2 ? `acc-a-${i}` : `acc-b-${i}`)));
    await clock.advance(0);
    expect(starts).toHaveLength(10);
    expect(gov.budget(ORG).usedLastMin).toBe(10);
    await clock.advance(WINDOW_MS);
    await Promise.all(all);
    expect(starts.filter((s) => s.at === T0 + WINDOW_MS)).toHaveLength(6);
    // Another org is untouched.
    expect(gov.budget('eu1.make.com/o2').usedLastMin).toBe(0);
  });

  it('setShare and setLimit change the cap', () => {
    const { gov } = setup({ limit: 120 });
    expect(gov.budget(ORG).allowedPerMin).toBe(60);
    gov.setShare(0.25);
    expect(gov.budget(ORG)).toMatchObject({ allowedPerMin: 30, share: 0.25, limitPerMin: 120 });
    gov.setLimit(ORG, 1000);
    expect(gov.budget(ORG).allowedPerMin).toBe(250);
  });

  it('dispose rejects queued tasks with a typed error and refuses new ones', async () => {
    const { clock, gov, task } = setup({ limit: 2 });
    await gov.schedule(ORG, 'user', task('a'));
    const queued = gov.schedule(ORG, 'background', task('b')).catch((e: unknown) => e);
    gov.dispose();
    expect(await queued).toBeInstanceOf(GovernorDisposedError);
    await expect(gov.schedule(ORG, 'user', task('c'))).rejects.toBeInstanceOf(GovernorDisposedError);
    expect(clock.pending).toBe(0);
  });
});
