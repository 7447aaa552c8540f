// Time as a dependency. Everything that waits or stamps time takes a Clock, so tests and benchmarks
// can run the engine and the simulator on virtual time while real HTTP still flows on loopback.
import type { Millis } from './domain';

export interface TimerHandle {
  readonly id: number;
}

export interface Clock {
  now(): Millis;
  setTimeout(fn: () => void, ms: number): TimerHandle;
  clearTimeout(handle: TimerHandle): void;
}

/** Wall-clock time and the host's timers. */
export class SystemClock implements Clock {
  private readonly timers = new Map<number, ReturnType<typeof setTimeout>>();
  private nextId = 1;

  now(): Millis {
    return Date.now();
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const id = this.nextId++;
    const t = setTimeout(() => {
      this.timers.delete(id);
      fn();
    }, Math.max(0, ms));
    // Never keep a process alive just for a poll timer.
    (t as { unref?: () => void }).unref?.();
    this.timers.set(id, t);
    return { id };
  }

  clearTimeout(handle: TimerHandle): void {
    const t = this.timers.get(handle.id);
    if (t !== undefined) clearTimeout(t);
    this.timers.delete(handle.id);
  }
}

interface VirtualTimer {
  id: number;
  at: Millis;
  fn: () => void;
}

/** Lets real I/O and promise chains settle between virtual timer firings. */
const settle = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/**
 * Time that moves only when told. `advance` fires due timers in time order and lets pending
 * promise callbacks and loopback I/O run between them, so async work started by a timer completes
 * "at" that virtual instant as far as its callers can tell.
 */
export class VirtualClock implements Clock {
  private current: Millis;
  private timers: VirtualTimer[] = [];
  private nextId = 1;

  constructor(start: Millis) {
    this.current = start;
  }

  now(): Millis {
    return this.current;
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const timer = { id: this.nextId++, at: this.current + Math.max(0, ms), fn };
    this.timers.push(timer);
    return { id: timer.id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.timers.length;
  }

  /** Moves time forward by `ms`, firing every timer that falls due on the way. */
  async advance(ms: number, opts: { settleRounds?: number } = {}): Promise<void> {
    const target = this.current + ms;
    const rounds = opts.settleRounds ?? 1;
    for (;;) {
      const next = this.earliestDue(target);
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.fn();
      for (let i = 0; i < rounds; i++) await settle();
    }
    this.current = target;
    for (let i = 0; i < rounds; i++) await settle();
  }

  private earliestDue(limit: Millis): VirtualTimer | undefined {
    let best: VirtualTimer | undefined;
    for (const t of this.timers) {
      if (t.at <= limit && (!best || t.at < best.at || (t.at === best.at && t.id < best.id))) best = t;
    }
    return best;
  }
}

export const sleep = (clock: Clock, ms: number, signal?: AbortSignal): Promise<void> =>
  new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const handle = clock.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clock.clearTimeout(handle);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
