// The composition root of the core: accounts → clients → governor → one poller per organization →
// store → policy → notifier, plus the offline cache. Commands enter here and change state only through
// the store's actions, like polled data.
import type { TimerHandle } from '../../../shared/clock';
import type {
  AccountId,
  AccountState,
  Millis,
  OrgKey,
  RunSummary,
  ScenarioKey,
  ZoneHost,
} from '../../../shared/domain';
import { isSignInRequired } from '../accounts/oauth-credential-source';
import { DiskCacheFile, EngineCache } from '../cache';
import { RateGovernor, type Priority } from '../governor';
import { MakeClient, ZonePools, isMissingScope, isRateLimited, parseMakeTime, runStatusOfExecution, toRunSummary } from '../make';
import type { RequestOutcome } from '../make';
import type { ExecutionDetail, IncompleteExecution, RunsPage, ScenarioDetail, Settings } from '../../../shared/contract-schemas';
import { DEFAULT_NOTIFY_SETTINGS, decideNotifications, emptyPolicyMemory, observationsFromState } from '../policy';
import type { NotifySettings, PolicyMemory } from '../policy';
import {
  classifyFailure,
  initialZoneHealth,
  isConnectivityFailure,
  zoneFailed,
  zoneSucceeded,
  type FailureClass,
  type ZoneHealth,
} from '../poller/connectivity';
import { discoverAccount } from '../poller/discovery';
import { OrgPoller, scenarioIdOf, type CadenceMode, type OrgPollerHost } from '../poller/org-poller';
import { followRun } from '../poller/run-follower';
import { createEngineStore, type EngineStore } from '../state';
import { IoTracker } from './io-tracker';
import { createManagementPort } from './management-port';
import type { ManagementPort } from '../management/ports';
import { toScenarioDetail } from './scenario-detail';
import { mulberry32 } from './rng';
import {
  EngineCommandError,
  type AccountConfig,
  type Engine,
  type EngineMetrics,
  type EngineOptions,
  type RefreshScope,
  type RunProgressEvent,
  type RunsQuery,
} from './types';

const DISCOVERY_INTERVAL_MS = 30 * 60_000;
const DISCOVERY_RETRY_MS = 60_000;
const SAVE_DEBOUNCE_MS = 30_000;
/** Scenario details (blueprint, interface, hook) change rarely: one fetch serves the view this long. */
export const DETAIL_TTL_MS = 60_000;
/** Spread of the first cycles of several organizations. */
const START_SPREAD_MS = 2_000;

const SIGN_IN_MESSAGE =
  'Make no longer accepts the sign-in of this account (the token was revoked or expired). Sign in again to resume monitoring.';

interface AccountRuntime {
  config: AccountConfig;
  client: MakeClient;
  authFailed: boolean;
  discoveryTimer: TimerHandle | null;
  discovering: Promise<void> | null;
  removed: boolean;
}

export function createEngine(options: EngineOptions): Engine {
  return new MakeTrayEngine(options);
}

class MakeTrayEngine implements Engine {
  readonly store: EngineStore = createEngineStore();
  private readonly clock;
  private readonly notifier;
  private readonly settings;
  private readonly governor: RateGovernor;
  private readonly pools: ZonePools;
  private readonly cache: EngineCache | null;
  private readonly io = new IoTracker();
  private readonly rng: () => number;
  private readonly accounts = new Map<AccountId, AccountRuntime>();
  private readonly pollers = new Map<OrgKey, OrgPoller>();
  private readonly zones = new Map<ZoneHost, ZoneHealth>();
  private readonly runs = new Map<string, Promise<RunSummary | null>>();
  private readonly runListeners = new Set<(p: RunProgressEvent) => void>();
  private readonly orgWatchingSince: Record<OrgKey, Millis> = {};
  private notifySettings: Omit<NotifySettings, 'mutedScenarios' | 'snoozedUntil'>;
  private readonly details = new Map<ScenarioKey, { at: Millis; detail: Promise<ScenarioDetail> }>();
  /** `license.interval` per organization, from discovery (schedule checks before Make sees them). */
  private readonly minIntervalMinutes = new Map<OrgKey, number>();
  private readonly metricsData: EngineMetrics = { countedRequests: 0, uncountedRequests: 0, rateLimited: 0, byEndpoint: {} };
  private memory: PolicyMemory = emptyPolicyMemory();
  private watchingSince: Millis = 0;
  /** Runs from before this are history (the last cache write, or the start without a cache). */
  private newsSince: Millis = 0;
  private mode: CadenceMode = { userLooking: false, idle: false, snoozed: false };
  private saveTimer: TimerHandle | null = null;
  private readonly policyTimers = new Map<OrgKey, TimerHandle>();
  private started = false;
  private stopped = false;
  private lastSaveError: string | null = null;
  private readonly pollerHost: OrgPollerHost;
  private managementPort: ManagementPort | null = null;

