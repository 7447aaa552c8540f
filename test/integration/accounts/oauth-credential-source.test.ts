// Expiry and refresh of an OAuth account's credential against the simulator's token endpoint.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OAUTH_CLIENT_ID, REFRESHING_OAUTH_CLIENT_ID } from '../../../electron/sim/oauth/authority';
import {
  OAuthCredentialSource,
  OAuthError,
  SignInRequiredError,
  refreshTokens,
  runOAuthFlow,
  type OAuthFlowResult,
} from '../../../electron/core/accounts';
import { decodeSecret, secretAccountName } from '../../../electron/core/accounts/stored-secret';
import { SessionSecretStore } from '../../../electron/core/secrets';
import { answerConsent } from './browser';
import { startAuthority, type AuthorityHarness } from './oauth-authority';

let h: AuthorityHarness;
beforeEach(async () => {
  h = await startAuthority();
});
afterEach(async () => {
  await h.close();
});

async function signIn(clientId: string): Promise<OAuthFlowResult> {
  let visit: Promise<unknown> = Promise.resolve();
  const result = await runOAuthFlow({
    settings: { authorizationServer: h.origin, clientId, scopes: ['scenarios:read'] },
    openExternal: (url) => {
      visit = answerConsent(url, 'approve');
    },
    clock: h.clock,
  });
  await visit;
  return result;
}

function sourceFor(flow: OAuthFlowResult, clientId: string, secrets = new SessionSecretStore()) {
  const notices: string[] = [];
  const source = new OAuthCredentialSource({
    accountId: 'oauth-test-u7',
    zone: 'eu1.make.com',
    clientId,
    tokenEndpoint: flow.endpoints.tokenEndpoint,
    tokens: { accessToken: flow.tokens.accessToken, refreshToken: flow.tokens.refreshToken, expiresAt: flow.tokens.expiresAt },
    secrets,
    clock: h.clock,
    onNeedsSignIn: (m) => notices.push(m),
  });
  return { source, notices, secrets };
}

const bearer = (header: string): string => header.replace(/^Bearer /, '');

