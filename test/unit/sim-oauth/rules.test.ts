// Pure rules of the simulated authorization server: redirect matching, PKCE, scope parsing.
import { describe, expect, test } from 'vitest';
import { matchesRegisteredRedirect } from '../../../electron/sim/oauth/clients';
import { isValidCodeVerifier, s256Challenge, verifyS256 } from '../../../electron/sim/oauth/pkce';
import { apiScopes, parseScopeParam } from '../../../electron/sim/oauth/scopes';

describe('matchesRegisteredRedirect', () => {
  const registered = ['http://127.0.0.1/callback', 'https://app.example.com/cb?x=1'];
  test.each([
    ['https://app.example.com/cb?x=1', true],
    ['https://app.example.com/cb', false],
    ['https://app.example.com:444/cb?x=1', false],
    ['http://127.0.0.1/callback', true],
    ['http://127.0.0.1:49152/callback', true],
    ['http://[::1]:49152/callback', true],
    ['http://127.0.0.1:49152/callback/', false],
    ['http://127.0.0.1:49152/callback?extra=1', false],
    ['http://127.0.0.1:49152/callback#x', false],
    ['http://user:pw@127.0.0.1:49152/callback', false],
    ['http://localhost:49152/callback', false],
    ['https://127.0.0.1:49152/callback', false],
    ['http://127.0.0.2:49152/callback', false],
    ['not a url', false],
  ])('%s → %s', (uri, ok) => {
    expect(matchesRegisteredRedirect(uri, registered)).toBe(ok);
  });

  test('ports are only free for loopback registrations', () => {
    expect(matchesRegisteredRedirect('http://example.com:8080/cb', ['http://example.com/cb'])).toBe(false);
  });
});

describe('PKCE S256', () => {
  // RFC 7636 Appendix B.
  const verifier = 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
  const challenge = 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM';

  test('matches the RFC example', () => {
    expect(s256Challenge(verifier)).toBe(challenge);
    expect(verifyS256(verifier, challenge)).toBe(true);
    expect(verifyS256(verifier.replace('d', 'e'), challenge)).toBe(false);
  });

  test('verifier length is 43–128 unreserved characters', () => {
    expect(isValidCodeVerifier('a'.repeat(42))).toBe(false);
    expect(isValidCodeVerifier('a'.repeat(43))).toBe(true);
    expect(isValidCodeVerifier('a'.repeat(128))).toBe(true);
    expect(isValidCodeVerifier('a'.repeat(129))).toBe(false);
    expect(isValidCodeVerifier(`${'a'.repeat(42)}+`)).toBe(false);
  });
});

describe('scope parameter', () => {
  test('space-separated Make scopes plus openid, deduplicated', () => {
    expect(parseScopeParam('openid  scenarios:read scenarios:read hooks:write')).toEqual(['openid', 'scenarios:read', 'hooks:write']);
    expect(apiScopes(['openid', 'scenarios:run'])).toEqual(['scenarios:run']);
  });
  test.each(['', '   ', 'read write', 'scenarios:read,hooks:read', 'Scenarios:read', 'scenarios:delete'])('rejects %j', (raw) => {
    expect(parseScopeParam(raw)).toBeNull();
  });
});
