// The teams a scenario can be created in (the credential may create there), and the one to preselect
// from the sidebar's scope.
import type { EngineState, TeamKey } from '../../../../shared/domain';
import type { Scope } from '../../model/scenario-query';
import { scenarioPermissions } from './permissions';

export interface TeamOption {
  key: TeamKey;
  /** "Organization › Team". */
  label: string;
}

export function creatableTeams(state: Pick<EngineState, 'orgs' | 'teams' | 'accounts'>): TeamOption[] {
  return Object.values(state.teams)
    .filter((t) => state.orgs[t.orgKey]?.monitored !== false && scenarioPermissions(state, t.orgKey).create.allowed)
    .map((t) => ({ key: t.key, label: `${state.orgs[t.orgKey]?.name ?? '?'} › ${t.name}` }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The team (and folder) the sidebar points at, when it points at one the list offers. */
export function preselect(scope: Scope, state: Pick<EngineState, 'teams' | 'folders'>, options: readonly TeamOption[]): { teamKey: TeamKey | null; folderKey: string } {
  const offered = (k: TeamKey | undefined) => (k && options.some((o) => o.key === k) ? k : null);
  switch (scope.kind) {
    case 'team':
      return { teamKey: offered(scope.key) ?? options[0]?.key ?? null, folderKey: '' };
    case 'folder': {
      const team = offered(state.folders[scope.key]?.teamKey);
      return team ? { teamKey: team, folderKey: scope.key } : { teamKey: options[0]?.key ?? null, folderKey: '' };
    }
    case 'org': {
      const team = options.find((o) => state.teams[o.key]?.orgKey === scope.key);
      return { teamKey: team?.key ?? options[0]?.key ?? null, folderKey: '' };
    }
    default:
      return { teamKey: options[0]?.key ?? null, folderKey: '' };
  }
}
