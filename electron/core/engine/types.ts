// The engine's public surface: what the shell, the dashboard host, tests and benchmarks talk to.
import type { Clock } from '../../../shared/clock';
import type { ErrorCode } from '../../../shared/contract';
import type { ExecutionDetail, IncompleteExecution, RunsPage, ScenarioDetail, Settings } from '../../../shared/contract-schemas';
import type { AccountId, AuthKind, Millis, NotificationSpec, OrgKey, RunStatus, RunSummary, ScenarioKey } from '../../../shared/domain';
import type { CredentialSource } from '../make';
import type { ManagementPort } from '../management/ports';
import type { NotifyOn } from '../policy';
import type { EngineStore } from '../state';

/** Shows a notification (the shell's OS notifications; tests record them). */
export interface Notifier {
  notify(notification: NotificationSpec): void | Promise<void>;
}

export interface AccountConfig {
  id: AccountId;
  /** e.g. https://eu1.make.com/api/v2 (plain http only on loopback). */
  baseUrl: string;
  credentials: CredentialSource;
  kind?: AuthKind;
  demo?: boolean;
}

export interface EngineSettings {
  /** Share of each organization's `apiLimit` the app may spend (0..1]. Default 0.5. */
  budgetShare?: number;
  notifyOn?: Partial<NotifyOn>;
  /** More notifications than this in one cycle become one summary. Default 3. */
  summaryThreshold?: number;
  /** How often organizations, teams and folders are listed again. Default 30 min. */
  discoveryIntervalMs?: number;
  /** Quiet time after a cycle before the state is written to the cache. Default 30 s. */
  saveDebounceMs?: number;
  /** Client timeouts (real milliseconds; they guard real sockets). */
  http?: { headersTimeoutMs?: number; bodyTimeoutMs?: number; connectTimeoutMs?: number };
  /** Seed of the jitter that keeps organizations from polling in step. */
  seed?: number;
}

export interface EngineOptions {
  clock: Clock;
  accounts: AccountConfig[];
  /** Where the offline cache lives; null runs without one. */
  cacheDir: string | null;
  notifier: Notifier;
  settings?: EngineSettings;
}

export type RefreshScope = { accountId: AccountId } | { orgKey: OrgKey } | { scenarioKey: ScenarioKey };

export interface EngineMetrics {
  /** Requests sent that count against an organization's limit. */
  countedRequests: number;
  /** Requests sent that don't (POST /run). */
  uncountedRequests: number;
  rateLimited: number;
  byEndpoint: Record<string, number>;
}

export interface Engine {
  readonly store: EngineStore;
  /** Shows the cache at once, then discovers and starts polling. Resolves once polling is under way. */
  start(): Promise<void>;
  /** Stops polling, aborts requests, writes the cache and closes connections. */
  stop(): Promise<void>;

  addAccount(account: AccountConfig): Promise<void>;
  removeAccount(id: AccountId): Promise<void>;

  /** Discovery (for all or one account) and an immediate cycle. Resolves when that work is done. */
  refresh(scope?: RefreshScope): Promise<void>;
  /** Start/stop scheduling. The state changes with Make's answer; the next poll confirms it. */
  toggleScenario(key: ScenarioKey, on: boolean): Promise<{ isActive: boolean }>;
  /** POST /run (exempt from the budget); the run is then followed until its log appears. */
  runScenario(key: ScenarioKey, data?: Record<string, unknown>): Promise<{ executionId: string }>;
  /** The outcome of a run started with runScenario (null if it could not be followed to its end). */
  whenRunSettled(executionId: string): Promise<RunSummary | null>;
  retryIncomplete(key: ScenarioKey, dlqId: string): Promise<void>;
  /** Run history straight from Make (one page, newest first). */
  listRuns(key: ScenarioKey, query?: RunsQuery): Promise<RunsPage>;
  executionDetail(key: ScenarioKey, executionId: string): Promise<ExecutionDetail>;
  listIncomplete(key: ScenarioKey): Promise<IncompleteExecution[]>;
  /** Blueprint apps, run-form inputs, outputs and hook of a scenario (fetched at user priority, cached briefly). */
  scenarioDetails(key: ScenarioKey): Promise<ScenarioDetail>;
  /** Polling share and notification rules take effect on the running engine. */
  applySettings(settings: Settings): void;
  setOrgMonitored(orgKey: OrgKey, monitored: boolean): void;
  /**
   * What the management services (webhooks, members, scenario lifecycle, report) run on: the engine's
   * clients, governor (with I/O tracking) and store; `requestPoll` triggers the organization's poller.
   */
  management(): ManagementPort;
  /** Runs started from the app: once when started, once when finished. Returns unsubscribe. */
  onRunProgress(listener: (progress: RunProgressEvent) => void): () => void;

  /** The user is looking (tray menu or window open): poll faster; read these scenarios' logs first. */
  setUserLooking(looking: boolean, scenarioKeys?: readonly ScenarioKey[]): void;
  setIdle(idle: boolean): void;
  snooze(until: Millis | null): void;
  mute(key: ScenarioKey, muted: boolean): void;
  /** The OS says the network changed / the machine woke up: look now instead of waiting. */
  networkChanged(): void;
  resumed(): void;

  /** Resolves when no request or disk write is in flight (tests and benchmarks on a virtual clock). */
  quiescent(): Promise<void>;
  metrics(): EngineMetrics;
}

export interface RunsQuery {
  status?: 1 | 2 | 3;
  from?: Millis;
  to?: Millis;
  offset?: number;
  limit?: number;
}

export interface RunProgressEvent {
  key: ScenarioKey;
  executionId: string;
  status: RunStatus;
  at: Millis;
  durationMs: number | null;
  errorMessage: string | null;
}

/** The contract's error codes, so the IPC layer passes them through unchanged. */
export type CommandErrorCode = ErrorCode;

/** A command that could not be carried out, with a message fit to show as is (never a secret). */
export class EngineCommandError extends Error {
  override readonly name = 'EngineCommandError';
  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}
