// One request budget per organization, shared by every account that reaches it. Counted requests start
// only while fewer than the allowance started in the last 60 s (a sliding window, stricter than any
// fixed-minute window Make may use). A 429 pauses the org, then resumes below the previous rate and
// recovers slowly. User work goes first: it overtakes every queued lower-priority request, and while the
// user is active lower priorities leave a reserve so the user's next action starts at once. When the user
// has been quiet for a while the reserve is lent to background work, but only while the window's oldest
// request leaves it soon, so a user action that finds the window full waits seconds, not a minute.
import type { Clock, TimerHandle } from '../../../shared/clock';
import type { BudgetState, Millis, OrgKey } from '../../../shared/domain';
import { DEFAULT_API_LIMIT, DEFAULT_SHARE, allowanceFor } from '../state/defaults';

export type Priority = 'user' | 'visible' | 'background';
export const PRIORITIES: readonly Priority[] = ['user', 'visible', 'background'];

export const WINDOW_MS = 60_000;
/** Share of the allowance kept for user actions while the user is active. */
export const USER_RESERVE = 0.1;
/** A user-priority request this recent keeps the reserve closed to lower priorities. */
export const USER_ACTIVE_MS = 60_000;
/** Lower priorities may fill the window only if its oldest request leaves it within this long. */
export const BORROW_MAX_USER_WAIT_MS = 5_000;

export interface ScheduleOptions {
  /** False for calls Make does not count (POST /scenarios/{id}/run): started at once, never queued. */
  countsAgainstLimit?: boolean;
  /** Aborts a queued task (rejects with the signal's reason) or is passed on to a running one. */
  signal?: AbortSignal;
}

export interface GovernorOptions {
  clock: Clock;
  /** True when a task's error is Make's 429. */
  isRateLimited: (err: unknown) => boolean;
  /** Retry-After of a 429, if the error carries one; default reads `err.retryAfterMs`. */
  retryAfterMs?: (err: unknown) => number | undefined;
  /** Share of `license.apiLimit` the app may spend (0..1], default 0.5. */
  share?: number;
  /** Rate after a 429, as a fraction of the rate before it. Default 0.75. */
  backoffFactor?: number;
  /** Added back per clean minute after a 429, as a fraction of the cap. Default 0.1. */
  recoveryStep?: number;
  /** How often a task that met a 429 is queued again before its caller sees the error. Default 2. */
  maxRateLimitRetries?: number;
  /** Counted requests in flight per org at most. Default 6. */
  maxConcurrent?: number;
  onChange?: (orgKey: OrgKey, budget: BudgetState) => void;
}

export class GovernorDisposedError extends Error {
  override readonly name = 'GovernorDisposedError';
  constructor() {
    super('The request governor was shut down before this request could run.');
  }
}

export type GovernedTask<T> = (signal: AbortSignal) => Promise<T>;

interface Job {
  priority: Priority;
  run: GovernedTask<unknown>;
  resolve: (v: unknown) => void;
  reject: (e: unknown) => void;
  signal: AbortSignal | undefined;
  onAbort: (() => void) | undefined;
  retries: number;
}

interface OrgBudget {
  limit: number;
  /** Current allowance per minute (≤ cap). */
  allowed: number;
  /** Start times of counted requests within the last WINDOW_MS, ascending. */
  sent: Millis[];
  queues: Record<Priority, Job[]>;
  inFlight: number;
  pausedUntil: Millis | null;
  /** While below the cap: when the next recovery step is due. */
  nextRecoveryAt: Millis | null;
  timer: TimerHandle | null;
  timerAt: Millis | null;
  /** Last time a user-priority request was queued or started. */
  lastUserAt: Millis;
}

const defaultRetryAfter = (err: unknown): number | undefined => {
  const v = (err as { retryAfterMs?: unknown } | null)?.retryAfterMs;
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
};

export class RateGovernor {
  private readonly orgs = new Map<OrgKey, OrgBudget>();
  private readonly running = new Set<AbortController>();
  private share: number;
  private disposed = false;
  private readonly o: Required<Omit<GovernorOptions, 'onChange' | 'share'>> & Pick<GovernorOptions, 'onChange'>;

