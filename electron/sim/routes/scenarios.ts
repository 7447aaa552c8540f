// Scenarios: list/get/create/update/delete, start/stop/run/replay, interface, blueprint(s), consumptions.
import type { RequestContext } from '../context';
import { ApiError, badRequest, dependencyBlocked, invalidInput, notFound } from '../errors';
import type { Router } from '../router';
import { createScenarioBody, parseBlueprint, parseScheduling, replayBody, runScenarioBody, updateInterfaceBody, updateScenarioBody } from '../schemas';
import { hookIdOf, ioOf, usedPackagesOf } from '../world/blueprint';
import { PLAN_LICENSES, type Blueprint, type SimScenario, type SimTeam } from '../world/model';
import { newScenario } from '../world/new-scenario';
import { rngFor } from '../world/rng';
import { Reply, iso, pickCols, readPage, sortItems } from './common';
import { SCENARIO_COLS, SCENARIO_GET_DEFAULT, SCENARIO_LIST_DEFAULT, renderScenario } from './render';

const SORTABLE = ['proprietal', 'id', 'name', 'teamId', 'folderId', 'isActive', 'islinked', 'isinvalid', 'islocked', 'lastEdit', 'createdByUserName', 'updatedByUserName', 'created'] as const;

/** Responsive runs wait at most this long (clock time), as on Make. */
const RESPONSIVE_WAIT_MS = 40_000;

function sortKey(ctx: RequestContext, s: SimScenario, by: string): string | number | boolean | null {
  switch (by) {
    case 'proprietal':
    case 'id':
      return s.id;
    case 'name':
      return s.name;
    case 'teamId':
      return s.teamId;
    case 'folderId':
      return s.folderId;
    case 'isActive':
    case 'islinked':
      return s.isActive;
    case 'isinvalid':
      return s.isinvalid;
    case 'islocked':
      return s.islocked;
    case 'lastEdit':
      return s.lastEdit;
    case 'created':
      return s.created;
    case 'createdByUserName':
      return ctx.world.users.get(s.createdByUserId)?.name ?? null;
    default:
      return ctx.world.users.get(s.updatedByUserId)?.name ?? null;
  }
}

/** The teams a list call covers: `teamId` XOR `organizationId`. */
function listedTeams(ctx: RequestContext): SimTeam[] {
  const q = ctx.query;
  const teamId = q.int('teamId', { min: 1 });
  const orgId = q.int('organizationId', { min: 1 });
  if (teamId !== undefined && orgId !== undefined) throw badRequest('teamId and organizationId cannot be used together.');
  if (teamId !== undefined) return [ctx.team(teamId)];
  if (orgId !== undefined) {
    const org = ctx.org(orgId);
    return ctx.world.teamsOfOrg(org.id).filter((t) => ctx.canSeeTeam(t));
  }
  throw badRequest('Missing required parameter teamId or organizationId.');
}

function listScenarios(ctx: RequestContext): unknown {
  const q = ctx.query;
  const teams = new Set(listedTeams(ctx).map((t) => t.id));
  const page = readPage(q, { limit: 10, sortBy: 'proprietal', sortDir: 'desc', sortable: SORTABLE });
  const folderId = q.int('folderId', { min: 1 });
  const isActive = q.bool('isActive');
  const islinked = q.bool('islinked');
  const concept = q.bool('concept');
  const type = q.oneOf('type', ['scenario', 'tool'] as const);
  const ids = q.intList('id');
  let items = [...ctx.world.scenarios.values()].filter((s) => teams.has(s.teamId));
  if (folderId !== undefined) items = items.filter((s) => s.folderId === folderId);
  if (isActive !== undefined) items = items.filter((s) => s.isActive === isActive);
  if (islinked !== undefined) items = items.filter((s) => s.isActive === islinked);
  if (concept !== undefined) items = items.filter((s) => s.concept === concept);
  if (type === 'tool') items = [];
  if (ids.length > 0) items = items.filter((s) => ids.includes(s.id));
  const sorted = sortItems(items, (s) => sortKey(ctx, s, page.sortBy), page.sortDir, (s) => s.id);
  const pageItems = sorted.slice(page.offset, page.offset + page.limit);
  return {
    scenarios: pageItems.map((s) => pickCols(q, renderScenario(ctx.world, s), SCENARIO_LIST_DEFAULT, SCENARIO_COLS)),
    pg: { sortBy: page.sortBy, limit: page.limit, sortDir: page.sortDir, offset: page.offset, returnTotalCount: false },
  };
}

