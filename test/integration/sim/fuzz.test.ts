// Random and hostile requests against the simulator's Make API with a valid token: it must stay up,
// answer JSON, never 5xx (no fault is configured), and give Make's error body for every 4xx.
// Requests go out through node:http so that paths reach the server byte for byte (no URL normalizing).
import { request as httpRequest } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { startSimulator } from '../../../electron/sim/simulator';

const SEED = 20260105;
const RUNS = 300;

interface Sent {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string | null;
}

interface Got {
  status: number;
  text: string;
  contentType: string;
}

let sim: Awaited<ReturnType<typeof startSimulator>> | undefined;
let target: { host: string; port: number; basePath: string; token: string };
/** Real ids found through the API, mixed into generated paths so that handlers past "not found" run. */
const known: Record<string, string[]> = { org: [], team: [], scenario: [], hook: [], folder: [], dlq: [], execution: [] };

function send(req: Sent): Promise<Got> {
  return new Promise((resolve, reject) => {
    const r = httpRequest(
      { host: target.host, port: target.port, method: req.method, path: req.path, headers: req.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8'), contentType: String(res.headers['content-type'] ?? '') }));
        res.on('error', reject);
      },
    );
    r.on('error', reject);
    r.end(req.body ?? undefined);
  });
}

const authHeader = () => ({ authorization: `Token ${target.token}` });

async function getJson(path: string): Promise<Record<string, unknown>> {
  const got = await send({ method: 'GET', path: target.basePath + path, headers: authHeader(), body: null });
  if (got.status !== 200) throw new Error(`setup GET ${path} → ${got.status} ${got.text.slice(0, 200)}`);
  return JSON.parse(got.text) as Record<string, unknown>;
}

/** Fills `known` from list calls; tolerant, since a missing route only makes the fuzz less deep. */
async function discoverIds(): Promise<void> {
  const ids = (body: Record<string, unknown>, key: string): string[] =>
    Array.isArray(body[key]) ? (body[key] as { id?: unknown }[]).map((o) => String(o.id)).slice(0, 5) : [];
  const attempt = async (fn: () => Promise<void>) => {
    try {
      await fn();
    } catch {
      // ignored: see above
    }
  };
  await attempt(async () => void known.org!.push(...ids(await getJson('/organizations'), 'organizations')));
  for (const org of known.org!.slice(0, 2)) await attempt(async () => void known.team!.push(...ids(await getJson(`/teams?organizationId=${org}`), 'teams')));
  for (const team of known.team!.slice(0, 2)) {
    await attempt(async () => void known.scenario!.push(...ids(await getJson(`/scenarios?teamId=${team}`), 'scenarios')));
    await attempt(async () => void known.hook!.push(...ids(await getJson(`/hooks?teamId=${team}`), 'hooks')));
    await attempt(async () => void known.folder!.push(...ids(await getJson(`/scenarios-folders?teamId=${team}`), 'scenariosFolders')));
  }
  for (const s of known.scenario!.slice(0, 3)) {
    await attempt(async () => void known.execution!.push(...ids(await getJson(`/scenarios/${s}/logs`), 'scenarioLogs')));
    await attempt(async () => void known.dlq!.push(...ids(await getJson(`/dlqs?scenarioId=${s}`), 'dlqs')));
  }
}

// ── generators ──────────────────────────────────────────────────────────────────────────────────────

