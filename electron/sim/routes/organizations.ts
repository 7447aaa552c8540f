// Organizations and teams. The organization list spans every zone (that is how a client discovers
// zones); details such as `license` are only filled for orgs served by the zone being called.
import type { RequestContext } from '../context';
import { confirmationRequired, forbidden, invalidInput } from '../errors';
import { z } from 'zod';
import type { Router } from '../router';
import { OWNER_ROLE_ID, PLAN_LICENSES, PLAN_PRODUCT_NAMES, TEAM_ADMIN_ROLE_ID, type Plan, type SimOrg, type SimTeam } from '../world/model';
import { iso, pickCols, readPage, requestedCols, sortItems } from './common';

const ORG_COLS = [
  'id', 'name', 'organizationId', 'timezoneId', 'countryId', 'zone', 'license', 'serviceName', 'productName', 'isPaused',
  'teams', 'privateSpaces', 'externalId', 'operations', 'transfer', 'nextReset', 'lastReset', 'deleted', 'features',
] as const;

/** Make's license object (subset as recorded) plus `apiLimit`, the per-minute request limit. */
function renderLicense(plan: Plan, opts: { apiLimit: boolean; advsched: boolean }): Record<string, unknown> {
  const l = PLAN_LICENSES[plan];
  const out: Record<string, unknown> = { apps: [...l.apps], users: l.users, dslimit: l.dslimit, fslimit: l.fslimit, iolimit: l.iolimit };
  if (opts.advsched) out.advsched = l.advsched;
  Object.assign(out, { dsslimit: l.dsslimit, fulltext: l.fulltext, interval: l.interval, transfer: l.transfer, operations: l.operations });
  if (opts.apiLimit) out.apiLimit = l.apiLimit;
  return out;
}

const orgBody = z.object({
  name: z.string().min(1).max(200),
  regionId: z.number().int().positive().optional(),
  timezoneId: z.number().int().positive(),
  countryId: z.number().int().positive(),
});
const orgPatchBody = orgBody.partial();
const teamBody = z.object({ name: z.string().min(1).max(200), organizationId: z.number().int().positive() });

/** The org as create/update answer it (recorded shapes, no apiLimit). */
function renderOrgShort(ctx: RequestContext, o: SimOrg, kind: 'create' | 'update'): Record<string, unknown> {
  const teams = ctx.world.teamsOfOrg(o.id).map((t) => ({ id: t.id, name: t.name }));
  const base = { name: o.name, countryId: o.countryId, timezoneId: o.timezoneId, license: renderLicense(o.plan, { apiLimit: false, advsched: kind === 'create' }), zone: ctx.world.zoneHost(o.zone), serviceName: o.plan, teams, isPaused: o.isPaused };
  return kind === 'create' ? { id: o.id, name: o.name, timezoneId: o.timezoneId, countryId: o.countryId, license: base.license, zone: base.zone, serviceName: base.serviceName, teams, isPaused: o.isPaused } : { ...base, id: o.id };
}

function renderOrg(ctx: RequestContext, o: SimOrg): Record<string, unknown> {
  const local = o.zone === ctx.zone.name;
  const license = PLAN_LICENSES[o.plan];
  const teams = ctx.world.teamsOfOrg(o.id).filter((t) => ctx.canSeeTeam(t)).map((t) => ({ id: t.id, name: t.name }));
  return {
    id: o.id,
    name: o.name,
    organizationId: o.id,
    serviceName: local ? o.plan : null,
    productName: local ? PLAN_PRODUCT_NAMES[o.plan] : null,
    nextReset: iso(o.nextReset),
    lastReset: iso(o.lastReset),
    operations: String(o.operations),
    transfer: String(o.transfer),
    operationsExt: '0',
    transferExt: '0',
    unusedOperations: String(Math.max(0, license.operations - o.operations)),
    unusedTransfer: String(Math.max(0, license.transfer - o.transfer)),
    isPaused: local ? o.isPaused : null,
    countryId: o.countryId,
    timezoneId: o.timezoneId,
    deleted: false,
    license: local ? renderLicense(o.plan, { apiLimit: true, advsched: false }) : null,
    features: {},
    zone: ctx.world.zoneHost(o.zone),
    teams,
    privateSpaces: privateSpaces(ctx, o),
    externalId: null,
  };
}

