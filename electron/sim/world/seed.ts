// Builds a world from a WorldSpec: the seeded demo world (an agency with three client organizations
// in two zones and a week of history) or a parameterized one for benchmarks. History is not faked:
// the scheduler runs the world from `now - historyDays` up to `now`, so logs, counters, incomplete
// executions and switched-off scenarios are all consistent with each other.
import { buildBlueprint, nextRunAfter, usedPackagesOf } from './blueprint';
import { ALL_SCOPES, OWNER_ROLE_ID, ADMIN_ROLE_ID, MEMBER_ROLE_ID, TEAM_ADMIN_ROLE_ID, World } from './model';
import type { InterfaceField, Plan, SchedulingSpec, SimHook, SimScenario, SimUser } from './model';
import { FOLDER_NAMES, INPUT_SCENARIO_TEMPLATES, NAME_SUFFIXES, PEOPLE, SCENARIO_TEMPLATES, TEAM_NAMES } from './names';
import { Rng, hash32 } from './rng';
import { newScenario } from './new-scenario';
import { Scheduler } from './scheduler';

export interface OrgSpec {
  zone: string;
  name: string;
  plan: Plan;
  /** Number of teams, or their names. */
  teams: number | string[];
  /** Scenarios spread over the org's teams. */
  scenarios: number;
  /** Folders per team (default 2). */
  foldersPerTeam?: number;
  /** Extra users besides the agency user (default 2). */
  members?: number;
}

export interface WorldSpec {
  seed?: number;
  /** Zone names served, each on its own origin (default ['eu1', 'us1']). */
  zones?: string[];
  orgs: OrgSpec[];
  /** Target runs per minute over the whole world; without it intervals are drawn from a realistic mix. */
  runsPerMinute?: number;
  /** Share of runs that fail / warn (default 0.02 / 0.03). */
  errorShare?: number;
  warningShare?: number;
  /** Days of run history generated before `now` (default 0). */
  historyDays?: number;
  /** Share of scenarios that are switched on (default 0.85). */
  activeShare?: number;
  /** Share of scenarios triggered by a webhook (default 0.12). */
  hookShare?: number;
  /** Share of scenarios that store incomplete executions (default 0.1). */
  dlqShare?: number;
  /** Demo storyline: a few scenarios failing now, one switched off by Make, some with inputs. */
  story?: boolean;
  /** How long execution detail answers 404 after a run starts (default 200 ms). */
  executionDetailDelayMs?: number;
}

export const demoWorldSpec = (seed = 1): WorldSpec => ({
  seed,
  zones: ['eu1', 'us1'],
  historyDays: 7,
  story: true,
  errorShare: 0.01,
  warningShare: 0.03,
  orgs: [
    { zone: 'eu1', name: 'Northwind Digital Agency', plan: 'teams', teams: ['Operations', 'Client Delivery', 'R&D Sandbox'], scenarios: 110, members: 4 },
    { zone: 'eu1', name: 'Zugspitze Outdoor GmbH', plan: 'core', teams: ['Marketing', 'E-commerce'], scenarios: 80, members: 2 },
    { zone: 'us1', name: 'さくらフーズ株式会社', plan: 'pro', teams: ['経理部', 'Marketing US', 'カスタマーサポート'], scenarios: 110, members: 3 },
  ],
});

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface BuiltWorld {
  world: World;
  scheduler: Scheduler;
  /** Agency user (member of every org). */
  agencyUserId: number;
  /** API token per zone for the agency user, all scopes. */
  tokens: Record<string, string>;
}