/** Real routes as `METHOD path?required-query`; the generator mostly keeps the method and query. */
const ROUTES = [
  'GET /users/me', 'GET /users/me/current-authorization', 'GET /users?organizationId={org}', 'GET /users/roles', 'GET /ping',
  'GET /organizations', 'GET /organizations/{org}', 'GET /organizations/{org}/usage', 'GET /organizations/{org}/user-organization-roles',
  'PATCH /organizations/{org}', 'POST /organizations',
  'GET /teams?organizationId={org}', 'GET /teams/{team}', 'GET /teams/{team}/usage', 'GET /teams/{team}/user-team-roles', 'POST /teams',
  'GET /scenarios?teamId={team}', 'GET /scenarios?organizationId={org}', 'GET /scenarios/consumptions?teamId={team}', 'POST /scenarios',
  'GET /scenarios/{scenario}', 'PATCH /scenarios/{scenario}', 'DELETE /scenarios/{scenario}', 'POST /scenarios/{scenario}/start',
  'POST /scenarios/{scenario}/stop', 'POST /scenarios/{scenario}/run', 'POST /scenarios/{scenario}/replay',
  'GET /scenarios/{scenario}/interface', 'PATCH /scenarios/{scenario}/interface', 'GET /scenarios/{scenario}/blueprint',
  'GET /scenarios/{scenario}/blueprints', 'GET /scenarios/{scenario}/logs', 'GET /scenarios/{scenario}/logs/{execution}',
  'GET /scenarios/{scenario}/executions/{execution}', 'GET /scenarios/{scenario}/triggers', 'GET /scenarios/{scenario}/usage',
  'POST /scenarios/{scenario}/clone', 'GET /scenarios-folders?teamId={team}', 'POST /scenarios-folders', 'PATCH /scenarios-folders/{folder}',
  'DELETE /scenarios-folders/{folder}', 'GET /dlqs?scenarioId={scenario}', 'POST /dlqs/retry?scenarioId={scenario}',
  'DELETE /dlqs?scenarioId={scenario}', 'GET /dlqs/{dlq}', 'PATCH /dlqs/{dlq}', 'POST /dlqs/{dlq}/retry', 'GET /dlqs/{dlq}/bundle',
  'GET /dlqs/{dlq}/blueprint', 'GET /dlqs/{dlq}/logs', 'GET /dlqs/{dlq}/logs/{execution}', 'GET /hooks?teamId={team}', 'POST /hooks',
  'GET /hooks/{hook}', 'PATCH /hooks/{hook}', 'DELETE /hooks/{hook}', 'GET /hooks/{hook}/ping', 'POST /hooks/{hook}/set-data',
  'POST /hooks/{hook}/enable', 'POST /hooks/{hook}/disable', 'POST /hooks/{hook}/learn-start', 'POST /hooks/{hook}/learn-stop',
  'GET /hooks/{hook}/incomings', 'GET /hooks/{hook}/logs',
];

const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE', 'HEAD', 'OPTIONS'];

const NASTY = ['__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', '..', '.', '%2e%2e', '%2F', '%00', '%', '%G1', '%C0%AF', '%FF%FE', 'NaN', 'Infinity', '-1', '0', '1e309', '9007199254740993', '0x1F', ' 1', 'null', 'undefined', '[object Object]'];

/** Percent-encodes everything outside a conservative set, and sometimes the safe characters too. */
const encodeSegment = (raw: string, encodeAll: boolean): string =>
  [...new TextEncoder().encode(raw)]
    .map((b) => {
      const c = String.fromCharCode(b);
      return !encodeAll && /[A-Za-z0-9\-._~!$&'()*+,;=:@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
    })
    .join('');

const idFor = (kind: string): fc.Arbitrary<string> =>
  fc.oneof(
    // Looked up at generation time: `known` is filled in beforeAll, after the arbitraries are built.
    { weight: 10, arbitrary: fc.constant(null).chain(() => (known[kind]!.length > 0 ? fc.constantFrom(...known[kind]!) : fc.nat().map(String))) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 2_000_000 }).map(String) },
    { weight: 1, arbitrary: fc.stringMatching(/^[0-9a-f]{32}$/) },
    { weight: 2, arbitrary: fc.constantFrom(...NASTY) },
    { weight: 1, arbitrary: fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.boolean()).map(([s, all]) => encodeSegment(s, all)) },
    { weight: 1, arbitrary: fc.integer({ min: 2000, max: 9000 }).map((n) => 'x'.repeat(n)) },
  );

const IDS = fc.record({ org: idFor('org'), team: idFor('team'), scenario: idFor('scenario'), hook: idFor('hook'), folder: idFor('folder'), dlq: idFor('dlq'), execution: idFor('execution') });

/** A real route (method, path, required query) with ids filled in, sometimes bent out of shape. */
const routeArb: fc.Arbitrary<{ method: string; path: string; query: string }> = fc
  .tuple(
    fc.constantFrom(...ROUTES),
    IDS,
    fc.oneof({ weight: 6, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.constantFrom(...METHODS) }),
    fc.oneof(
      { weight: 6, arbitrary: fc.constant([]) },
      {
        weight: 1,
        arbitrary: fc.array(fc.oneof(fc.constantFrom(...NASTY), fc.tuple(fc.string({ maxLength: 10 }), fc.boolean()).map(([s, a]) => encodeSegment(s, a))), { minLength: 1, maxLength: 3 }),
      },
    ),
    fc.oneof(
      { weight: 12, arbitrary: fc.constant('plain') },
      { weight: 1, arbitrary: fc.constantFrom('trailing-slash', 'double-slash', 'upper-case', 'random', 'drop-query') },
    ),
    fc.tuple(fc.string({ unit: 'binary', maxLength: 40 }), fc.boolean()).map(([s, a]) => encodeSegment(s, a)),
  )
  .map(([route, ids, otherMethod, extra, twist, random]) => {
    const [routeMethod, template] = route.split(' ') as [string, string];
    const [pathTemplate, queryTemplate = ''] = template.split('?') as [string, string?];
    const fill = (t: string) => t.replace(/\{(\w+)\}/g, (_, k: string) => ids[k as keyof typeof ids]);
    let path = fill(pathTemplate);
    let query = fill(queryTemplate);
    if (extra.length > 0) path += '/' + extra.join('/');
    if (twist === 'trailing-slash') path += '/';
    if (twist === 'double-slash') path = path.replace('/', '//');
    if (twist === 'upper-case') path = path.toUpperCase();
    if (twist === 'random') path = '/' + random;
    if (twist === 'drop-query') query = '';
    return { method: otherMethod ?? routeMethod, path, query };
  });

