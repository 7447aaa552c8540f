// Moves the world forward in time. Nothing runs on its own timer: `advanceTo(t)` pops every event
// that fell due (scheduled starts, run finishes, outside traffic, DLQ retries) from one min-heap in
// time order, so a one-hour jump over thousands of scenarios costs only the events in that hour.
import { MinHeap } from './heap';
import { hash32, rngFor, type Rng } from './rng';
import { dlqEnabled, flowModules, maxErrorsOf, nextRunAfter } from './blueprint';
import { ERROR_MESSAGES, WARNING_MESSAGES, appName, appOfModule } from './names';
import type { ExecutionError, ExecutionRecord, ExecutionTrigger, RunStatusCode, SimDlq, SimScenario, World } from './model';

type EventKind = 'start' | 'finish' | 'traffic' | 'dlq-finish';

interface WorldEvent {
  at: number;
  seq: number;
  kind: EventKind;
  scenarioId: number;
  gen: number;
  ref: string | null;
}

const SALT_RUN = 1;
const SALT_TRAFFIC = 2;
const SALT_DLQ = 3;

export interface RunOptions {
  authorId?: number | null;
  input?: unknown;
}

export class Scheduler {
  private readonly heap = new MinHeap<WorldEvent>((a, b) => a.at < b.at || (a.at === b.at && a.seq < b.seq));
  private seq = 0;
  private trafficCount = 0;
  private readonly waiters = new Map<string, ((rec: ExecutionRecord) => void)[]>();
  private readonly finishListeners = new Set<(rec: ExecutionRecord) => void>();
  /** World time everything has been processed up to. */
  caughtUpTo: number;

  constructor(private readonly world: World, start: number) {
    this.caughtUpTo = start;
  }

  /** Processes every event due at or before `t`, in time order. Never goes back in time. */
  advanceTo(t: number): void {
    for (;;) {
      const e = this.heap.peek();
      if (!e || e.at > t) break;
      this.heap.pop();
      if (e.at > this.caughtUpTo) this.caughtUpTo = e.at;
      this.handle(e);
    }
    if (t > this.caughtUpTo) this.caughtUpTo = t;
  }

  get pendingEvents(): number {
    return this.heap.size;
  }

  /** Resolves when the run finishes (immediately if it already has). */
  whenFinished(rec: ExecutionRecord): Promise<ExecutionRecord> {
    if (rec.status !== 'running') return Promise.resolve(rec);
    return new Promise((resolve) => {
      const list = this.waiters.get(rec.id) ?? [];
      list.push(resolve);
      this.waiters.set(rec.id, list);
    });
  }

  onFinish(fn: (rec: ExecutionRecord) => void): () => void {
    this.finishListeners.add(fn);
    return () => this.finishListeners.delete(fn);
  }

  /** Switches a scenario on. Interval schedules also run right away, as on Make. */
  activate(s: SimScenario, now: number): void {
    s.isActive = true;
    s.isinvalid = false;
    s.consecutiveErrors = 0;
    s.scheduleGen += 1;
    if (s.scheduling.type === 'indefinitely') {
      if (!s.running && !s.isPaused) this.beginRun(s, now, 'activation');
      s.nextExec = nextRunAfter(s.scheduling, now);
    } else {
      s.nextExec = nextRunAfter(s.scheduling, now);
    }
    this.pushStart(s);
    this.processHookQueue(s, now);
  }

  deactivate(s: SimScenario): void {
    s.isActive = false;
    s.nextExec = null;
    s.scheduleGen += 1;
  }

  /** After a scheduling change on an active scenario. */
  reschedule(s: SimScenario, now: number): void {
    s.scheduleGen += 1;
    s.nextExec = s.isActive ? nextRunAfter(s.scheduling, now) : null;
    this.pushStart(s);
  }

