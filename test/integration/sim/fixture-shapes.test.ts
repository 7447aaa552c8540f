// Every recorded Make API fixture is answered by the simulator with the same shape: the same call is made
// over real HTTP and the answer is compared key by key, type by type (rules in test/support/shape.ts).
// Ids are found through the API itself (list calls), never read from simulator internals.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startSimulator } from '../../../electron/sim/simulator';
import { compareShape, formatShapeDiffs, type ShapeOptions } from '../../support/shape';

const FIXTURE_DIR = join(import.meta.dirname, '../../fixtures/make-api');
/** Request bodies kept next to the responses; not answers, so no recipe. */
const NOT_RESPONSES = new Set(['executions/blueprint.json']);

const fixture = (name: string): unknown => JSON.parse(readFileSync(join(FIXTURE_DIR, name), 'utf8'));

function listFixtures(dir = FIXTURE_DIR): string[] {
  return readdirSync(dir)
    .flatMap((entry) => {
      const full = join(dir, entry);
      if (statSync(full).isDirectory()) return listFixtures(full);
      return entry.endsWith('.json') ? [relative(FIXTURE_DIR, full).split('\\').join('/')] : [];
    })
    .sort();
}

// ── HTTP ─────────────────────────────────────────────────────────────────────────────────────────────

type Query = Record<string, string | number | boolean | (string | number)[]>;
type Json = Record<string, unknown>;

class ApiError extends Error {}

class Api {
  calls = 0;
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  /** Make's SDK rule: a UUIDv4 is an API token (`Token`), anything else an OAuth access token (`Bearer`). */
  private get authorization(): string {
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i.test(this.token);
    return `${uuid ? 'Token' : 'Bearer'} ${this.token}`;
  }

  async request(method: string, path: string, opts: { query?: Query; body?: unknown } = {}): Promise<{ status: number; body: unknown; text: string }> {
    const url = new URL(this.baseUrl + path);
    for (const [k, v] of Object.entries(opts.query ?? {})) {
      if (Array.isArray(v)) for (const item of v) url.searchParams.append(k, String(item));
      else url.searchParams.set(k, String(v));
    }
    const headers: Record<string, string> = { authorization: this.authorization, accept: 'application/json' };
    if (opts.body !== undefined) headers['content-type'] = 'application/json';
    this.calls++;
    const res = await fetch(url, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text.length > 0 ? JSON.parse(text) : null;
    } catch {
      // left as text; the caller's shape check reports it
    }
    return { status: res.status, body, text };
  }

  /** The answer of a call that must succeed (2xx); anything else fails with status and body. */
  async ok(method: string, path: string, opts: { query?: Query; body?: unknown } = {}): Promise<Json> {
    const r = await this.request(method, path, opts);
    if (r.status < 200 || r.status >= 300) throw new ApiError(`${method} ${path} → ${r.status} ${r.text.slice(0, 300)}`);
    if (r.body === null || typeof r.body !== 'object') throw new ApiError(`${method} ${path} → ${r.status} non-JSON body: ${r.text.slice(0, 300)}`);
    return r.body as Json;
  }

  get = (path: string, query?: Query) => this.ok('GET', path, { query });
  post = (path: string, body?: unknown, query?: Query) => this.ok('POST', path, { body, query });
  patch = (path: string, body?: unknown, query?: Query) => this.ok('PATCH', path, { body, query });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Moves simulated time on between probes (runs take seconds to minutes of simulated time). */
let advanceSimTime: (ms: number) => Promise<void> = async () => {};

async function waitFor<T>(what: string, probe: () => Promise<T | null>, tries = 60): Promise<T> {
  for (let i = 0; i < tries; i++) {
    const v = await probe();
    if (v !== null) return v;
    await advanceSimTime(5_000);
    await sleep(20);
  }
  throw new Error(`gave up waiting for ${what}`);
}

const once = <T>(fn: () => Promise<T>): (() => Promise<T>) => {
  let p: Promise<T> | undefined;
  return () => (p ??= fn());
};

const list = (body: Json, key: string): Json[] => {
  const v = body[key];
  if (!Array.isArray(v)) throw new ApiError(`answer has no array "${key}": ${JSON.stringify(body).slice(0, 200)}`);
  return v as Json[];
};
const idOf = (o: Json | undefined, what: string): number | string => {
  if (!o || (typeof o.id !== 'number' && typeof o.id !== 'string')) throw new ApiError(`no ${what} found`);
  return o.id;
};

// ── the world, found through the API ────────────────────────────────────────────────────────────────

/** Lazily discovered (and, where the fixture records a creation, created) entities in the first zone. */
class Setup {
  constructor(
    readonly api: Api,
    private readonly zone: { name: string; host: string },
  ) {}

