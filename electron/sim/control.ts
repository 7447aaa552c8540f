// Control API of the simulator: served on every zone origin under /__sim (demo and test modes only),
// and the same operations in-process on `handle.control`.
//
//   GET    /__sim/info                         zones, OAuth origin, demo tokens, clock
//   GET    /__sim/clock                        {now, iso, frozen}
//   POST   /__sim/clock/freeze | /resume       freeze or resume simulated time
//   POST   /__sim/clock/set      {now}         jump to epoch ms (or ISO string)
//   POST   /__sim/clock/advance  {ms}          move forward, running everything that falls due
//   GET    /__sim/faults                       current fault settings
//   POST   /__sim/faults         {latencyMs?, errorRate?, resetRate?, malformedRate?, truncatedRate?, storm429?}
//   DELETE /__sim/faults                       clear all faults
//   POST   /__sim/tokens         {userId?, zone?, scopes?, label?} → {token, userId, zone, scopes}
//   POST   /__sim/tokens/revoke  {token}       revoke an API token
//   POST   /__sim/users/:id/revoke-oauth       revoke every OAuth grant of a user
//   POST   /__sim/scenarios/:id/profile        {errorShare?, warningShare?, broken?: boolean}
//   POST   /__sim/scenarios/:id/next-outcome   {status: success|warning|error|1|2|3, durationMs?, errorMessage?}
//   DELETE /__sim/scenarios/:id                delete a scenario outright
//   DELETE /__sim/organizations/:id            delete an organization outright
//   GET    /__sim/executions?scenarioId=&since=&limit=   ground-truth runs (newest last)
//   GET    /__sim/rate-limit/:orgId            requests counted in the last minute
import { z } from 'zod';
import type { Clock } from '../../shared/clock';
import type { SimCore } from './context';
import { ApiError, badRequest, invalidInput, notFound } from './errors';
import type { FaultConfig, Faults } from './faults';
import { ControllableClock } from './world/clock';
import { ALL_SCOPES, type ExecutionRecord, type FailureProfile, type RunStatusCode } from './world/model';
import { Rng, hash32 } from './world/rng';

export type OutcomeName = 'success' | 'warning' | 'error';

export interface SimClockControl {
  now(): number;
  readonly frozen: boolean;
  freeze(): void;
  resume(): void;
  set(ms: number): void;
  advance(ms: number): Promise<void>;
}

export interface ExecutionFilter {
  scenarioId?: number;
  zone?: string;
  since?: number;
  /** Newest N. */
  limit?: number;
}

export interface SimControl {
  clock: SimClockControl;
  getFaults(): FaultConfig;
  setFaults(patch: Partial<FaultConfig>): FaultConfig;
  clearFaults(): void;
  /** New API token for a user in a zone (default: the agency user, the first zone, all scopes). */
  createToken(opts?: { userId?: number; zone?: string; scopes?: string[]; label?: string }): string;
  revokeToken(token: string): boolean;
  revokeOAuthForUser(userId: number): void;
  setFailureProfile(scenarioId: number, profile: { errorShare?: number; warningShare?: number; broken?: boolean }): FailureProfile;
  forceNextOutcome(scenarioId: number, outcome: { status: OutcomeName | RunStatusCode; durationMs?: number; errorMessage?: string }): void;
  deleteScenario(scenarioId: number): boolean;
  deleteOrganization(orgId: number): boolean;
  /** Ground truth, after catching the world up to now. */
  executions(filter?: ExecutionFilter): ExecutionRecord[];
  rateLimitUsed(orgId: number): number;
  /** Brings the world up to the clock's now (done before every API request anyway). */
  catchUp(): void;
}

interface ControlDeps {
  core: SimCore;
  faults: Faults;
  zones: string[];
  agencyUserId: number;
  revokeOAuth: (userId: number) => void;
}

const STATUS: Record<OutcomeName, RunStatusCode> = { success: 1, warning: 2, error: 3 };

