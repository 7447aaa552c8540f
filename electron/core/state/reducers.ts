// The only ways EngineState changes. Each reducer is pure: (state, args) → next state, sharing every
// entity it did not change so `diffState` stays cheap, and returning `state` itself for a no-op.
import { budgetDefaults, connectivityRank } from './defaults';
import {
  emptyEngineState,
  folderKey,
  orgKey as makeOrgKey,
  teamKey as makeTeamKey,
  unknownConnectivity,
} from '../../../shared/domain';
import { deriveHealth } from '../policy/health';
import type {
  AccountId,
  AccountState,
  AccountStatus,
  BudgetState,
  Connectivity,
  EngineState,
  FolderState,
  Millis,
  OrgKey,
  OrgState,
  PendingRun,
  RunSummary,
  ScenarioFacts,
  ScenarioKey,
  ScenarioState,
  TeamKey,
  TeamState,
  ZoneHost,
} from '../../../shared/domain';

/** Recent runs kept per scenario, newest first. */
export const RUNS_PER_SCENARIO = 50;

export interface DiscoveredOrg {
  id: number;
  zone: ZoneHost;
  name: string;
  productName: string | null;
  /** `license.apiLimit` when known: seeds the budget shown until the governor reports. */
  apiLimit?: number | null;
  /** `license.interval`: the shortest schedule interval the plan allows, in minutes. */
  minIntervalMinutes?: number | null;
}

export interface DiscoveredTeam {
  id: number;
  zone: ZoneHost;
  orgId: number;
  name: string;
}

export interface DiscoveredFolder {
  id: number;
  zone: ZoneHost;
  teamId: number;
  name: string;
  parentId: number | null;
}

/** The scenarios one list call covered: a whole organization, or one team of it. */
export interface ScenarioListScope {
  orgKey: OrgKey;
  teamKey?: TeamKey;
}

// ---------------------------------------------------------------------------------------------
// helpers

const sameArray = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

const sameJson = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

function sameFacts(s: ScenarioState, f: ScenarioFacts): boolean {
  for (const k of Object.keys(f) as (keyof ScenarioFacts)[]) {
    const a = s[k];
    const b = f[k];
    if (a === b) continue;
    if (k === 'usedPackages') {
      if (!sameArray(a as string[], b as string[])) return false;
    } else if (k === 'scheduling') {
      if (!sameJson(a, b)) return false;
    } else return false;
  }
  return true;
}

function withHealth(s: ScenarioState): ScenarioState {
  const health = deriveHealth(s, s.recentRuns);
  return health === s.health ? s : { ...s, health };
}

function sameRun(a: RunSummary, b: RunSummary): boolean {
  return (
    a.id === b.id &&
    a.status === b.status &&
    a.timestamp === b.timestamp &&
    a.durationMs === b.durationMs &&
    a.operations === b.operations &&
    a.transfer === b.transfer &&
    a.type === b.type &&
    a.errorMessage === b.errorMessage &&
    a.errorModule === b.errorModule
  );
}

const newestFirst = (a: RunSummary, b: RunSummary): number =>
  b.timestamp - a.timestamp || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Merges `incoming` into `existing` (dedup by execution id, incoming wins), newest first, bounded. */
export function mergeRuns(existing: readonly RunSummary[], incoming: readonly RunSummary[], limit = RUNS_PER_SCENARIO): RunSummary[] {
  const byId = new Map<string, RunSummary>();
  for (const r of existing) byId.set(r.id, r);
  for (const r of incoming) byId.set(r.id, r);
  return [...byId.values()].sort(newestFirst).slice(0, limit);
}

function worstConnectivity(zones: Record<ZoneHost, Connectivity>, inUse: Set<ZoneHost>): Connectivity {
  let worst: Connectivity | null = null;
  for (const zone of inUse) {
    const c = zones[zone] ?? unknownConnectivity();
    if (!worst || connectivityRank(c.state) < connectivityRank(worst.state)) worst = c;
  }
  return worst ?? unknownConnectivity();
}

function zonesInUse(state: EngineState): Set<ZoneHost> {
  const zones = new Set<ZoneHost>();
  for (const a of Object.values(state.accounts)) zones.add(a.zone);
  for (const o of Object.values(state.orgs)) zones.add(o.zone);
  return zones;
}