  constructor(opts: GovernorOptions) {
    this.share = clampShare(opts.share ?? DEFAULT_SHARE);
    this.o = {
      clock: opts.clock,
      isRateLimited: opts.isRateLimited,
      retryAfterMs: opts.retryAfterMs ?? defaultRetryAfter,
      backoffFactor: opts.backoffFactor ?? 0.75,
      recoveryStep: opts.recoveryStep ?? 0.1,
      maxRateLimitRetries: opts.maxRateLimitRetries ?? 2,
      maxConcurrent: opts.maxConcurrent ?? 6,
      onChange: opts.onChange,
    };
  }

  schedule<T>(orgKey: OrgKey, priority: Priority, task: GovernedTask<T>, opts: ScheduleOptions = {}): Promise<T> {
    if (this.disposed) return Promise.reject(new GovernorDisposedError());
    if (opts.signal?.aborted) return Promise.reject(opts.signal.reason);
    if (opts.countsAgainstLimit === false) return this.runUncounted(task, opts.signal);
    return new Promise<T>((resolve, reject) => {
      const org = this.org(orgKey);
      const job: Job = {
        priority,
        run: task as GovernedTask<unknown>,
        resolve: resolve as (v: unknown) => void,
        reject,
        signal: opts.signal,
        onAbort: undefined,
        retries: 0,
      };
      if (opts.signal) {
        const signal = opts.signal;
        job.onAbort = () => {
          const q = org.queues[job.priority];
          const i = q.indexOf(job);
          if (i >= 0) {
            q.splice(i, 1);
            reject(signal.reason);
            this.emit(orgKey);
          }
        };
        signal.addEventListener('abort', job.onAbort, { once: true });
      }
      if (priority === 'user') org.lastUserAt = this.o.clock.now();
      org.queues[priority].push(job);
      this.pump(orgKey);
      this.emit(orgKey);
    });
  }

  /** Sets the organization's `license.apiLimit` (requests per minute). */
  setLimit(orgKey: OrgKey, apiLimit: number): void {
    const org = this.org(orgKey);
    const oldCap = this.cap(org);
    org.limit = Math.max(1, apiLimit);
    this.rescale(org, oldCap);
    this.pump(orgKey);
    this.emit(orgKey);
  }

  /** Sets the share of every organization's limit the app may spend. */
  setShare(share: number): void {
    const caps = new Map([...this.orgs].map(([k, org]) => [k, this.cap(org)]));
    this.share = clampShare(share);
    for (const [key, org] of this.orgs) {
      this.rescale(org, caps.get(key)!);
      this.pump(key);
      this.emit(key);
    }
  }

  /**
   * Requests per rolling minute a priority may plan with: the allowance for the user; for the others
   * the allowance less the user's reserve while the user is active, the whole allowance otherwise
   * (a burst may still find the reserve closed for a few seconds).
   */
  allowanceOf(orgKey: OrgKey, priority: Priority): number {
    const org = this.org(orgKey);
    const now = this.o.clock.now();
    this.recover(org, now);
    if (priority === 'user' || now - org.lastUserAt >= USER_ACTIVE_MS) return org.allowed;
    return reservedAllowance(org.allowed);
  }

  budget(orgKey: OrgKey): BudgetState {
    const org = this.org(orgKey);
    const now = this.o.clock.now();
    this.recover(org, now);
    this.expire(org, now);
    return {
      limitPerMin: org.limit,
      share: this.share,
      allowedPerMin: org.allowed,
      usedLastMin: org.sent.length,
      rateLimitedUntil: org.pausedUntil !== null && org.pausedUntil > now ? org.pausedUntil : null,
      queued: PRIORITIES.reduce((n, p) => n + org.queues[p].length, 0),
    };
  }

