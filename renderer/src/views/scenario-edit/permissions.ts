// Which scenario actions the signed-in credential's scopes allow for an organization, so the UI hides
// what would only fail. Unknown scopes (an account that reports []) offer everything; Make decides.
import { allowedScenarioActions, type ActionPermission, type ScenarioAction } from '../../../../shared/management-scopes';
import type { EngineState, OrgKey } from '../../../../shared/domain';
import { useEngine } from '../../app-context';

/** The union of the scopes of the organization's accounts; null when any of them is unknown. */
export function scopesOfOrg(state: Pick<EngineState, 'orgs' | 'accounts'>, orgKey: OrgKey): string[] | null {
  const org = state.orgs[orgKey];
  if (!org) return null;
  const scopes = new Set<string>();
  for (const id of org.accountIds) {
    const account = state.accounts[id];
    if (!account || account.scopes.length === 0) return null;
    for (const s of account.scopes) scopes.add(s);
  }
  return [...scopes].sort();
}

export function scenarioPermissions(state: Pick<EngineState, 'orgs' | 'accounts'>, orgKey: OrgKey): Record<ScenarioAction, ActionPermission> {
  return allowedScenarioActions(scopesOfOrg(state, orgKey));
}

/** Re-renders only when the allowed set changes (a string key keeps the selector's result stable). */
export function useScenarioPermissions(orgKey: OrgKey | null): Record<ScenarioAction, boolean> {
  const allowed = useEngine((m) => {
    if (!orgKey) return '';
    const p = scenarioPermissions(m.engine, orgKey);
    return (Object.keys(p) as ScenarioAction[]).filter((a) => p[a].allowed).join(',');
  });
  const set = new Set(allowed.split(','));
  return { create: set.has('create'), exportBlueprint: set.has('exportBlueprint'), edit: set.has('edit'), delete: set.has('delete'), report: set.has('report') };
}