/** Recomputes overall connectivity and drops zones nobody uses; keeps identities when unchanged. */
function settleConnectivity(state: EngineState): EngineState {
  const inUse = zonesInUse(state);
  let zones = state.zones;
  for (const z of Object.keys(zones)) {
    if (!inUse.has(z)) {
      if (zones === state.zones) zones = { ...zones };
      delete zones[z];
    }
  }
  const overall = worstConnectivity(zones, inUse);
  const same =
    overall.state === state.connectivity.state &&
    overall.lastOkAt === state.connectivity.lastOkAt &&
    overall.message === state.connectivity.message;
  if (zones === state.zones && same) return state;
  return { ...state, zones, connectivity: same ? state.connectivity : overall };
}

/** Removes teams without org, folders without team, scenarios without org or team. */
function pruneOrphans(state: EngineState): EngineState {
  let { teams, folders, scenarios } = state;
  for (const [k, t] of Object.entries(teams)) {
    if (!state.orgs[t.orgKey] || t.accountIds.length === 0) {
      if (teams === state.teams) teams = { ...teams };
      delete teams[k];
    }
  }
  for (const [k, f] of Object.entries(folders)) {
    if (!teams[f.teamKey]) {
      if (folders === state.folders) folders = { ...folders };
      delete folders[k];
    }
  }
  for (const [k, s] of Object.entries(scenarios)) {
    if (!state.orgs[s.orgKey] || !teams[s.teamKey]) {
      if (scenarios === state.scenarios) scenarios = { ...scenarios };
      delete scenarios[k];
    }
  }
  if (teams === state.teams && folders === state.folders && scenarios === state.scenarios) return state;
  return { ...state, teams, folders, scenarios };
}

/** With every org synced live since the cache was written, the state no longer comes from the cache. */
function settleCachedAt(state: EngineState): EngineState {
  if (state.cachedAt === null) return state;
  const cachedAt = state.cachedAt;
  const stale = Object.values(state.orgs).some((o) => o.monitored && (o.lastSyncAt === null || o.lastSyncAt <= cachedAt));
  return stale ? state : { ...state, cachedAt: null };
}

function updateOrg(state: EngineState, key: OrgKey, fn: (o: OrgState) => OrgState): EngineState {
  const o = state.orgs[key];
  if (!o) return state;
  const next = fn(o);
  return next === o ? state : { ...state, orgs: { ...state.orgs, [key]: next } };
}

function updateScenario(state: EngineState, key: ScenarioKey, fn: (s: ScenarioState) => ScenarioState): EngineState {
  const s = state.scenarios[key];
  if (!s) return state;
  const next = fn(s);
  return next === s ? state : { ...state, scenarios: { ...state.scenarios, [key]: next } };
}

// ---------------------------------------------------------------------------------------------
// accounts & discovery

export function upsertAccount(state: EngineState, account: AccountState): EngineState {
  const prev = state.accounts[account.id];
  if (prev && sameJson(prev, account)) return state;
  return settleConnectivity({ ...state, accounts: { ...state.accounts, [account.id]: account } });
}

export function setAccountStatus(state: EngineState, accountId: AccountId, status: AccountStatus, message: string | null): EngineState {
  const a = state.accounts[accountId];
  if (!a || (a.status === status && a.statusMessage === message)) return state;
  return { ...state, accounts: { ...state.accounts, [accountId]: { ...a, status, statusMessage: message } } };
}

/** Drops `accountId` from every entity whose key is not in `keep`; adds it to those in `keep`. */
function reconcileMembership<E extends { accountIds: AccountId[] }>(
  table: Record<string, E>,
  accountId: AccountId,
  keep: Set<string>,
): Record<string, E> {
  let out = table;
  for (const [k, e] of Object.entries(table)) {
    const has = e.accountIds.includes(accountId);
    if (has && !keep.has(k)) {
      if (out === table) out = { ...table };
      const accountIds = e.accountIds.filter((id) => id !== accountId);
      if (accountIds.length === 0) delete out[k];
      else out[k] = { ...e, accountIds };
    }
  }
  return out;
}

