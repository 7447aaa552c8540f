// The simulator's OAuth authorization server over real HTTP on loopback, driven like a browser + app.
import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { VirtualClock } from '../../../shared/clock';
import {
  createOAuthAuthority,
  DEMO_OAUTH_CLIENT_ID,
  REFRESHING_OAUTH_CLIENT_ID,
  type OAuthAuthority,
  type OAuthAuthorityOptions,
} from '../../../electron/sim/oauth/authority';

const START = Date.UTC(2026, 0, 5, 9, 0, 0);
const USERS = [
  { id: 7, name: 'Ada Maker', email: 'ada@example.com' },
  { id: 8, name: 'Bob', email: 'bob@example.com' },
];
const LOOPBACK = 'http://127.0.0.1:53682/callback';
const CONFIDENTIAL = { clientId: 'confidential-app', clientSecret: 's3cret-value', redirectUris: ['https://app.example.com/cb'], issueRefreshTokens: true };

interface Harness {
  origin: string;
  clock: VirtualClock;
  authority: OAuthAuthority;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((r) => s.close(r))));
});

async function start(extra: Partial<OAuthAuthorityOptions> = {}): Promise<Harness> {
  const clock = new VirtualClock(START);
  const authority = createOAuthAuthority({ clock, users: () => USERS, clients: [CONFIDENTIAL], ...extra });
  let origin = '';
  const server = createServer((req, res) => authority.handle(req, res, origin));
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { origin, clock, authority };
}

const newVerifier = (): string => randomBytes(48).toString('base64url'); // 64 chars
const challengeOf = (v: string): string => createHash('sha256').update(v).digest('base64url');

function authorizeUrl(origin: string, p: Record<string, string | undefined>): string {
  const url = new URL('/oauth/v2/authorize', origin);
  for (const [k, v] of Object.entries(p)) if (v !== undefined) url.searchParams.set(k, v);
  return url.toString();
}

const standardParams = (verifier: string, over: Record<string, string | undefined> = {}) => ({
  client_id: DEMO_OAUTH_CLIENT_ID,
  response_type: 'code',
  redirect_uri: LOOPBACK,
  scope: 'openid scenarios:read scenarios:write',
  state: 'st-123',
  code_challenge: challengeOf(verifier),
  code_challenge_method: 'S256',
  ...over,
});

/** Loads the consent page and returns the per-request id in its form. */
async function openConsent(h: Harness, params: Record<string, string | undefined>): Promise<string> {
  const res = await fetch(authorizeUrl(h.origin, params), { redirect: 'manual' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/html');
  const html = await res.text();
  const id = /name="request_id" value="([0-9a-f]+)"/.exec(html)?.[1];
  expect(id).toBeDefined();
  return id!;
}

async function decide(h: Harness, requestId: string, decision: 'approve' | 'deny'): Promise<Response> {
  return fetch(new URL('/oauth/v2/authorize', h.origin), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision }).toString(),
  });
}

/** Authorize + approve; returns the code from the redirect. */
async function getCode(h: Harness, verifier: string, over: Record<string, string | undefined> = {}): Promise<string> {
  const params = standardParams(verifier, over);
  const res = await decide(h, await openConsent(h, params), 'approve');
  expect(res.status).toBe(302);
  const location = new URL(res.headers.get('location')!);
  expect(`${location.origin}${location.pathname}`).toBe(new URL(params.redirect_uri!).origin + new URL(params.redirect_uri!).pathname);
  expect(location.searchParams.get('state')).toBe(params.state);
  return location.searchParams.get('code')!;
}

async function tokenRequest(h: Harness, body: Record<string, string>, asJson = false): Promise<{ status: number; json: Record<string, unknown>; text: string }> {
  const res = await fetch(new URL('/oauth/v2/token', h.origin), {
    method: 'POST',
    headers: { 'content-type': asJson ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: asJson ? JSON.stringify(body) : new URLSearchParams(body).toString(),
  });
  const text = await res.text();
  return { status: res.status, json: JSON.parse(text) as Record<string, unknown>, text };
}

const exchange = (h: Harness, code: string, verifier: string, extra: Record<string, string> = {}) =>
  tokenRequest(h, { grant_type: 'authorization_code', client_id: DEMO_OAUTH_CLIENT_ID, code, code_verifier: verifier, redirect_uri: LOOPBACK, ...extra });

async function userinfo(h: Harness, token: string): Promise<Response> {
  return fetch(new URL('/oauth/v2/oidc/userinfo', h.origin), { headers: { authorization: `Bearer ${token}` } });
}

function verifyJwt(jwt: string, keys: JsonWebKey[]): Record<string, unknown> {
  const [header, payload, signature] = jwt.split('.') as [string, string, string];
  const { kid, alg } = JSON.parse(Buffer.from(header, 'base64url').toString()) as { kid: string; alg: string };
  expect(alg).toBe('RS256');
  const jwk = keys.find((k) => (k as { kid?: string }).kid === kid);
  expect(jwk).toBeDefined();
  const key = createPublicKey({ key: jwk!, format: 'jwk' });
  expect(verify('sha256', Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))).toBe(true);
  return JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
}