  /** Rejects every queued task with GovernorDisposedError and aborts running ones. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    const err = new GovernorDisposedError();
    for (const org of this.orgs.values()) {
      if (org.timer) this.o.clock.clearTimeout(org.timer);
      org.timer = null;
      for (const p of PRIORITIES) {
        for (const job of org.queues[p].splice(0)) {
          this.detach(job);
          job.reject(err);
        }
      }
    }
    for (const c of this.running) c.abort(err);
    this.running.clear();
  }

  // -------------------------------------------------------------------------------------------

  private org(key: OrgKey): OrgBudget {
    let org = this.orgs.get(key);
    if (!org) {
      org = {
        limit: DEFAULT_API_LIMIT,
        allowed: 0,
        sent: [],
        queues: { user: [], visible: [], background: [] },
        inFlight: 0,
        pausedUntil: null,
        nextRecoveryAt: null,
        timer: null,
        timerAt: null,
        lastUserAt: Number.NEGATIVE_INFINITY,
      };
      org.allowed = this.cap(org);
      this.orgs.set(key, org);
    }
    return org;
  }

  private cap(org: OrgBudget): number {
    return allowanceFor(org.limit, this.share);
  }

  /** Keeps a reduced allowance reduced by the same proportion when the cap changes. */
  private rescale(org: OrgBudget, oldCap: number): void {
    const cap = this.cap(org);
    org.allowed = org.allowed >= oldCap ? cap : Math.max(1, Math.min(cap, Math.floor((org.allowed / oldCap) * cap)));
    if (org.allowed >= cap) org.nextRecoveryAt = null;
  }

  /**
   * What a priority may use of the allowance. Lower priorities leave a reserve for the user while the
   * user is active. Otherwise they may borrow it, as long as filling the window would still free a slot
   * for a user action within BORROW_MAX_USER_WAIT_MS (the oldest request leaves the window by then).
   */
  private allowance(org: OrgBudget, p: Priority, now: Millis): number {
    if (p === 'user') return org.allowed;
    const reserved = reservedAllowance(org.allowed);
    if (now - org.lastUserAt < USER_ACTIVE_MS) return reserved;
    const oldest = org.sent[0];
    const freesSoon = oldest === undefined || oldest + WINDOW_MS - now <= BORROW_MAX_USER_WAIT_MS;
    return freesSoon ? org.allowed : reserved;
  }

  private expire(org: OrgBudget, now: Millis): void {
    let i = 0;
    while (i < org.sent.length && org.sent[i]! <= now - WINDOW_MS) i++;
    if (i > 0) org.sent.splice(0, i);
  }

  private recover(org: OrgBudget, now: Millis): void {
    const cap = this.cap(org);
    while (org.nextRecoveryAt !== null && now >= org.nextRecoveryAt && org.allowed < cap) {
      org.allowed = Math.min(cap, org.allowed + Math.max(1, Math.ceil(cap * this.o.recoveryStep)));
      org.nextRecoveryAt = org.allowed < cap ? org.nextRecoveryAt + WINDOW_MS : null;
    }
    if (org.allowed >= cap) org.nextRecoveryAt = null;
  }

  private pump(key: OrgKey): void {
    if (this.disposed) return;
    const org = this.org(key);
    const now = this.o.clock.now();
    this.recover(org, now);
    this.expire(org, now);
    let wakeAt: Millis | null = null;
    if (org.pausedUntil !== null && org.pausedUntil > now) {
      wakeAt = org.pausedUntil;
    } else {
      org.pausedUntil = null;
      for (;;) {
        if (org.inFlight >= this.o.maxConcurrent) break;
        const job = this.nextJob(org, now);
        if (!job) {
          wakeAt = this.nextChance(org, now);
          break;
        }
        if (job.priority === 'user') org.lastUserAt = now;
        org.queues[job.priority].shift();
        this.start(key, org, job, now);
      }
    }
    if (org.nextRecoveryAt !== null && (wakeAt === null || org.nextRecoveryAt < wakeAt) && this.hasQueued(org)) {
      wakeAt = org.nextRecoveryAt;
    }
    this.arm(key, org, wakeAt);
  }

  private hasQueued(org: OrgBudget): boolean {
    return PRIORITIES.some((p) => org.queues[p].length > 0);
  }

  /** The head of the highest non-empty priority, if the window lets it start. */
  private nextJob(org: OrgBudget, now: Millis): Job | undefined {
    for (const p of PRIORITIES) {
      const head = org.queues[p][0];
      if (!head) continue;
      // A higher priority waiting for the window blocks lower ones: they could only overtake it.
      return org.sent.length < this.allowance(org, p, now) ? head : undefined;
    }
    return undefined;
  }