function checkHookFree(ctx: RequestContext, hookId: number | null, teamId: number, self: number | null): void {
  if (hookId === null) return;
  const hook = ctx.world.hooks.get(hookId);
  if (!hook || hook.teamId !== teamId) throw invalidInput([`The blueprint's trigger uses hook ${hookId}, which does not exist in this team.`]);
  const other = ctx.world.scenarioOfHook(hookId);
  if (other && other.id !== self) throw invalidInput([`Hook ${hookId} is already used by scenario ${other.id}.`]);
}

function createScenario(ctx: RequestContext): unknown {
  const body = ctx.parseBody(createScenarioBody);
  const team = ctx.team(body.teamId);
  const org = ctx.world.orgs.get(team.organizationId);
  if (!org) throw notFound('Organization not found.');
  const blueprint = parseBlueprint(body.blueprint);
  const scheduling = parseScheduling(body.scheduling, PLAN_LICENSES[org.plan].interval);
  if (body.folderId != null) {
    const f = ctx.world.folders.get(body.folderId);
    if (!f || f.teamId !== team.id) throw invalidInput([`'folderId': folder ${body.folderId} does not exist in team ${team.id}.`]);
  }
  const hookId = hookIdOf(blueprint);
  checkHookFree(ctx, hookId, team.id, null);
  const now = ctx.now;
  const id = ctx.world.nextId('scenario');
  const rng = rngFor(ctx.world.seed, id, 0xc4ea7e);
  const io = ioOf(blueprint);
  const s = newScenario(ctx.world, {
    id,
    name: typeof blueprint.name === 'string' && blueprint.name !== '' ? blueprint.name : 'New scenario',
    teamId: team.id,
    folderId: body.folderId ?? null,
    hookId,
    userId: ctx.auth.userId,
    blueprint,
    scheduling,
    created: now,
    lastEdit: now,
    interfaceInput: io.input,
    interfaceOutput: io.output,
    baseDurationMs: rng.int(300, 1500),
    baseOperations: Math.max(1, usedPackagesOf(blueprint).length),
  });
  ctx.world.scenarios.set(id, s);
  return { scenario: pickCols(ctx.query, renderScenario(ctx.world, s), SCENARIO_GET_DEFAULT, SCENARIO_COLS) };
}

function updateScenario(ctx: RequestContext): unknown {
  const s = ctx.scenario(ctx.intParam('scenarioId'));
  const body = ctx.parseBody(updateScenarioBody);
  const org = ctx.world.orgOfScenario(s);
  // Parse everything first so a bad field changes nothing.
  const blueprint: Blueprint | undefined = body.blueprint !== undefined ? parseBlueprint(body.blueprint) : undefined;
  const scheduling = body.scheduling !== undefined ? parseScheduling(body.scheduling, org ? PLAN_LICENSES[org.plan].interval : 1) : undefined;
  if (body.folderId != null) {
    const f = ctx.world.folders.get(body.folderId);
    if (!f || f.teamId !== s.teamId) throw invalidInput([`'folderId': folder ${body.folderId} does not exist in this team.`]);
  }
  const hookId = blueprint ? hookIdOf(blueprint) : s.hookId;
  if (blueprint) checkHookFree(ctx, hookId, s.teamId, s.id);

  const now = ctx.now;
  if (body.name !== undefined) s.name = body.name;
  if (body.description !== undefined) s.description = body.description;
  if (body.folderId !== undefined) s.folderId = body.folderId;
  if (blueprint) {
    s.blueprint = blueprint;
    s.hookId = hookId;
    s.usedPackages = usedPackagesOf(blueprint);
    const io = ioOf(blueprint);
    if (io.input) s.interfaceInput = io.input;
    if (io.output) s.interfaceOutput = io.output;
  }
  // `metadata` (the SDK always sends {input_spec: [], output_spec: []}) is accepted and ignored.
  if (scheduling) s.scheduling = scheduling;
  if (blueprint || scheduling) {
    s.versions.push({ version: s.versions.length + 1, created: now, blueprint: structuredClone(s.blueprint), scheduling: s.scheduling });
  }
  if (scheduling && s.isActive) ctx.scheduler.reschedule(s, now);
  s.lastEdit = now;
  s.updatedByUserId = ctx.auth.userId;
  return { scenario: pickCols(ctx.query, renderScenario(ctx.world, s), SCENARIO_GET_DEFAULT, SCENARIO_COLS) };
}

