import { describe, expect, it } from 'vitest';
import {
  MakeApiError,
  isAuthError,
  isConfirmationRequired,
  isMissingScope,
  isNotFoundYet,
  isRateLimited,
  missingScopeOf,
  parseRetryAfter,
  type MakeApiErrorKind,
} from '../../../electron/core/make';
import { interpretResponse } from '../../../electron/core/make/interpret-response';
import { classifyTransportError } from '../../../electron/core/make/transport';
import { formatIssues, validateBody } from '../../../electron/core/make/validate';
import { z } from 'zod';

const E = 'GET /users/me';
const http = (status: number, extra: Partial<ConstructorParameters<typeof MakeApiError>[0]> = {}) =>
  new MakeApiError({ kind: 'http', status, endpoint: E, message: 'x', ...extra });

describe('retryability', () => {
  it.each([
    [500, true],
    [502, true],
    [503, true],
    [429, true],
    [408, true],
    [400, false],
    [401, false],
    [403, false],
    [404, false],
    [406, false],
    [422, false],
  ])('HTTP %i retryable=%s', (status, retryable) => expect(http(status).retryable).toBe(retryable));

  it.each([
    ['network', true],
    ['timeout', true],
    ['aborted', false],
    ['invalid-response', false],
    ['too-large', false],
    ['redirect', false],
    ['insecure', false],
  ] as [MakeApiErrorKind, boolean][])('%s retryable=%s', (kind, retryable) =>
    expect(new MakeApiError({ kind, endpoint: E, message: 'x' }).retryable).toBe(retryable),
  );
});

describe('predicates', () => {
  it('classify rate limits, auth, scopes, confirmation, not-found-yet', () => {
    expect(isRateLimited(http(429))).toBe(true);
    expect(isRateLimited(http(503))).toBe(false);
    expect(isRateLimited(new Error('429'))).toBe(false);
    expect(isAuthError(http(401))).toBe(true);
    expect(isAuthError(http(403, { code: 'IM102' }))).toBe(true);
    expect(isAuthError(http(403, { code: 'SC403' }))).toBe(false);
    const scope = http(403, { code: 'SC403', detail: 'Token is missing the required scope hooks:write.' });
    expect(isMissingScope(scope)).toBe(true);
    expect(missingScopeOf(scope)).toBe('hooks:write');
    expect(isMissingScope(http(403, { detail: 'Access denied.' }))).toBe(false);
    expect(missingScopeOf(http(401))).toBeUndefined();
    expect(isConfirmationRequired(http(406, { code: 'IM004' }))).toBe(true);
    expect(isNotFoundYet(new MakeApiError({ kind: 'http', status: 404, endpoint: 'GET /scenarios/{scenarioId}/executions/{executionId}', message: 'x' }))).toBe(true);
    expect(isNotFoundYet(http(404))).toBe(false);
  });

  it('serializes to a plain object with the message', () => {
    const e = http(429, { code: 'SC429', retryAfterMs: 1000 });
    expect(JSON.parse(JSON.stringify(e))).toMatchObject({ name: 'MakeApiError', kind: 'http', status: 429, code: 'SC429', message: 'x', retryAfterMs: 1000 });
    expect(String(e)).toBe('MakeApiError: x');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-03-01T00:00:00Z');
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('30', now)).toBe(30_000);
    expect(parseRetryAfter('1.5', now)).toBe(1_500);
    expect(parseRetryAfter(['7'], now)).toBe(7_000);
    expect(parseRetryAfter(new Date(now + 60_000).toUTCString(), now)).toBe(60_000);
    expect(parseRetryAfter(new Date(now - 60_000).toUTCString(), now)).toBe(0);
  });
  it('is undefined for absent or garbage values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('interpretResponse', () => {
  const opts = { endpoint: E, origin: 'https://eu1.make.com', now: 0, fragments: ['Token abcdef-123', 'abcdef-123'] };
  const res = (status: number, text = '', headers: Record<string, string> = {}) => ({ status, text, headers });
  const thrown = (fn: () => unknown) => {
    try {
      fn();
    } catch (e) {
      return e as MakeApiError;
    }
    throw new Error('did not throw');
  };

  it('returns JSON for 2xx and null for empty bodies', () => {
    expect(interpretResponse(res(200, '{"a":1}'), opts)).toEqual({ a: 1 });
    expect(interpretResponse(res(204), opts)).toBeNull();
    expect(interpretResponse(res(200, '  '), opts)).toBeNull();
  });

  it('maps Make error bodies and scrubs the credential from them', () => {
    const e = thrown(() =>
      interpretResponse(res(403, JSON.stringify({ detail: 'bad abcdef-123', message: 'Permission denied', code: 'SC403', suberrors: [{ message: 'm Token abcdef-123' }, 'plain'] })), opts),
    );
    expect(e).toMatchObject({ kind: 'http', status: 403, code: 'SC403', detail: 'bad [redacted]', suberrors: [{ message: 'm [redacted]' }, { message: 'plain' }] });
    expect(e.message).toContain('Access denied');
  });

  it('uses message when detail is absent, and caps long text', () => {
    const e = thrown(() => interpretResponse(res(400, JSON.stringify({ message: 'x'.repeat(2000) })), opts));
    expect(e.detail!.length).toBeLessThanOrEqual(501);
  });

  it('turns 3xx into redirect errors, naming only the target origin', () => {
    const cross = thrown(() => interpretResponse(res(302, '', { location: 'https://evil.example/steal?k=v' }), opts));
    expect(cross).toMatchObject({ kind: 'redirect', detail: 'Location origin: https://evil.example' });
    expect(cross.message).toContain('evil.example');
    expect(cross.message).not.toContain('k=v');
    const same = thrown(() => interpretResponse(res(308, '', { location: '/api/v2/x' }), opts));
    expect(same.message).toMatch(/not followed/);
    expect(thrown(() => interpretResponse(res(301, '', { location: 'http://[bad' }), opts)).kind).toBe('redirect');
  });

  it('invalid JSON on success is invalid-response', () => {
    expect(thrown(() => interpretResponse(res(200, '{'), opts))).toMatchObject({ kind: 'invalid-response', status: 200 });
  });
});