describe('OAuthCredentialSource', () => {
  it('expired access token without a refresh token → needs sign-in, notified exactly once', async () => {
    const flow = await signIn(DEMO_OAUTH_CLIENT_ID);
    const { source, notices } = sourceFor(flow, DEMO_OAUTH_CLIENT_ID);
    expect(bearer(await source.authorization())).toBe(flow.tokens.accessToken);

    await h.clock.advance(3600_000);
    expect(h.authority.verifyAccessToken(flow.tokens.accessToken)).toBeNull(); // the server agrees it expired
    await expect(source.authorization()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(source.authorization()).rejects.toThrow(/Sign in again/);
    expect(await source.onUnauthorized()).toBe(false);
    expect(source.needsSignIn).toBe(true);
    expect(notices).toEqual(['The sign-in for eu1.make.com has expired. Sign in again.']);
  });

  it('with a refresh token: refreshes quietly on expiry and stores the rotated refresh token in place of the old one', async () => {
    const flow = await signIn(REFRESHING_OAUTH_CLIENT_ID);
    const { source, notices, secrets } = sourceFor(flow, REFRESHING_OAUTH_CLIENT_ID);
    const oldRefresh = flow.tokens.refreshToken!;

    await h.clock.advance(3600_000);
    // Concurrent requests share one refresh (a second one would replay the rotated token).
    const headers = await Promise.all([source.authorization(), source.authorization(), source.authorization()]);
    expect(new Set(headers).size).toBe(1);
    const fresh = bearer(headers[0]!);
    expect(fresh).not.toBe(flow.tokens.accessToken);
    expect(h.authority.verifyAccessToken(fresh)).toMatchObject({ userId: 7, clientId: REFRESHING_OAUTH_CLIENT_ID });
    expect(notices).toEqual([]);

    const stored = decodeSecret(await secrets.get(secretAccountName('oauth-test-u7')));
    expect(stored).toMatchObject({ kind: 'oauth', accessToken: fresh, expiresAt: h.clock.now() + 3600_000 });
    expect(stored?.kind === 'oauth' && stored.refreshToken).toEqual(expect.any(String));
    expect(stored?.kind === 'oauth' && stored.refreshToken).not.toBe(oldRefresh);
    expect(await secrets.list()).toEqual([secretAccountName('oauth-test-u7')]);

    // The old refresh token is dead after rotation.
    const replay = await refreshTokens(flow.endpoints.tokenEndpoint, { clientId: REFRESHING_OAUTH_CLIENT_ID, refreshToken: oldRefresh }, h.clock.now()).catch((e: unknown) => e);
    expect(replay).toBeInstanceOf(OAuthError);
    expect((replay as OAuthError).problem).toBe('token-rejected');
  });

  it('a 401 triggers one refresh; a second 401 right after means sign in again', async () => {
    const flow = await signIn(REFRESHING_OAUTH_CLIENT_ID);
    const { source, notices } = sourceFor(flow, REFRESHING_OAUTH_CLIENT_ID);
    expect(await source.onUnauthorized()).toBe(true);
    const refreshed = bearer(await source.authorization());
    expect(refreshed).not.toBe(flow.tokens.accessToken);
    expect(await source.onUnauthorized()).toBe(false);
    expect(notices).toHaveLength(1);
    await expect(source.authorization()).rejects.toBeInstanceOf(SignInRequiredError);
  });

  it('a refused refresh (revoked grant) → needs sign-in once', async () => {
    const flow = await signIn(REFRESHING_OAUTH_CLIENT_ID);
    const { source, notices } = sourceFor(flow, REFRESHING_OAUTH_CLIENT_ID);
    h.authority.revokeAllForUser(7);
    await h.clock.advance(3600_000);
    await expect(source.authorization()).rejects.toBeInstanceOf(SignInRequiredError);
    await expect(source.authorization()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(notices).toHaveLength(1);
  });

  it('JSON of the source holds no token', async () => {
    const flow = await signIn(REFRESHING_OAUTH_CLIENT_ID);
    const { source } = sourceFor(flow, REFRESHING_OAUTH_CLIENT_ID);
    const text = JSON.stringify(source);
    expect(text).not.toContain(flow.tokens.accessToken);
    expect(text).not.toContain(flow.tokens.refreshToken!);
  });
});

/** A token endpoint on loopback that holds every answer until `release` is called. */
async function slowTokenEndpoint(answer: { status: number; body: unknown }) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let arrived!: () => void;
  const requested = new Promise<void>((r) => (arrived = r));
  const server = createServer((req, res) => {
    req.resume();
    arrived();
    void gate.then(() => {
      res.writeHead(answer.status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/token`,
    requested,
    release,
    close: () => new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    }),
  };
}

describe('OAuthCredentialSource.dispose (sign-out or a new sign-in during a refresh)', () => {
  const expiredSource = (tokenEndpoint: string) => {
    const secrets = new SessionSecretStore();
    const notices: string[] = [];
    const source = new OAuthCredentialSource({
      accountId: 'oauth-test-u8',
      zone: 'eu1.make.com',
      clientId: 'client',
      tokenEndpoint,
      tokens: { accessToken: 'old-access-token-000', refreshToken: 'old-refresh-token-000', expiresAt: h.clock.now() - 1 },
      secrets,
      clock: h.clock,
      onNeedsSignIn: (m) => notices.push(m),
    });
    return { source, secrets, notices };
  };

  it('a refresh that finishes after dispose saves nothing (no orphaned keychain entry)', async () => {
    const slow = await slowTokenEndpoint({ status: 200, body: { access_token: 'new-access-token-111', token_type: 'Bearer', refresh_token: 'new-refresh-222', expires_in: 3600 } });
    try {
      const { source, secrets } = expiredSource(slow.url);
      const pending = source.authorization().catch((e: unknown) => e);
      await slow.requested;
      await source.dispose(); // the registry deletes the entry right after this
      slow.release();
      await pending;
      expect(await secrets.get(secretAccountName('oauth-test-u8'))).toBeNull();
      expect(source.isDisposed).toBe(true);
    } finally {
      await slow.close();
    }
  });

  it('a refusal that arrives after dispose does not report "needs sign-in"', async () => {
    const slow = await slowTokenEndpoint({ status: 400, body: { error: 'invalid_grant' } });
    try {
      const { source, secrets, notices } = expiredSource(slow.url);
      const pending = source.authorization().catch((e: unknown) => e);
      await slow.requested;
      await source.dispose();
      slow.release();
      expect(await pending).toBeInstanceOf(SignInRequiredError);
      expect(notices).toEqual([]);
      expect(await secrets.get(secretAccountName('oauth-test-u8'))).toBeNull();
    } finally {
      await slow.close();
    }
  });

  it('without dispose the same refresh is saved (the check above can fail)', async () => {
    const slow = await slowTokenEndpoint({ status: 200, body: { access_token: 'new-access-token-111', token_type: 'Bearer', refresh_token: 'new-refresh-222', expires_in: 3600 } });
    try {
      const { source, secrets } = expiredSource(slow.url);
      const pending = source.authorization();
      await slow.requested;
      slow.release();
      expect(await pending).toBe('Bearer new-access-token-111');
      expect(decodeSecret(await secrets.get(secretAccountName('oauth-test-u8')))).toMatchObject({ refreshToken: 'new-refresh-222' });
    } finally {
      await slow.close();
    }
  });
});