  /** Queues the first start of a scenario whose `nextExec` was set by the seeder. */
  pushStart(s: SimScenario): void {
    if (s.isActive && s.nextExec !== null) this.push({ at: s.nextExec, kind: 'start', scenarioId: s.id, gen: s.scheduleGen, ref: null });
  }

  /** Starts outside traffic (webhook data / manual runs) for a scenario with `trafficPerHour` > 0. */
  startTraffic(s: SimScenario, from: number): void {
    if (s.trafficPerHour <= 0) return;
    const rng = rngFor(this.world.seed, s.id, SALT_TRAFFIC, this.trafficCount++);
    this.push({ at: from + Math.round(rng.exp(3_600_000 / s.trafficPerHour)), kind: 'traffic', scenarioId: s.id, gen: 0, ref: null });
  }

  /** Starts one run now. Callers check `isActive`/`running` first where Make would refuse. */
  beginRun(s: SimScenario, at: number, trigger: ExecutionTrigger, opts: RunOptions = {}): ExecutionRecord {
    const org = this.world.orgOfScenario(s);
    const team = this.world.teams.get(s.teamId);
    const n = s.runCount++;
    const rng = rngFor(this.world.seed, s.id, SALT_RUN, n);
    const forced = s.forced.shift();
    const outcome: RunStatusCode = forced?.status ?? this.decideOutcome(s, at, rng);
    const duration = Math.max(100, forced?.durationMs ?? Math.round(s.baseDurationMs * (0.5 + rng.next())));
    const operations = outcome === 3 ? rng.int(1, Math.max(1, s.baseOperations)) : Math.max(1, s.baseOperations + rng.int(-1, 2));
    const transfer = operations * rng.int(40, 2500);
    const rec: ExecutionRecord = {
      id: executionId(this.world.seed, s.id, n, SALT_RUN),
      scenarioId: s.id,
      organizationId: org?.id ?? 0,
      teamId: team?.id ?? s.teamId,
      zone: org?.zone ?? '',
      trigger,
      type: trigger === 'manual' ? 'manual' : 'auto',
      instant: trigger === 'hook' || trigger === 'manual',
      authorId: trigger === 'manual' ? (opts.authorId ?? null) : null,
      start: at,
      end: at + duration,
      visibleAt: at + this.world.executionDetailDelayMs,
      status: 'running',
      outcome,
      operations,
      transfer,
      centicredits: operations * 100,
      error: outcome === 1 ? null : this.makeError(s, rng, outcome, forced?.errorMessage),
      outputs: outcome === 3 ? null : this.makeOutputs(s, rng, opts.input),
      dlqId: null,
    };
    s.running = rec;
    this.world.executions.push(rec);
    this.world.executionsById.set(rec.id, rec);
    this.push({ at: rec.end, kind: 'finish', scenarioId: s.id, gen: 0, ref: rec.id });
    return rec;
  }

  /** Hook data arrived: queue it, run now if the attached scenario is free. */
  deliverToHook(s: SimScenario, payload: unknown, at: number): void {
    const hook = s.hookId !== null ? this.world.hooks.get(s.hookId) : undefined;
    if (!hook) return;
    if (hook.queue.length >= hook.queueLimit) return;
    hook.queue.push(payload);
    this.processHookQueue(s, at);
  }

  /** Queues a retry of an incomplete execution. */
  retryDlq(d: SimDlq, at: number): void {
    if (d.retry) return;
    d.retry = true;
    d.attempts += 1;
    const s = this.world.scenarios.get(d.scenarioId);
    const duration = retryDuration(s);
    this.push({ at: at + Math.max(100, duration), kind: 'dlq-finish', scenarioId: d.scenarioId, gen: 0, ref: d.id });
  }

  private push(e: Omit<WorldEvent, 'seq'>): void {
    this.heap.push({ ...e, seq: this.seq++ });
  }

