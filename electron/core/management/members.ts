// Members of an organization or team with their roles, invitations, role changes and removal, on
// Make's real role model: role ids and names always come from `GET /users/roles`, never from a table.
import type { OrgKey, TeamKey } from '../../../shared/domain';
import type { MakeRole, MakeUser } from '../make';
import type { ManagementPort } from './ports';
import { attempt, failed, invalidInput, needsConfirmation, type ManagementResult } from './results';
import { orgTarget, teamTarget, type OrgTarget } from './targets';

export interface RoleView {
  id: number;
  name: string;
  /** `organization_admin`, `team_member`, … (Make's identifier, when given). */
  identifier: string | null;
  /** Make's system Owner role cannot be given or changed through a role change. */
  assignable: boolean;
}

export interface MemberView {
  userId: number;
  name: string;
  email: string | null;
  roleId: number;
  /** Plain role name from `/users/roles`; "Unknown role (#id)" if Make did not list it. */
  roleName: string;
  /** Invited and not joined yet (organization lists only). */
  invitationPending: boolean;
  /** False when Make says this membership's role cannot be changed (team lists), or for the Owner. */
  changeable: boolean;
}

export interface MemberList {
  members: MemberView[];
  /** The roles a member of this organization / team can be given. */
  roles: RoleView[];
}

export interface InviteMemberInput {
  email: string;
  /** Shown in the invitation; defaults to the part of the address before "@". */
  name?: string;
  roleId: number;
  /** Teams the invitee joins (as a team member, Make's rule). */
  teamIds?: number[];
  note?: string;
}

const SUBJECT = { thing: 'team member' };
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const isOwnerRole = (r: Pick<MakeRole, 'identifier' | 'name'>) =>
  r.identifier === 'organization_owner' || (r.identifier == null && r.name.toLowerCase() === 'owner');

function roleViews(roles: readonly MakeRole[]): RoleView[] {
  return roles.map((r) => ({ id: r.id, name: r.name, identifier: r.identifier ?? null, assignable: !isOwnerRole(r) }));
}

function roleName(roles: ReadonlyMap<number, MakeRole>, id: number): string {
  return roles.get(id)?.name ?? `Unknown role (#${id})`;
}

const byName = (a: MemberView, b: MemberView) => a.name.localeCompare(b.name) || a.userId - b.userId;

export class MemberService {
  constructor(private readonly port: ManagementPort) {}