  constructor(private readonly options: EngineOptions) {
    this.clock = options.clock;
    this.notifier = options.notifier;
    this.settings = options.settings ?? {};
    this.rng = mulberry32(this.settings.seed ?? 1);
    this.pools = new ZonePools(this.settings.http?.connectTimeoutMs !== undefined ? { connectTimeoutMs: this.settings.http.connectTimeoutMs } : {});
    this.governor = new RateGovernor({
      clock: this.clock,
      isRateLimited,
      ...(this.settings.budgetShare !== undefined ? { share: this.settings.budgetShare } : {}),
      onChange: (orgKey, budget) => {
        if (this.store.getState().orgs[orgKey]) this.store.setBudget(orgKey, budget);
      },
    });
    this.cache = options.cacheDir ? new EngineCache(new DiskCacheFile(options.cacheDir), () => this.clock.now()) : null;
    this.notifySettings = {
      notifyOn: { ...DEFAULT_NOTIFY_SETTINGS.notifyOn, ...this.settings.notifyOn },
      summaryThreshold: this.settings.summaryThreshold ?? DEFAULT_NOTIFY_SETTINGS.summaryThreshold,
    };
    this.pollerHost = this.makePollerHost();
  }

  // ── lifecycle ──────────────────────────────────────────────────────────────────────────────

  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    this.watchingSince = this.clock.now();
    this.newsSince = this.watchingSince;
    if (this.cache) {
      const loaded = await this.io.track(() => this.cache!.loadAll());
      if (loaded.cachedAt !== null) {
        this.store.loadFromCache(loaded.state, loaded.cachedAt);
        this.newsSince = Math.min(this.newsSince, loaded.cachedAt);
      }
      const policy = await this.io.track(() => this.cache!.loadPolicyMemory());
      this.memory = policy.memory;
    }
    this.mode.snoozed = this.isSnoozed();
    const configured = new Set(this.options.accounts.map((a) => a.id));
    for (const id of Object.keys(this.store.getState().accounts)) if (!configured.has(id)) this.store.removeAccount(id);
    for (const config of this.options.accounts) this.register(config);
    // Cached organizations poll right away; discovery adds or removes organizations as it learns.
    this.syncPollers();
    for (const acc of this.accounts.values()) void this.discover(acc);
  }

  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    for (const p of this.pollers.values()) p.stop();
    this.pollers.clear();
    for (const acc of this.accounts.values()) this.clearDiscoveryTimer(acc);
    if (this.saveTimer) this.clock.clearTimeout(this.saveTimer);
    this.saveTimer = null;
    for (const t of this.policyTimers.values()) this.clock.clearTimeout(t);
    this.policyTimers.clear();
    this.governor.dispose();
    await this.io.idle();
    await this.save();
    await this.pools.close();
  }

  // ── accounts ───────────────────────────────────────────────────────────────────────────────

  async addAccount(config: AccountConfig): Promise<void> {
    const existing = this.accounts.get(config.id);
    if (existing) await this.removeAccount(config.id);
    this.register(config);
    const acc = this.accounts.get(config.id)!;
    await this.discover(acc, this.clock.now());
  }

  async removeAccount(id: AccountId): Promise<void> {
    const acc = this.accounts.get(id);
    if (acc) {
      acc.removed = true;
      this.clearDiscoveryTimer(acc);
      this.accounts.delete(id);
    }
    this.store.removeAccount(id);
    this.syncPollers();
    await this.cache?.removeAccount(id).catch(() => undefined);
  }

  private register(config: AccountConfig): void {
    const client = new MakeClient({
      baseUrl: config.baseUrl,
      credentials: config.credentials,
      pools: this.pools,
      hooks: { afterResponse: (o) => this.count(o) },
      now: () => this.clock.now(),
      ...(this.settings.http?.headersTimeoutMs !== undefined ? { headersTimeoutMs: this.settings.http.headersTimeoutMs } : {}),
      ...(this.settings.http?.bodyTimeoutMs !== undefined ? { bodyTimeoutMs: this.settings.http.bodyTimeoutMs } : {}),
    });
    this.accounts.set(config.id, { config, client, authFailed: false, discoveryTimer: null, discovering: null, removed: false });
    const cached = this.store.getState().accounts[config.id];
    const account: AccountState = {
      id: config.id,
      kind: config.kind ?? cached?.kind ?? 'token',
      baseUrl: client.baseUrl,
      zone: client.zone,
      userName: cached?.userName ?? '',
      email: cached?.email ?? '',
      scopes: cached?.scopes ?? [],
      status: 'checking',
      statusMessage: null,
      demo: config.demo ?? false,
    };
    this.store.upsertAccount(account);
    if (config.demo) this.store.setDemo(true);
  }

  private discover(acc: AccountRuntime, orgsNewSince?: Millis): Promise<void> {
    if (acc.discovering) return acc.discovering;
    const run = this.runDiscovery(acc, orgsNewSince).finally(() => {
      acc.discovering = null;
    });
    acc.discovering = run;
    return run;
  }

  private async runDiscovery(acc: AccountRuntime, orgsNewSince?: Millis): Promise<void> {
    this.clearDiscoveryTimer(acc);
    let next = this.settings.discoveryIntervalMs ?? DISCOVERY_INTERVAL_MS;
    try {
      const found = await discoverAccount(
        acc.client,
        (orgKey, task) => this.governor.schedule(orgKey, 'visible', (s) => this.io.track(() => task(s))),
      );
      if (acc.removed || this.stopped) return;
      acc.authFailed = false;
      this.reportZone(acc.client.zone, 'ok');
      const prev = this.store.getState().accounts[acc.config.id];
      if (prev) {
        this.store.upsertAccount({
          ...prev,
          userName: found.userName,
          email: found.email,
          scopes: found.scopes ?? prev.scopes,
          status: 'ok',
          statusMessage: found.orgs.length === 0 ? 'This account has no organization in its zone to watch.' : null,
        });
      }
      const known = this.store.getState().orgs;
      for (const o of found.orgs) {
        const key = `${o.zone}/o${o.id}`;
        if (!known[key] && orgsNewSince !== undefined) this.orgWatchingSince[key] = orgsNewSince;
        if (o.apiLimit) this.governor.setLimit(key, o.apiLimit);
        if (o.minIntervalMinutes) this.minIntervalMinutes.set(key, o.minIntervalMinutes);
      }
      this.store.applyDiscovery(acc.config.id, found.orgs, found.teams, found.folders);
      this.syncPollers();
    } catch (err) {
      if (acc.removed || this.stopped) return;
      const cls = classifyFailure(err);
      if (cls === 'auth') this.markAuthFailed(acc, err);
      else if (isConnectivityFailure(cls)) this.reportZone(acc.client.zone, cls);
      else {
        const msg = err instanceof Error ? err.message : String(err);
        this.store.setAccountStatus(acc.config.id, 'error', `Could not read this account's organizations: ${msg}`);
      }
      next = DISCOVERY_RETRY_MS;
    }
    if (!acc.removed && !this.stopped) {
      acc.discoveryTimer = this.clock.setTimeout(() => {
        acc.discoveryTimer = null;
        void this.discover(acc);
      }, next);
    }
  }

  private clearDiscoveryTimer(acc: AccountRuntime): void {
    if (acc.discoveryTimer) this.clock.clearTimeout(acc.discoveryTimer);
    acc.discoveryTimer = null;
  }

  /**
   * Make refused the credential, or the credential source says it cannot be renewed without a new
   * sign-in (SignInRequiredError, with its own plain message). Either way the account stops polling
   * (clientFor skips it) and nothing is notified; discovery looks again now and then, which costs no
   * request while the source keeps saying so.
   */
  private markAuthFailed(acc: AccountRuntime, err?: unknown): void {
    acc.authFailed = true;
    this.store.setAccountStatus(acc.config.id, 'needs-sign-in', signInMessageOf(err));
    // Look again now and then: the credential source may have been renewed meanwhile.
    if (!acc.discoveryTimer && !acc.discovering && !this.stopped) {
      acc.discoveryTimer = this.clock.setTimeout(() => {
        acc.discoveryTimer = null;
        void this.discover(acc);
      }, DISCOVERY_RETRY_MS);
    }
  }

  /** One poller per monitored organization some configured account reaches. */
  private syncPollers(): void {
    if (this.stopped || !this.started) return;
    const orgs = this.store.getState().orgs;
    for (const [key, p] of this.pollers) {
      if (!orgs[key]?.monitored) {
        p.stop();
        this.pollers.delete(key);
      }
    }
    for (const org of Object.values(orgs)) {
      if (!org.monitored || this.pollers.has(org.key)) continue;
      const poller = new OrgPoller(org.key, org.id, org.zone, this.pollerHost);
      this.pollers.set(org.key, poller);
      poller.start(Math.floor(this.rng() * START_SPREAD_MS));
    }
  }

  private clientFor(orgKey: OrgKey): MakeClient | null {
    return this.accountFor(orgKey)?.client ?? null;
  }

  /** The first signed-in account that reaches this organization (the one whose client serves it). */
  private accountFor(orgKey: OrgKey): AccountRuntime | null {
    const org = this.store.getState().orgs[orgKey];
    if (!org) return null;
    for (const id of org.accountIds) {
      const acc = this.accounts.get(id);
      if (acc && !acc.authFailed && !acc.removed) return acc;
    }
    return null;
  }

  private accountOf(client: MakeClient): AccountRuntime | undefined {
    for (const acc of this.accounts.values()) if (acc.client === client) return acc;
    return undefined;
  }

  // ── poller host ────────────────────────────────────────────────────────────────────────────

  private makePollerHost(): OrgPollerHost {
    return {
      clock: this.clock,
      store: this.store,
      governor: this.governor,
      clientFor: (k) => this.clientFor(k),
      mode: () => ({ ...this.mode, snoozed: this.isSnoozed() }),
      track: (w) => this.io.track(w),
      zoneFailures: (z) => this.zones.get(z)?.failures ?? 0,
      reportZone: (z, o) => this.reportZone(z, o),
      reportAuthFailure: (_orgKey, client, err) => {
        const acc = this.accountOf(client);
        if (acc) this.markAuthFailed(acc, err);
      },
      requestDiscovery: (orgKey) => {
        const org = this.store.getState().orgs[orgKey];
        for (const id of org?.accountIds ?? []) {
          const acc = this.accounts.get(id);
          if (acc && !acc.discovering) void this.discover(acc);
        }
      },
      newsSince: (orgKey) => Math.max(this.newsSince, this.orgWatchingSince[orgKey] ?? 0),
      cycleDone: (orgKey) => this.afterCycle(orgKey),
      runsChanged: (orgKey) => {
        // Every read finishing at this instant is judged together (one summary, not N notifications).
        if (this.policyTimers.has(orgKey) || this.stopped) return;
        this.policyTimers.set(
          orgKey,
          this.clock.setTimeout(() => {
            this.policyTimers.delete(orgKey);
            this.afterCycle(orgKey);
          }, 0),
        );
      },
      rng: this.rng,
    };
  }

  private reportZone(zone: ZoneHost, outcome: 'ok' | FailureClass): void {
    const prev = this.zones.get(zone) ?? initialZoneHealth();
    const next = outcome === 'ok' ? zoneSucceeded(prev, this.clock.now()) : zoneFailed(prev, outcome, zone);
    if (next === prev) return;
    this.zones.set(zone, next);
    this.store.setConnectivity(zone, next.connectivity);
    for (const acc of this.accounts.values()) {
      if (acc.client.zone !== zone || acc.authFailed) continue;
      const status = this.store.getState().accounts[acc.config.id]?.status;
      if (outcome === 'ok' && status === 'error') this.store.setAccountStatus(acc.config.id, 'ok', null);
    }
    // Back from a failure: everyone in the zone looks now instead of finishing a long backoff.
    if (outcome === 'ok' && prev.failures > 0) {
      for (const p of this.pollers.values()) if (p.zone === zone) p.trigger('visible');
    }
  }

  private afterCycle(orgKey: OrgKey): void {
    const state = this.store.getState();
    const observations = observationsFromState(state).filter((o) => o.orgKey === orgKey);
    const { notifications, memory } = decideNotifications({
      memory: this.memory,
      observations,
      settings: { ...this.notifySettings, mutedScenarios: state.mutedScenarios, snoozedUntil: state.snoozedUntil },
      now: this.clock.now(),
      watchingSince: this.watchingSince,
      orgWatchingSince: this.orgWatchingSince,
    });
    this.memory = memory;
    for (const n of notifications) {
      try {
        void Promise.resolve(this.notifier.notify(n)).catch(() => undefined);
      } catch {
        // A failing notifier must not stop monitoring.
      }
    }
    this.scheduleSave();
  }

  // ── cache ──────────────────────────────────────────────────────────────────────────────────

  private scheduleSave(): void {
    if (!this.cache || this.saveTimer || this.stopped) return;
    this.saveTimer = this.clock.setTimeout(() => {
      this.saveTimer = null;
      void this.io.track(() => this.save());
    }, this.settings.saveDebounceMs ?? SAVE_DEBOUNCE_MS);
  }

  private async save(): Promise<void> {
    if (!this.cache) return;
    try {
      await this.cache.saveAll(this.store.getState());
      await this.cache.savePolicyMemory(this.memory);
      this.lastSaveError = null;
    } catch (err) {
      // A full disk must not stop monitoring; the next save tries again.
      this.lastSaveError = err instanceof Error ? err.message : String(err);
    }
  }

  /** The last cache write problem, if the last write failed. */
  get cacheProblem(): string | null {
    return this.lastSaveError;
  }

  // ── commands ───────────────────────────────────────────────────────────────────────────────

  async refresh(scope?: RefreshScope): Promise<void> {
    const state = this.store.getState();
    let orgKeys: OrgKey[];
    let accounts: AccountRuntime[];
    if (scope && 'orgKey' in scope) {
      orgKeys = [scope.orgKey];
      accounts = [];
    } else if (scope && 'scenarioKey' in scope) {
      const s = state.scenarios[scope.scenarioKey];
      orgKeys = s ? [s.orgKey] : [];
      accounts = [];
    } else if (scope && 'accountId' in scope) {
      const acc = this.accounts.get(scope.accountId);
      accounts = acc ? [acc] : [];
      orgKeys = Object.values(state.orgs)
        .filter((o) => o.accountIds.includes(scope.accountId))
        .map((o) => o.key);
    } else {
      accounts = [...this.accounts.values()];
      orgKeys = [...this.pollers.keys()];
    }
    await Promise.all(accounts.map((a) => this.discover(a)));
    const pollers = orgKeys.map((k) => this.pollers.get(k)).filter((p): p is OrgPoller => p !== undefined);
    for (const p of pollers) p.trigger('user');
    await Promise.all(pollers.map((p) => p.settled()));
  }

  async toggleScenario(key: ScenarioKey, on: boolean): Promise<{ isActive: boolean }> {
    const { orgKey, client, id } = this.target(key);
    const answer = await this.command(orgKey, 'user', (signal) =>
      on ? client.startScenario(id, { signal }) : client.stopScenario(id, { signal }),
    );
    this.store.updateScenarioFacts(key, { isActive: answer.isActive });
    this.pollers.get(orgKey)?.trigger('visible');
    return { isActive: answer.isActive };
  }

  async runScenario(key: ScenarioKey, data?: Record<string, unknown>): Promise<{ executionId: string }> {
    const { orgKey, client, id } = this.target(key);
    const startedAt = this.clock.now();
    const result = await this.command(orgKey, 'user', (signal) => client.runScenario(id, data ? { data } : {}, { signal }), false);
    const executionId = result.executionId;
    this.store.setPendingRun(key, { executionId, startedAt });
    this.emitRun({ key, executionId, status: 'running', at: startedAt, durationMs: null, errorMessage: null });
    const follow = followRun({
      client,
      clock: this.clock,
      scenarioId: id,
      executionId,
      startedAt,
      governed: (task) => this.governor.schedule(orgKey, 'user', (s) => this.io.track(() => task(s))),
    }).then(
      (run) => {
        if (run) {
          this.store.applyRuns(key, [run]);
          this.emitRun({ key, executionId, status: run.status, at: this.clock.now(), durationMs: run.durationMs, errorMessage: run.errorMessage });
          this.afterCycle(orgKey);
        } else this.store.setPendingRun(key, null);
        return run;
      },
      () => {
        this.store.setPendingRun(key, null);
        return null;
      },
    );
    this.runs.set(executionId, follow);
    return { executionId };
  }

  whenRunSettled(executionId: string): Promise<RunSummary | null> {
    return this.runs.get(executionId) ?? Promise.resolve(null);
  }

  async retryIncomplete(key: ScenarioKey, dlqId: string): Promise<void> {
    const { orgKey, client } = this.target(key);
    await this.command(orgKey, 'user', (signal) => client.retryDlq(dlqId, { signal }));
    this.pollers.get(orgKey)?.trigger('visible');
  }

  async listRuns(key: ScenarioKey, query: RunsQuery = {}): Promise<RunsPage> {
    const { orgKey, client, id } = this.target(key);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? 20;
    const page = await this.command(orgKey, 'user', (signal) =>
      client.listScenarioLogs(
        id,
        {
          offset,
          limit,
          ...(query.status !== undefined ? { status: query.status } : {}),
          ...(query.from !== undefined ? { from: query.from } : {}),
          ...(query.to !== undefined ? { to: query.to } : {}),
        },
        { signal },
      ),
    );
    const runs = page.items.map((l) => toRunSummary(l));
    // What the user browses also feeds the state (and so the policy), like polled logs.
    this.store.applyRuns(key, runs);
    return { runs, offset, limit, hasMore: page.nextOffset !== null };
  }

  async executionDetail(key: ScenarioKey, executionId: string): Promise<ExecutionDetail> {
    const { orgKey, client, id } = this.target(key);
    const detail = await this.command(orgKey, 'user', (signal) => client.getExecutionDetail(id, executionId, {}, { signal }));
    const log = await this.command(orgKey, 'user', (signal) => client.getScenarioLog(id, executionId, { signal })).catch(() => null);
    return {
      key,
      executionId,
      status: runStatusOfExecution(detail.status) ?? 'running',
      timestamp: log?.timestamp ?? null,
      durationMs: log?.durationMs ?? null,
      operations: log?.operations ?? null,
      transfer: log?.transfer ?? null,
      type: log?.type ?? null,
      errorName: detail.error?.name ?? null,
      errorMessage: detail.error?.message ?? null,
      errorModule: detail.error?.moduleName ?? null,
      errorApp: detail.error?.appName ?? null,
      outputs: detail.outputs,
    };
  }

  /**
   * Blueprint (apps in flow order, "store incomplete executions"), interface (the run form's inputs) and
   * the instant-trigger hook, fetched at user priority and kept for DETAIL_TTL_MS. Concurrent asks for
   * one scenario share one fetch; a failed fetch is not kept.
   */
  scenarioDetails(key: ScenarioKey): Promise<ScenarioDetail> {
    const now = this.clock.now();
    const cached = this.details.get(key);
    if (cached && now - cached.at < DETAIL_TTL_MS) return cached.detail;
    let target: ReturnType<MakeTrayEngine['target']>;
    try {
      target = this.target(key);
    } catch (err) {
      return Promise.reject(err);
    }
    const { orgKey, client, id } = target;
    const hookId = this.store.getState().scenarios[key]?.hookId ?? null;
    const detail = Promise.all([
      this.command(orgKey, 'user', (signal) => client.getBlueprint(id, {}, { signal })),
      this.command(orgKey, 'user', (signal) => client.getScenarioInterface(id, { signal })),
      // The hook is a nicety: a hook the account may not read (or one deleted meanwhile) leaves it out.
      hookId === null ? null : this.command(orgKey, 'user', (signal) => client.getHook(hookId, { signal })).catch(() => null),
    ]).then(([bp, iface, hook]) => toScenarioDetail(key, { blueprint: bp.blueprint, iface, hook }, this.clock.now()));
    const entry = { at: now, detail };
    this.details.set(key, entry);
    detail.catch(() => {
      if (this.details.get(key) === entry) this.details.delete(key);
    });
    return detail;
  }

  /**
   * New settings on a running engine: the polling share goes to the governor at once (every
   * organization's allowance, and so the pollers' cadence), notification rules and the summary
   * threshold apply from the next policy run. Language, theme and start-at-login are the shell's.
   */
  applySettings(settings: Settings): void {
    this.governor.setShare(settings.pollingShare);
    const { summaryThreshold, ...notifyOn } = settings.notify;
    this.notifySettings = { notifyOn: { ...notifyOn }, summaryThreshold };
  }

  async listIncomplete(key: ScenarioKey): Promise<IncompleteExecution[]> {
    const { orgKey, client, id } = this.target(key);
    const items = await this.command(orgKey, 'user', (signal) => client.listDlqs(id, { signal }));
    return items.map((d) => ({
      id: String(d.id),
      reason: d.reason ?? null,
      created: typeof d.created === 'string' ? parseMakeTime(d.created) : null,
      size: d.size ?? null,
      resolved: d.resolved ?? false,
      retry: d.retry ?? false,
      attempts: d.attempts ?? null,
    }));
  }

  management(): ManagementPort {
    this.managementPort ??= createManagementPort({
      clock: this.clock,
      store: this.store,
      governor: this.governor,
      track: (work) => this.io.track(work),
      accountFor: (orgKey) => {
        const acc = this.accountFor(orgKey);
        return acc ? { id: acc.config.id, client: acc.client } : null;
      },
      minIntervalMinutes: (orgKey) => this.minIntervalMinutes.get(orgKey) ?? null,
      scenarioChanged: (key) => this.details.delete(key),
      requestPoll: (orgKey) => this.pollers.get(orgKey)?.trigger('visible'),
    });
    return this.managementPort;
  }

  setOrgMonitored(orgKey: OrgKey, monitored: boolean): void {
    this.store.setOrgMonitored(orgKey, monitored);
    this.syncPollers();
    this.scheduleSave();
  }

  onRunProgress(listener: (progress: RunProgressEvent) => void): () => void {
    this.runListeners.add(listener);
    return () => this.runListeners.delete(listener);
  }

  private emitRun(p: RunProgressEvent): void {
    for (const l of this.runListeners) {
      try {
        l(p);
      } catch {
        // A listener's failure is its own.
      }
    }
  }

  setUserLooking(looking: boolean, scenarioKeys: readonly ScenarioKey[] = []): void {
    const was = this.mode.userLooking;
    this.mode.userLooking = looking;
    if (looking && scenarioKeys.length > 0) {
      const state = this.store.getState();
      for (const k of scenarioKeys) {
        const s = state.scenarios[k];
        if (s) this.pollers.get(s.orgKey)?.look([k]);
      }
    }
    // Opening the tray shows fresh data: look now rather than at the end of a slow interval.
    if (looking && !was) for (const p of this.pollers.values()) p.trigger('visible');
  }

  setIdle(idle: boolean): void {
    this.mode.idle = idle;
  }

  snooze(until: Millis | null): void {
    this.store.setSnooze(until);
    this.scheduleSave();
  }

  mute(key: ScenarioKey, muted: boolean): void {
    this.store.setMuted(key, muted);
    this.scheduleSave();
  }

  networkChanged(): void {
    for (const p of this.pollers.values()) p.trigger('visible');
  }

  resumed(): void {
    for (const acc of this.accounts.values()) if (acc.authFailed) void this.discover(acc);
    this.networkChanged();
  }

  quiescent(): Promise<void> {
    return this.io.idle();
  }

  metrics(): EngineMetrics {
    return { ...this.metricsData, byEndpoint: { ...this.metricsData.byEndpoint } };
  }

  // ── helpers ────────────────────────────────────────────────────────────────────────────────

  private isSnoozed(): boolean {
    const until = this.store.getState().snoozedUntil;
    return until !== null && until > this.clock.now();
  }

  private target(key: ScenarioKey): { orgKey: OrgKey; client: MakeClient; id: number } {
    const s = this.store.getState().scenarios[key];
    if (!s) throw new EngineCommandError('not-found', 'This scenario is not known (it may have been deleted).');
    const client = this.clientFor(s.orgKey);
    if (!client) throw new EngineCommandError('refused', 'No signed-in account can reach this scenario right now.');
    return { orgKey: s.orgKey, client, id: scenarioIdOf(key) };
  }

  /** A user command under the governor; Make's failures become EngineCommandErrors with plain messages. */
  private async command<T>(orgKey: OrgKey, priority: Priority, task: (signal: AbortSignal) => Promise<T>, counts = true): Promise<T> {
    try {
      return await this.governor.schedule(orgKey, priority, (s) => this.io.track(() => task(s)), { countsAgainstLimit: counts });
    } catch (err) {
      throw toCommandError(err);
    }
  }

  private count(o: RequestOutcome): void {
    const m = this.metricsData;
    if (o.countsAgainstRateLimit) m.countedRequests++;
    else m.uncountedRequests++;
    if (o.status === 429) m.rateLimited++;
    m.byEndpoint[o.endpoint] = (m.byEndpoint[o.endpoint] ?? 0) + 1;
  }
}