  /** Organizations served by this zone (`zone` column), in list order. */
  readonly orgIds = once(async () => {
    const orgs = list(await this.api.get('/organizations', { 'cols[]': ['id', 'name', 'zone'] }), 'organizations');
    const here = orgs.filter((o) => o.zone === this.zone.host || o.zone === this.zone.name);
    if (here.length === 0) throw new ApiError(`no organization has zone ${this.zone.host}: ${JSON.stringify(orgs).slice(0, 300)}`);
    return here.map((o) => idOf(o, 'organization') as number);
  });

  readonly orgId = once(async () => (await this.orgIds())[0]!);

  readonly teams = once(async () => {
    const out: Json[] = [];
    for (const organizationId of await this.orgIds()) out.push(...list(await this.api.get('/teams', { organizationId }), 'teams'));
    return out;
  });

  readonly teamId = once(async () => idOf((await this.teams())[0], 'team') as number);

  /** Every scenario of the zone's organizations, following pagination. */
  readonly scenarios = once(async () => {
    const out: Json[] = [];
    for (const organizationId of await this.orgIds()) {
      for (let offset = 0; ; ) {
        const page = list(await this.api.get('/scenarios', { organizationId, 'pg[offset]': offset, 'pg[limit]': 100 }), 'scenarios');
        out.push(...page);
        if (page.length < 100) break;
        offset += page.length;
      }
    }
    return out;
  });

  /** A scenario with run history, and its newest log. */
  readonly loggedScenario = once(async () => {
    const candidates = (await this.scenarios()).filter((s) => s.isActive === true).sort((a, b) => Number(b.operations ?? 0) - Number(a.operations ?? 0));
    for (const s of candidates.slice(0, 20)) {
      const logs = list(await this.api.get(`/scenarios/${s.id}/logs`), 'scenarioLogs');
      if (logs.length > 0) return { scenarioId: s.id as number, executionId: idOf(logs[0], 'log') as string };
    }
    throw new ApiError('no active scenario has logs');
  });

  /** An incomplete execution (DLQ item) of some scenario, preferring one that was already retried. */
  readonly dlqItem = once(async () => {
    const withDlq = (await this.scenarios()).filter((s) => Number(s.dlqCount) > 0);
    let first: { scenarioId: number; dlqId: string } | null = null;
    for (const s of withDlq.slice(0, 20)) {
      for (const d of list(await this.api.get('/dlqs', { scenarioId: s.id as number }), 'dlqs')) {
        const item = { scenarioId: s.id as number, dlqId: idOf(d, 'dlq') as string };
        first ??= item;
        if (Number(d.attempts) > 0) return { ...item, retried: true };
      }
    }
    if (!first) throw new ApiError('no scenario has incomplete executions (dlqCount > 0)');
    return { ...first, retried: false };
  });

  /** A DLQ item with at least one retry attempt logged; retries one if the world has none yet. */
  readonly dlqWithLogs = once(async () => {
    const item = await this.dlqItem();
    if (!item.retried) await this.api.post(`/dlqs/${item.dlqId}/retry`);
    const logs = await waitFor('a DLQ retry log', async () => {
      const l = list(await this.api.get(`/dlqs/${item.dlqId}/logs`), 'dlqLogs');
      return l.length > 0 ? l : null;
    });
    return { dlqId: item.dlqId, logId: idOf(logs[0], 'dlq log') as string };
  });