const QUERY_KEYS = [
  'pg[limit]', 'pg[offset]', 'pg[sortBy]', 'pg[sortDir]', 'pg[last]', 'pg[showLast]', 'pg[returnTotalCount]', 'pg[__proto__]', 'pg', 'pg[limit][]',
  'cols[]', 'cols', 'cols[][]', 'teamId', 'teamId[]', 'organizationId', 'scenarioId', 'id[]', 'id', 'status', 'from', 'to', 'confirmed',
  'responsive', 'maxBytes', 'typeName', 'assigned', 'parentId', 'childrenDepth', 'wait', 'isActive', 'folderId', 'showCheckRuns', 'zone',
  '__proto__', 'constructor', 'useDefaults', 'blueprintId', 'draft', 'category', '',
];
const QUERY_VALUES = ['-1', '0', '1', '1000000', '1e309', 'NaN', '', 'true', 'false', 'asc', 'desc', '__proto__', 'constructor', 'id', 'name', '[]', '{}', 'null', '%', '%zz', 'x'.repeat(3000)];

const queryArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constant('') },
  {
    weight: 4,
    arbitrary: fc
      .array(
        fc.tuple(
          fc.constantFrom(...QUERY_KEYS),
          fc.oneof(
            fc.constantFrom(...QUERY_VALUES),
            fc.oneof(...Object.keys(known).map((k) => idFor(k))),
            fc.string({ maxLength: 20 }).map((s) => encodeURIComponent(s)),
          ),
          fc.boolean(),
        ),
        { minLength: 1, maxLength: 6 },
      )
      .map((pairs) => pairs.map(([k, v, enc]) => `${enc ? encodeURIComponent(k) : k.replace(/[^\x21-\x7e]/g, '')}=${v.replace(/[^\x21-\x7e]/g, '')}`).join('&')),
  },
  // The two named in the brief, always in some runs.
  { weight: 1, arbitrary: fc.constantFrom('pg[limit]=-1', 'cols[]=__proto__', 'cols%5B%5D=__proto__&cols%5B%5D=constructor', 'teamId=1&teamId=2', 'teamId[]=1&organizationId=1') },
);

const FIELD_NAMES = ['name', 'teamId', 'organizationId', 'folderId', 'parentId', 'blueprint', 'scheduling', 'interface', 'data', 'responsive', 'callbackUrl', 'executionIds', 'ids', 'all', 'exceptIds', 'typeName', 'failer', 'usersRoleId', 'email', 'formId', '__proto__', 'constructor'];

const deep = (depth: number, open: string, close: string, inner = '1') => open.repeat(depth) + inner + close.repeat(depth);

const bodyArb: fc.Arbitrary<{ body: string | null; contentType: string | null }> = fc.oneof(
  { weight: 3, arbitrary: fc.constant({ body: null, contentType: null }) },
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 4 }).map((v) => ({ body: JSON.stringify(v), contentType: 'application/json' })) },
  {
    weight: 4,
    arbitrary: fc
      .dictionary(fc.constantFrom(...FIELD_NAMES), fc.oneof(fc.jsonValue({ maxDepth: 3 }), fc.constantFrom('{"type":"on-demand"}', '{"flow":[]}', '{not json', -1, 1e308, '')), { maxKeys: 6 })
      .map((o) => ({ body: JSON.stringify(o), contentType: 'application/json' })),
  },
  {
    weight: 2,
    arbitrary: fc
      .constantFrom(
        '{', '{"name":', '[1,2', 'nul', '"unterminated', '{"a":1}{"b":2}', '\u0000', '{"name":"\ud800"}', '{"__proto__":{"polluted":true},"name":"x"}',
        '{"constructor":{"prototype":{"polluted":true}}}', '{"blueprint":{"flow":[]},"scheduling":{"type":"x"}}', '{"teamId":"1","name":1}',
      )
      .map((body) => ({ body, contentType: 'application/json' })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 20_000 }).map((d) => ({ body: deep(d, '[', ']'), contentType: 'application/json' })) },
  { weight: 1, arbitrary: fc.integer({ min: 10, max: 5_000 }).map((d) => ({ body: deep(d, '{"a":', '}'), contentType: 'application/json' })) },
  { weight: 1, arbitrary: fc.integer({ min: 100_000, max: 1_500_000 }).map((n) => ({ body: JSON.stringify({ name: 'x'.repeat(n) }), contentType: 'application/json' })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.string({ maxLength: 200 }), fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'application/xml', 'application/json; charset=latin1'))
      .map(([body, contentType]) => ({ body, contentType })),
  },
);