export function applyDiscovery(
  state: EngineState,
  accountId: AccountId,
  orgs: readonly DiscoveredOrg[],
  teams: readonly DiscoveredTeam[],
  folders?: readonly DiscoveredFolder[],
): EngineState {
  if (!state.accounts[accountId]) return state;

  let orgTable = { ...state.orgs };
  const orgKeys = new Set<OrgKey>();
  for (const d of orgs) {
    const key = makeOrgKey(d.zone, d.id);
    orgKeys.add(key);
    const prev = orgTable[key];
    if (prev) {
      const accountIds = prev.accountIds.includes(accountId) ? prev.accountIds : [...prev.accountIds, accountId];
      if (prev.name !== d.name || prev.productName !== d.productName || accountIds !== prev.accountIds) {
        orgTable[key] = { ...prev, name: d.name, productName: d.productName, accountIds };
      }
    } else {
      orgTable[key] = {
        key,
        id: d.id,
        zone: d.zone,
        name: d.name,
        productName: d.productName,
        accountIds: [accountId],
        monitored: true,
        budget: budgetDefaults(d.apiLimit ?? null),
        connectivity: state.zones[d.zone] ?? unknownConnectivity(),
        lastSyncAt: null,
        syncing: false,
        problem: null,
      };
    }
  }
  orgTable = reconcileMembership(orgTable, accountId, orgKeys);

  let teamTable = { ...state.teams };
  const teamKeys = new Set<TeamKey>();
  for (const d of teams) {
    const key = makeTeamKey(d.zone, d.id);
    const oKey = makeOrgKey(d.zone, d.orgId);
    if (!orgTable[oKey]) continue;
    teamKeys.add(key);
    const prev = teamTable[key];
    const accountIds = prev ? (prev.accountIds.includes(accountId) ? prev.accountIds : [...prev.accountIds, accountId]) : [accountId];
    if (!prev || prev.name !== d.name || prev.orgKey !== oKey || accountIds !== prev.accountIds) {
      teamTable[key] = { key, id: d.id, orgKey: oKey, name: d.name, accountIds } satisfies TeamState;
    }
  }
  teamTable = reconcileMembership(teamTable, accountId, teamKeys);

  let next: EngineState = { ...state, orgs: orgTable, teams: teamTable };
  if (folders) next = replaceFolders(next, [...teamKeys], folders);
  return settleConnectivity(settleCachedAt(pruneOrphans(keepIdentity(state, next))));
}

/** Shares the previous tables when a rebuilt one ended up equal entity by entity. */
function keepIdentity(prev: EngineState, next: EngineState): EngineState {
  const same = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    const ka = Object.keys(a);
    return ka.length === Object.keys(b).length && ka.every((k) => a[k] === b[k]);
  };
  const orgs = same(prev.orgs, next.orgs) ? prev.orgs : next.orgs;
  const teams = same(prev.teams, next.teams) ? prev.teams : next.teams;
  const folders = same(prev.folders, next.folders) ? prev.folders : next.folders;
  if (orgs === prev.orgs && teams === prev.teams && folders === prev.folders) return prev;
  return { ...next, orgs, teams, folders };
}

function replaceFolders(state: EngineState, teamKeys: readonly TeamKey[], folders: readonly DiscoveredFolder[]): EngineState {
  const scope = new Set(teamKeys);
  const table: Record<string, FolderState> = {};
  for (const [k, f] of Object.entries(state.folders)) if (!scope.has(f.teamKey)) table[k] = f;
  for (const d of folders) {
    const tKey = makeTeamKey(d.zone, d.teamId);
    if (!scope.has(tKey)) continue;
    const key = folderKey(d.zone, d.id);
    const parentKey = d.parentId === null ? null : folderKey(d.zone, d.parentId);
    const prev = state.folders[key];
    table[key] =
      prev && prev.name === d.name && prev.teamKey === tKey && prev.parentKey === parentKey
        ? prev
        : { key, id: d.id, teamKey: tKey, name: d.name, parentKey };
  }
  return { ...state, folders: table };
}