async function runScenario(ctx: RequestContext): Promise<unknown> {
  const s = ctx.scenario(ctx.intParam('scenarioId'));
  const body = ctx.parseBody(runScenarioBody);
  if (!s.isActive) throw new ApiError(400, { detail: 'Scenario is not activated.', message: 'Scenario is not activated.', code: 'IM016' });
  if (s.running) throw new ApiError(400, { detail: 'Scenario is already being executed.', message: 'Scenario is already being executed.', code: 'IM016' });
  const data = body.data ?? {};
  const missing = (s.interfaceInput ?? []).filter((f) => f.required === true && (data[f.name] === undefined || data[f.name] === null)).map((f) => f.name);
  if (missing.length > 0) throw invalidInput(missing.map((m) => `Missing value of required input '${m}'.`));
  const now = ctx.now;
  const rec = ctx.scheduler.beginRun(s, now, 'manual', { authorId: ctx.auth.userId, input: data });
  const clock = ctx.core.clock;
  // Make the world notice the finish even if nobody asks in between.
  clock.setTimeout(() => ctx.core.catchUp(), rec.end - now);
  const answeredResponsively = body.responsive === true;
  if (body.callbackUrl && !answeredResponsively) {
    const statusUrl = `${ctx.baseUrl}/scenarios/${s.id}/executions/${rec.id}`;
    void ctx.scheduler.whenFinished(rec).then(() =>
      fetch(body.callbackUrl as string, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ executionId: rec.id, statusUrl }) }).catch(() => undefined),
    );
  }
  if (!answeredResponsively) return { executionId: rec.id };
  let timer: ReturnType<typeof clock.setTimeout> | undefined;
  const timedOut = new Promise<null>((resolve) => {
    timer = clock.setTimeout(() => resolve(null), RESPONSIVE_WAIT_MS);
  });
  const done = await Promise.race([ctx.scheduler.whenFinished(rec), timedOut]);
  if (timer) clock.clearTimeout(timer);
  if (!done) throw new ApiError(408, { detail: `The scenario did not finish within 40 seconds; execution ${rec.id} continues.`, message: 'Request Timeout', code: 'SC408' });
  const out: Record<string, unknown> = { executionId: rec.id, status: done.status };
  if (done.outputs) out.outputs = done.outputs;
  return out;
}

function renderInterface(s: SimScenario): unknown {
  return { interface: { input: s.interfaceInput ?? [], output: s.interfaceOutput } };
}