function privateSpaces(ctx: RequestContext, o: SimOrg): Record<string, unknown>[] {
  const user = ctx.world.users.get(ctx.auth.userId);
  const first = (user?.name ?? 'My').split(' ')[0];
  return [{ id: o.id * 10 + 1, name: `${first}'s space`, isOwner: true, hasAdminVisibility: false }];
}

const GET_DEFAULT = [
  'id', 'name', 'serviceName', 'nextReset', 'operations', 'transfer', 'operationsExt', 'transferExt',
  'unusedOperations', 'unusedTransfer', 'isPaused', 'countryId', 'timezoneId', 'deleted', 'license', 'features', 'zone', 'teams', 'privateSpaces',
];

function renderTeam(ctx: RequestContext, t: SimTeam): Record<string, unknown> {
  const scenarios = [...ctx.world.scenarios.values()].filter((s) => s.teamId === t.id);
  return {
    id: t.id,
    name: t.name,
    organizationId: t.organizationId,
    scenarioDrafts: false,
    operationsLimit: null,
    transferLimit: null,
    consumedOperations: scenarios.reduce((n, s) => n + s.operations, 0),
    consumedTransfer: scenarios.reduce((n, s) => n + s.transfer, 0),
    isPaused: false,
    activeScenarios: scenarios.filter((s) => s.isActive).length,
  };
}