describe('classifyTransportError', () => {
  const err = (code: string, name = 'Error') => Object.assign(new Error('boom'), { code, name });
  it('maps undici and socket codes', () => {
    expect(classifyTransportError(err('UND_ERR_CONNECT_TIMEOUT'), E).kind).toBe('timeout');
    expect(classifyTransportError(err('UND_ERR_HEADERS_TIMEOUT'), E).kind).toBe('timeout');
    expect(classifyTransportError(err('UND_ERR_SOCKET'), E).kind).toBe('network');
    expect(classifyTransportError(err('ECONNRESET'), E)).toMatchObject({ kind: 'network', causeCode: 'ECONNRESET' });
    expect(classifyTransportError(err('UND_ERR_ABORTED'), E).kind).toBe('aborted');
    expect(classifyTransportError(Object.assign(new Error('x'), { cause: err('ENOTFOUND') }), E).causeCode).toBe('ENOTFOUND');
    expect(classifyTransportError(new Error('weird'), E).kind).toBe('network');
    expect(classifyTransportError(err('ECONNRESET'), E, AbortSignal.abort()).kind).toBe('aborted');
  });
});

describe('validateBody', () => {
  it('names paths and expectations, never values', () => {
    const schema = z.object({ items: z.array(z.object({ id: z.number(), status: z.literal(1) })) });
    let e: MakeApiError | undefined;
    try {
      validateBody(schema, { items: [{ id: 'SECRET-VALUE', status: 9 }] }, E, 200);
    } catch (x) {
      e = x as MakeApiError;
    }
    expect(e).toMatchObject({ kind: 'invalid-response', status: 200 });
    expect(e!.detail).toContain('items[0].id: expected number');
    expect(JSON.stringify(e)).not.toContain('SECRET-VALUE');
  });

  it('summarizes many issues', () => {
    const r = z.array(z.number()).safeParse(['a', 'b', 'c', 'd', 'e', 'f', 'g']);
    expect(formatIssues(r.error!.issues)).toMatch(/\(\+2 more\)$/);
  });
});
