// Small builders for engine states the tray functions read.
import {
  emptyEngineState,
  orgKey,
  scenarioKey,
  teamKey,
  type AccountState,
  type EngineState,
  type OrgState,
  type RunSummary,
  type ScenarioHealth,
  type ScenarioState,
} from '../../../shared/domain';

export const ZONE = 'eu1.make.com';

export function account(over: Partial<AccountState> = {}): AccountState {
  return {
    id: 'acc-1',
    kind: 'token',
    baseUrl: `https://${ZONE}/api/v2`,
    zone: ZONE,
    userName: 'Ada',
    email: 'ada@example.com',
    scopes: [],
    status: 'ok',
    statusMessage: null,
    demo: false,
    ...over,
  };
}

export function org(id: number, over: Partial<OrgState> = {}): OrgState {
  return {
    key: orgKey(ZONE, id),
    id,
    zone: ZONE,
    name: `Org ${id}`,
    productName: null,
    accountIds: ['acc-1'],
    monitored: true,
    budget: { limitPerMin: 60, share: 0.5, allowedPerMin: 30, usedLastMin: 0, rateLimitedUntil: null, queued: 0 },
    connectivity: { state: 'online', lastOkAt: 0, message: null },
    lastSyncAt: 0,
    syncing: false,
    problem: null,
    ...over,
  };
}

export function run(id: string, status: RunSummary['status'], timestamp: number, over: Partial<RunSummary> = {}): RunSummary {
  return { id, status, timestamp, durationMs: 1000, operations: 1, transfer: 0, type: 'auto', errorMessage: null, errorModule: null, ...over };
}

export function scenario(id: number, orgId: number, health: ScenarioHealth, over: Partial<ScenarioState> = {}): ScenarioState {
  return {
    key: scenarioKey(ZONE, id),
    id,
    orgKey: orgKey(ZONE, orgId),
    teamKey: teamKey(ZONE, orgId * 10),
    folderKey: null,
    name: `Scenario ${id}`,
    description: '',
    isActive: health !== 'inactive',
    isinvalid: health === 'off-by-make',
    isPaused: health === 'paused',
    dlqCount: 0,
    operations: 0,
    transfer: 0,
    nextExec: null,
    lastEdit: null,
    hookId: null,
    scheduling: null,
    usedPackages: [],
    health,
    recentRuns: [],
    pendingRun: null,
    ...over,
  };
}

/** A state with one ok account, the given orgs (with a team each: team id = org id × 10) and scenarios. */
export function stateWith(orgs: OrgState[], scenarios: ScenarioState[], over: Partial<EngineState> = {}): EngineState {
  const s = emptyEngineState();
  s.accounts['acc-1'] = account();
  for (const o of orgs) {
    s.orgs[o.key] = o;
    const tk = teamKey(ZONE, o.id * 10);
    s.teams[tk] = { key: tk, id: o.id * 10, orgKey: o.key, name: `Team ${o.id}`, accountIds: ['acc-1'] };
  }
  for (const sc of scenarios) s.scenarios[sc.key] = sc;
  return { ...s, ...over };
}