function clockControl(clock: Clock, catchUp: () => void): SimClockControl {
  const controllable = clock instanceof ControllableClock ? clock : null;
  const advanceable = clock as Clock & { advance?: (ms: number) => unknown };
  const notControllable = () => new ApiError(409, { detail: 'The simulator runs on an external clock; control it there.', message: 'Conflict', code: 'SC409' });
  return {
    now: () => clock.now(),
    get frozen() {
      return controllable ? controllable.frozen : true;
    },
    freeze() {
      if (!controllable) throw notControllable();
      controllable.freeze();
    },
    resume() {
      if (!controllable) throw notControllable();
      controllable.resume();
    },
    set(ms: number) {
      if (!controllable) throw notControllable();
      controllable.set(ms);
      catchUp();
    },
    async advance(ms: number) {
      if (controllable) controllable.advance(ms);
      else if (typeof advanceable.advance === 'function') await advanceable.advance(ms);
      else throw notControllable();
      catchUp();
    },
  };
}

export function createControl(deps: ControlDeps): SimControl {
  const { core, faults } = deps;
  const world = core.world;
  const tokenRng = new Rng(hash32(world.seed, 0x70c3));
  const scenario = (id: number) => {
    const s = world.scenarios.get(id);
    if (!s) throw notFound(`Scenario ${id} not found.`);
    return s;
  };
  return {
    clock: clockControl(core.clock, () => core.catchUp()),
    getFaults: () => faults.get(),
    setFaults: (patch) => faults.set(patch),
    clearFaults: () => faults.clear(),
    createToken(opts = {}) {
      const userId = opts.userId ?? deps.agencyUserId;
      const zone = opts.zone ?? deps.zones[0] ?? 'eu1';
      if (!world.users.has(userId)) throw notFound(`User ${userId} not found.`);
      if (!deps.zones.includes(zone)) throw invalidInput([`Unknown zone '${zone}'; zones are ${deps.zones.join(', ')}.`]);
      const token = tokenRng.uuid();
      world.tokens.set(token, { token, userId, zone, scopes: [...(opts.scopes ?? ALL_SCOPES)], label: opts.label ?? 'test', revoked: false, created: core.clock.now() });
      return token;
    },
    revokeToken(token) {
      const t = world.tokens.get(token);
      if (!t) return false;
      t.revoked = true;
      return true;
    },
    revokeOAuthForUser: (userId) => deps.revokeOAuth(userId),
    setFailureProfile(id, p) {
      core.catchUp();
      const s = scenario(id);
      if (p.errorShare !== undefined) s.profile.errorShare = p.errorShare;
      if (p.warningShare !== undefined) s.profile.warningShare = p.warningShare;
      if (p.broken !== undefined) s.profile.brokenSince = p.broken ? core.clock.now() : null;
      return { ...s.profile };
    },
    forceNextOutcome(id, o) {
      const status = typeof o.status === 'number' ? o.status : STATUS[o.status];
      scenario(id).forced.push({ status, durationMs: o.durationMs, errorMessage: o.errorMessage });
    },
    deleteScenario: (id) => world.deleteScenario(id),
    deleteOrganization: (id) => world.deleteOrganization(id),
    executions(filter = {}) {
      core.catchUp();
      let out = world.executions;
      if (filter.scenarioId !== undefined) out = out.filter((e) => e.scenarioId === filter.scenarioId);
      if (filter.zone !== undefined) out = out.filter((e) => e.zone === filter.zone);
      if (filter.since !== undefined) out = out.filter((e) => e.start >= (filter.since as number));
      if (filter.limit !== undefined) out = out.slice(-filter.limit);
      return out === world.executions ? [...out] : out;
    },
    rateLimitUsed: (orgId) => core.limiter.used(orgId, core.clock.now()),
    catchUp: () => core.catchUp(),
  };
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────

const num01 = z.number().min(0).max(1);
const faultsBody = z
  .object({
    latencyMs: z.number().int().min(0).max(120_000),
    errorRate: num01,
    resetRate: num01,
    malformedRate: num01,
    truncatedRate: num01,
    storm429: z.boolean(),
  })
  .partial();
const tokenBody = z.object({ userId: z.number().int().positive().optional(), zone: z.string().optional(), scopes: z.array(z.string()).optional(), label: z.string().optional() });
const profileBody = z.object({ errorShare: num01.optional(), warningShare: num01.optional(), broken: z.boolean().optional() });
const outcomeBody = z.object({
  status: z.union([z.enum(['success', 'warning', 'error']), z.literal(1), z.literal(2), z.literal(3)]),
  durationMs: z.number().int().min(1).max(3_600_000).optional(),
  errorMessage: z.string().max(2000).optional(),
});

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body ?? {});
  if (r.success) return r.data;
  throw invalidInput(r.error.issues.map((i) => `${i.path.length ? `'${i.path.join('.')}'` : 'Body'}: ${i.message}`));
}

