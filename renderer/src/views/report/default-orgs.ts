// Which organizations the report starts with: the one the sidebar points at, else every watched one.
import type { EngineState, OrgKey } from '../../../../shared/domain';
import type { Scope } from '../../model/scenario-query';

export function defaultReportOrgs(state: Pick<EngineState, 'orgs' | 'teams' | 'folders'>, scope: Scope): OrgKey[] {
  const orgs = Object.values(state.orgs);
  const monitored = orgs.filter((o) => o.monitored).map((o) => o.key);
  const teamOrg = (teamKey: string | undefined) => (teamKey ? state.teams[teamKey]?.orgKey : undefined);
  let one: OrgKey | undefined;
  switch (scope.kind) {
    case 'org':
      one = state.orgs[scope.key]?.key;
      break;
    case 'team':
      one = teamOrg(scope.key);
      break;
    case 'folder':
      one = teamOrg(state.folders[scope.key]?.teamKey);
      break;
    case 'account': {
      const mine = orgs.filter((o) => o.monitored && o.accountIds.includes(scope.id)).map((o) => o.key);
      if (mine.length > 0) return mine;
      break;
    }
    case 'all':
      break;
  }
  if (one) return [one];
  return monitored.length > 0 ? monitored : orgs.map((o) => o.key);
}
