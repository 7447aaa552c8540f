// The engine's state: a zustand vanilla store whose only writers are the named actions below, used
// alike by polled data and by commands. Observers subscribe and mirror it with `diffState` patches.
import { createStore } from 'zustand/vanilla';
import { emptyEngineState } from '../../../shared/domain';
import type {
  AccountId,
  AccountState,
  AccountStatus,
  BudgetState,
  Connectivity,
  EngineState,
  Millis,
  OrgKey,
  PendingRun,
  RunSummary,
  ScenarioFacts,
  ScenarioKey,
  TeamKey,
  ZoneHost,
} from '../../../shared/domain';
import { diffState } from '../../../shared/state-patch';
import type { StatePatch } from '../../../shared/state-patch';
import * as r from './reducers';
import type { DiscoveredFolder, DiscoveredOrg, DiscoveredTeam, ScenarioListScope } from './reducers';

export interface EngineActions {
  upsertAccount(account: AccountState): void;
  setAccountStatus(accountId: AccountId, status: AccountStatus, message: string | null): void;
  /** Everything `accountId` can reach now; orgs/teams it no longer reaches lose it (and go when nobody reaches them). */
  applyDiscovery(
    accountId: AccountId,
    orgs: readonly DiscoveredOrg[],
    teams: readonly DiscoveredTeam[],
    folders?: readonly DiscoveredFolder[],
  ): void;
  applyFolders(teamKeys: readonly TeamKey[], folders: readonly DiscoveredFolder[]): void;
  /** A complete scenario list for the scope: upserts listed ones, removes unlisted ones in scope. */
  applyScenarioList(scope: ScenarioListScope, scenarios: readonly ScenarioFacts[], at: Millis): void;
  /** One scenario's full facts: added, or its facts replaced (runs and pending run kept). */
  upsertScenario(facts: ScenarioFacts): void;
  updateScenarioFacts(key: ScenarioKey, patch: Partial<Omit<ScenarioFacts, 'key' | 'id'>>): void;
  applyRuns(key: ScenarioKey, runs: readonly RunSummary[]): void;
  setPendingRun(key: ScenarioKey, pending: PendingRun | null): void;
  removeScenario(key: ScenarioKey): void;
  removeAccount(accountId: AccountId): void;
  setConnectivity(zone: ZoneHost, connectivity: Connectivity): void;
  setBudget(orgKey: OrgKey, budget: BudgetState): void;
  setOrgSyncing(orgKey: OrgKey, syncing: boolean): void;
  setOrgProblem(orgKey: OrgKey, problem: string | null): void;
  setOrgMonitored(orgKey: OrgKey, monitored: boolean): void;
  setMuted(key: ScenarioKey, muted: boolean): void;
  setSnooze(until: Millis | null): void;
  setDemo(demo: boolean): void;
  loadFromCache(snapshot: EngineState, cachedAt: Millis): void;
}

export interface EngineStore extends EngineActions {
  getState(): EngineState;
  /** Called after every change with the new and the previous state. Returns unsubscribe. */
  subscribe(listener: (state: EngineState, prev: EngineState) => void): () => void;
  /** Like subscribe, but hands over the patch from the previous state (never an empty one). */
  subscribePatches(listener: (patch: StatePatch, state: EngineState) => void): () => void;
}

export function createEngineStore(initial: EngineState = emptyEngineState()): EngineStore {
  const store = createStore<EngineState>()(() => initial);
  // Reducers return the same state for a no-op; zustand then notifies nobody.
  const act =
    <A extends unknown[]>(reducer: (s: EngineState, ...args: A) => EngineState) =>
    (...args: A): void =>
      store.setState((s) => reducer(s, ...args), true);

  return {
    getState: store.getState,
    subscribe: (listener) => store.subscribe(listener),
    subscribePatches: (listener) =>
      store.subscribe((state, prev) => {
        const patch = diffState(prev, state);
        if (Object.keys(patch).length > 0) listener(patch, state);
      }),
    upsertAccount: act(r.upsertAccount),
    setAccountStatus: act(r.setAccountStatus),
    applyDiscovery: act(r.applyDiscovery),
    applyFolders: act(r.applyFolders),
    applyScenarioList: act(r.applyScenarioList),
    upsertScenario: act(r.upsertScenario),
    updateScenarioFacts: act(r.updateScenarioFacts),
    applyRuns: act(r.applyRuns),
    setPendingRun: act(r.setPendingRun),
    removeScenario: act(r.removeScenario),
    removeAccount: act(r.removeAccount),
    setConnectivity: act(r.setConnectivity),
    setBudget: act(r.setBudget),
    setOrgSyncing: act(r.setOrgSyncing),
    setOrgProblem: act(r.setOrgProblem),
    setOrgMonitored: act(r.setOrgMonitored),
    setMuted: act(r.setMuted),
    setSnooze: act(r.setSnooze),
    setDemo: act(r.setDemo),
    loadFromCache: act(r.loadFromCache),
  };
}
