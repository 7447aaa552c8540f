import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { buildAuthorizeUrl, createPkcePair, interpretCallback, randomState, s256Challenge } from '../../../electron/core/accounts';

describe('PKCE and state', () => {
  it('verifier is 43–128 unreserved chars and the challenge is its base64url SHA-256 without padding', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 20; i++) {
      const p = createPkcePair();
      expect(p.verifier).toMatch(/^[A-Za-z0-9\-._~]{43,128}$/);
      expect(p.challenge).toBe(createHash('sha256').update(p.verifier).digest('base64url'));
      expect(p.challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
      expect(p.method).toBe('S256');
      seen.add(p.verifier);
    }
    expect(seen.size).toBe(20);
  });

  it('matches the RFC 7636 appendix B example', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe('E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM');
  });

  it('state values are random and URL-safe', () => {
    const a = randomState();
    expect(a).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(randomState()).not.toBe(a);
  });

  it('builds the authorize URL with every parameter RFC 8252 + PKCE needs', () => {
    const url = new URL(
      buildAuthorizeUrl('https://www.make.com/oauth/v2/authorize', {
        clientId: 'cid',
        redirectUri: 'http://127.0.0.1:5000/callback',
        scopes: ['openid', 'scenarios:read'],
        state: 'st',
        codeChallenge: 'ch',
      }),
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'cid',
      redirect_uri: 'http://127.0.0.1:5000/callback',
      scope: 'openid scenarios:read',
      state: 'st',
      code_challenge: 'ch',
      code_challenge_method: 'S256',
    });
  });
});

describe('interpretCallback', () => {
  const q = (s: string) => new URLSearchParams(s);
  it('a request without the right state is not an answer (400, the flow keeps waiting)', () => {
    expect(interpretCallback(q('code=abc'), 's1')).toBeNull();
    expect(interpretCallback(q(''), 's1')).toBeNull();
    expect(interpretCallback(q('code=abc&state=other'), 's1')).toBeNull();
    expect(interpretCallback(q('code=abc&state=s1&state=s1'), 's1')).toBeNull();
    expect(interpretCallback(q('error=access_denied&state=other'), 's1')).toBeNull();
  });
  it('accepts the code when the state matches', () => {
    expect(interpretCallback(q('code=abc&state=s1'), 's1')).toMatchObject({ page: { ok: true }, outcome: { ok: true, code: 'abc' } });
  });
  it.each([
    ['error=access_denied&error_description=no&state=s1', 'denied'],
    ['error=server_error&error_description=boom&state=s1', 'authorization-error'],
    ['state=s1', 'invalid-callback'],
  ])('%s → %s', (query, problem) => {
    const d = interpretCallback(q(query), 's1')!;
    expect(d.page.ok).toBe(false);
    expect(d.outcome).toMatchObject({ ok: false, error: { problem } });
  });
});
