// Every error kind the client produces, over real HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MakeApiError,
  MakeClient,
  ZonePools,
  apiTokenCredential,
  isAuthError,
  isConfirmationRequired,
  isMissingScope,
  isNotFoundYet,
  isRateLimited,
  missingScopeOf,
} from '../../../electron/core/make';
import type { RequestOutcome } from '../../../electron/core/make/http';
import { OAuthError } from '../../../electron/core/accounts/oauth-errors';
import { SignInRequiredError, isSignInRequired } from '../../../electron/core/accounts/oauth-credential-source';
import { accountIdFor } from '../../../electron/core/accounts/account-record';
import { startFixtureServer, type FixtureServer, type Reply } from '../../support/fixture-server';

const TOKEN = '9d3e6a2b-1c4f-4e8a-b7d6-5f4e3d2c1b0a';
const NOW = Date.parse('2026-01-01T12:00:00Z');
let srv: FixtureServer;
let pools: ZonePools;
let client: MakeClient;

beforeAll(async () => {
  srv = await startFixtureServer();
  pools = new ZonePools();
  client = new MakeClient({
    baseUrl: srv.baseUrl,
    credentials: apiTokenCredential(TOKEN),
    pools,
    headersTimeoutMs: 300,
    bodyTimeoutMs: 300,
    maxResponseBytes: 64 * 1024,
    now: () => NOW,
  });
});
afterAll(async () => {
  await pools.close();
  await srv.close();
});

async function failure(reply: Reply, call: () => Promise<unknown> = () => client.getMe()): Promise<MakeApiError> {
  srv.route({ method: 'GET', path: '/users/me', reply });
  try {
    await call();
  } catch (err) {
    expect(err).toBeInstanceOf(MakeApiError);
    return err as MakeApiError;
  }
  throw new Error('expected the call to fail');
}

const makeError = (status: number, code: string, detail: string, message = 'Error', headers?: Record<string, string>): Reply => ({
  kind: 'json',
  status,
  body: { detail, message, code },
  ...(headers ? { headers } : {}),
});

describe('HTTP status errors', () => {
  it('401 is an auth error, not retryable', async () => {
    const e = await failure(makeError(401, 'SC401', 'Invalid token.'));
    expect(e).toMatchObject({ kind: 'http', status: 401, retryable: false, endpoint: 'GET /users/me' });
    expect(isAuthError(e)).toBe(true);
    expect(e.message).toContain('Invalid token.');
  });

  it('403 SC403 keeps Make\'s code and detail', async () => {
    const e = await failure(makeError(403, 'SC403', 'Access denied.', 'Permission denied'));
    expect(e).toMatchObject({ kind: 'http', status: 403, code: 'SC403', detail: 'Access denied.', retryable: false });
    expect(isAuthError(e)).toBe(false);
    expect(isMissingScope(e)).toBe(false);
  });

  it('403 IM102 is an auth error; 403 naming a scope is a missing scope', async () => {
    expect(isAuthError(await failure(makeError(403, 'IM102', 'Invalid credentials.')))).toBe(true);
    const e = await failure(makeError(403, 'SC403', 'Missing scope: scenarios:write'));
    expect(isMissingScope(e)).toBe(true);
    expect(missingScopeOf(e)).toBe('scenarios:write');
  });

  it('404 on execution detail is "not found yet"; on other endpoints it is not', async () => {
    srv.route({ method: 'GET', path: '/scenarios/{id}/executions/{eid}', reply: makeError(404, 'SC404', 'Execution not found.') });
    const e = await client.getExecutionDetail(1, 'abc').catch((x: unknown) => x as MakeApiError);
    expect(e).toMatchObject({ kind: 'http', status: 404, retryable: false, endpoint: 'GET /scenarios/{scenarioId}/executions/{executionId}' });
    expect(isNotFoundYet(e)).toBe(true);
    expect(isNotFoundYet(await failure(makeError(404, 'SC404', 'Not found.')))).toBe(false);
  });

  it('406 IM004 asks for confirmation, with suberrors', async () => {
    const e = await failure({
      kind: 'json',
      status: 406,
      body: { detail: 'Confirmation required.', message: 'Not acceptable', code: 'IM004', suberrors: [{ message: 'Hook is attached.' }] },
    });
    expect(e).toMatchObject({ status: 406, code: 'IM004', suberrors: [{ message: 'Hook is attached.' }], retryable: false });
    expect(isConfirmationRequired(e)).toBe(true);
  });

  it('429 with Retry-After seconds', async () => {
    const e = await failure(makeError(429, 'SC429', 'Requests limit for organization exceeded, please try again later.', 'Too many', { 'retry-after': '17' }));
    expect(e).toMatchObject({ kind: 'http', status: 429, retryable: true, retryAfterMs: 17_000 });
    expect(isRateLimited(e)).toBe(true);
  });

  it('429 with Retry-After as an HTTP date', async () => {
    const at = new Date(NOW + 45_000).toUTCString();
    const e = await failure(makeError(429, 'SC429', 'limit', 'x', { 'retry-after': at }));
    expect(e.retryAfterMs).toBe(45_000);
  });

  it('429 without Retry-After leaves the wait to the governor', async () => {
    const e = await failure(makeError(429, 'SC429', 'limit'));
    expect(isRateLimited(e)).toBe(true);
    expect(e.retryAfterMs).toBeUndefined();
  });

  it('500 is retryable; a non-JSON error body still gives a typed error', async () => {
    expect(await failure(makeError(500, 'SC500', 'Internal error.'))).toMatchObject({ kind: 'http', status: 500, retryable: true });
    const e = await failure({ kind: 'text', status: 502, text: '<html>Bad gateway</html>' });
    expect(e).toMatchObject({ kind: 'http', status: 502, retryable: true });
    expect(e.detail).toBeUndefined();
  });

  it('408 is retryable, 400 is not', async () => {
    expect((await failure(makeError(408, 'SC408', 'timeout'))).retryable).toBe(true);
    expect((await failure(makeError(400, 'SC400', 'teamId and organizationId cannot be used together'))).retryable).toBe(false);
  });
});

