// The OAuth authority as mounted by the simulator: a PKCE sign-in on its origin yields a Bearer token
// that the zones accept, until the user's grants are revoked.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DEMO_OAUTH_CLIENT_ID } from '../../../electron/sim/oauth/authority';
import { startSimulator } from '../../../electron/sim/simulator';

let sim: Awaited<ReturnType<typeof startSimulator>>;

beforeAll(async () => {
  sim = await startSimulator({ basePort: 0, mode: 'test', seed: 1 });
});
afterAll(async () => {
  await sim?.close();
});

async function signIn(scope: string): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const redirectUri = 'http://127.0.0.1:45678/callback';
  const authorize = new URL('/oauth/v2/authorize', sim.oauthOrigin);
  for (const [k, v] of Object.entries({
    client_id: DEMO_OAUTH_CLIENT_ID,
    response_type: 'code',
    redirect_uri: redirectUri,
    scope,
    state: 'xyz',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
  })) authorize.searchParams.set(k, v);
  const page = await (await fetch(authorize)).text();
  const requestId = /name="request_id" value="([0-9a-f]+)"/.exec(page)?.[1] ?? '';
  const approved = await fetch(new URL('/oauth/v2/authorize', sim.oauthOrigin), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ request_id: requestId, decision: 'approve' }).toString(),
  });
  const code = new URL(approved.headers.get('location') ?? 'http://invalid/').searchParams.get('code') ?? '';
  const token = await fetch(new URL('/oauth/v2/token', sim.oauthOrigin), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'authorization_code', client_id: DEMO_OAUTH_CLIENT_ID, code, code_verifier: verifier, redirect_uri: redirectUri }).toString(),
  });
  expect(token.status).toBe(200);
  return ((await token.json()) as { access_token: string }).access_token;
}

const me = (token: string, path = '/users/me') => fetch(sim.zones[0]!.baseUrl + path, { headers: { authorization: `Bearer ${token}` } });

test('a Bearer token from the simulated sign-in works on the zone and carries its scopes', async () => {
  const token = await signIn('openid user:read scenarios:read');
  const res = await me(token);
  expect(res.status).toBe(200);
  const body = (await res.json()) as { authUser: { id: number } };
  expect(body.authUser.id).toBe(sim.demoUserId);
  const auth = (await (await me(token, '/users/me/current-authorization')).json()) as { authorization: { scope: string[] } };
  expect(auth.authorization.scope).toEqual(expect.arrayContaining(['user:read', 'scenarios:read']));
  expect(auth.authorization.scope).not.toContain('openid');
});

test('revoking the user’s OAuth grants turns the token away', async () => {
  const token = await signIn('openid user:read');
  expect((await me(token)).status).toBe(200);
  sim.control.revokeOAuthForUser(sim.demoUserId);
  const after = await me(token);
  expect(after.status).toBe(401);
  expect(await after.text()).not.toContain(token);
});