  private handle(e: WorldEvent): void {
    const s = this.world.scenarios.get(e.scenarioId);
    switch (e.kind) {
      case 'start': {
        if (!s || e.gen !== s.scheduleGen || !s.isActive) return;
        s.nextExec = nextRunAfter(s.scheduling, e.at);
        this.pushStart(s);
        // Make never runs one scenario twice at once: a start that falls inside a run is skipped.
        if (!s.running && !s.isPaused) this.beginRun(s, e.at, 'schedule');
        return;
      }
      case 'finish': {
        const rec = e.ref ? this.world.executionsById.get(e.ref) : undefined;
        if (rec && rec.status === 'running') this.finishRun(rec, s);
        return;
      }
      case 'traffic': {
        if (!s || s.trafficPerHour <= 0) return;
        this.startTraffic(s, e.at);
        if (s.hookId !== null) {
          const hook = this.world.hooks.get(s.hookId);
          if (hook && hook.enabled && !hook.learning) this.deliverToHook(s, { event: 'traffic', at: e.at }, e.at);
        } else if (s.isActive && !s.running && !s.isPaused) {
          const author = this.someMemberOf(s, e.at);
          this.beginRun(s, e.at, 'manual', { authorId: author });
        }
        return;
      }
      case 'dlq-finish': {
        const d = e.ref ? this.world.dlqs.get(e.ref) : undefined;
        if (d) this.finishDlqRetry(d, e.at);
        return;
      }
    }
  }

  private finishRun(rec: ExecutionRecord, s: SimScenario | undefined): void {
    rec.status = rec.outcome;
    if (s) {
      if (s.running === rec) s.running = null;
      s.operations += rec.operations;
      s.transfer += rec.transfer;
      const org = this.world.orgOfScenario(s);
      if (org) {
        org.operations += rec.operations;
        org.transfer += rec.transfer;
      }
      let logs = this.world.logsByScenario.get(s.id);
      if (!logs) this.world.logsByScenario.set(s.id, (logs = []));
      logs.push(rec);
      if (rec.outcome === 3) {
        if (dlqEnabled(s.blueprint)) {
          // With incomplete executions stored, an error is parked instead of counting toward a stop.
          this.createDlq(s, rec);
        } else {
          s.consecutiveErrors += 1;
          if (s.isActive && s.consecutiveErrors >= maxErrorsOf(s.blueprint)) {
            this.deactivate(s);
            s.isinvalid = true;
          }
        }
      } else {
        s.consecutiveErrors = 0;
      }
    }
    const waiting = this.waiters.get(rec.id);
    this.waiters.delete(rec.id);
    for (const w of waiting ?? []) w(rec);
    for (const l of this.finishListeners) l(rec);
    if (s) this.processHookQueue(s, rec.end);
  }

  private processHookQueue(s: SimScenario, at: number): void {
    if (s.hookId === null || s.running || !s.isActive || s.isPaused) return;
    const hook = this.world.hooks.get(s.hookId);
    if (!hook || hook.queue.length === 0) return;
    const payload = hook.queue.shift();
    this.beginRun(s, at, 'hook', { input: payload });
  }

  private createDlq(s: SimScenario, rec: ExecutionRecord): void {
    const rng = rngFor(this.world.seed, s.id, SALT_DLQ, s.runCount);
    const failer = flowModules(s.blueprint).find((m) => m.module === rec.error?.causeModule.name)?.id ?? 1;
    const d: SimDlq = {
      id: executionId(this.world.seed, s.id, s.runCount, SALT_DLQ),
      scenarioId: s.id,
      executionId: rec.id,
      reason: rec.error?.message ?? 'Unknown error',
      created: rec.end,
      size: rng.int(200, 20000),
      resolved: false,
      deleted: false,
      retry: false,
      attempts: 0,
      index: this.world.nextId('dlqIndex'),
      failer,
      blueprint: structuredClone(s.blueprint),
      bundle: {
        [String(failer)]: { error: { type: rec.error?.name ?? 'RuntimeError', message: rec.error?.message ?? '' } },
      },
      logs: [],
    };
    rec.dlqId = d.id;
    this.world.dlqs.set(d.id, d);
    s.dlqCount += 1;
  }

