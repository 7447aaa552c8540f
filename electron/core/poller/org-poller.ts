// The polling loop of one organization. Each cycle: list every scenario of the organization (few large
// pages, monitoring columns only), diff against the state, read the logs the plan picks (failure
// signals first, then activity, then a slow safety sweep), write everything through the store's
// actions, and hand over to the engine for health, policy and notifications. Every request goes
// through the governor at the priority the user's attention calls for.
import type { Clock, TimerHandle } from '../../../shared/clock';
import type { Millis, OrgKey, RunSummary, ScenarioKey, ScenarioState, ZoneHost } from '../../../shared/domain';
import type { Priority, RateGovernor } from '../governor';
import { MONITOR_SCENARIO_COLS, isNotFound, toRunSummary, toScenarioFacts } from '../make';
import type { MakeClient } from '../make';
import type { EngineStore } from '../state';
import { CADENCE, nextCycleDelay } from './cadence';
import { classifyFailure, isConnectivityFailure, type FailureClass } from './connectivity';
import { diffScenarioSnapshots } from './diff';
import { planLogFetches, type LogFetch } from './plan';
import { toDomainFacts, snapshotOf } from './scenario-facts';
import { dropSignals, isDue, mergeSignals, signalsFromDiff, sortSignals, type PendingSignal } from './signals';

/**
 * Scenarios per list page asked for, at least. Make's maximum is undocumented, so pages are always
 * followed; the page asked for is a little larger than the organization's last count, so a list that
 * fits one page is not followed by an empty one.
 */
export const SCENARIO_PAGE = 1000;
const PAGE_SLACK = 200;
/** Log entries per read; a full page with a known `from` is followed (bounded) so no run is skipped. */
export const LOG_PAGE = 50;
const MAX_LOG_PAGES = 4;
const MAX_LIST_PAGES = 200;
/** Error details (message, failing module) fetched per log read for runs that just failed. */
export const DETAILS_PER_READ = 2;
/**
 * How long a failed run waits for its error details before it is written (and notified) without them.
 * When the budget window is full a detail can wait several seconds for a slot; the notification should
 * not. The text is filled in when the detail arrives, for the window and the run history.
 */
export const DETAIL_WAIT_MS = 1_000;
/** Log reads queued or running in the governor at once: few, so a new urgent signal is next in line. */
const READS_IN_FLIGHT = 2;
/** The safety sweep reads at most one scenario this often, and only from slack in the budget window. */
const SWEEP_EVERY_MS = 5_000;
const SWEEP_SLACK = 3;
/** …and only while this share of the background allowance is unused, so it never feeds a backlog. */
const SWEEP_SLACK_SHARE = 0.3;
/** Wait after an auth/rights problem before looking again. */
const PROBLEM_RETRY_MS = 60_000;
/** A due list waits for the previous list's reads at most until this long after the previous list. */
const LIST_DEFER_MAX_MS = 30_000;

export interface CadenceMode {
  userLooking: boolean;
  idle: boolean;
  snoozed: boolean;
}

/** What the poller needs from the engine around it. */
export interface OrgPollerHost {
  clock: Clock;
  store: EngineStore;
  governor: RateGovernor;
  /** A usable client of an account that reaches this organization, or null. */
  clientFor(orgKey: OrgKey): MakeClient | null;
  mode(): CadenceMode;
  /** Marks `work` as I/O in flight (for shutdown and for tests waiting until the engine is quiet). */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** Consecutive connectivity failures of the zone (0 when online). */
  zoneFailures(zone: ZoneHost): number;
  reportZone(zone: ZoneHost, outcome: 'ok' | FailureClass): void;
  /** The credential was rejected (401 / IM102) or cannot be renewed: the account needs sign-in. */
  reportAuthFailure(orgKey: OrgKey, client: MakeClient, err: unknown): void;
  /** Teams or the organization itself changed under us: discovery should run again. */
  requestDiscovery(orgKey: OrgKey): void;
  /** Runs that started before this are history to the policy (never notified). */
  newsSince(orgKey: OrgKey): Millis;
  /** The cycle wrote its results: derive health, run the policy, notify, save. */
  cycleDone(orgKey: OrgKey): void;
  /** A log read wrote runs: run the policy soon (coalesced with other reads of the same instant). */
  runsChanged(orgKey: OrgKey): void;
  rng(): number;
}

