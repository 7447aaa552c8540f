// Handlers of the contract area in shared/contract-members.ts: each one a MemberService call. A team
// given with an organization must belong to it (the renderer picks both; a mismatch is a bug to report).
import { CommandError, contractError } from '../../../../shared/contract';
import type { MEMBER_COMMANDS } from '../../../../shared/contract-members';
import type { OrgKey, TeamKey } from '../../../../shared/domain';
import { confirmableOf, managementOf, valueOf, type AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildMemberHandlers(deps: CommandDeps): AreaHandlers<typeof MEMBER_COMMANDS> {
  const members = () => managementOf(deps).members;

  /** The team's numeric id, after checking it belongs to the organization. */
  const teamOf = (orgKey: OrgKey, teamKey: TeamKey): number => {
    const team = deps.engine.store.getState().teams[teamKey];
    if (!team) throw new CommandError(contractError('not-found', 'This team is not known to the app (anymore).', { field: 'teamKey' }));
    if (team.orgKey !== orgKey) throw new CommandError(contractError('invalid-input', 'This team belongs to another organization.', { field: 'teamKey' }));
    return team.id;
  };

  return {
    'members.list': async ({ orgKey, teamKey }) => {
      if (teamKey === undefined) return valueOf(await members().listOrganization(orgKey));
      teamOf(orgKey, teamKey);
      return valueOf(await members().listTeam(teamKey));
    },
    'members.invite': async ({ orgKey, email, roleId, name, teamKey }) => {
      const teamIds = teamKey === undefined ? undefined : [teamOf(orgKey, teamKey)];
      const member = valueOf(
        await members().invite(orgKey, { email, roleId, ...(name !== undefined ? { name } : {}), ...(teamIds ? { teamIds } : {}) }),
      );
      return { member };
    },
    'members.changeRole': async ({ orgKey, teamKey, userId, roleId }) => {
      if (teamKey === undefined) return valueOf(await members().changeOrganizationRole(orgKey, userId, roleId));
      teamOf(orgKey, teamKey);
      return valueOf(await members().changeTeamRole(teamKey, userId, roleId));
    },
    'members.remove': async ({ orgKey, userId, name, confirmed }) =>
      confirmableOf(
        await members().remove(orgKey, userId, { ...(confirmed === true ? { confirmed: true } : {}), ...(name !== undefined ? { name } : {}) }),
      ),
  };
}