describe('discovery and keys', () => {
  test('the discovery document has Make values and endpoints on the issuer origin', async () => {
    const h = await start();
    const res = await fetch(`${h.origin}/.well-known/openid-configuration`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: h.origin,
      authorization_endpoint: `${h.origin}/oauth/v2/authorize`,
      token_endpoint: `${h.origin}/oauth/v2/token`,
      revocation_endpoint: `${h.origin}/oauth/v2/revoke`,
      userinfo_endpoint: `${h.origin}/oauth/v2/oidc/userinfo`,
      jwks_uri: `${h.origin}/oauth/v2/oidc/jwks`,
      rename_connection_endpoint: `${h.origin}/oauth/v2/rename`,
      response_types_supported: ['code'],
      grant_types_supported: ['authorization_code'],
      token_endpoint_auth_methods_supported: ['client_secret_post'],
      code_challenge_methods_supported: ['S256'],
      scopes_supported: ['openid'],
      id_token_signing_alg_values_supported: ['RS256'],
    });
  });

  test('unknown paths and wrong methods get Make-style JSON errors', async () => {
    const h = await start();
    const missing = await fetch(`${h.origin}/oauth/v2/nope`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ code: 'SC404' });
    const wrong = await fetch(`${h.origin}/oauth/v2/token`);
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('POST');
  });
});

