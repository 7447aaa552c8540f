// The OAuth sign-in over real HTTP: the simulator's authorization server, the app's loopback
// listener, and an HTTP client playing the system browser.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_OAUTH_CLIENT_ID, REFRESHING_OAUTH_CLIENT_ID } from '../../../electron/sim/oauth/authority';
import { OAuthError, openLoopbackRedirect, runOAuthFlow, type OAuthClientSettings } from '../../../electron/core/accounts';
import { answerConsent, portIsClosed, type BrowserVisit } from './browser';
import { startAuthority, type AuthorityHarness } from './oauth-authority';

let h: AuthorityHarness;
beforeEach(async () => {
  h = await startAuthority();
});
afterEach(async () => {
  await h.close();
});

const settings = (over: Partial<OAuthClientSettings> = {}): OAuthClientSettings => ({
  authorizationServer: h.origin,
  clientId: DEMO_OAUTH_CLIENT_ID,
  scopes: ['openid', 'scenarios:read', 'organizations:read'],
  ...over,
});

/** A browser that answers the consent page as soon as the app opens it. */
function browser(decision: 'approve' | 'deny', tamper?: (u: URL) => URL) {
  const opened: string[] = [];
  let visit!: Promise<BrowserVisit>;
  return {
    opened,
    visit: () => visit,
    openExternal: (url: string) => {
      opened.push(url);
      visit = answerConsent(url, decision, tamper);
    },
  };
}

const portOf = (authorizeUrl: string): number => Number(new URL(new URL(authorizeUrl).searchParams.get('redirect_uri')!).port);