describe('bodies that cannot be used', () => {
  it('malformed JSON', async () => {
    const e = await failure({ kind: 'text', text: '{"authUser": {', headers: { 'content-type': 'application/json' } });
    expect(e).toMatchObject({ kind: 'invalid-response', status: 200, retryable: false });
  });

  it('truncated JSON in a complete response', async () => {
    const whole = JSON.stringify({ authUser: { id: 1, name: 'A', email: 'a@x' } });
    const e = await failure({ kind: 'text', text: whole.slice(0, 20), headers: { 'content-type': 'application/json' } });
    expect(e.kind).toBe('invalid-response');
  });

  it('a body cut off by a closed socket is a network error', async () => {
    const e = await failure({ kind: 'truncate', text: '{"authUser": {"id": 1', declaredLength: 500 });
    expect(e).toMatchObject({ kind: 'network', retryable: true });
  });

  it('a body that fails the schema names the path, not the value', async () => {
    const e = await failure({ kind: 'json', body: { authUser: { id: 'seven', name: 'A', email: 'secret-looking@x' } } });
    expect(e).toMatchObject({ kind: 'invalid-response', retryable: false });
    expect(e.detail).toContain('authUser.id');
    expect(JSON.stringify(e)).not.toContain('seven');
  });

  it('a scenario list entry missing a flag the app relies on is rejected', async () => {
    srv.route({ method: 'GET', path: '/scenarios', reply: { kind: 'json', body: { scenarios: [{ id: 1, name: 'x', teamId: 1, isActive: true }] } } });
    const e = (await client.listScenariosPage({ teamId: 1 }).catch((x: unknown) => x)) as MakeApiError;
    expect(e).toMatchObject({ kind: 'invalid-response' });
    expect(e.detail).toMatch(/scenarios\[0\]\.(isinvalid|isPaused|dlqCount)/);
  });

  it('oversized body with a declared length', async () => {
    const e = await failure({ kind: 'big', bytes: 200 * 1024, declareLength: true });
    expect(e).toMatchObject({ kind: 'too-large', retryable: false });
  });

  it('oversized chunked body is cut while streaming', async () => {
    const e = await failure({ kind: 'big', bytes: 400 * 1024 });
    expect(e.kind).toBe('too-large');
  });
});

