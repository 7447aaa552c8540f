import { describe, expect, it } from 'vitest';
import { CommandError } from '../../../shared/contract';
import { redact, toContractError } from '../../../electron/core/commands/errors';
import { checkExternalUrl } from '../../../electron/core/commands/external-url';
import { MakeApiError } from '../../../electron/core/make/errors';

const http = (status: number, extra: Partial<ConstructorParameters<typeof MakeApiError>[0]> = {}) =>
  new MakeApiError({ kind: 'http', status, message: 'Make said no', endpoint: 'POST /scenarios/{scenarioId}/start', ...extra });

describe('toContractError', () => {
  it('maps Make client errors to typed codes in plain words', () => {
    expect(toContractError(http(429, { retryAfterMs: 5000 }))).toMatchObject({ code: 'rate-limited', retryAfterMs: 5000 });
    expect(toContractError(http(429)).retryAfterMs).toBe(60_000);
    expect(toContractError(http(403, { detail: 'Missing scope scenarios:write' }))).toMatchObject({ code: 'missing-scope' });
    expect(toContractError(http(403, { detail: 'Missing scope scenarios:write' })).message).toContain('scenarios:write');
    expect(toContractError(http(401)).code).toBe('refused');
    expect(toContractError(http(404)).code).toBe('not-found');
    expect(toContractError(http(503)).code).toBe('offline');
    expect(toContractError(new MakeApiError({ kind: 'network', message: 'ECONNRESET', endpoint: 'GET /scenarios' })).code).toBe('offline');
    expect(toContractError(http(422, { detail: 'Scenario is not activated' })).message).toBe('Make refused this: Scenario is not activated.');
  });

  it('passes typed errors through and hides everything else', () => {
    expect(toContractError(new CommandError({ code: 'not-found', message: 'Gone.' }))).toEqual({ code: 'not-found', message: 'Gone.' });
    const own = Object.assign(new Error('Wait a minute'), { code: 'rate-limited', retryAfterMs: 1000 });
    expect(toContractError(own)).toEqual({ code: 'rate-limited', message: 'Wait a minute.', retryAfterMs: 1000 });
    const internal = toContractError(new TypeError("Cannot read properties of undefined (reading 'x') at /home/me/app.ts:1"));
    expect(internal.code).toBe('internal');
    expect(internal.message).not.toContain('/home');
  });

  it('never lets a token through', () => {
    const token = 'f3b2c1d0-1111-2222-3333-444455556666';
    const leaky = http(400, { detail: `Invalid header Authorization: Token ${token}` });
    expect(toContractError(leaky).message).not.toContain(token);
    expect(toContractError(new CommandError({ code: 'refused', message: `bad ${token}` }), [token]).message).not.toContain(token);
    expect(redact('Bearer eyJhbGciOi.eyJzdWIiOjF9.sig and abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOP')).toBe('Bearer [hidden] and [hidden]');
    expect(redact('execution cc1c49323b344687a324888762206003 failed')).toContain('cc1c49323b344687a324888762206003');
  });
});

describe('checkExternalUrl', () => {
  it('opens https Make pages and the user zones only', () => {
    expect(checkExternalUrl('https://eu1.make.com/123/scenarios/4/edit', []).ok).toBe(true);
    expect(checkExternalUrl('https://www.make.com/en/help', []).ok).toBe(true);
    expect(checkExternalUrl('https://make.example.com/', ['make.example.com']).ok).toBe(true);
    expect(checkExternalUrl('http://127.0.0.1:8787/scenarios/1', ['127.0.0.1:8787']).ok).toBe(true);
    for (const bad of [
      'http://eu1.make.com/',
      'https://make.com.evil.example/',
      'https://evilmake.com/',
      'javascript:alert(1)',
      'file:///etc/passwd',
      'https://user:pw@eu1.make.com/',
      'http://127.0.0.1:9999/',
      'http://example.com/',
      'not a url',
    ]) {
      expect(checkExternalUrl(bad, ['127.0.0.1:8787']).ok, bad).toBe(false);
    }
  });
});