/** Replaces the folders of the given teams (a folder listing per team). */
export function applyFolders(state: EngineState, teamKeys: readonly TeamKey[], folders: readonly DiscoveredFolder[]): EngineState {
  return keepIdentity(state, replaceFolders(state, teamKeys.filter((k) => state.teams[k]), folders));
}

export function removeAccount(state: EngineState, accountId: AccountId): EngineState {
  if (!state.accounts[accountId]) return state;
  const accounts = { ...state.accounts };
  delete accounts[accountId];
  const orgs = reconcileMembership(state.orgs, accountId, new Set());
  const teams = reconcileMembership(state.teams, accountId, new Set());
  return settleConnectivity(settleCachedAt(pruneOrphans({ ...state, accounts, orgs, teams })));
}

// ---------------------------------------------------------------------------------------------
// scenarios & runs

function factsToScenario(f: ScenarioFacts): ScenarioState {
  return withHealth({ ...f, health: 'unknown', recentRuns: [], pendingRun: null });
}

export function applyScenarioList(state: EngineState, scope: ScenarioListScope, list: readonly ScenarioFacts[], at: Millis): EngineState {
  if (!state.orgs[scope.orgKey]) return state;
  const inScope = (s: { orgKey: OrgKey; teamKey: TeamKey }) =>
    s.orgKey === scope.orgKey && (scope.teamKey === undefined || s.teamKey === scope.teamKey);
  let scenarios = state.scenarios;
  const write = (k: ScenarioKey, s: ScenarioState | undefined) => {
    if (scenarios === state.scenarios) scenarios = { ...scenarios };
    if (s) scenarios[k] = s;
    else delete scenarios[k];
  };
  const listed = new Set<ScenarioKey>();
  for (const f of list) {
    if (!inScope(f) || !state.teams[f.teamKey]) continue;
    listed.add(f.key);
    const prev = state.scenarios[f.key];
    if (!prev) write(f.key, factsToScenario(f));
    else if (!sameFacts(prev, f)) write(f.key, withHealth({ ...prev, ...f }));
  }
  for (const [k, s] of Object.entries(state.scenarios)) if (inScope(s) && !listed.has(k)) write(k, undefined);
  let next: EngineState = scenarios === state.scenarios ? state : { ...state, scenarios };
  if (scope.teamKey === undefined) next = updateOrg(next, scope.orgKey, (o) => ({ ...o, lastSyncAt: at }));
  return settleCachedAt(next);
}

/**
 * One scenario's full facts (e.g. Make's answer to a create or an update): added, or its facts replaced,
 * keeping its recent runs and pending run; health derived as for a list. Unknown org or team: no-op.
 */
export function upsertScenario(state: EngineState, f: ScenarioFacts): EngineState {
  if (!state.orgs[f.orgKey] || state.teams[f.teamKey]?.orgKey !== f.orgKey) return state;
  const prev = state.scenarios[f.key];
  if (prev && sameFacts(prev, f)) return state;
  const next = prev ? withHealth({ ...prev, ...f }) : factsToScenario(f);
  return { ...state, scenarios: { ...state.scenarios, [f.key]: next } };
}

/** Changes some facts of one scenario (e.g. after a toggle command answered). */
export function updateScenarioFacts(state: EngineState, key: ScenarioKey, patch: Partial<Omit<ScenarioFacts, 'key' | 'id'>>): EngineState {
  return updateScenario(state, key, (s) => {
    const merged = { ...s, ...patch };
    return sameFacts(s, merged) ? s : withHealth(merged);
  });
}

export function applyRuns(state: EngineState, key: ScenarioKey, runs: readonly RunSummary[]): EngineState {
  if (runs.length === 0) return state;
  return updateScenario(state, key, (s) => {
    const merged = mergeRuns(s.recentRuns, runs);
    const unchanged = merged.length === s.recentRuns.length && merged.every((r, i) => sameRun(r, s.recentRuns[i]!));
    const recentRuns = unchanged ? s.recentRuns : merged;
    let pendingRun = s.pendingRun;
    if (pendingRun && runs.some((r) => r.id === pendingRun!.executionId && r.status !== 'running')) pendingRun = null;
    if (recentRuns === s.recentRuns && pendingRun === s.pendingRun) return s;
    return withHealth({ ...s, recentRuns, pendingRun });
  });
}

