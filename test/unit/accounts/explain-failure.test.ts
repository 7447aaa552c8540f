import { describe, expect, it } from 'vitest';
import { explainFailure, SignInRequiredError } from '../../../electron/core/accounts';
import { MakeApiError } from '../../../electron/core/make/errors';

const ctx = { zone: 'eu1.make.com', kind: 'token' as const };
const http = (status: number, extra: Partial<ConstructorParameters<typeof MakeApiError>[0]> = {}) =>
  new MakeApiError({ kind: 'http', status, endpoint: 'GET /users/me', message: 'x', ...extra });

describe('explainFailure', () => {
  it.each([
    [http(401), 'wrong-token', /may belong to another zone/],
    [http(403, { code: 'IM102' }), 'wrong-token', /did not accept this API token/],
    [http(401, { detail: 'Token belongs to a different zone.' }), 'other-zone', /another zone/],
    [http(403, { code: 'SC403' }), 'forbidden', /refused/],
    [http(404), 'not-make', /no Make API/],
    [http(429), 'rate-limited', /minute/],
    [http(503), 'server-error', /server problem/],
    [new MakeApiError({ kind: 'network', endpoint: 'GET /users/me', message: 'x', causeCode: 'ENOTFOUND' }), 'unreachable', /Could not find eu1.make.com/],
    [new MakeApiError({ kind: 'network', endpoint: 'GET /users/me', message: 'x', causeCode: 'ECONNREFUSED' }), 'unreachable', /refused the connection/],
    [new MakeApiError({ kind: 'timeout', endpoint: 'GET /users/me', message: 'x' }), 'timeout', /did not answer in time/],
    [new MakeApiError({ kind: 'invalid-response', endpoint: 'GET /users/me', message: 'x' }), 'malformed', /not the way the Make API does/],
    [new MakeApiError({ kind: 'insecure', endpoint: '(client configuration)', message: 'Refusing to send credentials over plain HTTP to x; use https://' }), 'not-https', /HTTP/],
    [new SignInRequiredError('a', 'Sign in again.'), 'sign-in-required', /Sign in again/],
    [new Error('boom'), 'unexpected', /unexpected/],
  ])('%#: → %s', (err, problem, message) => {
    const r = explainFailure(err, ctx);
    expect(r.problem).toBe(problem);
    expect(r.message).toMatch(message);
  });
});