/** The sign-in source's own words when it says a new sign-in is needed, else the generic message. */
function signInMessageOf(err: unknown): string {
  return isSignInRequired(err) && err.message.trim() !== '' ? err.message : SIGN_IN_MESSAGE;
}

function toCommandError(err: unknown): EngineCommandError {
  if (err instanceof EngineCommandError) return err;
  const detail = (err as { detail?: string } | null)?.detail;
  const text = detail ?? (err instanceof Error ? err.message : String(err));
  if (isMissingScope(err)) return new EngineCommandError('missing-scope', `This account's sign-in does not allow this: ${text}`);
  switch (classifyFailure(err)) {
    case 'offline':
    case 'degraded':
      return new EngineCommandError('offline', `Make could not be reached: ${text}`);
    case 'rate-limited': {
      const retry = (err as { retryAfterMs?: number }).retryAfterMs;
      return new EngineCommandError(
        'rate-limited',
        'The organization used up its Make API requests for this minute; try again shortly.',
        retry ?? 60_000,
      );
    }
    case 'auth':
      return new EngineCommandError('refused', signInMessageOf(err));
    case 'not-found':
      return new EngineCommandError('not-found', 'Make does not know this scenario or item anymore.');
    default:
      return new EngineCommandError('refused', `Make refused: ${text}`);
  }
}
