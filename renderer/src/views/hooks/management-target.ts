// Pure choices for the management views (webhooks, members): which organization and team the
// sidebar's scope points at, the pickers' options, and the scopes of the account that serves an org.
import type { EngineState, OrgKey, TeamKey } from '../../../../shared/domain';
import type { Scope } from '../../model/scenario-query';

export type TargetTables = Pick<EngineState, 'accounts' | 'orgs' | 'teams' | 'folders'>;

export interface OrgOption {
  key: OrgKey;
  name: string;
  teams: { key: TeamKey; name: string }[];
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Organizations by name, each with its teams by name (the pickers' options). */
export function orgOptions(state: TargetTables): OrgOption[] {
  const teamsByOrg = new Map<OrgKey, { key: TeamKey; name: string }[]>();
  for (const t of Object.values(state.teams)) {
    const list = teamsByOrg.get(t.orgKey) ?? [];
    list.push({ key: t.key, name: t.name });
    teamsByOrg.set(t.orgKey, list);
  }
  return Object.values(state.orgs)
    .map((o) => ({ key: o.key, name: o.name, teams: (teamsByOrg.get(o.key) ?? []).sort((a, b) => collator.compare(a.name, b.name)) }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

/** The organization and team the sidebar's scope names (a folder names its team). */
export function targetOfScope(state: TargetTables, scope: Scope): { orgKey: OrgKey | null; teamKey: TeamKey | null } {
  switch (scope.kind) {
    case 'team':
      return { orgKey: state.teams[scope.key]?.orgKey ?? null, teamKey: state.teams[scope.key] ? scope.key : null };
    case 'folder': {
      const teamKey = state.folders[scope.key]?.teamKey ?? null;
      return { orgKey: teamKey ? (state.teams[teamKey]?.orgKey ?? null) : null, teamKey };
    }
    case 'org':
      return { orgKey: state.orgs[scope.key] ? scope.key : null, teamKey: null };
    case 'account': {
      const org = orgOptions(state).find((o) => state.orgs[o.key]?.accountIds.includes(scope.id));
      return { orgKey: org?.key ?? null, teamKey: null };
    }
    case 'all':
      return { orgKey: null, teamKey: null };
  }
}

/** The team a per-team view starts on: the scope's team, else the first team of its org, else the first team. */
export function defaultTeam(state: TargetTables, scope: Scope): TeamKey | null {
  const { orgKey, teamKey } = targetOfScope(state, scope);
  if (teamKey) return teamKey;
  const orgs = orgOptions(state);
  const org = (orgKey ? orgs.find((o) => o.key === orgKey) : undefined) ?? orgs.find((o) => o.teams.length > 0);
  return org?.teams[0]?.key ?? null;
}

/** The organization a per-org view starts on: the scope's, else the first. */
export function defaultOrg(state: TargetTables, scope: Scope): OrgKey | null {
  return targetOfScope(state, scope).orgKey ?? orgOptions(state)[0]?.key ?? null;
}

/**
 * The scopes of the account the engine uses for this organization (the first one still signed in),
 * or null when unknown: then every action is offered and Make decides.
 */
export function scopesOfOrg(state: TargetTables, orgKey: OrgKey | null): string[] | null {
  if (!orgKey) return null;
  for (const id of state.orgs[orgKey]?.accountIds ?? []) {
    const a = state.accounts[id];
    if (!a || a.status === 'needs-sign-in') continue;
    return a.scopes.length > 0 ? a.scopes : null;
  }
  return null;
}

/** A string that changes exactly when the sidebar's scope does (scopes are objects, rebuilt on each pick). */
export const scopeKeyOf = (s: Scope): string => (s.kind === 'all' ? 'all' : s.kind === 'account' ? `account:${s.id}` : `${s.kind}:${s.key}`);