describe('transport failures', () => {
  it('no response headers in time → timeout', async () => {
    const e = await failure({ kind: 'json', body: {}, delayMs: 3_000 });
    expect(e).toMatchObject({ kind: 'timeout', retryable: true, causeCode: 'UND_ERR_HEADERS_TIMEOUT' });
  });

  it('body stalls → timeout', async () => {
    const e = await failure({ kind: 'stall-body', text: '{"authUser":' });
    expect(e).toMatchObject({ kind: 'timeout', causeCode: 'UND_ERR_BODY_TIMEOUT' });
  });

  it('connection reset without an answer → network', async () => {
    const e = await failure({ kind: 'destroy' });
    expect(e).toMatchObject({ kind: 'network', retryable: true });
  });

  it('connection refused → network', async () => {
    const dead = await startFixtureServer({ routes: [] });
    const url = dead.baseUrl;
    await dead.close();
    const p = new ZonePools();
    const c = new MakeClient({ baseUrl: url, credentials: apiTokenCredential(TOKEN), pools: p });
    const e = await c.getMe().catch((x: unknown) => x as MakeApiError);
    await p.close();
    expect(e).toMatchObject({ kind: 'network', causeCode: 'ECONNREFUSED', retryable: true });
  });

  it('abort while waiting → aborted, not retryable', async () => {
    const ac = new AbortController();
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'json', body: {}, delayMs: 2_000 } });
    const pending = client.getMe({ signal: ac.signal }).catch((x: unknown) => x as MakeApiError);
    setTimeout(() => ac.abort(), 30);
    expect(await pending).toMatchObject({ kind: 'aborted', retryable: false });
  });

  it('an already-aborted signal sends nothing', async () => {
    const before = srv.requests.length;
    const e = await client.getMe({ signal: AbortSignal.abort() }).catch((x: unknown) => x as MakeApiError);
    expect(e.kind).toBe('aborted');
    expect(srv.requests.length).toBe(before);
  });

  it('same-origin redirect is not followed', async () => {
    const e = await failure({ kind: 'redirect', location: '/api/v2/users/me2', status: 301 });
    expect(e).toMatchObject({ kind: 'redirect', status: 301, retryable: false });
  });

  it('304 is Make\'s "account does not exist", an http error', async () => {
    const e = await failure({ kind: 'text', status: 304, text: '' });
    expect(e).toMatchObject({ kind: 'http', status: 304 });
  });
});

describe('insecure configuration', () => {
  it('refuses plain http to a non-loopback host', () => {
    const p = new ZonePools();
    let err: unknown;
    try {
      new MakeClient({ baseUrl: 'http://eu1.make.com/api/v2', credentials: apiTokenCredential(TOKEN), pools: p });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(MakeApiError);
    expect(err).toMatchObject({ kind: 'insecure' });
    expect((err as Error).message).toMatch(/https/);
    expect(p.size).toBe(0);
  });

  it('allows https anywhere and http on loopback', () => {
    const p = new ZonePools();
    expect(new MakeClient({ baseUrl: 'https://eu1.make.com', credentials: apiTokenCredential(TOKEN), pools: p }).baseUrl).toBe(
      'https://eu1.make.com/api/v2',
    );
    expect(new MakeClient({ baseUrl: 'http://[::1]:9/api/v2', credentials: apiTokenCredential(TOKEN), pools: p }).zone).toBe('[::1]:9');
    expect(new MakeClient({ baseUrl: 'http://localhost:9/api/v2', credentials: apiTokenCredential(TOKEN), pools: p }).zone).toBe('localhost:9');
  });
});

describe('a credential that cannot be produced', () => {
  const clientWith = (authorization: () => Promise<string>, outcomes: RequestOutcome[]) =>
    new MakeClient({ baseUrl: srv.baseUrl, credentials: { authorization }, pools, hooks: { afterResponse: (o) => outcomes.push(o) }, now: () => NOW });

  it('an unreachable sign-in server is a transient network error, reported to afterResponse, nothing sent', async () => {
    const outcomes: RequestOutcome[] = [];
    const before = srv.requests.length;
    const c = clientWith(() => Promise.reject(new OAuthError('unreachable', 'The sign-in server (auth.example) could not be reached (refresh).')), outcomes);
    const err = await c.getMe().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MakeApiError);
    expect(err).toMatchObject({ kind: 'network', retryable: true, endpoint: 'GET /users/me' });
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0]).toMatchObject({ status: null, error: { kind: 'network' } });
    expect(srv.requests.length).toBe(before);
  });

  it('a sign-in that must be renewed stays a SignInRequiredError and is reported as a 401', async () => {
    const outcomes: RequestOutcome[] = [];
    const c = clientWith(() => Promise.reject(new SignInRequiredError(accountIdFor('oauth', 'eu1.make.com', 1), 'Sign in again.')), outcomes);
    const err = await c.getMe().catch((e: unknown) => e);
    expect(isSignInRequired(err)).toBe(true);
    expect(outcomes[0]).toMatchObject({ status: null, error: { kind: 'http', status: 401 } });
  });
});