  async listOrganization(orgKey: OrgKey): Promise<ManagementResult<MemberList>> {
    const found = orgTarget(this.port, orgKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    return attempt(SUBJECT, async () => {
      const [roles, users, memberships] = await Promise.all([
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listRoles({ category: 'organization', organizationId: t.orgId }, { signal })),
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listUsers({ organizationId: t.orgId }, { signal })),
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listOrganizationUserRoles(t.orgId, { signal })),
      ]);
      const roleById = new Map(roles.map((r) => [r.id, r]));
      const userById = new Map<number, MakeUser>(users.map((u) => [u.id, u]));
      const members = memberships.map((m): MemberView => {
        const u = userById.get(m.userId);
        const role = roleById.get(m.usersRoleId);
        return {
          userId: m.userId,
          name: u?.name ?? `User #${m.userId}`,
          email: u?.email ?? null,
          roleId: m.usersRoleId,
          roleName: roleName(roleById, m.usersRoleId),
          invitationPending: isPendingInvitation(m.invitation),
          changeable: !(role && isOwnerRole(role)),
        };
      });
      return { members: members.sort(byName), roles: roleViews(roles) };
    });
  }

  async listTeam(teamKey: TeamKey): Promise<ManagementResult<MemberList>> {
    const found = teamTarget(this.port, teamKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    return attempt(SUBJECT, async () => {
      const [roles, users, memberships] = await Promise.all([
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listRoles({ category: 'team', teamId: t.teamId }, { signal })),
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listUsers({ teamId: t.teamId }, { signal })),
        this.port.governed(t.orgKey, 'user', (signal) => t.client.listTeamUserRoles(t.teamId, { signal })),
      ]);
      const roleById = new Map(roles.map((r) => [r.id, r]));
      const userById = new Map<number, MakeUser>(users.map((u) => [u.id, u]));
      const members = memberships.map(
        (m): MemberView => ({
          userId: m.userId,
          name: userById.get(m.userId)?.name ?? `User #${m.userId}`,
          email: userById.get(m.userId)?.email ?? null,
          roleId: m.usersRoleId,
          roleName: roleName(roleById, m.usersRoleId),
          invitationPending: false,
          changeable: m.changeable ?? true,
        }),
      );
      return { members: members.sort(byName), roles: roleViews(roles) };
    });
  }

  /** Invites by e-mail with an organization role (checked against `/users/roles` before sending). */
  async invite(orgKey: OrgKey, input: InviteMemberInput): Promise<ManagementResult<MemberView>> {
    const email = input.email.trim();
    if (!EMAIL.test(email)) return invalidInput([`"${email}" does not look like an e-mail address.`], 'email');
    const found = orgTarget(this.port, orgKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    const roles = await this.orgRoles(t);
    if (roles.kind !== 'ok') return roles;
    const role = roles.value.find((r) => r.id === input.roleId);
    if (!role) return invalidInput(['Choose one of the organization roles Make offers.'], 'roleId');
    if (isOwnerRole(role)) return invalidInput(['Nobody can be invited as Owner; ownership is transferred in Make.'], 'roleId');
    const name = input.name?.trim() || email.slice(0, email.indexOf('@'));
    return attempt(SUBJECT, async () => {
      const r = await this.port.governed(t.orgKey, 'user', (signal) =>
        t.client.inviteToOrganization(
          t.orgId,
          {
            email,
            name,
            usersRoleId: role.id,
            ...(input.teamIds && input.teamIds.length > 0 ? { teamsId: input.teamIds } : {}),
            ...(input.note ? { note: input.note } : {}),
          },
          { signal },
        ),
      );
      const m = r.userOrganizationRole;
      return {
        userId: m.userId,
        name: r.user?.name ?? name,
        email: r.user?.email ?? email,
        roleId: m.usersRoleId,
        roleName: role.name,
        invitationPending: isPendingInvitation(m.invitation) || m.invitation === undefined,
        changeable: true,
      };
    });
  }

  async changeOrganizationRole(orgKey: OrgKey, userId: number, roleId: number): Promise<ManagementResult<{ roleId: number; roleName: string }>> {
    const found = orgTarget(this.port, orgKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    const roles = await this.orgRoles(t);
    if (roles.kind !== 'ok') return roles;
    const role = roles.value.find((r) => r.id === roleId);
    if (!role) return invalidInput(['Choose one of the organization roles Make offers.'], 'roleId');
    if (isOwnerRole(role)) return invalidInput(['Ownership is transferred in Make, not by a role change.'], 'roleId');
    return attempt(SUBJECT, async () => {
      const r = await this.port.governed(t.orgKey, 'user', (signal) => t.client.setOrganizationRole(userId, t.orgId, role.id, { signal }));
      return { roleId: r.usersRoleId, roleName: role.name };
    });
  }

  async changeTeamRole(teamKey: TeamKey, userId: number, roleId: number): Promise<ManagementResult<{ roleId: number; roleName: string }>> {
    const found = teamTarget(this.port, teamKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    const roles = await attempt(SUBJECT, () =>
      this.port.governed(t.orgKey, 'user', (signal) => t.client.listRoles({ category: 'team', teamId: t.teamId }, { signal })),
    );
    if (roles.kind !== 'ok') return roles;
    const role = roles.value.find((r) => r.id === roleId);
    if (!role) return invalidInput(['Choose one of the team roles Make offers.'], 'roleId');
    return attempt(SUBJECT, async () => {
      const r = await this.port.governed(t.orgKey, 'user', (signal) => t.client.setTeamRole(userId, t.teamId, role.id, { signal }));
      return { roleId: r.usersRoleId, roleName: role.name };
    });
  }

  /**
   * Removes a member from the organization (and its teams). Without `confirmed: true` nothing is sent:
   * the answer asks for confirmation, naming the person.
   */
  async remove(orgKey: OrgKey, userId: number, opts: { confirmed?: boolean; name?: string } = {}): Promise<ManagementResult<{ removed: true }>> {
    if (opts.confirmed !== true) {
      const who = opts.name ? `${opts.name}` : 'this member';
      return needsConfirmation({
        reason: 'remove-member',
        message: `Remove ${who} from the organization? They lose access to all of its teams and scenarios.`,
      });
    }
    const found = orgTarget(this.port, orgKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    return attempt(SUBJECT, async () => {
      await this.port.governed(t.orgKey, 'user', (signal) => t.client.removeFromOrganization(userId, t.orgId, { signal }));
      return { removed: true as const };
    });
  }

  private orgRoles(t: OrgTarget): Promise<ManagementResult<MakeRole[]>> {
    return attempt(SUBJECT, () =>
      this.port.governed(t.orgKey, 'user', (signal) => t.client.listRoles({ category: 'organization', organizationId: t.orgId }, { signal })),
    );
  }
}

/** Make's `invitation` is null/false once joined; a date or true while the invitation is open. */
function isPendingInvitation(invitation: unknown): boolean {
  if (invitation === null || invitation === undefined || invitation === false || invitation === '') return false;
  return true;
}