const intOf = (s: string | undefined): number => {
  if (!s || !/^\d+$/.test(s)) throw badRequest('Expected a numeric id in the path.');
  return Number(s);
};

/** Answers one control request; `info` is what GET /__sim/info shows. */
export async function handleControl(
  control: SimControl,
  info: () => unknown,
  method: string,
  path: string,
  query: URLSearchParams,
  body: unknown,
): Promise<{ status: number; body: unknown }> {
  const seg = path.replace(/^\/__sim\/?/, '').split('/').filter(Boolean);
  const route = `${method} ${seg.map((s, i) => (i > 0 && /^\d+$/.test(s) ? ':id' : s)).join('/')}`;
  const ok = (b: unknown) => ({ status: 200, body: b });
  const clockState = () => ({ now: control.clock.now(), iso: new Date(control.clock.now()).toISOString(), frozen: control.clock.frozen });
  switch (route) {
    case 'GET info':
      return ok(info());
    case 'GET clock':
      return ok(clockState());
    case 'POST clock/freeze':
      control.clock.freeze();
      return ok(clockState());
    case 'POST clock/resume':
      control.clock.resume();
      return ok(clockState());
    case 'POST clock/set': {
      const b = parse(z.object({ now: z.union([z.number().int().min(0), z.string()]) }), body);
      const ms = typeof b.now === 'number' ? b.now : Date.parse(b.now);
      if (!Number.isFinite(ms)) throw invalidInput(["'now' must be epoch milliseconds or an ISO date."]);
      control.clock.set(ms);
      return ok(clockState());
    }
    case 'POST clock/advance': {
      const b = parse(z.object({ ms: z.number().int().min(0).max(366 * 86_400_000) }), body);
      await control.clock.advance(b.ms);
      return ok(clockState());
    }
    case 'GET faults':
      return ok(control.getFaults());
    case 'POST faults':
    case 'PUT faults':
      return ok(control.setFaults(parse(faultsBody, body)));
    case 'DELETE faults':
      control.clearFaults();
      return ok(control.getFaults());
    case 'POST tokens': {
      const b = parse(tokenBody, body);
      const token = control.createToken(b);
      return ok({ token, userId: b.userId ?? null, zone: b.zone ?? null, scopes: b.scopes ?? null });
    }
    case 'POST tokens/revoke':
      return ok({ revoked: control.revokeToken(parse(z.object({ token: z.string() }), body).token) });
    case 'POST users/:id/revoke-oauth':
      control.revokeOAuthForUser(intOf(seg[1]));
      return ok({ revoked: true });
    case 'POST scenarios/:id/profile':
      return ok({ profile: control.setFailureProfile(intOf(seg[1]), parse(profileBody, body)) });
    case 'POST scenarios/:id/next-outcome':
      control.forceNextOutcome(intOf(seg[1]), parse(outcomeBody, body));
      return ok({ queued: true });
    case 'DELETE scenarios/:id':
      return ok({ deleted: control.deleteScenario(intOf(seg[1])) });
    case 'DELETE organizations/:id':
      return ok({ deleted: control.deleteOrganization(intOf(seg[1])) });
    case 'GET executions': {
      const n = (k: string) => (query.get(k) !== null && /^\d+$/.test(query.get(k) as string) ? Number(query.get(k)) : undefined);
      const runs = control.executions({ scenarioId: n('scenarioId'), since: n('since'), limit: n('limit') ?? 1000, zone: query.get('zone') ?? undefined });
      return ok({ executions: runs.map(({ outcome: _o, ...e }) => e) });
    }
    case 'GET rate-limit/:id':
      return ok({ used: control.rateLimitUsed(intOf(seg[1])) });
    default:
      throw notFound(`No control route ${method} /__sim/${seg.join('/')}.`);
  }
}