  private finishDlqRetry(d: SimDlq, at: number): void {
    d.retry = false;
    if (d.deleted || d.resolved) return;
    const s = this.world.scenarios.get(d.scenarioId);
    const rng = rngFor(this.world.seed, hash32(...[...d.id].map((c) => c.charCodeAt(0))), SALT_DLQ, d.attempts);
    const ok = s ? !(s.profile.brokenSince !== null && at >= s.profile.brokenSince) && rng.chance(0.7) : false;
    const duration = retryDuration(s);
    d.logs.push({ id: rng.hex(32), start: at - duration, duration, status: ok ? 1 : 3, operations: ok ? (s?.baseOperations ?? 1) : 1, transfer: rng.int(0, 5000) });
    if (ok) {
      d.resolved = true;
      if (s && s.dlqCount > 0) s.dlqCount -= 1;
    }
  }

  private decideOutcome(s: SimScenario, at: number, rng: Rng): RunStatusCode {
    if (s.profile.brokenSince !== null && at >= s.profile.brokenSince) return 3;
    const r = rng.next();
    if (r < s.profile.errorShare) return 3;
    if (r < s.profile.errorShare + s.profile.warningShare) return 2;
    return 1;
  }

  private makeError(s: SimScenario, rng: Rng, status: RunStatusCode, forcedMessage?: string): ExecutionError {
    const modules = flowModules(s.blueprint);
    const cause = modules.length > 1 ? rng.pick(modules.slice(1)) : (modules[0] ?? { id: 1, module: 'util:SetVariable' });
    const pick = rng.pick(status === 3 ? ERROR_MESSAGES : WARNING_MESSAGES);
    // A broken scenario fails the same way every time.
    const stable = status === 3 && s.profile.brokenSince !== null ? (ERROR_MESSAGES[s.id % ERROR_MESSAGES.length] ?? pick) : pick;
    return {
      name: stable.name,
      message: forcedMessage ?? stable.message,
      causeModule: { name: cause.module, appName: appName(appOfModule(cause.module)) },
    };
  }

  private makeOutputs(s: SimScenario, rng: Rng, input: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const f of s.interfaceOutput ?? []) {
      if (f.type === 'number') out[f.name] = rng.int(1, 1000);
      else if (f.type === 'boolean') out[f.name] = rng.chance(0.5);
      else out[f.name] = f.name === 'echo' ? JSON.stringify(input ?? null) : `${f.name}-${rng.hex(6)}`;
    }
    return out;
  }

  private someMemberOf(s: SimScenario, at: number): number | null {
    const org = this.world.orgOfScenario(s);
    if (!org) return null;
    const members = [...this.world.orgMembers.values()].filter((m) => m.organizationId === org.id && m.invitation === null);
    if (members.length === 0) return null;
    return (members[hash32(s.id, at) % members.length] as { userId: number }).userId;
  }
}

/** 32-hex execution/DLQ id, unique per (scenario, run, purpose) by construction. */
export function executionId(seed: number, scenarioId: number, n: number, salt: number): string {
  const mask = hash32(seed, 99);
  const head = hash32(seed, scenarioId, n, salt, 1).toString(16).padStart(8, '0');
  const mid = ((scenarioId ^ mask) >>> 0).toString(16).padStart(8, '0');
  const tail = ((n ^ (mask >>> 3)) >>> 0).toString(16).padStart(8, '0');
  const end = hash32(seed, scenarioId, n, salt, 2).toString(16).padStart(8, '0');
  return head + mid + tail + end;
}

/** A retry replays one bundle from the failed module on: shorter than a full run. */
const retryDuration = (s: SimScenario | undefined): number => Math.max(200, Math.min(1500, Math.round((s?.baseDurationMs ?? 1000) * 0.5)));