export function buildWorld(spec: WorldSpec, now: number): BuiltWorld {
  const seed = spec.seed ?? 1;
  const zones = spec.zones ?? [...new Set(['eu1', 'us1', ...spec.orgs.map((o) => o.zone)])];
  const rng = new Rng(hash32(seed, 0x5eed));
  const world = new World({ seed, zones, executionDetailDelayMs: spec.executionDetailDelayMs ?? 200 }, new Rng(hash32(seed, 0x1d)));
  const historyStart = now - (spec.historyDays ?? 0) * DAY;
  const scheduler = new Scheduler(world, historyStart);
  const errorShare = spec.errorShare ?? 0.02;
  const warningShare = spec.warningShare ?? 0.03;

  const makeUser = (p: { name: string; email: string }): SimUser => {
    const japanese = /[\u3040-\u30ff\u4e00-\u9fff]/.test(p.name);
    const u: SimUser = {
      id: world.nextId('user'),
      name: p.name,
      email: p.email,
      language: japanese ? 'ja' : 'en',
      timezoneId: 113,
      localeId: 18,
      countryId: 1,
      timezone: japanese ? 'Asia/Tokyo' : 'Europe/Prague',
      locale: japanese ? 'ja' : 'en',
      lastLogin: now - rng.int(1, 72) * HOUR,
    };
    world.users.set(u.id, u);
    return u;
  };

  const agency = makeUser(PEOPLE[0] as { name: string; email: string });
  let personIdx = 1;
  const nextPerson = () => {
    const base = PEOPLE[personIdx % PEOPLE.length] as { name: string; email: string };
    const round = Math.floor(personIdx / PEOPLE.length);
    personIdx += 1;
    return round === 0 ? base : { name: `${base.name} ${round + 1}`, email: base.email.replace('@', `+${round + 1}@`) };
  };

  const usedNames = new Set<string>();
  const scenarioName = (template: string): string => {
    for (const suffix of NAME_SUFFIXES) {
      const n = `${template}${suffix}`;
      if (!usedNames.has(n)) {
        usedNames.add(n);
        return n;
      }
    }
    let i = 2;
    while (usedNames.has(`${template} (${i})`)) i++;
    const n = `${template} (${i})`;
    usedNames.add(n);
    return n;
  };

  const allScenarios: SimScenario[] = [];

  for (const orgSpec of spec.orgs) {
    const orgId = world.nextId('org');
    world.orgs.set(orgId, {
      id: orgId,
      name: orgSpec.name,
      zone: orgSpec.zone,
      plan: orgSpec.plan,
      timezoneId: 113,
      countryId: 1,
      created: now - rng.int(200, 900) * DAY,
      operations: 0,
      transfer: 0,
      lastReset: Math.floor(now / (30 * DAY)) * 30 * DAY,
      nextReset: (Math.floor(now / (30 * DAY)) + 1) * 30 * DAY,
      isPaused: false,
    });
    world.setOrgMembership({ userId: agency.id, organizationId: orgId, usersRoleId: OWNER_ROLE_ID, invitation: null });
    const members: number[] = [];
    for (let i = 0; i < (orgSpec.members ?? 2); i++) {
      const u = makeUser(nextPerson());
      members.push(u.id);
      world.setOrgMembership({ userId: u.id, organizationId: orgId, usersRoleId: i === 0 ? ADMIN_ROLE_ID : MEMBER_ROLE_ID, invitation: null });
    }

    const teamNames = typeof orgSpec.teams === 'number'
      ? Array.from({ length: orgSpec.teams }, (_, i) => TEAM_NAMES[i % TEAM_NAMES.length] + (i >= TEAM_NAMES.length ? ` ${Math.floor(i / TEAM_NAMES.length) + 1}` : ''))
      : orgSpec.teams;
    const teamIds: number[] = [];
    for (const name of teamNames) {
      const teamId = world.nextId('team');
      teamIds.push(teamId);
      world.teams.set(teamId, { id: teamId, name, organizationId: orgId });
      world.setTeamMembership({ userId: agency.id, teamId, usersRoleId: TEAM_ADMIN_ROLE_ID, changeable: false, ssoPending: false });
      for (const [i, userId] of members.entries()) {
        world.setTeamMembership({ userId, teamId, usersRoleId: 1 + ((i + teamId) % 5), changeable: true, ssoPending: false });
      }
      for (let f = 0; f < (orgSpec.foldersPerTeam ?? 2); f++) {
        const folderId = world.nextId('folder');
        world.folders.set(folderId, { id: folderId, name: FOLDER_NAMES[(teamId + f) % FOLDER_NAMES.length] as string, teamId, parentId: null, position: f });
      }
    }
    if (teamIds.length === 0) continue;

    for (let i = 0; i < orgSpec.scenarios; i++) {
      const teamId = teamIds[i % teamIds.length] as number;
      const folders = [...world.folders.values()].filter((f) => f.teamId === teamId);
      const isHook = rng.chance(spec.hookShare ?? 0.12);
      const hookTemplates = SCENARIO_TEMPLATES.filter((t) => t.modules[0] === 'gateway:CustomWebHook');
      const plainTemplates = SCENARIO_TEMPLATES.filter((t) => t.modules[0] !== 'gateway:CustomWebHook');
      const template = isHook ? rng.pick(hookTemplates) : rng.pick(plainTemplates);
      const modules = template.modules;
      let hookId: number | null = null;
      if (isHook) {
        const hook = makeHook(world, rng, teamId, `${template.name} hook`);
        hook.learning = false;
        hookId = hook.id;
      }
      const scheduling: SchedulingSpec = isHook
        ? { type: 'immediately' }
        : spec.runsPerMinute !== undefined
          ? { type: 'indefinitely', interval: 900 }
          : rng.weighted<SchedulingSpec>([
              [{ type: 'indefinitely', interval: 900 }, 15],
              [{ type: 'indefinitely', interval: 3600 }, 40],
              [{ type: 'indefinitely', interval: 10800 }, 10],
              [{ type: 'daily', time: `${String(rng.int(5, 20)).padStart(2, '0')}:00` }, 20],
              [{ type: 'weekly', days: [1], time: '07:30' }, 5],
              [{ type: 'monthly', days: [1], time: '06:00' }, 3],
              [{ type: 'on-demand' }, 4],
            ]);
      const dlq = rng.chance(spec.dlqShare ?? 0.1);
      const name = scenarioName(template.name);
      const s = makeScenario(world, rng, {
        name,
        teamId,
        folderId: folders.length > 0 && rng.chance(0.6) ? (rng.pick(folders).id) : null,
        hookId,
        modules,
        scheduling,
        dlq,
        maxErrors: 3,
        userId: rng.chance(0.7) ? agency.id : (members[0] ?? agency.id),
        now,
        zone: orgSpec.zone,
      });
      s.isActive = rng.chance(spec.activeShare ?? 0.85);
      // Most scenarios are healthy; a few are flaky.
      const flaky = spec.story ? rng.chance(0.06) : false;
      s.profile = { errorShare: flaky ? 0.08 : errorShare, warningShare, brokenSince: null };
      if (flaky) (s.blueprint.metadata as { scenario: { maxErrors: number } }).scenario.maxErrors = 5;
      if (isHook) s.trafficPerHour = rng.pick([0.3, 1, 3]);
      if (scheduling.type === 'on-demand') s.trafficPerHour = 0.2;
      allScenarios.push(s);
    }
  }

  if (spec.runsPerMinute !== undefined && spec.runsPerMinute > 0) {
    const running = allScenarios.filter((s) => s.isActive);
    const perScenarioPerMin = spec.runsPerMinute / Math.max(1, running.length);
    for (const s of running) {
      const jitter = 0.7 + rng.next() * 0.6;
      if (s.hookId !== null) s.trafficPerHour = perScenarioPerMin * 60 * jitter;
      else if (s.scheduling.type === 'indefinitely') s.scheduling = { type: 'indefinitely', interval: Math.max(60, Math.round(60 / perScenarioPerMin * jitter)) };
    }
  }

  if (spec.story) applyStory(world, rng, allScenarios, now);

  // Schedule from the start of history and let the world run up to now.
  for (const s of allScenarios) {
    if (s.isActive) {
      if (s.scheduling.type === 'indefinitely') {
        const interval = (s.scheduling.interval ?? 900) * 1000;
        s.nextExec = historyStart + Math.floor(rng.next() * interval);
      } else {
        s.nextExec = nextRunAfter(s.scheduling, historyStart);
      }
      scheduler.pushStart(s);
    }
    scheduler.startTraffic(s, historyStart);
  }
  scheduler.advanceTo(now);
  if (spec.story) {
    // Some incomplete executions were already retried once, without luck.
    for (const d of world.dlqs.values()) {
      if (d.resolved || hash32(seed, d.index) % 3 !== 0) continue;
      const at = Math.min(now - 60_000, d.created + HOUR);
      d.attempts = 1;
      d.logs.push({ id: rng.hex(32), start: at, duration: rng.int(400, 3000), status: 3, operations: 1, transfer: rng.int(0, 900) });
    }
  }
  // Runs still in flight at `now` keep going; that is what a live world looks like.

  const tokens: Record<string, string> = {};
  for (const zone of zones) {
    const token = rng.uuid();
    world.tokens.set(token, { token, userId: agency.id, zone, scopes: [...ALL_SCOPES], label: 'Make Tray demo', revoked: false, created: now });
    tokens[zone] = token;
  }
  return { world, scheduler, agencyUserId: agency.id, tokens };
}