  /**
   * When the waiting work may next start: a request leaving the window, the user's reserve opening
   * to lower priorities, or the window's oldest request coming close enough to lend the reserve.
   */
  private nextChance(org: OrgBudget, now: Millis): Millis | null {
    if (!this.hasQueued(org) || org.sent.length === 0) return null;
    let at = org.sent[0]! + WINDOW_MS;
    const head = PRIORITIES.find((p) => org.queues[p].length > 0);
    if (head !== 'user' && org.sent.length < org.allowed) {
      const reserveOpens = Math.max(org.lastUserAt + USER_ACTIVE_MS, at - BORROW_MAX_USER_WAIT_MS);
      if (reserveOpens > now) at = Math.min(at, reserveOpens);
    }
    return at;
  }

  private arm(key: OrgKey, org: OrgBudget, at: Millis | null): void {
    if (org.timer && org.timerAt === at) return;
    if (org.timer) this.o.clock.clearTimeout(org.timer);
    org.timer = null;
    org.timerAt = null;
    if (at === null) return;
    org.timerAt = at;
    org.timer = this.o.clock.setTimeout(() => {
      org.timer = null;
      org.timerAt = null;
      this.pump(key);
      this.emit(key);
    }, at - this.o.clock.now());
  }

  private start(key: OrgKey, org: OrgBudget, job: Job, now: Millis): void {
    org.sent.push(now);
    org.inFlight++;
    const controller = new AbortController();
    const onCallerAbort = () => controller.abort(job.signal?.reason);
    job.signal?.addEventListener('abort', onCallerAbort, { once: true });
    this.running.add(controller);
    const finish = () => {
      job.signal?.removeEventListener('abort', onCallerAbort);
      this.running.delete(controller);
      org.inFlight--;
    };
    Promise.resolve()
      .then(() => job.run(controller.signal))
      .then(
        (value) => {
          finish();
          this.detach(job);
          job.resolve(value);
          this.pump(key);
          this.emit(key);
        },
        (err: unknown) => {
          finish();
          if (!this.disposed && this.o.isRateLimited(err)) {
            this.penalize(org, this.o.retryAfterMs(err));
            if (job.retries < this.o.maxRateLimitRetries && !job.signal?.aborted) {
              job.retries++;
              org.queues[job.priority].unshift(job);
              this.pump(key);
              this.emit(key);
              return;
            }
          }
          this.detach(job);
          job.reject(err);
          this.pump(key);
          this.emit(key);
        },
      );
  }

  private penalize(org: OrgBudget, retryAfterMs: number | undefined): void {
    const now = this.o.clock.now();
    const until = now + (retryAfterMs ?? WINDOW_MS);
    // Several requests in flight may each meet the same 429: lower the rate once per pause.
    const alreadyPaused = org.pausedUntil !== null && org.pausedUntil > now;
    org.pausedUntil = Math.max(org.pausedUntil ?? 0, until);
    if (!alreadyPaused) org.allowed = Math.max(1, Math.floor(org.allowed * this.o.backoffFactor));
    org.nextRecoveryAt = org.pausedUntil + WINDOW_MS;
  }

  private runUncounted<T>(task: GovernedTask<T>, signal: AbortSignal | undefined): Promise<T> {
    const controller = new AbortController();
    const onAbort = () => controller.abort(signal?.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    this.running.add(controller);
    return Promise.resolve()
      .then(() => task(controller.signal))
      .finally(() => {
        signal?.removeEventListener('abort', onAbort);
        this.running.delete(controller);
      });
  }

  private detach(job: Job): void {
    if (job.onAbort) job.signal?.removeEventListener('abort', job.onAbort);
  }

  private emit(key: OrgKey): void {
    if (this.disposed || !this.o.onChange) return;
    this.o.onChange(key, this.budget(key));
  }
}

/** The allowance less the user's reserve. */
const reservedAllowance = (allowed: number): number => Math.max(1, allowed - Math.max(1, Math.ceil(allowed * USER_RESERVE)));

const clampShare = (share: number): number => (Number.isFinite(share) ? Math.min(1, Math.max(0.01, share)) : DEFAULT_SHARE);
