// The simulator's default clock: real time that can be frozen, resumed, set and advanced from the
// control API. Timers scheduled on it fire at clock time: a frozen clock holds them, a jump fires
// every timer that fell due on the way (in time order).
import type { Clock, TimerHandle } from '../../../shared/clock';

interface PendingTimer {
  id: number;
  at: number;
  fn: () => void;
}

export class ControllableClock implements Clock {
  private offset: number;
  private frozenAt: number | null = null;
  private timers: PendingTimer[] = [];
  private nextId = 1;
  private armed: ReturnType<typeof setTimeout> | null = null;
  private readonly listeners = new Set<() => void>();

  constructor(start?: number, private readonly realNow: () => number = Date.now) {
    this.offset = start === undefined ? 0 : start - realNow();
  }

  now(): number {
    return this.frozenAt ?? this.realNow() + this.offset;
  }

  get frozen(): boolean {
    return this.frozenAt !== null;
  }

  freeze(): void {
    if (this.frozenAt === null) this.frozenAt = this.now();
    this.rearm();
  }

  resume(): void {
    if (this.frozenAt !== null) {
      this.offset = this.frozenAt - this.realNow();
      this.frozenAt = null;
    }
    this.changed();
  }

  /** Jumps to `ms`; time may go backwards (timers are not re-fired). */
  set(ms: number): void {
    if (this.frozenAt !== null) this.frozenAt = ms;
    else this.offset = ms - this.realNow();
    this.changed();
  }

  advance(ms: number): void {
    this.set(this.now() + Math.max(0, ms));
  }

  /** Called after every freeze/resume/set/advance (the world catches up here). */
  onChange(fn: () => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  setTimeout(fn: () => void, ms: number): TimerHandle {
    const t = { id: this.nextId++, at: this.now() + Math.max(0, ms), fn };
    this.timers.push(t);
    this.rearm();
    return { id: t.id };
  }

  clearTimeout(handle: TimerHandle): void {
    this.timers = this.timers.filter((t) => t.id !== handle.id);
    this.rearm();
  }

  /** Stops the real timer behind this clock (pending clock timers stay, unfired). */
  dispose(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    this.listeners.clear();
  }

  private changed(): void {
    this.fireDue();
    for (const l of this.listeners) l();
    this.rearm();
  }

  private fireDue(): void {
    for (;;) {
      const now = this.now();
      let best: PendingTimer | undefined;
      for (const t of this.timers) if (t.at <= now && (!best || t.at < best.at)) best = t;
      if (!best) return;
      const fired = best;
      this.timers = this.timers.filter((t) => t !== fired);
      try {
        fired.fn();
      } catch {
        // A failing timer callback must not stop the clock.
      }
    }
  }

  private rearm(): void {
    if (this.armed) clearTimeout(this.armed);
    this.armed = null;
    if (this.frozenAt !== null || this.timers.length === 0) return;
    const earliest = Math.min(...this.timers.map((t) => t.at));
    const delay = Math.max(0, Math.min(earliest - this.now(), 2 ** 31 - 1));
    this.armed = setTimeout(() => {
      this.armed = null;
      this.fireDue();
      this.rearm();
    }, delay);
    this.armed.unref?.();
  }
}