export function makeHook(world: World, rng: Rng, teamId: number, name: string): SimHook {
  const id = world.nextId('hook');
  const udid = rng.hex(32).replace(/[0-9]/g, (d) => 'abcdefghij'[Number(d)] as string).slice(0, 8) + rng.hex(24);
  const hook: SimHook = {
    id,
    name,
    teamId,
    udid,
    typeName: 'gateway-webhook',
    type: 'web',
    packageName: null,
    theme: '#c73a63',
    editable: true,
    enabled: true,
    learning: true,
    gone: false,
    data: { ip: null, udt: null, headers: false, method: false, stringify: false, teamId },
    queue: [],
    queueLimit: 10000,
    dataStructure: null,
  };
  world.addHook(hook);
  return hook;
}

export function makeScenario(
  world: World,
  rng: Rng,
  o: {
    name: string;
    teamId: number;
    folderId: number | null;
    hookId: number | null;
    modules: string[];
    scheduling: SchedulingSpec;
    dlq: boolean;
    maxErrors: number;
    userId: number;
    now: number;
    zone: string;
  },
): SimScenario {
  const id = world.nextId('scenario');
  const blueprint = buildBlueprint({ name: o.name, modules: o.modules, maxErrors: o.maxErrors, dlq: o.dlq, hookId: o.hookId, zone: o.zone });
  const created = o.now - rng.int(10, 400) * DAY;
  const lastEdit = Math.min(o.now - HOUR, created + rng.int(0, 300) * DAY);
  const s = newScenario(world, {
    id,
    name: o.name,
    teamId: o.teamId,
    folderId: o.folderId,
    hookId: o.hookId,
    userId: o.userId,
    blueprint,
    scheduling: o.scheduling,
    created,
    lastEdit,
    interfaceInput: null,
    interfaceOutput: null,
    baseDurationMs: Math.round(400 + rng.exp(4000)),
    baseOperations: Math.max(1, o.modules.length + rng.int(-1, 6)),
  });
  world.scenarios.set(id, s);
  return s;
}