export function setPendingRun(state: EngineState, key: ScenarioKey, pending: PendingRun | null): EngineState {
  return updateScenario(state, key, (s) =>
    s.pendingRun?.executionId === pending?.executionId && s.pendingRun?.startedAt === pending?.startedAt ? s : { ...s, pendingRun: pending },
  );
}

export function removeScenario(state: EngineState, key: ScenarioKey): EngineState {
  if (!state.scenarios[key]) return state;
  const scenarios = { ...state.scenarios };
  delete scenarios[key];
  const mutedScenarios = state.mutedScenarios.includes(key) ? state.mutedScenarios.filter((k) => k !== key) : state.mutedScenarios;
  return { ...state, scenarios, mutedScenarios };
}

// ---------------------------------------------------------------------------------------------
// orgs, connectivity, settings

export function setConnectivity(state: EngineState, zone: ZoneHost, c: Connectivity): EngineState {
  const prev = state.zones[zone];
  if (prev && prev.state === c.state && prev.lastOkAt === c.lastOkAt && prev.message === c.message) return state;
  const conn = { ...c };
  let orgs = state.orgs;
  for (const [k, o] of Object.entries(state.orgs)) {
    if (o.zone !== zone) continue;
    if (orgs === state.orgs) orgs = { ...orgs };
    orgs[k] = { ...o, connectivity: conn };
  }
  return settleConnectivity({ ...state, orgs, zones: { ...state.zones, [zone]: conn } });
}

export function setBudget(state: EngineState, key: OrgKey, budget: BudgetState): EngineState {
  return updateOrg(state, key, (o) => (sameJson(o.budget, budget) ? o : { ...o, budget: { ...budget } }));
}

export function setOrgSyncing(state: EngineState, key: OrgKey, syncing: boolean): EngineState {
  return updateOrg(state, key, (o) => (o.syncing === syncing ? o : { ...o, syncing }));
}

export function setOrgProblem(state: EngineState, key: OrgKey, problem: string | null): EngineState {
  return updateOrg(state, key, (o) => (o.problem === problem ? o : { ...o, problem }));
}

export function setOrgMonitored(state: EngineState, key: OrgKey, monitored: boolean): EngineState {
  return settleCachedAt(updateOrg(state, key, (o) => (o.monitored === monitored ? o : { ...o, monitored })));
}

export function setMuted(state: EngineState, key: ScenarioKey, muted: boolean): EngineState {
  const has = state.mutedScenarios.includes(key);
  if (has === muted) return state;
  return { ...state, mutedScenarios: muted ? [...state.mutedScenarios, key] : state.mutedScenarios.filter((k) => k !== key) };
}

export function setSnooze(state: EngineState, until: Millis | null): EngineState {
  return state.snoozedUntil === until ? state : { ...state, snoozedUntil: until };
}

export function setDemo(state: EngineState, demo: boolean): EngineState {
  return state.demo === demo ? state : { ...state, demo };
}

/**
 * Shows a snapshot read from disk. Live-only facts start neutral: connectivity unknown, nothing
 * syncing, no request counted; health is derived again in case the rules changed since.
 */
export function loadFromCache(_state: EngineState, snapshot: EngineState, cachedAt: Millis): EngineState {
  const orgs: Record<OrgKey, OrgState> = {};
  for (const [k, o] of Object.entries(snapshot.orgs)) {
    orgs[k] = { ...o, syncing: false, connectivity: unknownConnectivity(), budget: { ...o.budget, usedLastMin: 0, queued: 0 } };
  }
  const scenarios: Record<ScenarioKey, ScenarioState> = {};
  for (const [k, s] of Object.entries(snapshot.scenarios)) scenarios[k] = withHealth(s);
  const base = emptyEngineState();
  return settleConnectivity(
    pruneOrphans({
      ...base,
      accounts: { ...snapshot.accounts },
      orgs,
      teams: { ...snapshot.teams },
      folders: { ...snapshot.folders },
      scenarios,
      cachedAt,
      snoozedUntil: snapshot.snoozedUntil,
      mutedScenarios: [...snapshot.mutedScenarios],
      demo: snapshot.demo,
    }),
  );
}
