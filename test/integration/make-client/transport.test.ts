// Pagination, query encoding, keep-alive pools, redirects across origins, credential refresh, hooks.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  ENDPOINTS,
  MakeClient,
  ZonePools,
  apiTokenCredential,
  type CredentialSource,
  type MakeApiError,
  type RequestInfo,
  type RequestOutcome,
} from '../../../electron/core/make';
import { startFixtureServer, type FixtureServer, type RecordedRequest, type Reply } from '../../support/fixture-server';

const TOKEN = '5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c8d';
let srv: FixtureServer;
let other: FixtureServer;
let pools: ZonePools;

beforeAll(async () => {
  srv = await startFixtureServer();
  other = await startFixtureServer();
});
afterAll(async () => {
  await srv.close();
  await other.close();
});
afterEach(async () => {
  await pools?.close();
});

const newClient = (extra: Partial<ConstructorParameters<typeof MakeClient>[0]> = {}) => {
  pools = extra.pools ?? new ZonePools();
  return new MakeClient({ baseUrl: srv.baseUrl, credentials: apiTokenCredential(TOKEN), pools, ...extra });
};

function scenario(id: number) {
  return { id, name: `S${id}`, teamId: 7, isActive: true, isinvalid: false, isPaused: false, dlqCount: 0 };
}

/** A scenario list of `total` items served honestly by offset/limit, capping the limit at `maxLimit`. */
function pagedScenarios(total: number, maxLimit = Infinity, echoLimit = true) {
  return (r: RecordedRequest): Reply => {
    const offset = Number(r.query.get('pg[offset]') ?? 0);
    const limit = Math.min(Number(r.query.get('pg[limit]') ?? 10), maxLimit);
    const ids = Array.from({ length: total }, (_, i) => i + 1).slice(offset, offset + limit);
    return { kind: 'json', body: { scenarios: ids.map(scenario), pg: { offset, ...(echoLimit ? { limit } : {}), sortBy: 'id', sortDir: 'asc' } } };
  };
}

describe('pagination', () => {
  it('listAllScenarios follows pages until a short one', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/scenarios', reply: pagedScenarios(23) });
    const start = srv.requests.length;
    const all = await client.listAllScenarios({ organizationId: 3, pageSize: 10 });
    expect(all.map((s) => s.id)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    const sent = srv.requests.slice(start);
    expect(sent.map((r) => r.query.get('pg[offset]'))).toEqual(['0', '10', '20']);
    expect(sent.every((r) => r.query.get('pg[limit]') === '10' && r.query.get('pg[sortBy]') === 'id')).toBe(true);
    expect(sent.every((r) => r.query.get('organizationId') === '3')).toBe(true);
  });

  it('an exact multiple of the page size costs one extra (empty) page', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/scenarios', reply: pagedScenarios(20) });
    const start = srv.requests.length;
    expect(await client.listAllScenarios({ teamId: 7, pageSize: 10 })).toHaveLength(20);
    expect(srv.requests.length - start).toBe(3);
  });

  it('a server that caps the page size below the request is still followed to the end', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/scenarios', reply: pagedScenarios(250, 100) });
    const all = await client.listAllScenarios({ teamId: 7, pageSize: 500 });
    expect(all).toHaveLength(250);
    expect(new Set(all.map((s) => s.id)).size).toBe(250);
  });

  it('cols[] and pg[] reach the server percent-encoded, and cols limit what is required', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/scenarios', reply: { kind: 'json', body: { scenarios: [{ id: 1, name: 'a' }], pg: { limit: 5, offset: 0 } } } });
    const start = srv.requests.length;
    const rows = await client.listAllScenarios({ teamId: 7, cols: ['id', 'name'], pageSize: 5 });
    expect(rows).toEqual([{ id: 1, name: 'a' }]);
    const raw = srv.requests[start]!.rawQuery;
    expect(raw).toContain('cols%5B%5D=id&cols%5B%5D=name');
    expect(raw).toContain('pg%5Blimit%5D=5');
    expect(raw).toContain('pg%5Boffset%5D=0');
  });

  it('stops with a typed error when pages never end', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/scenarios', reply: () => ({ kind: 'json', body: { scenarios: [scenario(1), scenario(2)], pg: { limit: 2 } } }) });
    const e = await client.listAllScenarios({ teamId: 7, pageSize: 2, maxPages: 4 }).catch((x: unknown) => x);
    expect(e).toMatchObject({ kind: 'invalid-response' });
  });
});

describe('connection pools', () => {
  it('one pool per origin, shared by clients, reusing a kept-alive socket', async () => {
    const shared = new ZonePools();
    const a = newClient({ pools: shared });
    const b = new MakeClient({ baseUrl: srv.baseUrl, credentials: apiTokenCredential('other-token-0000'), pools: shared });
    const c = new MakeClient({ baseUrl: other.baseUrl, credentials: apiTokenCredential(TOKEN), pools: shared });
    const start = srv.requests.length;
    const connectionsBefore = srv.connectionCount();
    for (let i = 0; i < 3; i++) {
      await a.getMe();
      await b.getMe();
    }
    await c.getMe();
    expect(shared.size).toBe(2);
    expect(shared.origins().sort()).toEqual([srv.origin, other.origin].sort());
    const sent = srv.requests.slice(start);
    expect(sent).toHaveLength(6);
    // Sequential requests reuse kept-alive sockets (undici may alternate between two while the previous
    // socket is being released), so far fewer sockets than requests.
    const ports = new Set(sent.map((r) => r.remotePort));
    expect(ports.size).toBeLessThanOrEqual(2);
    expect(srv.connectionCount() - connectionsBefore).toBeLessThanOrEqual(2);
    expect(sent.every((r) => r.headers['connection'] === 'keep-alive')).toBe(true);
  });

  it('close() empties the registry and later use fails clearly', async () => {
    const p = new ZonePools();
    const client = newClient({ pools: p });
    await client.getMe();
    await p.close();
    expect(p.size).toBe(0);
    expect(() => p.get(srv.origin)).toThrow(/closed/);
    await expect(client.getMe()).rejects.toMatchObject({ kind: 'aborted', retryable: false });
  });
});