export interface CycleStats {
  listPages: number;
  logReads: number;
  detailReads: number;
}

export class OrgPoller {
  private timer: TimerHandle | null = null;
  private running: Promise<void> | null = null;
  private rerun: Priority | null = null;
  private stopped = false;
  private readonly abort = new AbortController();

  private pending: PendingSignal[] = [];
  private sweepCursor = 0;
  private readsInFlight = 0;
  /** Scenarios being read, with the time the read was sent (null while it waits in the governor). */
  private readonly reading = new Map<ScenarioKey, Millis | null>();
  private lastSweepAt = Number.NEGATIVE_INFINITY;
  /** Signals per minute (exponentially smoothed): how many log reads the activity calls for. */
  private activityPerMin = 0;
  private lastCycleAt: Millis | null = null;
  /** When the last list started. */
  private lastListAt: Millis | null = null;
  /** A list is due but waits for the reads of the previous one to catch up. */
  private listDeferred = false;
  private hasBaseline = false;
  /** Scenarios in the last complete list. */
  private lastCount = 0;
  /** Totals since start, for benchmarks and diagnostics. */
  readonly totals: CycleStats = { listPages: 0, logReads: 0, detailReads: 0 };
  /** Log reads started per reason since start (diagnostics). */
  readonly readsByReason: Record<string, number> = {};

  constructor(
    readonly orgKey: OrgKey,
    readonly orgId: number,
    readonly zone: ZoneHost,
    private readonly host: OrgPollerHost,
  ) {
  }

  start(delayMs = 0): void {
    if (this.stopped) return;
    this.arm(delayMs);
  }

  stop(): void {
    this.stopped = true;
    this.disarm();
    this.abort.abort(new Error('poller stopped'));
  }

  /** Runs a cycle now (or right after the one in progress). */
  trigger(priority: Priority = 'user'): void {
    if (this.stopped) return;
    if (this.running) {
      this.rerun = higher(this.rerun, priority);
      return;
    }
    this.disarm();
    this.runCycle(priority);
  }

  /** The user is looking at these scenarios: read their logs in the next cycle (after failure signals). */
  look(keys: readonly ScenarioKey[]): void {
    const now = this.host.clock.now();
    this.pending = mergeSignals(
      this.pending,
      keys.map((key) => ({ key, tier: 'activity' as const, since: now })),
    );
  }

  /** Resolves when the cycle in progress (if any) has finished. */
  async settled(): Promise<void> {
    while (this.running) await this.running;
  }

  get pendingSignals(): readonly PendingSignal[] {
    return this.pending;
  }

  // -------------------------------------------------------------------------------------------

  private arm(ms: number): void {
    this.disarm();
    this.timer = this.host.clock.setTimeout(() => {
      this.timer = null;
      this.listWhenReadsCatchUp();
    }, ms);
  }

  private disarm(): void {
    if (this.timer) this.host.clock.clearTimeout(this.timer);
    this.timer = null;
    this.listDeferred = false;
  }

  /**
   * The next list is due. While signals from the last list still wait for their reads, a new list
   * would only queue its signals behind them and take a request from them: it waits until the reads
   * catch up (pumpReads starts it), at most LIST_DEFER_MAX_MS after the previous list.
   */
  private listWhenReadsCatchUp(): void {
    const now = this.host.clock.now();
    const deadline = (this.lastListAt ?? now) + LIST_DEFER_MAX_MS;
    if (this.readBacklog(now) > 0 && deadline > now) {
      this.timer = this.host.clock.setTimeout(() => {
        this.timer = null;
        this.listDeferred = false;
        this.runCycle('visible');
      }, deadline - now);
      this.listDeferred = true;
      return;
    }
    // Lists go ahead of queued log reads: they are where every signal comes from.
    this.runCycle('visible');
  }

