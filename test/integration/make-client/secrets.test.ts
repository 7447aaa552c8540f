// The credential must never show up in an error, whatever the failure and whatever the server echoes.
import { inspect } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakeApiError, MakeClient, ZonePools, apiTokenCredential, bearerCredential, type MakeApiErrorKind } from '../../../electron/core/make';
import { startFixtureServer, type FixtureServer, type Reply } from '../../support/fixture-server';

const TOKEN = 'c0ffee00-1234-4abc-8def-0123456789ab';
const BEARER = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJlLXNlY3JldA';
let srv: FixtureServer;
let other: FixtureServer;
let pools: ZonePools;

beforeAll(async () => {
  srv = await startFixtureServer();
  other = await startFixtureServer();
  pools = new ZonePools();
});
afterAll(async () => {
  await pools.close();
  await srv.close();
  await other.close();
});

function expectClean(err: unknown, secret: string): void {
  expect(err).toBeInstanceOf(MakeApiError);
  const e = err as MakeApiError;
  for (const text of [JSON.stringify(e), String(e), e.stack ?? '', inspect(e, { depth: 5 }), e.message, e.detail ?? '']) {
    expect(text).not.toContain(secret);
  }
}

const echoToken =
  (field: 'detail' | 'message' | 'code' | 'suberrors', status = 400): ((r: { headers: Record<string, unknown> }) => Reply) =>
  (r) => {
    const auth = String(r.headers['authorization']);
    const body: Record<string, unknown> = { detail: 'Bad', message: 'Bad', code: 'SC400' };
    body[field] = field === 'suberrors' ? [{ message: `header was ${auth}` }] : `you sent ${auth} (${auth.split(' ')[1]})`;
    return { kind: 'json', status, body };
  };

const cases: Array<[string, MakeApiErrorKind, Reply | ((r: never) => Reply)]> = [
  ['401', 'http', { kind: 'json', status: 401, body: { detail: 'Invalid token', code: 'SC401' } }],
  ['403 IM102', 'http', { kind: 'json', status: 403, body: { detail: 'Invalid credentials', code: 'IM102' } }],
  ['404', 'http', { kind: 'json', status: 404, body: { code: 'SC404' } }],
  ['406', 'http', { kind: 'json', status: 406, body: { code: 'IM004' } }],
  ['429', 'http', { kind: 'json', status: 429, body: { code: 'SC429' }, headers: { 'retry-after': '5' } }],
  ['500', 'http', { kind: 'text', status: 500, text: 'oops' }],
  ['echo in detail', 'http', echoToken('detail')],
  ['echo in message', 'http', echoToken('message', 403)],
  ['echo in code', 'http', echoToken('code', 500)],
  ['echo in suberrors', 'http', echoToken('suberrors', 422)],
  ['malformed', 'invalid-response', { kind: 'text', text: '{nope', headers: { 'content-type': 'application/json' } }],
  ['schema', 'invalid-response', { kind: 'json', body: { authUser: { id: -1 } } }],
  ['too large', 'too-large', { kind: 'big', bytes: 300 * 1024 }],
  ['timeout', 'timeout', { kind: 'json', body: {}, delayMs: 2_000 }],
  ['reset', 'network', { kind: 'destroy' }],
  ['truncated', 'network', { kind: 'truncate', text: '{"a":', declaredLength: 100 }],
  ['redirect', 'redirect', { kind: 'redirect', location: '/elsewhere' }],
];

describe.each([
  ['API token', apiTokenCredential(TOKEN), TOKEN],
  ['OAuth bearer', bearerCredential(BEARER), BEARER],
])('%s never appears in errors', (_label, credentials, secret) => {
  const client = () =>
    new MakeClient({ baseUrl: srv.baseUrl, credentials, pools, headersTimeoutMs: 250, bodyTimeoutMs: 250, maxResponseBytes: 64 * 1024 });

  it.each(cases)('%s → %s', async (_name, kind, reply) => {
    srv.route({ method: 'GET', path: '/users/me', reply: reply as Reply });
    const err = await client()
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind });
    expectClean(err, secret);
  });

  it('aborted', async () => {
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'json', body: {}, delayMs: 2_000 } });
    const ac = new AbortController();
    const p = client()
      .getMe({ signal: ac.signal })
      .catch((e: unknown) => e);
    setTimeout(() => ac.abort(new Error(`reason mentioning ${secret}`)), 20);
    const err = await p;
    expect(err).toMatchObject({ kind: 'aborted' });
    expectClean(err, secret);
  });

  it('redirect to another origin with the token in the Location', async () => {
    srv.route({ method: 'GET', path: '/users/me', reply: { kind: 'redirect', location: `${other.baseUrl}/users/me?token=${secret}` } });
    const err = await client()
      .getMe()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'redirect' });
    expectClean(err, secret);
  });

  it('insecure base URL', () => {
    let err: unknown;
    try {
      new MakeClient({ baseUrl: 'http://eu1.make.com/api/v2', credentials, pools });
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ kind: 'insecure' });
    expectClean(err, secret);
  });

  it('the client itself serializes without the secret', () => {
    const c = client();
    expect(JSON.stringify(c)).not.toContain(secret);
    expect(inspect(c, { depth: 10, showHidden: true })).not.toContain(secret);
  });
});