describe('OAuth sign-in (RFC 8252) against the simulator', () => {
  it('happy path: PKCE S256 + state, loopback redirect, code exchange; the listener closes afterwards', async () => {
    const b = browser('approve');
    const result = await runOAuthFlow({ settings: settings(), openExternal: b.openExternal, clock: h.clock });

    expect(b.opened).toHaveLength(1);
    const url = new URL(b.opened[0]!);
    expect(url.origin + url.pathname).toBe(`${h.origin}/oauth/v2/authorize`);
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    expect(new URL(url.searchParams.get('redirect_uri')!).hostname).toBe('127.0.0.1');

    const granted = h.authority.verifyAccessToken(result.tokens.accessToken);
    expect(granted).toEqual({ userId: 7, scopes: ['scenarios:read', 'organizations:read'], clientId: DEMO_OAUTH_CLIENT_ID });
    expect(result.tokens.refreshToken).toBeNull(); // Make's public clients usually get none
    expect(result.tokens.expiresAt).toBe(h.clock.now() + 3600_000);
    expect(result.endpoints.tokenEndpoint).toBe(`${h.origin}/oauth/v2/token`);

    const page = await b.visit();
    expect(page.status).toBe(200);
    expect(page.html).toContain('go back to Make Tray');
    expect(page.html).not.toContain(result.tokens.accessToken);
    expect(await portIsClosed(portOf(b.opened[0]!))).toBe(true);
  });

  it('a stray request to the callback without state does not end the sign-in', async () => {
    let authorizeUrl = '';
    let opened!: () => void;
    const wasOpened = new Promise<void>((r) => (opened = r));
    const flow = runOAuthFlow({
      settings: settings(),
      openExternal: (url) => {
        authorizeUrl = url;
        opened();
      },
      clock: h.clock,
    });
    await wasOpened;
    const redirectUri = new URL(authorizeUrl).searchParams.get('redirect_uri')!;
    const stray = await fetch(`${redirectUri}?code=guess`);
    expect(stray.status).toBe(400);
    const page = await answerConsent(authorizeUrl, 'approve');
    expect(page.status).toBe(200);
    const result = await flow;
    expect(h.authority.verifyAccessToken(result.tokens.accessToken)).not.toBeNull();
  });

  it('a client that gets refresh tokens receives one', async () => {
    const b = browser('approve');
    const result = await runOAuthFlow({ settings: settings({ clientId: REFRESHING_OAUTH_CLIENT_ID }), openExternal: b.openExternal, clock: h.clock });
    expect(result.tokens.refreshToken).toEqual(expect.any(String));
    await b.visit();
  });

  it('denied consent → "denied", the browser is told, the listener closes', async () => {
    const b = browser('deny');
    const err = await runOAuthFlow({ settings: settings(), openExternal: b.openExternal, clock: h.clock }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).problem).toBe('denied');
    const page = await b.visit();
    expect(page.status).toBe(400);
    expect(page.html).toContain('Sign-in did not complete');
    expect(await portIsClosed(portOf(b.opened[0]!))).toBe(true);
  });

  it('a redirect with the wrong state gets a 400 and the sign-in keeps waiting for the real answer', async () => {
    let real: string | null = null;
    const b = browser('approve', (u) => {
      real = u.toString();
      const forged = new URL(u);
      forged.searchParams.set('state', 'forged-state');
      return forged;
    });
    const flow = runOAuthFlow({ settings: settings(), openExternal: b.openExternal, clock: h.clock });
    let settled = false;
    void flow.then(() => (settled = true), () => (settled = true));
    await new Promise<void>((r) => setImmediate(r));
    while (b.opened.length === 0) await new Promise<void>((r) => setImmediate(r));
    const forgedPage = await b.visit();
    expect(forgedPage.status).toBe(400);
    expect(settled).toBe(false);
    expect(await portIsClosed(portOf(b.opened[0]!))).toBe(false);
    // The browser's genuine answer still completes the sign-in (the code was not spent).
    const res = await fetch(real!);
    expect(res.status).toBe(200);
    const result = await flow;
    expect(result.tokens.accessToken.length).toBeGreaterThan(0);
    expect(await portIsClosed(portOf(b.opened[0]!))).toBe(true);
  });

  it('a fixed redirect port from the settings is used', async () => {
    const probe = await openLoopbackRedirect({ decide: () => null });
    const port = probe.port; // a port that was free a moment ago
    await probe.close();
    const b = browser('approve');
    const result = await runOAuthFlow({ settings: settings({ redirectPort: port }), openExternal: b.openExternal, clock: h.clock });
    expect(portOf(b.opened[0]!)).toBe(port);
    expect(result.tokens.accessToken.length).toBeGreaterThan(0);
    await b.visit();
  });

  it('no answer from the browser → "timeout", and the listener is closed', async () => {
    const opened: string[] = [];
    let resolveOpened!: () => void;
    const wasOpened = new Promise<void>((r) => (resolveOpened = r));
    const flow = runOAuthFlow({
      settings: settings(),
      openExternal: (url) => {
        opened.push(url);
        resolveOpened();
      },
      clock: h.clock,
      timeoutMs: 120_000,
    }).catch((e: unknown) => e);
    await wasOpened;
    expect(await portIsClosed(portOf(opened[0]!))).toBe(false); // open while waiting
    await h.clock.advance(120_000);
    const err = await flow;
    expect(err).toBeInstanceOf(OAuthError);
    expect((err as OAuthError).problem).toBe('timeout');
    expect(await portIsClosed(portOf(opened[0]!))).toBe(true);
  });

  it('refuses an authorization server that is not HTTPS (loopback aside)', async () => {
    const err = await runOAuthFlow({
      settings: settings({ authorizationServer: 'http://auth.example.com' }),
      openExternal: () => undefined,
    }).catch((e: unknown) => e);
    expect((err as OAuthError).problem).toBe('misconfigured');
  });

  it('a browser that cannot be opened ends the flow and closes the listener', async () => {
    let seen = '';
    const err = await runOAuthFlow({
      settings: settings(),
      openExternal: (url) => {
        seen = url;
        throw new Error('no browser');
      },
      clock: h.clock,
    }).catch((e: unknown) => e);
    expect((err as OAuthError).problem).toBe('browser-failed');
    expect(await portIsClosed(portOf(seen))).toBe(true);
  });
});