  /** Due signals not yet handed to the governor. */
  private readBacklog(now: Millis): number {
    let n = 0;
    for (const s of this.pending) if (isDue(s, now)) n++;
    return n;
  }

  private runCycle(priority: Priority): void {
    const run = this.cycle(priority)
      .catch(() => CADENCE.normalMs)
      .then((delay) => {
        this.running = null;
        if (this.stopped) return;
        const again = this.rerun;
        this.rerun = null;
        if (again) this.runCycle(again);
        else this.arm(delay);
      });
    this.running = run;
  }

  private governed<T>(priority: Priority, task: (signal: AbortSignal) => Promise<T>): Promise<T> {
    return this.host.governor.schedule(this.orgKey, priority, (signal) => this.host.track(() => task(signal)), {
      signal: this.abort.signal,
    });
  }

  /** What background work may plan with (the governor keeps a reserve while the user is active). */
  private backgroundPerMin(): number {
    return this.host.governor.allowanceOf(this.orgKey, 'background');
  }

  /** One cycle; returns the delay until the next. */
  private async cycle(priority: Priority): Promise<number> {
    const { store, clock } = this.host;
    const now = clock.now();
    const org = store.getState().orgs[this.orgKey];
    if (!org || !org.monitored) return CADENCE.idleMs;
    const client = this.host.clientFor(this.orgKey);
    if (!client) {
      store.setOrgProblem(this.orgKey, 'No signed-in account can reach this organization right now.');
      return PROBLEM_RETRY_MS;
    }
    const limited = this.host.governor.budget(this.orgKey).rateLimitedUntil;
    if (limited !== null && limited > now) return limited - now + 250;

    this.lastListAt = now;
    const firstSync = org.lastSyncAt === null;
    if (firstSync) store.setOrgSyncing(this.orgKey, true);
    const stats: CycleStats = { listPages: 0, logReads: 0, detailReads: 0 };
    try {
      const rows = await this.listScenarios(client, priority, stats);
      this.host.reportZone(this.zone, 'ok');
      this.applyList(rows, clock.now());
    } catch (err) {
      return this.listFailed(err, client, stats);
    } finally {
      this.totals.listPages += stats.listPages;
      if (firstSync) store.setOrgSyncing(this.orgKey, false);
    }

    this.pumpReads();
    this.host.cycleDone(this.orgKey);
    return this.nextDelay(Math.max(1, stats.listPages));
  }

  private async listScenarios(client: MakeClient, priority: Priority, stats: CycleStats) {
    const rows = [];
    let offset = 0;
    const limit = Math.max(SCENARIO_PAGE, this.lastCount + PAGE_SLACK);
    for (let n = 0; n < MAX_LIST_PAGES; n++) {
      const page = await this.governed(priority, (signal) =>
        client.listScenariosPage(
          { organizationId: this.orgId, cols: MONITOR_SCENARIO_COLS, offset, limit, sortBy: 'id', sortDir: 'asc' },
          { signal },
        ),
      );
      stats.listPages++;
      for (const item of page.items) rows.push(toScenarioFacts(item));
      if (page.nextOffset === null || page.items.length === 0) break;
      offset = page.nextOffset;
    }
    this.lastCount = rows.length;
    return rows;
  }

  private applyList(rows: ReturnType<typeof toScenarioFacts>[], now: Millis): void {
    const { store } = this.host;
    const state = store.getState();
    const facts = rows.map((r) => toDomainFacts(r, this.zone, this.orgKey));
    if (facts.some((f) => !state.teams[f.teamKey])) this.host.requestDiscovery(this.orgKey);

    const before = Object.values(state.scenarios).filter((s) => s.orgKey === this.orgKey);
    // The first list of an organization never seen (not even in the cache) is the baseline: its
    // history is not news. Afterwards every movement is a signal.
    const baseline = this.hasBaseline || before.length > 0;
    const diff = diffScenarioSnapshots(snapshotOf(before), snapshotOf(facts));
    const fresh = baseline ? signalsFromDiff(diff, now) : [];
    store.applyScenarioList({ orgKey: this.orgKey }, facts, now);
    this.sweepCandidates = facts
      .filter((f) => f.isActive)
      .map((f) => f.key)
      .sort();
    store.setOrgProblem(this.orgKey, null);
    this.hasBaseline = true;

    const gone = new Set<ScenarioKey>(diff.disappeared);
    this.pending = dropSignals(mergeSignals(this.pending, fresh), gone);

    const minutes = this.lastCycleAt === null ? 0 : (now - this.lastCycleAt) / 60_000;
    if (minutes > 0) {
      const rate = fresh.filter((s) => s.tier === 'failure' || s.tier === 'activity').length / minutes;
      this.activityPerMin = 0.7 * this.activityPerMin + 0.3 * rate;
    }
    this.lastCycleAt = now;
  }