export function registerScenarioRoutes(r: Router): void {
  r.get('/scenarios', 'scenarios:read', listScenarios);
  r.post('/scenarios', 'scenarios:write', createScenario);

  r.get('/scenarios/consumptions', 'scenarios:read', (ctx) => {
    const teams = new Set(listedTeams(ctx).map((t) => t.id));
    const orgs = [...teams].map((t) => ctx.world.orgOfTeam(t)).filter((o) => o !== undefined);
    const items = [...ctx.world.scenarios.values()]
      .filter((s) => teams.has(s.teamId) && s.operations > 0)
      .map((s) => ({ scenarioId: s.id, operations: s.operations, transfer: s.transfer, centicredits: s.operations * 100 }));
    return { scenarioConsumptions: items, lastReset: orgs[0] ? iso(orgs[0].lastReset) : null };
  });

  r.get('/scenarios/:scenarioId', 'scenarios:read', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    return { scenario: pickCols(ctx.query, renderScenario(ctx.world, s), SCENARIO_GET_DEFAULT, SCENARIO_COLS) };
  });
  r.patch('/scenarios/:scenarioId', 'scenarios:write', updateScenario);
  r.delete('/scenarios/:scenarioId', 'scenarios:write', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    ctx.world.deleteScenario(s.id);
    return { scenario: s.id };
  });

  r.post('/scenarios/:scenarioId/start', 'scenarios:write', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    if (s.scheduling.type === 'immediately' && s.hookId === null) throw dependencyBlocked('An instant scenario needs a trigger hook before it can be activated.');
    ctx.scheduler.activate(s, ctx.now);
    return { scenario: { id: s.id, isActive: s.isActive, islinked: s.isActive } };
  });
  r.post('/scenarios/:scenarioId/stop', 'scenarios:write', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    ctx.scheduler.deactivate(s);
    return { scenario: { id: s.id, isActive: s.isActive, islinked: s.isActive } };
  });
  // Exempt from the organization's request limit, as on Make.
  r.post('/scenarios/:scenarioId/run', 'scenarios:run', runScenario, { rateLimited: false });
  r.post('/scenarios/:scenarioId/replay', 'scenarios:run', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    const body = ctx.parseBody(replayBody);
    const first = ctx.world.executionsById.get(body.executionIds[0] as string);
    if (!first || first.scenarioId !== s.id) throw notFound('Execution not found.');
    if (!s.isActive) throw new ApiError(400, { detail: 'Scenario is not activated.', message: 'Scenario is not activated.', code: 'IM016' });
    if (s.running) throw new ApiError(400, { detail: 'Scenario is already being executed.', message: 'Scenario is already being executed.', code: 'IM016' });
    const rec = ctx.scheduler.beginRun(s, ctx.now, 'manual', { authorId: ctx.auth.userId });
    ctx.core.clock.setTimeout(() => ctx.core.catchUp(), rec.end - ctx.now);
    return new Reply(202, null);
  });

  r.get('/scenarios/:scenarioId/interface', 'scenarios:read', (ctx) => renderInterface(ctx.scenario(ctx.intParam('scenarioId'))));
  r.patch('/scenarios/:scenarioId/interface', 'scenarios:write', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    const body = ctx.parseBody(updateInterfaceBody);
    const input = body.interface.input;
    if (input && input.length > 0 && s.scheduling.type !== 'on-demand') {
      throw dependencyBlocked('Scenario inputs require the scenario to be scheduled on demand.');
    }
    if (input !== undefined) s.interfaceInput = input;
    if (body.interface.output !== undefined) s.interfaceOutput = body.interface.output;
    s.lastEdit = ctx.now;
    return renderInterface(s);
  });

  r.get('/scenarios/:scenarioId/blueprint', 'scenarios:read', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    ctx.query.bool('draft');
    const wanted = ctx.query.int('blueprintId', { min: 1 });
    const version = wanted === undefined ? s.versions[s.versions.length - 1] : s.versions.find((v) => v.version === wanted);
    if (!version) throw notFound('Blueprint version not found.');
    return {
      code: 'OK',
      response: {
        blueprint: version.blueprint,
        scheduling: version.scheduling,
        idSequence: Array.isArray(version.blueprint.flow) ? version.blueprint.flow.length + 1 : 1,
        created: iso(version.created),
        last_edit: iso(s.lastEdit),
        metadata: { input_spec: s.interfaceInput ?? [], output_spec: s.interfaceOutput ?? [] },
      },
    };
  });
  r.get('/scenarios/:scenarioId/blueprints', 'scenarios:read', (ctx) => {
    const s = ctx.scenario(ctx.intParam('scenarioId'));
    const versions = [...s.versions].reverse().map((v) => ({ created: iso(v.created), version: v.version, scenarioId: s.id, draft: false }));
    return { scenariosBlueprints: versions };
  });
}