describe('authorization code + PKCE', () => {
  test('happy path: consent, code, tokens that verify, userinfo', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier, { nonce: 'n-1' });
    const { status, json } = await exchange(h, code, verifier);
    expect(status).toBe(200);
    expect(json).toMatchObject({ token_type: 'Bearer', expires_in: 3600, scope: 'openid scenarios:read scenarios:write' });
    expect(json).not.toHaveProperty('refresh_token');
    const access = json.access_token as string;
    expect(access).toMatch(/^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(json.id_token).toMatch(/^eyJ/);

    const keys = ((await (await fetch(`${h.origin}/oauth/v2/oidc/jwks`)).json()) as { keys: JsonWebKey[] }).keys;
    const idClaims = verifyJwt(json.id_token as string, keys);
    expect(idClaims).toMatchObject({ iss: h.origin, sub: '7', aud: DEMO_OAUTH_CLIENT_ID, nonce: 'n-1', exp: Math.floor(START / 1000) + 3600 });
    verifyJwt(access, keys);

    expect(h.authority.verifyAccessToken(access)).toEqual({ userId: 7, scopes: ['scenarios:read', 'scenarios:write'], clientId: DEMO_OAUTH_CLIENT_ID });
    const info = await userinfo(h, access);
    expect(info.status).toBe(200);
    expect(await info.json()).toEqual({ sub: '7', name: 'Ada Maker', email: 'ada@example.com' });
  });

  test('the consent page names the client, the user and every scope', async () => {
    const h = await start();
    const res = await fetch(authorizeUrl(h.origin, standardParams(newVerifier())));
    const html = await res.text();
    for (const s of [DEMO_OAUTH_CLIENT_ID, 'Ada Maker', 'scenarios:read', 'scenarios:write', 'id="approve"', 'id="deny"']) expect(html).toContain(s);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });

  test('the token endpoint also accepts JSON, and works without redirect_uri as in Make docs', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier);
    const { status, json } = await tokenRequest(h, { grant_type: 'authorization_code', client_id: DEMO_OAUTH_CLIENT_ID, code, code_verifier: verifier }, true);
    expect(status).toBe(200);
    expect(json.token_type).toBe('Bearer');
  });

  test('no openid scope: no id_token, and userinfo refuses the token', async () => {
    const h = await start();
    const verifier = newVerifier();
    const { json } = await exchange(h, await getCode(h, verifier, { scope: 'scenarios:read' }), verifier);
    expect(json).not.toHaveProperty('id_token');
    expect((await userinfo(h, json.access_token as string)).status).toBe(403);
  });

  test('a wrong verifier is invalid_grant and burns the code', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier);
    const wrong = await exchange(h, code, newVerifier());
    expect(wrong.status).toBe(400);
    expect(wrong.json.error).toBe('invalid_grant');
    expect((await exchange(h, code, verifier)).json.error).toBe('invalid_grant');
  });

  test('a malformed or missing verifier is rejected', async () => {
    const h = await start();
    const verifier = newVerifier();
    const short = await exchange(h, await getCode(h, verifier), 'too-short');
    expect(short.json.error).toBe('invalid_grant');
    const missing = await tokenRequest(h, { grant_type: 'authorization_code', client_id: DEMO_OAUTH_CLIENT_ID, code: await getCode(h, verifier) });
    expect(missing.status).toBe(400);
    expect(missing.json.error).toBe('invalid_request');
  });

  test('a reused code fails and revokes the tokens issued from it', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier);
    const first = await exchange(h, code, verifier);
    const access = first.json.access_token as string;
    expect(h.authority.verifyAccessToken(access)).not.toBeNull();
    const second = await exchange(h, code, verifier);
    expect(second.status).toBe(400);
    expect(second.json.error).toBe('invalid_grant');
    expect(second.text).not.toContain(code);
    expect(h.authority.verifyAccessToken(access)).toBeNull();
    expect((await userinfo(h, access)).status).toBe(401);
  });

  test('codes live 60 s on the injected clock', async () => {
    const h = await start();
    const verifier = newVerifier();
    const fresh = await getCode(h, verifier);
    const stale = await getCode(h, verifier);
    await h.clock.advance(59_000);
    expect((await exchange(h, fresh, verifier)).status).toBe(200);
    await h.clock.advance(2_000);
    const late = await exchange(h, stale, verifier);
    expect(late.status).toBe(400);
    expect(late.json.error).toBe('invalid_grant');
  });

  test('redirect_uri at the token endpoint must equal the one used at authorize', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier);
    const res = await exchange(h, code, verifier, { redirect_uri: 'http://127.0.0.1:9999/callback' });
    expect(res.status).toBe(400);
    expect(res.json.error).toBe('invalid_grant');
  });

  test('a code is bound to its client', async () => {
    const h = await start();
    const verifier = newVerifier();
    const code = await getCode(h, verifier);
    const other = await tokenRequest(h, { grant_type: 'authorization_code', client_id: REFRESHING_OAUTH_CLIENT_ID, code, code_verifier: verifier });
    expect(other.json.error).toBe('invalid_grant');
    expect((await exchange(h, code, verifier)).status).toBe(200);
  });
});