  /** A team with gateway webhooks attached to scenarios, as in the hooks fixtures. */
  readonly attachedHooks = once(async () => {
    for (const t of await this.teams()) {
      const hooks = list(await this.api.get('/hooks', { teamId: t.id as number, typeName: 'gateway-webhook', assigned: true }), 'hooks');
      if (hooks.length > 0) return { teamId: t.id as number, hookId: idOf(hooks[0], 'hook') as number };
    }
    throw new ApiError('no team has an attached gateway-webhook');
  });

  /** The app hook of hooks/create.json (a JotForm hook), created once. */
  readonly createdHook = once(async () => {
    const teamId = await this.teamId();
    const body = await this.api.post(
      '/hooks',
      { name: 'jotform hook 1', teamId, typeName: 'jotform', __IMTCONN__: 96, formId: '91282545501352' },
      { useDefaults: 'requiredOnly' },
    );
    return { body, hookId: idOf(body.hook as Json, 'created hook') as number };
  });

  /** A scenario whose interface has inputs. */
  readonly interfaceScenario = once(async () => {
    const all = await this.scenarios();
    const ordered = [...all.filter((s) => (s.scheduling as Json | undefined)?.type === 'on-demand'), ...all];
    for (const s of ordered.slice(0, 40)) {
      const answer = await this.api.get(`/scenarios/${s.id}/interface`);
      const input = (answer.interface as Json | undefined)?.input;
      if (Array.isArray(input) && input.length > 0) return { scenarioId: s.id as number, answer };
    }
    throw new ApiError('no scenario has interface inputs');
  });

  /** POST /scenarios as scenarios/create.json: the executions blueprint, scheduled every 15 min. */
  readonly createdScenario = once(async () => {
    const body = await this.api.post('/scenarios', {
      teamId: await this.teamId(),
      blueprint: JSON.stringify(fixture('executions/blueprint.json')),
      scheduling: JSON.stringify({ type: 'indefinitely', interval: 900 }),
    });
    return { body, scenarioId: idOf(body.scenario as Json, 'created scenario') as number };
  });

  /** The SDK's executions integration flow: an on-demand scenario with inputs/outputs, activated. */
  readonly runnableScenario = once(async () => {
    const created = await this.api.post('/scenarios', {
      teamId: await this.teamId(),
      blueprint: JSON.stringify(fixture('executions/blueprint.json')),
      scheduling: JSON.stringify({ type: 'on-demand' }),
    });
    const scenarioId = idOf(created.scenario as Json, 'runnable scenario') as number;
    await this.api.post(`/scenarios/${scenarioId}/start`);
    return scenarioId;
  });

  /** One non-responsive run of the runnable scenario (scenarios/run.json). */
  readonly run = once(async () => {
    const scenarioId = await this.runnableScenario();
    const body = await this.api.post(`/scenarios/${scenarioId}/run`, { data: { name: 'John Doe' }, responsive: false });
    return { body, scenarioId, executionId: body.executionId as string };
  });

  /** A scenario created with the blueprint of blueprints/get.json, so the stored blueprint is that one. */
  readonly blueprintScenario = once(async () => {
    const recorded = fixture('blueprints/get.json') as { response: { blueprint: unknown; scheduling: unknown } };
    const body = await this.api.post('/scenarios', {
      teamId: await this.teamId(),
      blueprint: JSON.stringify(recorded.response.blueprint),
      scheduling: JSON.stringify(recorded.response.scheduling),
    });
    return idOf(body.scenario as Json, 'blueprint scenario') as number;
  });

  readonly folderAlpha = once(async () => {
    const body = await this.api.post('/scenarios-folders', { name: 'ALPHA', teamId: await this.teamId() });
    return { body, folderId: idOf(body.scenarioFolder as Json, 'folder') as number };
  });