describe('redirects', () => {
  it('a redirect to another origin is not followed and the token never reaches it', async () => {
    const client = newClient();
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'redirect', location: `${other.baseUrl}/users/me`, status: 307 } });
    const before = other.requests.length;
    const e = await client.getMe().catch((x: unknown) => x as MakeApiError);
    expect(e).toMatchObject({ kind: 'redirect', status: 307 });
    expect(e.message).toContain(new URL(other.origin).host);
    expect(other.requests.length).toBe(before);
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'fixture', file: 'users/me.json' } });
  });
});

describe('credentials', () => {
  it('asks for the header on every request and retries once after a successful refresh', async () => {
    let current = 'Bearer old-access-token-1';
    let refreshes = 0;
    const creds: CredentialSource = {
      authorization: async () => current,
      onUnauthorized: async () => {
        refreshes++;
        current = 'Bearer new-access-token-2';
        return true;
      },
    };
    const client = newClient({ credentials: creds });
    srv.route({
      method: 'GET',
      path: '/users/me',
      reply: (r) =>
        r.headers['authorization'] === 'Bearer new-access-token-2'
          ? { kind: 'fixture', file: 'users/me.json' }
          : { kind: 'json', status: 401, body: { code: 'SC401', detail: 'expired' } },
    });
    const start = srv.requests.length;
    expect((await client.getMe()).id).toBe(1);
    expect(refreshes).toBe(1);
    expect(srv.requests.slice(start).map((r) => r.headers['authorization'])).toEqual(['Bearer old-access-token-1', 'Bearer new-access-token-2']);
  });

  it('gives up after one retry, and does not retry when the refresh fails', async () => {
    let refreshes = 0;
    const always401: Reply = { kind: 'json', status: 401, body: { code: 'SC401' } };
    srv.route({ method: 'GET', path: '/users/me', reply: always401 });
    const ok = newClient({ credentials: { authorization: async () => 'Bearer x-123456', onUnauthorized: async () => (refreshes++, true) } });
    const start = srv.requests.length;
    await expect(ok.getMe()).rejects.toMatchObject({ status: 401 });
    expect(refreshes).toBe(1);
    expect(srv.requests.length - start).toBe(2);
    await pools.close();
    const failing = newClient({ credentials: { authorization: async () => 'Bearer x-123456', onUnauthorized: async () => false } });
    const start2 = srv.requests.length;
    await expect(failing.getMe()).rejects.toMatchObject({ status: 401 });
    expect(srv.requests.length - start2).toBe(1);
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'fixture', file: 'users/me.json' } });
  });
});

describe('request hooks', () => {
  it('beforeRequest sees every page, afterResponse every outcome; run does not count', async () => {
    const seen: RequestInfo[] = [];
    const outcomes: RequestOutcome[] = [];
    const base = newClient();
    const client = base.withHooks({ beforeRequest: (i) => void seen.push(i), afterResponse: (o) => void outcomes.push(o) });
    srv.route({ method: 'GET', path: '/scenarios', reply: pagedScenarios(5) });
    await client.listAllScenarios({ teamId: 7, pageSize: 2 });
    expect(seen.map((i) => i.endpoint)).toEqual(Array(3).fill(ENDPOINTS.listScenarios));
    expect(seen.every((i) => i.countsAgainstRateLimit && i.zone === new URL(srv.origin).host)).toBe(true);
    await client.runScenario(1);
    expect(seen.at(-1)).toMatchObject({ endpoint: ENDPOINTS.runScenario, countsAgainstRateLimit: false });
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'json', status: 429, body: {}, headers: { 'x-ratelimit-remaining': '0' } } });
    await client.getMe().catch(() => undefined);
    const lastOutcome = outcomes.at(-1)!;
    expect(lastOutcome).toMatchObject({ status: 429, error: { kind: 'http', status: 429 } });
    expect(lastOutcome.headers['x-ratelimit-remaining']).toBe('0');
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'fixture', file: 'users/me.json' } });
  });

  it('a beforeRequest that throws stops the call before anything is sent', async () => {
    const client = newClient().withHooks({
      beforeRequest: () => {
        throw new Error('budget exhausted');
      },
    });
    const before = srv.requests.length;
    await expect(client.getMe()).rejects.toThrow('budget exhausted');
    expect(srv.requests.length).toBe(before);
  });

  it('an afterResponse that throws does not change the result', async () => {
    const client = newClient().withHooks({
      afterResponse: () => {
        throw new Error('observer bug');
      },
    });
    expect((await client.getMe()).id).toBe(1);
  });
});