describe('authorize request validation', () => {
  test('an unregistered redirect gets an error page, never a redirect', async () => {
    const h = await start();
    for (const redirect_uri of ['https://evil.example.com/callback', 'http://localhost:4000/callback', 'http://127.0.0.1:4000/other', 'https://127.0.0.1:4000/callback', 'http://127.0.0.1:4000/callback#frag', undefined]) {
      const res = await fetch(authorizeUrl(h.origin, standardParams(newVerifier(), { redirect_uri })), { redirect: 'manual' });
      expect(res.status, String(redirect_uri)).toBe(400);
      expect(res.headers.get('location')).toBeNull();
      expect(await res.text()).toContain('Invalid redirect URI');
    }
  });

  test('an unknown client gets an error page', async () => {
    const h = await start();
    const res = await fetch(authorizeUrl(h.origin, standardParams(newVerifier(), { client_id: 'nobody' })), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });

  test('loopback redirects match on any port, for 127.0.0.1 and [::1]', async () => {
    const h = await start();
    for (const uri of ['http://127.0.0.1:1234/callback', 'http://127.0.0.1:65000/callback', 'http://[::1]:4321/callback', 'http://127.0.0.1/callback']) {
      const verifier = newVerifier();
      const res = await decide(h, await openConsent(h, standardParams(verifier, { redirect_uri: uri })), 'approve');
      expect(res.status).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.host).toBe(new URL(uri).host);
      const code = location.searchParams.get('code')!;
      expect((await exchange(h, code, verifier, { redirect_uri: uri })).status).toBe(200);
    }
  });

  test('bad parameters go back to the application as OAuth errors with the state', async () => {
    const h = await start();
    const cases: [Record<string, string | undefined>, string][] = [
      [{ response_type: 'token' }, 'unsupported_response_type'],
      [{ code_challenge: undefined }, 'invalid_request'],
      [{ code_challenge_method: 'plain' }, 'invalid_request'],
      [{ code_challenge: 'not-a-challenge' }, 'invalid_request'],
      [{ scope: 'everything' }, 'invalid_scope'],
      [{ scope: undefined }, 'invalid_scope'],
    ];
    for (const [over, error] of cases) {
      const res = await fetch(authorizeUrl(h.origin, standardParams(newVerifier(), over)), { redirect: 'manual' });
      expect(res.status, JSON.stringify(over)).toBe(302);
      const location = new URL(res.headers.get('location')!);
      expect(location.origin + location.pathname).toBe('http://127.0.0.1:53682/callback');
      expect(location.searchParams.get('error')).toBe(error);
      expect(location.searchParams.get('state')).toBe('st-123');
    }
  });

  test('deny redirects with access_denied; a consent is answered once', async () => {
    const h = await start();
    const requestId = await openConsent(h, standardParams(newVerifier()));
    const res = await decide(h, requestId, 'deny');
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location')!);
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('st-123');
    expect(location.searchParams.has('code')).toBe(false);
    const again = await decide(h, requestId, 'approve');
    expect(again.status).toBe(400);
    expect(again.headers.get('location')).toBeNull();
  });

  test('a forged consent id is refused', async () => {
    const h = await start();
    const res = await decide(h, 'f'.repeat(32), 'approve');
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('token endpoint errors and client authentication', () => {
  test('RFC 6749 error bodies', async () => {
    const h = await start();
    const unknownClient = await tokenRequest(h, { grant_type: 'authorization_code', client_id: 'nobody', code: 'x' });
    expect(unknownClient.status).toBe(401);
    expect(unknownClient.json.error).toBe('invalid_client');
    const grant = await tokenRequest(h, { grant_type: 'password', client_id: DEMO_OAUTH_CLIENT_ID });
    expect(grant.status).toBe(400);
    expect(grant.json.error).toBe('unsupported_grant_type');
    const noGrant = await tokenRequest(h, { client_id: DEMO_OAUTH_CLIENT_ID });
    expect(noGrant.json.error).toBe('invalid_request');
    const badCode = await tokenRequest(h, { grant_type: 'authorization_code', client_id: DEMO_OAUTH_CLIENT_ID, code: 'forged', code_verifier: newVerifier() });
    expect(badCode.json.error).toBe('invalid_grant');
    const badJson = await fetch(`${h.origin}/oauth/v2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
    expect(badJson.status).toBe(400);
    expect(((await badJson.json()) as { error: string }).error).toBe('invalid_request');
    const dup = await fetch(`${h.origin}/oauth/v2/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=authorization_code&grant_type=refresh_token&client_id=make-tray-demo',
    });
    expect(((await dup.json()) as { error: string }).error).toBe('invalid_request');
  });

  test('a confidential client must present its secret and gets a refresh token', async () => {
    const h = await start();
    const request = { client_id: CONFIDENTIAL.clientId, response_type: 'code', redirect_uri: CONFIDENTIAL.redirectUris[0]!, scope: 'scenarios:read', state: 's' };
    const code = async () => new URL((await decide(h, await openConsent(h, request), 'approve')).headers.get('location')!).searchParams.get('code')!;
    const wrong = await tokenRequest(h, { grant_type: 'authorization_code', client_id: CONFIDENTIAL.clientId, client_secret: 'nope', code: await code() });
    expect(wrong.status).toBe(401);
    expect(wrong.json.error).toBe('invalid_client');
    expect(wrong.text).not.toContain('s3cret');
    const ok = await tokenRequest(h, { grant_type: 'authorization_code', client_id: CONFIDENTIAL.clientId, client_secret: CONFIDENTIAL.clientSecret, code: await code() });
    expect(ok.status).toBe(200);
    expect(typeof ok.json.refresh_token).toBe('string');
  });
});

describe('refresh, revoke, expiry', () => {
  async function refreshingTokens(h: Harness): Promise<Record<string, unknown>> {
    const verifier = newVerifier();
    const code = await getCode(h, verifier, { client_id: REFRESHING_OAUTH_CLIENT_ID });
    const { json } = await tokenRequest(h, { grant_type: 'authorization_code', client_id: REFRESHING_OAUTH_CLIENT_ID, code, code_verifier: verifier, redirect_uri: LOOPBACK });
    expect(typeof json.refresh_token).toBe('string');
    return json;
  }
  const refresh = (h: Harness, refresh_token: string) =>
    tokenRequest(h, { grant_type: 'refresh_token', client_id: REFRESHING_OAUTH_CLIENT_ID, refresh_token });

  test('refresh rotates: a new refresh token each time, the old one stops working', async () => {
    const h = await start();
    const first = await refreshingTokens(h);
    const second = await refresh(h, first.refresh_token as string);
    expect(second.status).toBe(200);
    expect(second.json.refresh_token).not.toBe(first.refresh_token);
    expect(second.json.access_token).not.toBe(first.access_token);
    const third = await refresh(h, second.json.refresh_token as string);
    expect(third.status).toBe(200);
    expect(h.authority.verifyAccessToken(third.json.access_token as string)?.userId).toBe(7);
  });

  test('replaying a rotated refresh token fails and revokes the whole grant', async () => {
    const h = await start();
    const first = await refreshingTokens(h);
    const second = await refresh(h, first.refresh_token as string);
    const replay = await refresh(h, first.refresh_token as string);
    expect(replay.status).toBe(400);
    expect(replay.json.error).toBe('invalid_grant');
    expect(h.authority.verifyAccessToken(second.json.access_token as string)).toBeNull();
    expect((await refresh(h, second.json.refresh_token as string)).json.error).toBe('invalid_grant');
  });

  test('the demo public client gets no refresh token and cannot refresh', async () => {
    const h = await start();
    const verifier = newVerifier();
    const { json } = await exchange(h, await getCode(h, verifier), verifier);
    expect(json).not.toHaveProperty('refresh_token');
    const attempt = await tokenRequest(h, { grant_type: 'refresh_token', client_id: DEMO_OAUTH_CLIENT_ID, refresh_token: 'anything' });
    expect(attempt.json.error).toBe('invalid_grant');
  });

  test('revoking an access token stops it; revoking a refresh token stops the grant; unknown tokens are fine', async () => {
    const h = await start();
    const tokens = await refreshingTokens(h);
    const revoke = (token: string) =>
      fetch(`${h.origin}/oauth/v2/revoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ token, client_id: REFRESHING_OAUTH_CLIENT_ID }).toString(),
      });
    expect((await revoke(tokens.access_token as string)).status).toBe(200);
    expect(h.authority.verifyAccessToken(tokens.access_token as string)).toBeNull();
    const next = await refresh(h, tokens.refresh_token as string);
    expect(next.status).toBe(200);
    expect((await revoke(next.json.refresh_token as string)).status).toBe(200);
    expect(h.authority.verifyAccessToken(next.json.access_token as string)).toBeNull();
    expect((await refresh(h, next.json.refresh_token as string)).json.error).toBe('invalid_grant');
    expect((await revoke('not-a-token')).status).toBe(200);
  });

  test('access tokens expire on the injected clock', async () => {
    const h = await start();
    const verifier = newVerifier();
    const access = (await exchange(h, await getCode(h, verifier), verifier)).json.access_token as string;
    await h.clock.advance(3_599_000);
    expect(h.authority.verifyAccessToken(access)).not.toBeNull();
    await h.clock.advance(1_000);
    expect(h.authority.verifyAccessToken(access)).toBeNull();
    expect((await userinfo(h, access)).status).toBe(401);
  });

  test('accessTokenTtlS is honoured', async () => {
    const h = await start({ accessTokenTtlS: 120 });
    const verifier = newVerifier();
    const { json } = await exchange(h, await getCode(h, verifier), verifier);
    expect(json.expires_in).toBe(120);
    await h.clock.advance(120_000);
    expect(h.authority.verifyAccessToken(json.access_token as string)).toBeNull();
  });

  test('revokeAllForUser ends every grant of that user', async () => {
    const h = await start();
    const tokens = await refreshingTokens(h);
    h.authority.revokeAllForUser(8);
    expect(h.authority.verifyAccessToken(tokens.access_token as string)).not.toBeNull();
    h.authority.revokeAllForUser(7);
    expect(h.authority.verifyAccessToken(tokens.access_token as string)).toBeNull();
    expect((await refresh(h, tokens.refresh_token as string)).json.error).toBe('invalid_grant');
  });

  test('verifyAccessToken rejects strings it never issued', async () => {
    const h = await start();
    expect(h.authority.verifyAccessToken('')).toBeNull();
    expect(h.authority.verifyAccessToken('eyJhbGciOiJub25lIn0.e30.')).toBeNull();
  });
});
