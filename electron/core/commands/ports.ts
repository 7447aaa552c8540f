// What the command handler needs from the rest of main. The engine and the accounts registry satisfy
// these structurally; methods marked optional may not exist yet in every host, and the commands that
// need them answer `refused` in plain words instead of failing to start.
import type {
  ExecutionDetail,
  IncompleteExecution,
  RunsPage,
  ScenarioDetail,
  Settings,
  SettingsPatch,
} from '../../../shared/contract-schemas';
import type { EventName, EventPayload, RunProgress, StateSnapshot } from '../../../shared/contract';
import type { AccountId, AccountState, EngineState, Millis, OrgKey, ScenarioKey } from '../../../shared/domain';
import type { ManagementPort } from '../management';

export interface RunsQuery {
  status?: 1 | 2 | 3;
  from?: Millis;
  to?: Millis;
  offset: number;
  limit: number;
}

export interface EngineCommandPort {
  store: { getState(): EngineState };
  refresh(scope?: { orgKey: OrgKey } | { scenarioKey: ScenarioKey }): unknown;
  /** Resolves with Make's answer when the engine has it. */
  toggleScenario(key: ScenarioKey, on: boolean): Promise<{ isActive: boolean } | void>;
  /** Resolves with the execution id (or an object carrying it). */
  runScenario(key: ScenarioKey, data?: Record<string, unknown>): Promise<string | { executionId: string }>;
  retryIncomplete(key: ScenarioKey, dlqId: string): Promise<unknown>;
  setUserLooking(looking: boolean, scenarioKeys?: readonly ScenarioKey[]): unknown;
  snooze(until: Millis | null): unknown;
  mute(key: ScenarioKey, muted: boolean): unknown;
  scenarioDetails?(key: ScenarioKey): Promise<ScenarioDetail>;
  listRuns?(key: ScenarioKey, query: RunsQuery): Promise<RunsPage>;
  executionDetail?(key: ScenarioKey, executionId: string): Promise<ExecutionDetail>;
  listIncomplete?(key: ScenarioKey): Promise<IncompleteExecution[]>;
  setOrgMonitored?(orgKey: OrgKey, monitored: boolean): unknown;
  /** Runs started from the app, once when started and once when finished. Returns unsubscribe. */
  onRunProgress?(listener: (progress: RunProgress) => void): () => void;
  /** New settings (polling share, notification rules) take effect without a restart. */
  applySettings?(settings: Settings): unknown;
  /** Webhooks, members, scenario lifecycle, report (issue 7) run on this port. */
  management?(): ManagementPort;
}

export type ZoneOrBaseUrl = { zone: string; baseUrl?: undefined } | { zone?: undefined; baseUrl: string };

export interface AccountsCommandPort {
  list(): AccountState[] | Promise<AccountState[]>;
  connectToken(target: ZoneOrBaseUrl & { token: string }): Promise<AccountState>;
  startOAuth?(target: ZoneOrBaseUrl): Promise<unknown>;
  signOut(accountId: AccountId): Promise<unknown>;
  setOrgMonitored?(orgKey: OrgKey, monitored: boolean): Promise<unknown>;
}

export interface SettingsPort {
  get(): Settings;
  set(patch: SettingsPatch): Promise<Settings>;
}

export interface HostPort {
  /** The state and the version observers continue from (owned by the transport's patch publisher). */
  snapshot(): StateSnapshot;
  /** Opens a URL that already passed `checkExternalUrl`. */
  openExternal(url: string): Promise<void>;
  /** Absent where there is no separate main window (the browser dashboard is that window). */
  openMainWindow?(key?: ScenarioKey): unknown;
  /** Sends an event to every observer (e.g. a long command's progress). */
  emit?<E extends EventName>(event: E, payload: EventPayload<E>): void;
}

export interface CommandDeps {
  engine: EngineCommandPort;
  accounts?: AccountsCommandPort;
  settings: SettingsPort;
  host: HostPort;
  /** Where main logs a failure it turned into `internal` (already redacted). */
  log?: (line: string) => void;
}