const requestArb: fc.Arbitrary<Sent> = fc
  .tuple(routeArb, queryArb, bodyArb)
  .map(([{ method, path, query: required }, extraQuery, { body, contentType }]) => {
    const headers: Record<string, string> = { ...authHeader(), accept: 'application/json' };
    if (contentType) headers['content-type'] = contentType;
    const query = [required, extraQuery].filter((q) => q.length > 0).join('&');
    // node:http refuses raw spaces and control characters in a request line; everything else goes as is.
    const raw = (target.basePath + path + (query ? `?${query}` : '')).replace(/[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
    return { method, path: raw, headers, body: method === 'GET' || method === 'HEAD' ? null : body };
  });

// ── the property ────────────────────────────────────────────────────────────────────────────────────

beforeAll(async () => {
  sim = await startSimulator({ basePort: 0, mode: 'test', seed: 1 });
  const zone = sim.zones[0]!;
  const base = new URL(zone.baseUrl);
  target = { host: base.hostname, port: Number(base.port), basePath: base.pathname.replace(/\/$/, ''), token: sim.demoToken };
  await discoverIds();
});

afterAll(async () => {
  await sim?.close();
});

const MAKE_CODE = /^(SC\d{3}|IM\d{3})$/;

function checkAnswer(req: Sent, got: Got): void {
  const where = `${req.method} ${req.path.slice(0, 200)} → ${got.status} ${got.text.slice(0, 200)}`;
  expect(got.status, where).toBeGreaterThanOrEqual(200);
  expect(got.status, where).toBeLessThan(500);
  // HEAD has no body; 202/204 (e.g. replay) may have none.
  if (req.method === 'HEAD' || ((got.status === 202 || got.status === 204) && got.text === '')) return;
  let parsed: unknown;
  expect(() => (parsed = JSON.parse(got.text)), where).not.toThrow();
  expect(got.contentType, where).toMatch(/application\/json/);
  if (got.status >= 400) {
    expect(parsed, where).toMatchObject({ detail: expect.any(String), message: expect.any(String), code: expect.stringMatching(MAKE_CODE) });
  }
}

test(`${RUNS} random requests: no 5xx, JSON everywhere, Make error bodies, still up`, async () => {
  expect(known.scenario!.length, 'id discovery found scenarios').toBeGreaterThan(0);
  const statuses = new Map<number, number>();
  await fc.assert(
    fc.asyncProperty(requestArb, async (req) => {
      const got = await send(req);
      statuses.set(got.status, (statuses.get(got.status) ?? 0) + 1);
      checkAnswer(req, got);
      const me = await send({ method: 'GET', path: `${target.basePath}/users/me`, headers: authHeader(), body: null });
      expect(me.status, `GET /users/me after ${req.method} ${req.path.slice(0, 200)}: ${me.text.slice(0, 200)}`).toBe(200);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // The run must reach handlers, not only the router's 404: a few successes and a few 400s at least.
  const count = (pred: (s: number) => boolean) => [...statuses].filter(([s]) => pred(s)).reduce((n, [, c]) => n + c, 0);
  expect(count((s) => s >= 200 && s < 300), JSON.stringify([...statuses])).toBeGreaterThan(RUNS / 10);
  expect(count((s) => s === 400 || s === 422), JSON.stringify([...statuses])).toBeGreaterThan(0);
});

test('the oracle catches what it is meant to: injected 5xx and non-JSON answers fail the check', async () => {
  const probe: Sent = { method: 'GET', path: `${target.basePath}/users/me`, headers: authHeader(), body: null };
  try {
    sim!.control.setFaults({ errorRate: 1 });
    const failed = await send(probe);
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(() => checkAnswer(probe, failed)).toThrow();
    sim!.control.setFaults({ errorRate: 0, malformedRate: 1 });
    const malformed = await send(probe);
    expect(() => checkAnswer(probe, malformed)).toThrow();
  } finally {
    sim!.control.clearFaults();
  }
  checkAnswer(probe, await send(probe));
});
