import { describe, expect, it } from 'vitest';
import {
  allowedHookActions,
  allowedMemberActions,
  allowedScenarioActions,
  toManagementError,
  visibleActions,
} from '../../../electron/core/management';
import { MakeApiError } from '../../../electron/core/make';
import { GovernorDisposedError } from '../../../electron/core/governor';

describe('allowedMemberActions', () => {
  it('hides what the scopes do not allow and names what is missing', () => {
    const perms = allowedMemberActions(['user:read', 'organizations:read', 'teams:read']);
    expect(visibleActions(perms)).toEqual(['listOrganizationMembers', 'listTeamMembers']);
    expect(perms.invite).toEqual({ allowed: false, missing: ['organizations:write'] });
    expect(perms.remove).toEqual({ allowed: false, missing: ['user:write'] });
  });

  it('offers everything with all scopes, nothing with none, and everything when scopes are unknown', () => {
    const all = ['user:read', 'user:write', 'organizations:read', 'organizations:write', 'teams:read'];
    expect(visibleActions(allowedMemberActions(all))).toHaveLength(6);
    expect(visibleActions(allowedMemberActions([]))).toEqual([]);
    expect(visibleActions(allowedMemberActions(null))).toHaveLength(6);
  });

  it('hooks and scenarios follow their scopes', () => {
    expect(visibleActions(allowedHookActions(['hooks:read']))).toEqual(['list', 'ping']);
    expect(visibleActions(allowedScenarioActions(['scenarios:read']))).toEqual(['exportBlueprint', 'report']);
  });
});

const http = (status: number, extra: Partial<ConstructorParameters<typeof MakeApiError>[0]> = {}) =>
  new MakeApiError({ kind: 'http', status, endpoint: 'POST /hooks', message: 'x', ...extra });

describe('toManagementError', () => {
  const subject = { thing: 'webhook' };
  it('missing scope names the scope', () => {
    const e = toManagementError(http(403, { code: 'SC403', detail: 'Access denied. The token is missing the scope "hooks:write".' }), subject);
    expect(e).toMatchObject({ code: 'missing-scope', scope: 'hooks:write' });
    expect(e.message).toContain('"hooks:write"');
  });
  it('validation keeps every sub-error', () => {
    const e = toManagementError(http(400, { code: 'IM005', detail: 'a b', suberrors: [{ message: "'name' too long" }, { message: 'bad type.' }] }), subject);
    expect(e).toEqual({ code: 'invalid-input', message: "Make did not accept this: 'name' too long. bad type.", problems: ["'name' too long.", 'bad type.'] });
  });
  it('maps 404, 429, 5xx, network, rights and shutdown', () => {
    expect(toManagementError(http(404), subject)).toMatchObject({ code: 'not-found', message: expect.stringContaining('webhook') });
    expect(toManagementError(http(429, { retryAfterMs: 5000 }), subject)).toMatchObject({ code: 'rate-limited', retryAfterMs: 5000 });
    expect(toManagementError(http(503), subject).code).toBe('offline');
    expect(toManagementError(new MakeApiError({ kind: 'network', endpoint: 'GET /hooks', message: 'x' }), subject).code).toBe('offline');
    expect(toManagementError(http(403, { detail: 'Only organization owners and admins can manage members.' }), subject)).toEqual({
      code: 'refused',
      message: 'Make refused: Only organization owners and admins can manage members.',
    });
    expect(toManagementError(http(401, { code: 'IM102' }), subject).code).toBe('refused');
    expect(toManagementError(new GovernorDisposedError(), subject).code).toBe('refused');
    expect(toManagementError(new Error('boom'), subject).code).toBe('internal');
  });
});