  /** Active scenarios in a stable order: what the safety sweep walks through. */
  private sweepCandidates: ScenarioKey[] = [];

  /**
   * Keeps a couple of log reads queued in the governor, always the most urgent due signal next. Reads
   * are paced by the governor, not by the list cadence, so no slot of the budget is lost waiting for the
   * next cycle, and a failure signal never waits behind a long batch. The sweep only uses slack.
   */
  private pumpReads(): void {
    if (this.stopped) return;
    const { clock, governor } = this.host;
    const client = this.host.clientFor(this.orgKey);
    if (!client) return;
    while (this.readsInFlight < READS_IN_FLIGHT) {
      const now = clock.now();
      const budget = governor.budget(this.orgKey);
      if ((budget.rateLimitedUntil !== null && budget.rateLimitedUntil > now) || this.host.zoneFailures(this.zone) > 0) return;
      const bg = this.backgroundPerMin();
      const sweepOk = now - this.lastSweepAt >= SWEEP_EVERY_MS && budget.usedLastMin <= bg - Math.max(SWEEP_SLACK, Math.ceil(bg * SWEEP_SLACK_SHARE));
      // One read per scenario at a time: a signal that arrives while its scenario is being read waits
      // for that read, which usually answers it (see readOne).
      const held = this.reading.size > 0 ? this.pending.filter((p) => this.reading.has(p.key)) : [];
      const eligible = held.length > 0 ? this.pending.filter((p) => !this.reading.has(p.key)) : this.pending;
      const plan = planLogFetches(eligible, this.lastSeen, 1, now, {
        candidates: sweepOk ? this.sweepCandidates.filter((k) => !this.reading.has(k)) : [],
        cursor: this.sweepCursor,
        maxPerCycle: 1,
      });
      const f = plan.fetches[0];
      if (!f) {
        if (this.listDeferred && !this.running && this.readBacklog(now) === 0) {
          this.disarm();
          this.runCycle('visible');
        }
        return;
      }
      this.pending = held.length > 0 ? sortSignals([...held, ...plan.deferred]) : plan.deferred;
      this.sweepCursor = plan.sweepCursor;
      if (f.reason === 'sweep') this.lastSweepAt = now;
      this.readsByReason[f.reason] = (this.readsByReason[f.reason] ?? 0) + 1;
      this.readsInFlight++;
      this.reading.set(f.key, null);
      void this.readOne(client, f).finally(() => {
        this.readsInFlight--;
        this.pumpReads();
      });
    }
  }

  /** Newest finished run per scenario, read from the state when asked. */
  private readonly lastSeen = {
    get: (key: ScenarioKey): Millis | undefined =>
      this.host.store.getState().scenarios[key]?.recentRuns.find((r) => r.status !== 'running')?.timestamp,
  };

