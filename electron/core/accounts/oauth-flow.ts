// OAuth 2.0 for native apps (RFC 8252): the system browser via an injected `openExternal`, PKCE S256,
// a random `state`, a loopback redirect open only for this flow, a deadline, then the code exchange.
import { SystemClock, type Clock } from '../../../shared/clock';
import { openLoopbackRedirect, type CallbackDecision } from './loopback-redirect';
import { OAuthError, serverText } from './oauth-errors';
import { discoverEndpoints, exchangeCode, type OAuthEndpoints, type OAuthTokenSet } from './oauth-server';
import { createPkcePair, randomState } from './pkce';

export interface OAuthClientSettings {
  /** Issuer origin, e.g. https://www.make.com (or the simulator's origin). */
  authorizationServer: string;
  clientId: string;
  /** Make API scopes to ask for; `openid` may be included. */
  scopes: readonly string[];
  /** Path of the registered loopback redirect URI (default `/callback`). */
  redirectPath?: string;
  /**
   * Fixed port of the loopback redirect, for authorization servers that only accept pre-registered
   * redirect URIs (Make). Default: an ephemeral port chosen per sign-in (RFC 8252 §7.3).
   */
  redirectPort?: number;
}

export interface OAuthFlowOptions {
  settings: OAuthClientSettings;
  /** Opens the URL in the user's browser (Electron: shell.openExternal). Never an embedded window. */
  openExternal: (url: string) => Promise<void> | void;
  clock?: Clock;
  /** How long to wait for the browser to come back (default 5 minutes). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** Endpoints, when already known; otherwise read from the server's discovery document. */
  endpoints?: OAuthEndpoints;
}

export interface OAuthFlowResult {
  tokens: OAuthTokenSet;
  endpoints: OAuthEndpoints;
}

type CallbackOutcome = { ok: true; code: string } | { ok: false; error: OAuthError };

/**
 * Pure: what a redirect's query means for a flow that sent `expectedState`. Only a request carrying
 * exactly that state is the answer (RFC 6749 §4.1.2). Anything else — no state, a wrong or repeated
 * state — is null: refused with a 400 while the sign-in keeps waiting, so no other local process can
 * end (or cancel) it by calling the redirect URI.
 */
export function interpretCallback(query: URLSearchParams, expectedState: string): CallbackDecision<CallbackOutcome> | null {
  const failed = (error: OAuthError): CallbackDecision<CallbackOutcome> => ({ page: { ok: false, message: error.message }, outcome: { ok: false, error } });
  const states = query.getAll('state');
  if (states.length !== 1 || states[0] !== expectedState) return null;
  const error = query.get('error');
  if (error !== null) {
    if (error === 'access_denied') return failed(new OAuthError('denied', 'Access was denied in the browser.', error));
    const described = serverText(query.get('error_description'));
    return failed(new OAuthError('authorization-error', `The sign-in server reported an error (${serverText(error) ?? 'unknown'}${described ? `: ${described}` : ''}).`, error));
  }
  const code = query.get('code');
  if (!code) return failed(new OAuthError('invalid-callback', 'The sign-in answer carried no authorization code.'));
  return { page: { ok: true, message: 'Make Tray received the sign-in.' }, outcome: { ok: true, code } };
}

export function buildAuthorizeUrl(
  authorizationEndpoint: string,
  p: { clientId: string; redirectUri: string; scopes: readonly string[]; state: string; codeChallenge: string },
): string {
  const url = new URL(authorizationEndpoint);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('scope', p.scopes.join(' '));
  url.searchParams.set('state', p.state);
  url.searchParams.set('code_challenge', p.codeChallenge);
  url.searchParams.set('code_challenge_method', 'S256');
  return url.toString();
}

export async function runOAuthFlow(opts: OAuthFlowOptions): Promise<OAuthFlowResult> {
  const { settings } = opts;
  const clock = opts.clock ?? new SystemClock();
  const timeoutMs = opts.timeoutMs ?? 5 * 60_000;
  if (settings.clientId.trim() === '') throw new OAuthError('misconfigured', 'No OAuth client ID is set.');
  if (settings.scopes.length === 0) throw new OAuthError('misconfigured', 'No scopes are set for the OAuth sign-in.');
  const endpoints = opts.endpoints ?? (await discoverEndpoints(settings.authorizationServer, opts.signal ? { signal: opts.signal } : {}));

  const pkce = createPkcePair();
  const state = randomState();
  let listener;
  try {
    listener = await openLoopbackRedirect<CallbackOutcome>({
      ...(settings.redirectPath !== undefined && { path: settings.redirectPath }),
      ...(settings.redirectPort !== undefined && { port: settings.redirectPort }),
      decide: (query) => interpretCallback(query, state),
    });
  } catch (err) {
    const inUse = (err as { code?: unknown }).code === 'EADDRINUSE';
    throw new OAuthError(
      'misconfigured',
      inUse
        ? `The sign-in redirect port ${settings.redirectPort ?? ''} is in use by another program; close it or choose another port.`
        : 'The sign-in redirect could not be opened on this machine.',
    );
  }

  let timer: ReturnType<Clock['setTimeout']> | null = null;
  let onAbort: (() => void) | null = null;
  try {
    const stopped = new Promise<never>((_, reject) => {
      timer = clock.setTimeout(() => reject(new OAuthError('timeout', 'Sign-in timed out: the browser did not come back in time.')), timeoutMs);
      onAbort = () => reject(new OAuthError('cancelled', 'Sign-in was cancelled.'));
      if (opts.signal?.aborted) onAbort();
      opts.signal?.addEventListener('abort', onAbort, { once: true });
    });
    stopped.catch(() => undefined); // observed below or dropped when the flow ends another way
    const authorizeUrl = buildAuthorizeUrl(endpoints.authorizationEndpoint, {
      clientId: settings.clientId,
      redirectUri: listener.redirectUri,
      scopes: settings.scopes,
      state,
      codeChallenge: pkce.challenge,
    });
    try {
      await opts.openExternal(authorizeUrl);
    } catch {
      throw new OAuthError('browser-failed', 'The browser could not be opened for sign-in.');
    }
    const callback = await Promise.race([listener.outcome, stopped]);
    if (!callback.ok) throw callback.error;
    await listener.close();
    const tokens = await exchangeCode(
      endpoints,
      { clientId: settings.clientId, code: callback.code, codeVerifier: pkce.verifier, redirectUri: listener.redirectUri },
      clock.now(),
      opts.signal ? { signal: opts.signal } : {},
    );
    return { tokens, endpoints };
  } finally {
    if (timer) clock.clearTimeout(timer);
    if (onAbort) opts.signal?.removeEventListener('abort', onAbort);
    await listener.close();
  }
}