/** The demo's storyline: failures now, one scenario Make switched off, scenarios with inputs. */
function applyStory(world: World, rng: Rng, all: SimScenario[], now: number): void {
  const candidates = all.filter((s) => s.isActive && s.hookId === null && s.scheduling.type === 'indefinitely');
  const pickOut = (): SimScenario | undefined => {
    if (candidates.length === 0) return undefined;
    const i = rng.int(0, candidates.length - 1);
    return candidates.splice(i, 1)[0];
  };
  const setMaxErrors = (s: SimScenario, maxErrors: number, dlq: boolean) => {
    const md = s.blueprint.metadata as { scenario: { maxErrors: number; dlq: boolean } };
    md.scenario.maxErrors = maxErrors;
    md.scenario.dlq = dlq;
  };
  // Switched off by Make after three errors in a row.
  const off = pickOut();
  if (off) {
    off.scheduling = { type: 'indefinitely', interval: 900 };
    setMaxErrors(off, 3, false);
    off.profile.brokenSince = now - 5 * HOUR;
  }
  // Failing right now, still on (higher error tolerance).
  for (let i = 0; i < 3; i++) {
    const s = pickOut();
    if (!s) break;
    s.scheduling = { type: 'indefinitely', interval: 900 };
    setMaxErrors(s, 20, false);
    s.profile.brokenSince = now - (35 + i * 20) * 60_000;
  }
  // Errors parked as incomplete executions.
  for (let i = 0; i < 3; i++) {
    const s = pickOut();
    if (!s) break;
    s.scheduling = { type: 'indefinitely', interval: 1800 };
    setMaxErrors(s, 3, true);
    s.profile.errorShare = 0.04;
  }
  // Called like functions: on-demand with an input interface.
  for (const [i, t] of INPUT_SCENARIO_TEMPLATES.entries()) {
    const s = all[(i * 37 + 11) % all.length];
    if (!s) break;
    s.name = t.name;
    s.blueprint = buildBlueprint({ name: t.name, modules: t.modules, maxErrors: 3, dlq: false, hookId: null, zone: world.orgOfScenario(s)?.zone ?? '' });
    if (s.hookId !== null) {
      world.deleteHook(s.hookId);
      s.hookId = null;
    }
    s.usedPackages = usedPackagesOf(s.blueprint);
    s.scheduling = { type: 'on-demand' };
    s.isActive = true;
    s.trafficPerHour = 0.3;
    const input: InterfaceField[] = [{ name: 'email', type: 'text', default: null, required: true, multiline: false }, { name: 'note', type: 'text', default: null, required: false, multiline: true }];
    s.interfaceInput = input;
    s.interfaceOutput = [{ name: 'result', type: 'text' }, { name: 'count', type: 'number' }];
    s.profile = { errorShare: 0.05, warningShare: 0.02, brokenSince: null };
  }
}