  private async readOne(client: MakeClient, f: LogFetch): Promise<void> {
    const stats: CycleStats = { listPages: 0, logReads: 0, detailReads: 0 };
    const priority: Priority = this.host.mode().userLooking ? 'visible' : 'background';
    let details = DETAILS_PER_READ;
    try {
      await this.readScenarioLogs(client, priority, f, stats, () => (details > 0 ? (details--, true) : false));
      // Signals from before the read was sent are answered by it: the runs behind them had ended.
      // A `started` one waits for a new run to show up (answerStarted).
      const sentAt = this.reading.get(f.key);
      if (sentAt !== null && sentAt !== undefined) {
        this.pending = this.pending.filter((p) => p.key !== f.key || p.tier === 'started' || p.since > sentAt);
      }
      this.host.runsChanged(this.orgKey);
    } catch (err) {
      if (this.stopped) return;
      const cls = classifyFailure(err);
      if (cls === 'not-found') return; // deleted meanwhile: the next list drops it
      if (cls === 'auth') this.host.reportAuthFailure(this.orgKey, client, err);
      if (isConnectivityFailure(cls)) this.host.reportZone(this.zone, cls);
      if (f.reason !== 'sweep') this.pending = mergeSignals(this.pending, [{ key: f.key, tier: f.reason, since: this.host.clock.now() }]);
    } finally {
      this.reading.delete(f.key);
      this.totals.logReads += stats.logReads;
    }
  }

  private async readScenarioLogs(
    client: MakeClient,
    priority: Priority,
    f: LogFetch,
    stats: CycleStats,
    takeDetail: () => boolean,
  ): Promise<void> {
    const id = scenarioIdOf(f.key);
    const known = new Set(this.host.store.getState().scenarios[f.key]?.recentRuns.map((r) => r.id) ?? []);
    const runs: RunSummary[] = [];
    let offset = 0;
    for (let n = 0; n < MAX_LOG_PAGES; n++) {
      const page = await this.governed(priority, (signal) => {
        if (n === 0) this.reading.set(f.key, this.host.clock.now());
        return client.listScenarioLogs(id, { from: f.from, limit: LOG_PAGE, ...(offset ? { offset } : {}) }, { signal });
      });
      stats.logReads++;
      runs.push(...page.items.map((l) => toRunSummary(l)));
      // Newest first: stop once the page reaches what was already seen.
      const reachedKnown = page.items.some((l) => known.has(l.id));
      if (page.nextOffset === null || page.items.length === 0 || reachedKnown || !this.hasSeen(f.key)) break;
      offset = page.nextOffset;
    }
    this.answerStarted(f.key, runs);

    const newsSince = this.host.newsSince(this.orgKey);
    // Error text only for failures that can still be news: history would cost a request per old run.
    const failed = runs.filter((r) => r.status === 3 && !known.has(r.id) && r.timestamp >= newsSince && takeDetail());
    const apply = (texts: readonly (ErrorText | null)[]) =>
      this.host.store.applyRuns(f.key, keepErrorText(this.host.store.getState().scenarios[f.key], withErrorTexts(runs, texts)));
    if (failed.length === 0) {
      apply([]);
      return;
    }
    const texts = Promise.all(failed.map((r) => this.readErrorText(client, priority, id, r.id)));
    const inTime = await this.within(DETAIL_WAIT_MS, texts);
    if (inTime !== null) {
      apply(inTime);
      return;
    }
    apply([]);
    void texts.then(
      (late) => {
        apply(late);
        this.host.runsChanged(this.orgKey);
      },
      // The runs are written already; only their error text is missing until a later read.
      () => undefined,
    );
  }

