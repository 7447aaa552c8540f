// What a route handler gets: the world, the caller, the request, and access helpers that find an
// entity, check the caller may see it in this zone, and charge the organization's rate limit.
import type { z } from 'zod';
import type { Clock } from '../../shared/clock';
import type { AuthInfo } from './auth';
import { forbidden, invalidInput, notFound, rateLimited } from './errors';
import type { Query } from './query';
import type { OrgRateLimiter } from './rate-limit';
import { ADMIN_ROLE_ID, OWNER_ROLE_ID, PLAN_LICENSES } from './world/model';
import type { SimDlq, SimFolder, SimHook, SimOrg, SimScenario, SimTeam, World, ZoneAddress } from './world/model';
import type { Scheduler } from './world/scheduler';

export interface SimCore {
  world: World;
  scheduler: Scheduler;
  clock: Clock;
  limiter: OrgRateLimiter;
  /** Brings the world up to the clock's now. */
  catchUp(): void;
}

export class RequestContext {
  private chargedOrg: number | null = null;

  constructor(
    readonly core: SimCore,
    readonly zone: ZoneAddress,
    readonly method: string,
    readonly params: Record<string, string>,
    readonly query: Query,
    readonly body: unknown,
    readonly auth: AuthInfo,
    private readonly rateLimitedRoute: boolean,
  ) {}

  get world(): World {
    return this.core.world;
  }

  get scheduler(): Scheduler {
    return this.core.scheduler;
  }

  get now(): number {
    return this.core.clock.now();
  }

  get baseUrl(): string {
    return `${this.zone.origin}/api/v2`;
  }

  /** Integer path parameter. */
  intParam(name: string): number {
    const raw = this.params[name] ?? '';
    if (!/^\d+$/.test(raw)) throw invalidInput([`Path parameter '${name}' must be an integer.`]);
    return Number(raw);
  }

  /** Validates the JSON body; every problem is named in a 400 IM005. */
  parseBody<S extends z.ZodType>(schema: S): z.output<S> {
    const r = schema.safeParse(this.body ?? {});
    if (r.success) return r.data;
    throw invalidInput(r.error.issues.map((i) => `${i.path.length ? `'${i.path.join('.')}'` : 'Body'}: ${i.message}`));
  }

  /**
   * Counts this request against the organization's per-minute limit (once per request).
   * Requests that resolve to no organization (`/users/me`, `/organizations` list, role definitions)
   * are not counted: Make's limit is per organization and they belong to none.
   */
  charge(org: SimOrg): void {
    if (!this.rateLimitedRoute || this.chargedOrg !== null) return;
    this.chargedOrg = org.id;
    const r = this.core.limiter.hit(org.id, PLAN_LICENSES[org.plan].apiLimit, this.now);
    if (!r.ok) throw rateLimited(r.retryAfterS);
  }

  orgRole(orgId: number): number | undefined {
    const m = this.world.orgMembership(orgId, this.auth.userId);
    return m && m.invitation === null ? m.usersRoleId : undefined;
  }

  isOrgAdmin(orgId: number): boolean {
    const r = this.orgRole(orgId);
    return r === OWNER_ROLE_ID || r === ADMIN_ROLE_ID;
  }

  /** An organization the caller belongs to. `anyZone` allows orgs served by another zone. */
  org(id: number, opts: { anyZone?: boolean } = {}): SimOrg {
    const org = this.world.orgs.get(id);
    if (!org || (!opts.anyZone && org.zone !== this.zone.name)) throw notFound('Organization not found.');
    if (this.orgRole(id) === undefined) throw forbidden('Access denied. You are not a member of this organization.');
    if (org.zone === this.zone.name) this.charge(org);
    return org;
  }

  canSeeTeam(team: SimTeam): boolean {
    if (this.orgRole(team.organizationId) === undefined) return false;
    return this.isOrgAdmin(team.organizationId) || this.world.teamMembership(team.id, this.auth.userId) !== undefined;
  }

  team(id: number): SimTeam {
    const team = this.world.teams.get(id);
    const org = team ? this.world.orgs.get(team.organizationId) : undefined;
    if (!team || !org || org.zone !== this.zone.name) throw notFound('Team not found.');
    if (!this.canSeeTeam(team)) throw forbidden('Access denied. You are not a member of this team.');
    this.charge(org);
    return team;
  }

  scenario(id: number): SimScenario {
    const s = this.world.scenarios.get(id);
    if (!s || !this.inZone(s.teamId)) throw notFound('Scenario not found.');
    this.team(s.teamId);
    return s;
  }

  folder(id: number): SimFolder {
    const f = this.world.folders.get(id);
    if (!f || !this.inZone(f.teamId)) throw notFound('Folder not found.');
    this.team(f.teamId);
    return f;
  }

  hook(id: number): SimHook {
    const h = this.world.hooks.get(id);
    if (!h || !this.inZone(h.teamId)) throw notFound('Hook not found.');
    this.team(h.teamId);
    return h;
  }

  dlq(id: string): SimDlq {
    const d = this.world.dlqs.get(id);
    const s = d ? this.world.scenarios.get(d.scenarioId) : undefined;
    if (!d || d.deleted || !s || !this.inZone(s.teamId)) throw notFound('Incomplete execution not found.');
    this.team(s.teamId);
    return d;
  }

  private inZone(teamId: number): boolean {
    return this.world.orgOfTeam(teamId)?.zone === this.zone.name;
  }
}
