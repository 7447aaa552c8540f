// The normalized state the engine owns and every observer (renderer, tray, notifications) reads.
// Plain data only: no functions, no Dates (epoch milliseconds), no secrets. Ids from Make are only
// unique within a zone, so every entity is addressed by a key that includes its zone host.

/** Epoch milliseconds. */
export type Millis = number;

/** `${zoneHost}` e.g. "eu1.make.com" or "127.0.0.1:8787". */
export type ZoneHost = string;
/** `${zoneHost}/o${orgId}` */
export type OrgKey = string;
/** `${zoneHost}/t${teamId}` */
export type TeamKey = string;
/** `${zoneHost}/f${folderId}` */
export type FolderKey = string;
/** `${zoneHost}/s${scenarioId}` */
export type ScenarioKey = string;
export type AccountId = string;

export const orgKey = (zone: ZoneHost, id: number): OrgKey => `${zone}/o${id}`;
export const teamKey = (zone: ZoneHost, id: number): TeamKey => `${zone}/t${id}`;
export const folderKey = (zone: ZoneHost, id: number): FolderKey => `${zone}/f${id}`;
export const scenarioKey = (zone: ZoneHost, id: number): ScenarioKey => `${zone}/s${id}`;

export type AuthKind = 'token' | 'oauth';
export type AccountStatus = 'ok' | 'checking' | 'needs-sign-in' | 'error';

export interface AccountState {
  id: AccountId;
  kind: AuthKind;
  /** Base URL of the zone the credential was issued for, e.g. https://eu1.make.com/api/v2 */
  baseUrl: string;
  zone: ZoneHost;
  userName: string;
  email: string;
  scopes: string[];
  status: AccountStatus;
  statusMessage: string | null;
  /** True for the embedded simulator's demo account. */
  demo: boolean;
}

export type ConnectivityState = 'online' | 'offline' | 'degraded' | 'unknown';

export interface Connectivity {
  state: ConnectivityState;
  /** Last time any request to this zone succeeded. */
  lastOkAt: Millis | null;
  message: string | null;
}

export interface BudgetState {
  /** Make's `license.apiLimit`, requests per minute for the whole organization. */
  limitPerMin: number;
  /** Share of the limit the app may spend (0..1). */
  share: number;
  /** What the app currently allows itself per minute (≤ limit × share; lower after a 429). */
  allowedPerMin: number;
  /** Requests the app sent in the last 60 s. */
  usedLastMin: number;
  rateLimitedUntil: Millis | null;
  /** Requests waiting in the app's queue for this organization. */
  queued: number;
}

export interface OrgState {
  key: OrgKey;
  id: number;
  zone: ZoneHost;
  name: string;
  productName: string | null;
  accountIds: AccountId[];
  monitored: boolean;
  budget: BudgetState;
  connectivity: Connectivity;
  lastSyncAt: Millis | null;
  /** Set while the first full sync of this org is running. */
  syncing: boolean;
  /** A problem that stops monitoring of this org (e.g. missing scope), in plain words. */
  problem: string | null;
}

export interface TeamState {
  key: TeamKey;
  id: number;
  orgKey: OrgKey;
  name: string;
  /** Accounts that can see this team (team-level permissions differ between accounts of one org). */
  accountIds: AccountId[];
}

export interface FolderState {
  key: FolderKey;
  id: number;
  teamKey: TeamKey;
  name: string;
  parentKey: FolderKey | null;
}

/** Make's scheduling object (subset the app shows and edits). */
export interface Scheduling {
  type: 'immediately' | 'indefinitely' | 'once' | 'daily' | 'weekly' | 'monthly' | 'yearly' | 'on-demand' | string;
  interval?: number;
  date?: string;
  time?: string;
  days?: number[];
  months?: number[];
}

/** 1 success, 2 warning, 3 error, as in Make's logs; 'running' for a run the app is following. */
export type RunStatus = 1 | 2 | 3 | 'running';

export interface RunSummary {
  /** Execution id (32 hex chars). */
  id: string;
  status: RunStatus;
  /** Start time. */
  timestamp: Millis;
  durationMs: number | null;
  operations: number | null;
  transfer: number | null;
  /** `auto`, `manual`, … as Make reports it. */
  type: string | null;
  errorMessage: string | null;
  errorModule: string | null;
}

/** Derived, worst first in the order the UI sorts by severity. */
export type ScenarioHealth = 'off-by-make' | 'failing' | 'warning' | 'paused' | 'ok' | 'inactive' | 'unknown';
/** Worst first; `healthSeverity` in the policy sorts by it. */
export const HEALTH_ORDER: readonly ScenarioHealth[] = ['off-by-make', 'failing', 'warning', 'paused', 'ok', 'inactive', 'unknown'];

export interface ScenarioState {
  key: ScenarioKey;
  id: number;
  orgKey: OrgKey;
  teamKey: TeamKey;
  folderKey: FolderKey | null;
  name: string;
  description: string;
  isActive: boolean;
  isinvalid: boolean;
  isPaused: boolean;
  dlqCount: number;
  operations: number;
  transfer: number;
  nextExec: Millis | null;
  lastEdit: Millis | null;
  hookId: number | null;
  scheduling: Scheduling | null;
  usedPackages: string[];
  health: ScenarioHealth;
  /** Newest first, bounded per scenario. */
  recentRuns: RunSummary[];
  /** A run started from the app that has not reported yet. */
  pendingRun: PendingRun | null;
}

export interface PendingRun {
  executionId: string;
  startedAt: Millis;
}

/** What Make's scenario list says about a scenario: everything but the app's own derived fields. */
export type ScenarioFacts = Omit<ScenarioState, 'health' | 'recentRuns' | 'pendingRun'>;

export interface EngineState {
  accounts: Record<AccountId, AccountState>;
  orgs: Record<OrgKey, OrgState>;
  teams: Record<TeamKey, TeamState>;
  folders: Record<FolderKey, FolderState>;
  scenarios: Record<ScenarioKey, ScenarioState>;
  /** Per zone host, as the poller last saw it. */
  zones: Record<ZoneHost, Connectivity>;
  /** Overall connectivity (worst of the zones in use). */
  connectivity: Connectivity;
  /** When the state shown came from the disk cache: when that cache was written. */
  cachedAt: Millis | null;
  /** Notifications paused until (snooze). */
  snoozedUntil: Millis | null;
  mutedScenarios: ScenarioKey[];
  demo: boolean;
}

export const unknownConnectivity = (): Connectivity => ({ state: 'unknown', lastOkAt: null, message: null });

export const emptyEngineState = (): EngineState => ({
  accounts: {},
  orgs: {},
  teams: {},
  folders: {},
  scenarios: {},
  zones: {},
  connectivity: unknownConnectivity(),
  cachedAt: null,
  snoozedUntil: null,
  mutedScenarios: [],
  demo: false,
});

// Notifications are data: the policy decides them, the shell localizes and shows them.

export type NotificationKind = 'failure' | 'warning' | 'off-by-make' | 'fixed' | 'summary';

export interface NotificationSpec {
  /** Stable id (kind + execution id or scenario + time), usable as the OS notification tag. */
  id: string;
  kind: NotificationKind;
  scenarioKey: ScenarioKey | null;
  executionId: string | null;
  /** i18n keys, e.g. `notification.failure.title`; the shell localizes with `params`. */
  titleKey: string;
  bodyKey: string;
  params: Record<string, string | number | null>;
  at: Millis;
}