  /** Make's error message and failing module of one failed run; null when the run is gone. */
  private async readErrorText(client: MakeClient, priority: Priority, scenarioId: number, executionId: string): Promise<ErrorText | null> {
    try {
      // A notification is waiting for this answer: it goes ahead of the queued background reads.
      const d = await this.governed(higher(priority, 'visible'), (signal) => client.getExecutionDetail(scenarioId, executionId, {}, { signal }));
      // Counted here: a detail that arrives late finishes after its log read was counted.
      this.totals.detailReads++;
      return { id: executionId, errorMessage: d.error?.message ?? null, errorModule: d.error ? (d.error.moduleName ?? d.error.appName) : null };
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
  }

  /** `work`'s value if it settles within `ms` (a rejection is thrown), null if it takes longer. */
  private async within<T>(ms: number, work: Promise<T>): Promise<T | null> {
    let timer: TimerHandle | null = null;
    const late = new Promise<null>((resolve) => {
      timer = this.host.clock.setTimeout(() => resolve(null), ms);
    });
    try {
      return await Promise.race([work, late]);
    } finally {
      if (timer) this.host.clock.clearTimeout(timer);
    }
  }

  /** A read that found a new run answers a pending `started` look at the same scenario. */
  private answerStarted(key: ScenarioKey, runs: readonly RunSummary[]): void {
    const newest = this.lastSeen.get(key) ?? Number.NEGATIVE_INFINITY;
    if (runs.some((r) => r.status !== 'running' && r.timestamp > newest)) {
      this.pending = this.pending.filter((p) => p.key !== key || p.tier !== 'started');
    }
  }

  private hasSeen(key: ScenarioKey): boolean {
    return (this.host.store.getState().scenarios[key]?.recentRuns.length ?? 0) > 0;
  }

  private listFailed(err: unknown, client: MakeClient, stats: CycleStats): number {
    const { store, clock, governor } = this.host;
    const cls = classifyFailure(err);
    const now = clock.now();
    switch (cls) {
      case 'offline':
      case 'degraded':
        this.host.reportZone(this.zone, cls);
        return this.nextDelay(Math.max(1, stats.listPages));
      case 'rate-limited': {
        const until = governor.budget(this.orgKey).rateLimitedUntil;
        return until !== null && until > now ? until - now + 250 : 60_000;
      }
      case 'auth':
        this.host.reportAuthFailure(this.orgKey, client, err);
        return PROBLEM_RETRY_MS;
      case 'not-found':
      case 'forbidden':
        store.setOrgProblem(
          this.orgKey,
          cls === 'not-found'
            ? 'This organization no longer exists or this account lost access to it.'
            : 'This account is not allowed to list the scenarios of this organization.',
        );
        this.host.requestDiscovery(this.orgKey);
        return PROBLEM_RETRY_MS;
      default:
        if (this.stopped) return CADENCE.normalMs;
        store.setOrgProblem(this.orgKey, `Make answered unexpectedly: ${messageOf(err)}`);
        return PROBLEM_RETRY_MS;
    }
  }

  private nextDelay(requestsPerCycle: number): number {
    const failures = this.host.zoneFailures(this.zone);
    return nextCycleDelay({
      ...this.host.mode(),
      offline: failures > 0,
      offlineAttempts: Math.max(0, failures - 1),
      budgetPerMin: this.backgroundPerMin(),
      requestsPerCycle,
      logFetchesPerMin: this.activityPerMin,
      jitterRng: () => this.host.rng(),
    });
  }
}

const PRIORITY_RANK: Record<Priority, number> = { user: 0, visible: 1, background: 2 };
const higher = (a: Priority | null, b: Priority): Priority => (a === null || PRIORITY_RANK[b] < PRIORITY_RANK[a] ? b : a);

export function scenarioIdOf(key: ScenarioKey): number {
  const m = /\/s(\d+)$/.exec(key);
  if (!m) throw new TypeError(`Not a scenario key: ${key}`);
  return Number(m[1]);
}

interface ErrorText {
  id: string;
  errorMessage: string | null;
  errorModule: string | null;
}

function withErrorTexts(runs: RunSummary[], texts: readonly (ErrorText | null)[]): RunSummary[] {
  const byId = new Map<string, ErrorText>();
  for (const t of texts) if (t) byId.set(t.id, t);
  if (byId.size === 0) return runs;
  return runs.map((r) => {
    const t = byId.get(r.id);
    return t ? { ...r, errorMessage: t.errorMessage, errorModule: t.errorModule } : r;
  });
}

/** A later read of a run without its error text must not erase the text fetched earlier. */
function keepErrorText(s: ScenarioState | undefined, runs: RunSummary[]): RunSummary[] {
  if (!s) return runs;
  const byId = new Map(s.recentRuns.map((r) => [r.id, r]));
  return runs.map((r) => {
    const old = byId.get(r.id);
    if (!old || r.errorMessage !== null || old.errorMessage === null) return r;
    return { ...r, errorMessage: old.errorMessage, errorModule: old.errorModule };
  });
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