  readonly folderCleanup = once(async () => {
    const parentId = (await this.folderAlpha()).folderId;
    const body = await this.api.post('/scenarios-folders', { name: 'cleanup', teamId: await this.teamId(), parentId });
    return { body, folderId: idOf(body.scenarioFolder as Json, 'nested folder') as number };
  });

  readonly createdOrg = once(async () => {
    const body = await this.api.post('/organizations', { name: 'New organization', regionId: 1, timezoneId: 113, countryId: 1 });
    return { body, orgId: idOf(body.organization as Json, 'created organization') as number };
  });
}

// ── recipes: the call behind each fixture ───────────────────────────────────────────────────────────

interface Recipe {
  run(s: Setup): Promise<unknown>;
  /** Paths compared as free-form maps; see test/support/shape.ts. */
  options?: ShapeOptions;
  /** Why the call differs from the fixture's, if it does. */
  note?: string;
}

// `scheduling` keys depend on its `type` (REFERENCE §8.4); the fixtures show only `{type}` and
// `{type, interval}`, so the other documented forms are added as variants.
const SCHEDULING_VARIANTS = [
  { type: 'indefinitely', interval: 900 },
  { type: 'once', date: '2026-01-01T08:00:00.000Z' },
  { type: 'daily', time: '08:00' },
  { type: 'weekly', time: '08:00', days: [1] },
  { type: 'monthly', time: '08:00', days: [1] },
  { type: 'yearly', time: '08:00', days: [1], months: [1] },
  { type: 'on-demand' },
  { type: 'immediately' },
];
const scheduling = (path: string): ShapeOptions => ({ variants: { [path]: SCHEDULING_VARIANTS } });

const recordedLicense = () => (fixture('organizations/get.json') as { organization: { license: Record<string, unknown> } }).organization.license;

// Ordered so that calls that change the world come after the reads that expect it untouched.
const RECIPES: Record<string, Recipe> = {
  'users/me.json': { run: (s) => s.api.get('/users/me') },
  'users/current-authorization.json': { run: (s) => s.api.get('/users/me/current-authorization') },

  'organizations/list.json': { run: (s) => s.api.get('/organizations', { 'pg[sortBy]': 'name', 'pg[sortDir]': 'asc' }) },
  'organizations/get.json': {
    note: 'license.apiLimit is where REFERENCE §7 puts the per-org request limit; the SDK mock predates it.',
    options: { variants: { '$.organization.license': [{ ...recordedLicense(), apiLimit: 240 }] } },
    run: async (s) => s.api.get(`/organizations/${await s.orgId()}`, { wait: true }),
  },
  'organizations/create.json': { run: async (s) => (await s.createdOrg()).body },
  'organizations/update.json': {
    note: 'license.apps is a string only in this mock; organizations/get.json and create.json record an array.',
    options: { variants: { '$.organization.license': [recordedLicense()] } },
    run: async (s) => s.api.patch(`/organizations/${(await s.createdOrg()).orgId}`, { name: 'Organization 10', timezoneId: 113, countryId: 1 }),
  },

  'teams/list.json': {
    run: async (s) => s.api.get('/teams', { organizationId: await s.orgId(), 'pg[sortBy]': 'name', 'pg[sortDir]': 'asc' }),
  },
  'teams/get.json': { run: async (s) => s.api.get(`/teams/${await s.teamId()}`) },
  'teams/create.json': { run: async (s) => s.api.post('/teams', { name: 'New Team', organizationId: await s.orgId() }) },

  'scenarios/list.json': {
    options: scheduling('$.scenarios[].scheduling'),
    run: async (s) => s.api.get('/scenarios', { teamId: await s.teamId(), 'pg[limit]': 1000 }),
  },
  'scenarios/get.json': {
    options: scheduling('$.scenario.scheduling'),
    run: async (s) => s.api.get(`/scenarios/${idOf((await s.scenarios())[0], 'scenario')}`),
  },
  'scenarios/interface.json': { run: async (s) => (await s.interfaceScenario()).answer },
  'scenarios/create.json': {
    options: scheduling('$.scenario.scheduling'),
    run: async (s) => (await s.createdScenario()).body,
  },
  'scenarios/update.json': {
    options: scheduling('$.scenario.scheduling'),
    run: async (s) => s.api.patch(`/scenarios/${(await s.createdScenario()).scenarioId}`, { name: 'Updated Test Scenario' }),
  },
  'scenarios/activate.json': { run: async (s) => s.api.post(`/scenarios/${(await s.createdScenario()).scenarioId}/start`) },
  'scenarios/deactivate.json': { run: async (s) => s.api.post(`/scenarios/${(await s.createdScenario()).scenarioId}/stop`) },
  'scenarios/run.json': {
    note: 'responsive:false (the API default): a responsive run also answers status and outputs, which the fixture lacks.',
    run: async (s) => (await s.run()).body,
  },
  'scenarios/update-interface.json': {
    run: async (s) => {
      const recorded = fixture('scenarios/update-interface.json') as { interface: unknown };
      return s.api.patch(`/scenarios/${await s.runnableScenario()}/interface`, { interface: recorded.interface });
    },
  },

  'executions/list.json': { run: async (s) => s.api.get(`/scenarios/${(await s.loggedScenario()).scenarioId}/logs`) },
  'executions/get.json': {
    run: async (s) => {
      const { scenarioId, executionId } = await s.loggedScenario();
      return s.api.get(`/scenarios/${scenarioId}/logs/${executionId}`);
    },
  },
  'executions/get-detail.json': {
    note: 'outputs follow the scenario interface, so their keys are free (a map).',
    options: { maps: ['$.outputs'] },
    run: async (s) => {
      const { scenarioId, executionId } = await s.run();
      // Right after a run the detail may 404 or still be RUNNING (REFERENCE §8.7).
      return waitFor('the execution to finish', async () => {
        const r = await s.api.request('GET', `/scenarios/${scenarioId}/executions/${executionId}`);
        if (r.status === 404) return null;
        if (r.status !== 200) throw new ApiError(`execution detail → ${r.status} ${r.text.slice(0, 300)}`);
        return (r.body as Json).status === 'RUNNING' ? null : r.body;
      });
    },
  },

  'incomplete-executions/list.json': { run: async (s) => s.api.get('/dlqs', { scenarioId: (await s.dlqItem()).scenarioId }) },
  'incomplete-executions/get.json': { run: async (s) => s.api.get(`/dlqs/${(await s.dlqItem()).dlqId}`) },
  'incomplete-executions/bundle.json': { run: async (s) => s.api.get(`/dlqs/${(await s.dlqItem()).dlqId}/bundle`) },
  'executions/dlq-list.json': { run: async (s) => s.api.get(`/dlqs/${(await s.dlqWithLogs()).dlqId}/logs`) },
  'executions/dlq-get.json': {
    run: async (s) => {
      const { dlqId, logId } = await s.dlqWithLogs();
      return s.api.get(`/dlqs/${dlqId}/logs/${logId}`);
    },
  },
  'incomplete-executions/update.json': {
    run: async (s) => {
      const recorded = fixture('incomplete-executions/update.json') as { dlq: { blueprint: unknown; failer: number } };
      return s.api.patch(`/dlqs/${(await s.dlqItem()).dlqId}`, { blueprint: JSON.stringify(recorded.dlq.blueprint), failer: recorded.dlq.failer });
    },
  },

  'hooks/list.json': {
    note: 'filtered with the documented typeName=gateway-webhook&assigned=true: the fixture lists only attached gateway webhooks (an unattached hook has no scenarioId, see hooks/create.json).',
    run: async (s) => s.api.get('/hooks', { teamId: (await s.attachedHooks()).teamId, typeName: 'gateway-webhook', assigned: true }),
  },
  'hooks/get.json': { run: async (s) => s.api.get(`/hooks/${(await s.attachedHooks()).hookId}`) },
  'hooks/create.json': { run: async (s) => (await s.createdHook()).body },
  'hooks/update.json': { run: async (s) => s.api.patch(`/hooks/${(await s.createdHook()).hookId}`, { name: 'jotform hook 2' }) },
  'hooks/update-data.json': {
    run: async (s) => s.api.post(`/hooks/${(await s.createdHook()).hookId}/set-data`, { formId: '91282545501353' }),
  },
  'hooks/ping.json': { run: async (s) => s.api.get(`/hooks/${(await s.createdHook()).hookId}/ping`) },
  'hooks/learn-start.json': { run: async (s) => s.api.post(`/hooks/${(await s.createdHook()).hookId}/learn-start`) },
  'hooks/learn-stop.json': { run: async (s) => s.api.post(`/hooks/${(await s.createdHook()).hookId}/learn-stop`) },
  'hooks/disable.json': { run: async (s) => s.api.post(`/hooks/${(await s.createdHook()).hookId}/disable`) },
  'hooks/enable.json': { run: async (s) => s.api.post(`/hooks/${(await s.createdHook()).hookId}/enable`) },

  'folders/create.json': { run: async (s) => (await s.folderAlpha()).body },
  'folders/create-nested.json': { run: async (s) => (await s.folderCleanup()).body },
  'folders/list.json': {
    run: async (s) => {
      await s.folderCleanup(); // the fixture shows a folder with a sub-folder
      return s.api.get('/scenarios-folders', { teamId: await s.teamId() });
    },
  },
  'folders/list-children.json': {
    run: async (s) => {
      const parentId = (await s.folderAlpha()).folderId;
      await s.folderCleanup();
      return s.api.get('/scenarios-folders', { teamId: await s.teamId(), parentId, childrenDepth: 'all' });
    },
  },
  'folders/update.json': { run: async (s) => s.api.patch(`/scenarios-folders/${(await s.folderAlpha()).folderId}`, { name: 'BETA' }) },
  'folders/update-move.json': {
    run: async (s) => {
      const gamma = await s.api.post('/scenarios-folders', { name: 'GAMMA', teamId: await s.teamId() });
      const parentId = idOf(gamma.scenarioFolder as Json, 'folder GAMMA');
      return s.api.patch(`/scenarios-folders/${(await s.folderAlpha()).folderId}`, { parentId });
    },
  },

  'blueprints/get.json': {
    options: scheduling('$.response.scheduling'),
    run: async (s) => s.api.get(`/scenarios/${await s.blueprintScenario()}/blueprint`),
  },
  'blueprints/versions.json': { run: async (s) => s.api.get(`/scenarios/${await s.blueprintScenario()}/blueprints`) },
};

// ── the tests ───────────────────────────────────────────────────────────────────────────────────────

test('every fixture file has a recipe, and every recipe a fixture', () => {
  const files = listFixtures().filter((f) => !NOT_RESPONSES.has(f));
  expect(files.filter((f) => !(f in RECIPES)), 'fixtures without a recipe').toEqual([]);
  expect(Object.keys(RECIPES).filter((r) => !files.includes(r)), 'recipes without a fixture').toEqual([]);
  expect(files.length).toBeGreaterThanOrEqual(40);
});

describe('simulator answers have the shape of the recorded fixtures', () => {
  let close: (() => Promise<void> | void) | undefined;
  let setup: Setup;

  beforeAll(async () => {
    const sim = await startSimulator({ basePort: 0, mode: 'test', seed: 1 });
    close = () => sim.close();
    advanceSimTime = (ms) => sim.control.clock.advance(ms);
    const zone = sim.zones[0]!;
    setup = new Setup(new Api(zone.baseUrl, sim.demoToken), zone);
  });
  afterAll(async () => {
    await close?.();
  });

  for (const [name, recipe] of Object.entries(RECIPES)) {
    test(name, async () => {
      const answer = await recipe.run(setup);
      const diffs = compareShape(fixture(name), answer, recipe.options);
      expect(diffs, `${name}: the simulator's answer differs in shape\n${formatShapeDiffs(diffs)}`).toEqual([]);
    });
  }
});
