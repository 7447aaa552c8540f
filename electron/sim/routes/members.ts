// Organization and team members with Make's role model: role definitions (`/users/roles`), member
// lists, invitations and role changes. Role ids are numbers from /users/roles; clients must not
// hard-code them.
import type { RequestContext } from '../context';
import { badRequest, forbidden, invalidInput, notFound } from '../errors';
import type { Router } from '../router';
import { inviteBody, roleChangeBody } from '../schemas';
import { OWNER_ROLE_ID, TEAM_MEMBER_ROLE_ID, type OrgMembership, type SimUser } from '../world/model';
import { pickCols, readPage, renderUser, sortItems } from './common';

const USER_LIST_COLS = ['id', 'name', 'email', 'language', 'timezoneId', 'localeId', 'countryId', 'features', 'avatar', 'lastLogin', 'timezone', 'locale'];

function renderOrgRole(ctx: RequestContext, m: OrgMembership): Record<string, unknown> {
  const teams = ctx.world.teamsOfOrg(m.organizationId);
  return {
    userId: m.userId,
    organizationId: m.organizationId,
    usersRoleId: m.usersRoleId,
    invitation: m.invitation,
    organizationTeamsCount: teams.length,
    joinedTeamsCount: teams.filter((t) => ctx.world.teamMembership(t.id, m.userId)).length,
  };
}

function requireOrgAdmin(ctx: RequestContext, orgId: number): void {
  if (!ctx.isOrgAdmin(orgId)) throw forbidden('Only organization owners and admins can manage members.');
}

