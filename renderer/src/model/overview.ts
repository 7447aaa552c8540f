// Pure summaries for the sidebar tree, the status bar and the popover.
import type { AccountState, EngineState, Millis, OrgState, ScenarioState } from '../../../shared/domain';
import { FAILING_HEALTH, PROBLEM_HEALTH, healthRank, lastRunAt, scenarioArray } from './scenario-query';

export interface TreeFolder {
  key: string;
  name: string;
  failing: number;
  total: number;
}
export interface TreeTeam extends TreeFolder {
  folders: TreeFolder[];
}
export interface TreeOrg extends TreeFolder {
  teams: TreeTeam[];
}
export interface TreeAccount {
  account: AccountState;
  failing: number;
  orgs: TreeOrg[];
}

const byName = (a: { name: string }, b: { name: string }) => a.name.localeCompare(b.name);

interface GroupCount {
  failing: number;
  total: number;
}
const NO_SCENARIOS: GroupCount = { failing: 0, total: 0 };

const groupCountsCache = new WeakMap<EngineState['scenarios'], Map<string, GroupCount>>();

/** Failing and total scenarios per team and per folder key; counted once per scenarios table, so a
 * patch that changes only orgs or accounts (connectivity, budgets) does not walk 5,000 scenarios again. */
export function groupCounts(table: EngineState['scenarios']): Map<string, GroupCount> {
  const cached = groupCountsCache.get(table);
  if (cached) return cached;
  const counts = new Map<string, GroupCount>();
  const add = (group: string, isFailing: boolean) => {
    let c = counts.get(group);
    if (c === undefined) {
      c = { failing: 0, total: 0 };
      counts.set(group, c);
    }
    c.total += 1;
    if (isFailing) c.failing += 1;
  };
  for (const s of scenarioArray(table)) {
    const isFailing = FAILING_HEALTH.has(s.health);
    add(s.teamKey, isFailing);
    if (s.folderKey !== null) add(s.folderKey, isFailing);
  }
  groupCountsCache.set(table, counts);
  return counts;
}

/** accounts → orgs → teams → folders, with counts of failing scenarios and totals at every level. */
export function buildTree(state: EngineState): TreeAccount[] {
  // Teams and folders only: an org's counts are the sums over the teams the account sees.
  const counts = groupCounts(state.scenarios);
  const count = (group: string) => counts.get(group) ?? NO_SCENARIOS;
  const teamsByOrg = new Map<string, TreeTeam[]>();
  const foldersByTeam = new Map<string, TreeFolder[]>();
  for (const f of Object.values(state.folders)) {
    const list = foldersByTeam.get(f.teamKey) ?? [];
    list.push({ key: f.key, name: f.name, ...count(f.key) });
    foldersByTeam.set(f.teamKey, list);
  }
  const teamAccounts = new Map<string, string[]>();
  for (const t of Object.values(state.teams)) {
    teamAccounts.set(t.key, t.accountIds);
    const list = teamsByOrg.get(t.orgKey) ?? [];
    list.push({
      key: t.key,
      name: t.name,
      ...count(t.key),
      folders: (foldersByTeam.get(t.key) ?? []).sort(byName),
    });
    teamsByOrg.set(t.orgKey, list);
  }
  const accounts = Object.values(state.accounts).sort((a, b) => a.userName.localeCompare(b.userName) || a.id.localeCompare(b.id));
  return accounts.map((account) => {
    const orgs = Object.values(state.orgs)
      .filter((o) => o.accountIds.includes(account.id))
      .sort(byName)
      .map((o) => {
        // An account sees only the teams it has access to.
        const teams = (teamsByOrg.get(o.key) ?? [])
          .filter((t) => (teamAccounts.get(t.key) ?? []).includes(account.id))
          .sort(byName);
        return { key: o.key, name: o.name, failing: teams.reduce((n, t) => n + t.failing, 0), total: teams.reduce((n, t) => n + t.total, 0), teams };
      });
    return { account, failing: orgs.reduce((n, o) => n + o.failing, 0), orgs };
  });
}

export type OrgCondition = 'ok' | 'failing' | 'rate-limited' | 'offline' | 'syncing' | 'problem';

export interface OrgSummary {
  org: OrgState;
  condition: OrgCondition;
  ok: number;
  failing: number;
  warning: number;
  total: number;
  rateLimitedUntil: Millis | null;
}

export function orgSummaries(state: EngineState, now: Millis): OrgSummary[] {
  const counts = new Map<string, { ok: number; failing: number; warning: number; total: number }>();
  for (const s of Object.values(state.scenarios)) {
    const c = counts.get(s.orgKey) ?? { ok: 0, failing: 0, warning: 0, total: 0 };
    c.total += 1;
    if (FAILING_HEALTH.has(s.health)) c.failing += 1;
    else if (PROBLEM_HEALTH.has(s.health)) c.warning += 1;
    else if (s.health === 'ok') c.ok += 1;
    counts.set(s.orgKey, c);
  }
  return Object.values(state.orgs)
    .filter((o) => o.monitored)
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((org) => {
      const c = counts.get(org.key) ?? { ok: 0, failing: 0, warning: 0, total: 0 };
      const limited = org.budget.rateLimitedUntil !== null && org.budget.rateLimitedUntil > now ? org.budget.rateLimitedUntil : null;
      const condition: OrgCondition = org.problem
        ? 'problem'
        : org.connectivity.state === 'offline'
          ? 'offline'
          : limited !== null
            ? 'rate-limited'
            : c.failing > 0
              ? 'failing'
              : org.syncing
                ? 'syncing'
                : 'ok';
      return { org, condition, ...c, rateLimitedUntil: limited };
    });
}

const DAY = 24 * 60 * 60 * 1000;

/** Latest thing that happened to a scenario: a run, a run started here, or an edit. */
export function lastActivity(s: ScenarioState): number {
  return Math.max(lastRunAt(s) ?? 0, s.pendingRun?.startedAt ?? 0, s.lastEdit ?? 0);
}

/** The popover's list: problems first (worst first), then what changed in the last day (newest first). */
export function popoverScenarios(state: EngineState, now: Millis, limit = 40): ScenarioState[] {
  const problems: ScenarioState[] = [];
  const recent: ScenarioState[] = [];
  for (const s of Object.values(state.scenarios)) {
    if (PROBLEM_HEALTH.has(s.health)) problems.push(s);
    else if (s.pendingRun || now - lastActivity(s) < DAY) recent.push(s);
  }
  problems.sort((a, b) => healthRank(a.health) - healthRank(b.health) || lastActivity(b) - lastActivity(a));
  recent.sort((a, b) => lastActivity(b) - lastActivity(a));
  return [...problems, ...recent].slice(0, limit);
}

/** Overall "stale" marker: when the data shown is from the cache or from before the connection dropped. */
export function staleSince(state: EngineState): Millis | null {
  if (state.connectivity.state === 'offline') return state.cachedAt ?? state.connectivity.lastOkAt;
  return state.cachedAt;
}

export function firstSyncProgress(state: EngineState): { syncing: number; total: number } {
  const orgs = Object.values(state.orgs).filter((o) => o.monitored);
  return { syncing: orgs.filter((o) => o.syncing).length, total: orgs.length };
}