export function registerOrganizationRoutes(r: Router): void {
  // Not charged to any organization: it lists all of them.
  r.get('/organizations', 'organizations:read', (ctx) => {
    const q = ctx.query;
    const page = readPage(q, { limit: 10_000, sortBy: 'name', sortDir: 'asc', sortable: ['name', 'id'] });
    requestedCols(q, ORG_COLS);
    const zone = q.str('zone');
    let orgs = [...ctx.world.orgs.values()].filter((o) => ctx.orgRole(o.id) !== undefined);
    if (zone !== undefined) orgs = orgs.filter((o) => ctx.world.zoneHost(o.zone) === zone || o.zone === zone);
    const sorted = sortItems(orgs, (o) => (page.sortBy === 'id' ? o.id : o.name), page.sortDir, (o) => o.id);
    const items = sorted.slice(page.offset, page.offset + page.limit).map((o) => pickCols(q, renderOrg(ctx, o), ['id', 'name', 'timezoneId'], ORG_COLS));
    return { organizations: items, pg: { sortBy: page.sortBy, sortDir: page.sortDir, limit: page.limit, offset: page.offset } };
  });

  // A new organization lives in the zone it was created in and starts on the Free plan.
  r.post('/organizations', 'organizations:write', (ctx) => {
    const body = ctx.parseBody(orgBody);
    const now = ctx.now;
    const id = ctx.world.nextId('org');
    const org: SimOrg = {
      id, name: body.name, zone: ctx.zone.name, plan: 'free', timezoneId: body.timezoneId, countryId: body.countryId, created: now,
      operations: 0, transfer: 0, lastReset: now, nextReset: now + 30 * 86_400_000, isPaused: false,
    };
    ctx.world.orgs.set(id, org);
    ctx.world.setOrgMembership({ userId: ctx.auth.userId, organizationId: id, usersRoleId: OWNER_ROLE_ID, invitation: null });
    const teamId = ctx.world.nextId('team');
    ctx.world.teams.set(teamId, { id: teamId, name: 'My Team', organizationId: id });
    ctx.world.setTeamMembership({ userId: ctx.auth.userId, teamId, usersRoleId: TEAM_ADMIN_ROLE_ID, changeable: false, ssoPending: false });
    return {
      organization: renderOrgShort(ctx, org, 'create'),
      userOrganizationRole: { userId: ctx.auth.userId, organizationId: id, usersRoleId: OWNER_ROLE_ID, invitation: null },
    };
  });

  r.patch('/organizations/:organizationId', 'organizations:write', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    if (!ctx.isOrgAdmin(org.id)) throw forbidden('Only organization owners and admins can change the organization.');
    const body = ctx.parseBody(orgPatchBody);
    if (body.name !== undefined) org.name = body.name;
    if (body.timezoneId !== undefined) org.timezoneId = body.timezoneId;
    if (body.countryId !== undefined) org.countryId = body.countryId;
    return { organization: renderOrgShort(ctx, org, 'update') };
  });

  r.delete('/organizations/:organizationId', 'organizations:write', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'));
    if (ctx.orgRole(org.id) !== OWNER_ROLE_ID) throw forbidden('Only the owner can delete an organization.');
    if (ctx.query.bool('confirmed') !== true) throw confirmationRequired('Deleting an organization requires confirmed=true.');
    ctx.world.deleteOrganization(org.id);
    return { organization: org.id };
  });

  r.post('/teams', 'teams:write', (ctx) => {
    const body = ctx.parseBody(teamBody);
    const org = ctx.org(body.organizationId);
    if (!ctx.isOrgAdmin(org.id)) throw forbidden('Only organization owners and admins can create teams.');
    const id = ctx.world.nextId('team');
    ctx.world.teams.set(id, { id, name: body.name, organizationId: org.id });
    ctx.world.setTeamMembership({ userId: ctx.auth.userId, teamId: id, usersRoleId: TEAM_ADMIN_ROLE_ID, changeable: false, ssoPending: false });
    return {
      team: { id, name: body.name, organizationId: org.id, operationsLimit: 0, transferLimit: '0' },
      userTeamRole: { usersRoleId: TEAM_ADMIN_ROLE_ID, userId: ctx.auth.userId, teamId: id, changeable: false },
    };
  });

  r.delete('/teams/:teamId', 'teams:write', (ctx) => {
    const team = ctx.team(ctx.intParam('teamId'));
    if (ctx.query.bool('confirmed') !== true) throw confirmationRequired('Deleting a team requires confirmed=true.');
    for (const s of [...ctx.world.scenarios.values()]) if (s.teamId === team.id) ctx.world.deleteScenario(s.id);
    for (const f of [...ctx.world.folders.values()]) if (f.teamId === team.id) ctx.world.folders.delete(f.id);
    for (const h of [...ctx.world.hooks.values()]) if (h.teamId === team.id) ctx.world.deleteHook(h.id);
    for (const [k, m] of ctx.world.teamMembers) if (m.teamId === team.id) ctx.world.teamMembers.delete(k);
    ctx.world.teams.delete(team.id);
    return { team: team.id };
  });

  r.get('/organizations/:organizationId', 'organizations:read', (ctx) => {
    const org = ctx.org(ctx.intParam('organizationId'), { anyZone: true });
    return { organization: pickCols(ctx.query, renderOrg(ctx, org), GET_DEFAULT, ORG_COLS) };
  });

  r.get('/teams', 'teams:read', (ctx) => {
    const q = ctx.query;
    const orgId = q.int('organizationId', { min: 1 });
    if (orgId === undefined) throw invalidInput(["Missing required parameter 'organizationId'."]);
    const org = ctx.org(orgId);
    const page = readPage(q, { limit: 10_000, sortBy: 'name', sortDir: 'asc', sortable: ['name', 'id'] });
    const teams = ctx.world.teamsOfOrg(org.id).filter((t) => ctx.canSeeTeam(t));
    const sorted = sortItems(teams, (t) => (page.sortBy === 'id' ? t.id : t.name), page.sortDir, (t) => t.id);
    const items = sorted.slice(page.offset, page.offset + page.limit).map((t) => pickCols(q, renderTeam(ctx, t), ['id', 'name', 'organizationId']));
    return { teams: items, pg: { sortBy: page.sortBy, sortDir: page.sortDir, limit: page.limit, offset: page.offset } };
  });

  r.get('/teams/:teamId', 'teams:read', (ctx) => {
    const team = ctx.team(ctx.intParam('teamId'));
    return { team: pickCols(ctx.query, renderTeam(ctx, team), ['id', 'name', 'organizationId', 'scenarioDrafts']) };
  });
}