export function registerMemberRoutes(r: Router): void {
  r.get('/users', 'user:read', (ctx) => {
    const q = ctx.query;
    const orgId = q.int('organizationId', { min: 1 });
    const teamId = q.int('teamId', { min: 1 });
    if (orgId !== undefined && teamId !== undefined) throw badRequest('organizationId and teamId cannot be used together.');
    let users: SimUser[];
    if (orgId !== undefined) {
      const org = ctx.org(orgId);
      const roleId = q.int('organizationRoleId', { min: 1 });
      users = [...ctx.world.orgMembers.values()]
        .filter((m) => m.organizationId === org.id && (roleId === undefined || m.usersRoleId === roleId))
        .map((m) => ctx.world.users.get(m.userId))
        .filter((u): u is SimUser => u !== undefined);
    } else if (teamId !== undefined) {
      const team = ctx.team(teamId);
      const roleId = q.int('teamRoleId', { min: 1 });
      users = [...ctx.world.teamMembers.values()]
        .filter((m) => m.teamId === team.id && (roleId === undefined || m.usersRoleId === roleId))
        .map((m) => ctx.world.users.get(m.userId))
        .filter((u): u is SimUser => u !== undefined);
    } else {
      throw badRequest('Missing required parameter organizationId or teamId.');
    }
    const name = q.str('name')?.toLowerCase();
    const email = q.str('email')?.toLowerCase();
    if (name) users = users.filter((u) => u.name.toLowerCase().includes(name));
    if (email) users = users.filter((u) => u.email.toLowerCase().includes(email));
    const page = readPage(q, { limit: 10_000, sortBy: 'name', sortDir: 'asc', sortable: ['name', 'id', 'email'] });
    const sorted = sortItems(users, (u) => (page.sortBy === 'id' ? u.id : page.sortBy === 'email' ? u.email : u.name), page.sortDir, (u) => u.id);
    return {
      users: sorted.slice(page.offset, page.offset + page.limit).map((u) => pickCols(q, renderUser(u), ['id', 'name', 'email', 'language', 'timezoneId', 'localeId', 'countryId', 'avatar', 'lastLogin'], USER_LIST_COLS)),
      pg: { sortBy: page.sortBy, sortDir: page.sortDir, limit: page.limit, offset: page.offset },
    };
  });

  // Role definitions belong to no organization: not rate-limited.
  r.get('/users/roles', 'user:read', (ctx) => {
    const category = ctx.query.oneOf('category', ['organization', 'team'] as const);
    const roleId = ctx.query.int('roleId', { min: 1 });
    const exclude = ctx.query.intList('excludeRole');
    const roles = ctx.world.roles.filter(
      (x) => (category === undefined || x.category === category) && (roleId === undefined || x.id === roleId) && !exclude.includes(x.id),
    );
    return { usersRoles: roles.map((x) => ({ ...x, permissions: [...x.permissions] })) };
  });

  r.get('/users/roles/:roleId', 'user:read', (ctx) => {
    const role = ctx.world.roles.find((x) => x.id === ctx.intParam('roleId'));
    if (!role) throw notFound('Role not found.');
    return { usersRole: { ...role, permissions: [...role.permissions] } };
  });

  r.get('/organizations/:organizationId/user-organization-roles', 'organizations:read', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    const items = [...ctx.world.orgMembers.values()].filter((m) => m.organizationId === org.id).sort((a, b) => a.userId - b.userId);
    return { userOrganizationRoles: items.map((m) => pickCols(ctx.query, renderOrgRole(ctx, m), Object.keys(renderOrgRole(ctx, m)))) };
  });

  r.get('/organizations/:organizationId/user-organization-roles/:userId', 'organizations:read', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    const m = ctx.world.orgMembership(org.id, ctx.intParam('userId'));
    if (!m) throw notFound('The user is not a member of this organization.');
    return { userOrganizationRole: renderOrgRole(ctx, m) };
  });

  r.post('/organizations/:organizationId/invite', 'organizations:write', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    requireOrgAdmin(ctx, org.id);
    const body = ctx.parseBody(inviteBody);
    const role = ctx.world.roles.find((x) => x.id === body.usersRoleId && x.category === 'organization');
    if (!role) throw invalidInput([`'usersRoleId': ${body.usersRoleId} is not an organization role.`]);
    if (role.id === OWNER_ROLE_ID) throw invalidInput(["'usersRoleId': nobody can be invited as Owner."]);
    const teamIds = body.teamsId ?? [];
    for (const t of teamIds) {
      const team = ctx.world.teams.get(t);
      if (!team || team.organizationId !== org.id) throw invalidInput([`'teamsId': team ${t} does not belong to this organization.`]);
    }
    let user = [...ctx.world.users.values()].find((u) => u.email.toLowerCase() === body.email.toLowerCase());
    if (!user) {
      user = { id: ctx.world.nextId('user'), name: body.name, email: body.email, language: 'en', timezoneId: 113, localeId: 18, countryId: 1, timezone: 'Europe/Prague', locale: 'en', lastLogin: ctx.now };
      ctx.world.users.set(user.id, user);
    }
    if (ctx.world.orgMembership(org.id, user.id)) throw badRequest('The user is already a member of this organization.');
    const m: OrgMembership = { userId: user.id, organizationId: org.id, usersRoleId: role.id, invitation: new Date(ctx.now).toISOString() };
    ctx.world.setOrgMembership(m);
    for (const t of teamIds) ctx.world.setTeamMembership({ userId: user.id, teamId: t, usersRoleId: TEAM_MEMBER_ROLE_ID, changeable: true, ssoPending: false });
    return { user: { id: user.id, name: user.name, email: user.email }, userOrganizationRole: renderOrgRole(ctx, m) };
  });

  r.post('/users/:userId/user-organization-roles/:organizationId', 'user:write', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    requireOrgAdmin(ctx, org.id);
    const userId = ctx.intParam('userId');
    const m = ctx.world.orgMembership(org.id, userId);
    if (!m) throw notFound('The user is not a member of this organization.');
    if (m.usersRoleId === OWNER_ROLE_ID) throw forbidden("The Owner's role cannot be changed; transfer ownership first.");
    const body = ctx.parseBody(roleChangeBody);
    if (body.usersRoleId === undefined) {
      // An empty body removes the user from the organization (and its teams).
      ctx.world.orgMembers.delete(`${org.id}:${userId}`);
      for (const t of ctx.world.teamsOfOrg(org.id)) ctx.world.teamMembers.delete(`${t.id}:${userId}`);
      return { userOrganizationRole: { ...renderOrgRole(ctx, m), joinedTeamsCount: 0 } };
    }
    const role = ctx.world.roles.find((x) => x.id === body.usersRoleId && x.category === 'organization');
    if (!role) throw invalidInput([`'usersRoleId': ${body.usersRoleId} is not an organization role.`]);
    if (role.id === OWNER_ROLE_ID) throw forbidden('Ownership is transferred with /transfer, not by a role change.');
    m.usersRoleId = role.id;
    return { userOrganizationRole: renderOrgRole(ctx, m) };
  });

  r.get('/teams/:teamId/user-team-roles', 'teams:read', (ctx) => {
    const team = ctx.team(ctx.intParam('teamId'));
    const items = [...ctx.world.teamMembers.values()].filter((m) => m.teamId === team.id).sort((a, b) => a.userId - b.userId);
    return { userTeamRoles: items.map((m) => ({ usersRoleId: m.usersRoleId, userId: m.userId, teamId: m.teamId, changeable: m.changeable, ssoPending: m.ssoPending })) };
  });

  r.get('/teams/:teamId/user-team-roles/:userId', 'teams:read', (ctx) => {
    const team = ctx.team(ctx.intParam('teamId'));
    const m = ctx.world.teamMembership(team.id, ctx.intParam('userId'));
    if (!m) throw notFound('The user is not a member of this team.');
    return { userTeamRole: { usersRoleId: m.usersRoleId, userId: m.userId, teamId: m.teamId, changeable: m.changeable, ssoPending: m.ssoPending } };
  });

  r.post('/users/:userId/user-team-roles/:teamId', 'user:write', (ctx) => {
    const team = ctx.team(ctx.intParam('teamId'));
    const userId = ctx.intParam('userId');
    const isTeamAdmin = ctx.world.teamMembership(team.id, ctx.auth.userId)?.usersRoleId === 1;
    if (!ctx.isOrgAdmin(team.organizationId) && !isTeamAdmin) throw forbidden('Only organization admins and team admins can change team roles.');
    if (!ctx.world.orgMembership(team.organizationId, userId)) throw invalidInput(['The user is not a member of the organization.']);
    const body = ctx.parseBody(roleChangeBody);
    const role = ctx.world.roles.find((x) => x.id === body.usersRoleId && x.category === 'team');
    if (!role) throw invalidInput([`'usersRoleId': ${String(body.usersRoleId)} is not a team role.`]);
    const existing = ctx.world.teamMembership(team.id, userId);
    if (existing && !existing.changeable) throw forbidden('This team role cannot be changed.');
    const m = { userId, teamId: team.id, usersRoleId: role.id, changeable: true, ssoPending: false };
    ctx.world.setTeamMembership(m);
    return { userTeamRole: { usersRoleId: m.usersRoleId, userId, teamId: team.id, changeable: m.changeable } };
  });
}
