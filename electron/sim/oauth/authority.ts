// The simulator's OAuth 2.0 / OpenID Connect authorization server, shaped like Make's at www.make.com
// (REFERENCE §3): authorization code + PKCE S256, consent page, token / revoke / userinfo / jwks and the
// discovery document. The simulator mounts `handle` on its own origin and checks Bearer tokens with
// `verifyAccessToken`. Nothing here logs or echoes a token.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Clock } from '../../../shared/clock';
import { defaultOAuthClients, isPublicClient, matchesRegisteredRedirect, type OAuthClient } from './clients';
import { CONSENT_DECISION_FIELD, CONSENT_REQUEST_FIELD, consentPage, errorPage } from './consent-page';
import { discoveryDocument, OAUTH_PATHS } from './discovery';
import { GrantStore, randomId, type AuthorizeRequest, type GrantView } from './grants';
import { basicCredentials, bearerToken, BodyError, readParams, redirect, sendHtml, sendJson } from './http';
import { jwks, signJwt } from './jwt';
import { isValidS256Challenge, verifyS256 } from './pkce';
import { apiScopes, OPENID_SCOPE, parseScopeParam } from './scopes';

export {
  DEMO_OAUTH_CLIENT_ID,
  DEMO_OAUTH_REDIRECT_URI,
  REFRESHING_OAUTH_CLIENT_ID,
  type OAuthClient,
} from './clients';
export { CONSENT_DECISION_FIELD, CONSENT_REQUEST_FIELD } from './consent-page';
export { OAUTH_PATHS } from './discovery';

export interface OAuthAuthorityOptions {
  clock: Clock;
  /** The consent page acts as the first user. */
  users: () => { id: number; name: string; email: string }[];
  /** Added to (and overriding by id) the default clients: the demo public client and a refreshing one. */
  clients?: { clientId: string; redirectUris: string[]; clientSecret?: string; issueRefreshTokens?: boolean }[];
  /** Default 3600, as Make. */
  accessTokenTtlS?: number;
}

export interface OAuthAuthority {
  handle(req: IncomingMessage, res: ServerResponse, issuerOrigin: string): void;
  /** The token's user, its Make API scopes (without `openid`) and client; null if unknown, revoked or expired. */
  verifyAccessToken(token: string): { userId: number; scopes: string[]; clientId: string } | null;
  revokeAllForUser(userId: number): void;
}

type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'unsupported_response_type'
  | 'access_denied'
  | 'invalid_token'
  | 'insufficient_scope'
  | 'server_error';

class OAuthError extends Error {
  constructor(
    readonly code: OAuthErrorCode,
    readonly description: string,
    readonly status = code === 'invalid_client' || code === 'invalid_token' ? 401 : 400,
  ) {
    super(description);
  }
}

export function createOAuthAuthority(opts: OAuthAuthorityOptions): OAuthAuthority {
  const clients = new Map<string, OAuthClient>();
  for (const c of [...defaultOAuthClients(), ...(opts.clients ?? [])]) clients.set(c.clientId, { ...c });
  const ttlS = opts.accessTokenTtlS ?? 3600;
  const store = new GrantStore(opts.clock);

  async function route(req: IncomingMessage, res: ServerResponse, issuer: string): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://oauth.invalid');
    const method = req.method ?? 'GET';
    const allow = (methods: string[]): boolean => {
      if (methods.includes(method)) return true;
      sendJson(res, 405, makeError(405, 'Method not allowed.'), { allow: methods.join(', ') });
      return false;
    };
    switch (url.pathname) {
      case OAUTH_PATHS.authorize:
        if (!allow(['GET', 'POST'])) return;
        return method === 'GET' ? authorize(url.searchParams, res) : decide(req, res);
      case OAUTH_PATHS.token:
        if (allow(['POST'])) await oauthJson(res, () => token(req, issuer));
        return;
      case OAUTH_PATHS.revoke:
        if (allow(['POST'])) await oauthJson(res, () => revoke(req));
        return;
      case OAUTH_PATHS.userinfo:
        if (allow(['GET', 'POST'])) userinfo(req, res);
        return;
      case OAUTH_PATHS.jwks:
        if (allow(['GET'])) sendJson(res, 200, jwks(), { 'cache-control': 'public, max-age=3600' });
        return;
      case OAUTH_PATHS.discovery:
        if (allow(['GET'])) sendJson(res, 200, discoveryDocument(issuer), { 'cache-control': 'public, max-age=3600' });
        return;
      default:
        sendJson(res, 404, makeError(404, 'Not found.'));
    }
  }

  // ── authorize ────────────────────────────────────────────────────────────────────────────────────

  function authorize(q: URLSearchParams, res: ServerResponse): void {
    const single = (name: string): string | null => {
      const all = q.getAll(name);
      return all.length === 1 ? all[0]! : null;
    };
    const clientId = single('client_id');
    const client = clientId === null ? undefined : clients.get(clientId);
    if (!client) return sendHtml(res, 400, errorPage('Unknown application', 'The client_id is missing or not registered.'));
    const redirectUri = single('redirect_uri');
    if (redirectUri === null || !matchesRegisteredRedirect(redirectUri, client.redirectUris)) {
      return sendHtml(res, 400, errorPage('Invalid redirect URI', 'The redirect_uri is missing or not registered for this application.'));
    }
    // From here on the redirect URI is trusted, so errors go back to the application (RFC 6749 §4.1.2.1).
    const state = q.get('state');
    const fail = (code: OAuthErrorCode, description: string): void =>
      redirect(res, withParams(redirectUri, { error: code, error_description: description, state }));

    for (const name of ['response_type', 'scope', 'state', 'code_challenge', 'code_challenge_method', 'nonce']) {
      if (q.getAll(name).length > 1) return fail('invalid_request', `Parameter ${name} appears more than once.`);
    }
    if (q.get('response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
    const scopes = parseScopeParam(q.get('scope') ?? '');
    if (!scopes) return fail('invalid_scope', 'scope must list Make API scopes (e.g. scenarios:read) and optionally openid.');
    const challenge = q.get('code_challenge');
    const method = q.get('code_challenge_method');
    if (challenge === null && isPublicClient(client)) return fail('invalid_request', 'code_challenge is required for public clients.');
    if (challenge !== null && method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
    if (challenge !== null && !isValidS256Challenge(challenge)) return fail('invalid_request', 'code_challenge is not a base64url SHA-256 value.');
    const user = opts.users()[0];
    if (!user) return sendHtml(res, 503, errorPage('No user', 'The simulator has no user to sign in as.'));

    const request: AuthorizeRequest = {
      clientId: client.clientId,
      redirectUri,
      scopes,
      state,
      codeChallenge: challenge,
      nonce: q.get('nonce'),
    };
    const requestId = store.openConsent(request);
    sendHtml(
      res,
      200,
      consentPage({ action: OAUTH_PATHS.authorize, requestId, clientId: client.clientId, userName: user.name, userEmail: user.email, scopes }),
    );
  }

  async function decide(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let params: Map<string, string>;
    try {
      params = await readParams(req);
    } catch (err) {
      if (err instanceof BodyError) return sendHtml(res, err.status, errorPage('Bad request', err.message));
      throw err;
    }
    const request = store.takeConsent(params.get(CONSENT_REQUEST_FIELD) ?? '');
    if (!request) {
      return sendHtml(res, 400, errorPage('Request expired', 'This authorization request has expired or was already answered. Start again from the application.'));
    }
    const decision = params.get(CONSENT_DECISION_FIELD);
    const user = opts.users()[0];
    if (decision === 'approve' && user) {
      const code = store.issueCode(request, user.id);
      return redirect(res, withParams(request.redirectUri, { code, state: request.state }));
    }
    if (decision === 'deny') {
      return redirect(res, withParams(request.redirectUri, { error: 'access_denied', error_description: 'The user denied access.', state: request.state }));
    }
    sendHtml(res, 400, errorPage('Bad request', 'Choose Approve or Deny.'));
  }

  // ── token, revoke ────────────────────────────────────────────────────────────────────────────────

  async function oauthJson(res: ServerResponse, fn: () => Promise<unknown>): Promise<void> {
    try {
      sendJson(res, 200, await fn());
    } catch (err) {
      if (err instanceof BodyError) {
        return sendJson(res, err.status === 413 ? 413 : 400, { error: 'invalid_request', error_description: err.message });
      }
      if (!(err instanceof OAuthError)) throw err;
      const headers: Record<string, string> = err.status === 401 ? { 'www-authenticate': 'Basic realm="oauth"' } : {};
      sendJson(res, err.status, { error: err.code, error_description: err.description }, headers);
    }
  }

  async function authenticateClient(req: IncomingMessage): Promise<{ client: OAuthClient; params: Map<string, string> }> {
    const params = await readParams(req);
    const basic = basicCredentials(req);
    if (basic && (params.has('client_secret') || (params.has('client_id') && params.get('client_id') !== basic.id))) {
      throw new OAuthError('invalid_request', 'Use one client authentication method.');
    }
    const clientId = basic?.id ?? params.get('client_id');
    const client = clientId === undefined ? undefined : clients.get(clientId);
    if (!client) throw new OAuthError('invalid_client', 'Unknown client.');
    if (!isPublicClient(client)) {
      const secret = basic?.secret ?? params.get('client_secret') ?? '';
      if (!sameSecret(secret, client.clientSecret!)) throw new OAuthError('invalid_client', 'Client authentication failed.');
    }
    return { client, params };
  }

  async function token(req: IncomingMessage, issuer: string): Promise<Record<string, unknown>> {
    const { client, params } = await authenticateClient(req);
    const grantType = params.get('grant_type');
    if (!grantType) throw new OAuthError('invalid_request', 'grant_type is required.');
    if (grantType === 'authorization_code') return exchangeCode(client, params, issuer);
    if (grantType === 'refresh_token') return refresh(client, params, issuer);
    throw new OAuthError('unsupported_grant_type', 'Use authorization_code or refresh_token.');
  }

  function exchangeCode(client: OAuthClient, params: Map<string, string>, issuer: string): Record<string, unknown> {
    const code = params.get('code');
    if (!code) throw new OAuthError('invalid_request', 'code is required.');
    const redeemed = store.redeemCode(code, client.clientId);
    if (!redeemed.ok) {
      const why = { unknown: 'The code is invalid.', reused: 'The code was already used.', expired: 'The code has expired.' };
      throw new OAuthError('invalid_grant', why[redeemed.reason]);
    }
    // Make's documented public-client token request carries no redirect_uri; when one is sent it must
    // be the exact string used at /authorize (RFC 6749 §4.1.3).
    const redirectUri = params.get('redirect_uri');
    if (redirectUri !== undefined && redirectUri !== redeemed.redirectUri) {
      throw new OAuthError('invalid_grant', 'redirect_uri does not match the authorization request.');
    }
    const verifier = params.get('code_verifier');
    if (redeemed.codeChallenge !== null) {
      if (verifier === undefined) throw new OAuthError('invalid_request', 'code_verifier is required.');
      if (!verifyS256(verifier, redeemed.codeChallenge)) throw new OAuthError('invalid_grant', 'PKCE verification failed.');
    } else if (verifier !== undefined) {
      throw new OAuthError('invalid_grant', 'No code_challenge was sent for this code.');
    }
    return issueTokens(client, redeemed.grant, redeemed.nonce, issuer);
  }

  function refresh(client: OAuthClient, params: Map<string, string>, issuer: string): Record<string, unknown> {
    const refreshToken = params.get('refresh_token');
    if (!refreshToken) throw new OAuthError('invalid_request', 'refresh_token is required.');
    const redeemed = store.redeemRefreshToken(refreshToken, client.clientId);
    if (!redeemed.ok) throw new OAuthError('invalid_grant', 'The refresh token is invalid, revoked or already used.');
    const scope = params.get('scope');
    if (scope !== undefined) {
      const asked = parseScopeParam(scope);
      const same = asked !== null && asked.length === redeemed.grant.scopes.length && asked.every((s) => redeemed.grant.scopes.includes(s));
      if (!same) throw new OAuthError('invalid_scope', 'Refresh reissues the granted scopes; narrowing is not supported.');
    }
    return issueTokens(client, redeemed.grant, null, issuer);
  }

  function issueTokens(client: OAuthClient, grant: GrantView, nonce: string | null, issuer: string): Record<string, unknown> {
    const now = opts.clock.now();
    const expiresAt = now + ttlS * 1000;
    const iat = Math.floor(now / 1000);
    const exp = Math.floor(expiresAt / 1000);
    const sub = String(grant.userId);
    const scope = grant.scopes.join(' ');
    const accessToken = signJwt({ iss: issuer, sub, aud: issuer, client_id: client.clientId, scope, iat, exp, jti: randomId() });
    store.rememberAccessToken(accessToken, grant.grantId, expiresAt);
    const body: Record<string, unknown> = { access_token: accessToken, token_type: 'Bearer', expires_in: ttlS, scope };
    if (grant.scopes.includes(OPENID_SCOPE)) {
      const user = opts.users().find((u) => u.id === grant.userId);
      body.id_token = signJwt({
        iss: issuer,
        sub,
        aud: client.clientId,
        iat,
        exp,
        ...(nonce !== null ? { nonce } : {}),
        ...(user ? { name: user.name, email: user.email } : {}),
      });
    }
    if (client.issueRefreshTokens) body.refresh_token = store.issueRefreshToken(grant.grantId);
    return body;
  }

  async function revoke(req: IncomingMessage): Promise<Record<string, never>> {
    const { client, params } = await authenticateClient(req);
    const tokenValue = params.get('token');
    if (!tokenValue) throw new OAuthError('invalid_request', 'token is required.');
    // RFC 7009 §2.2: unknown tokens are not an error.
    store.revokeToken(tokenValue, client.clientId);
    return {};
  }

  // ── userinfo ─────────────────────────────────────────────────────────────────────────────────────

  function userinfo(req: IncomingMessage, res: ServerResponse): void {
    const presented = bearerToken(req);
    const grant = presented === null ? null : store.accessTokenGrant(presented);
    const user = grant && opts.users().find((u) => u.id === grant.userId);
    if (!grant || !user) {
      return sendJson(res, 401, { error: 'invalid_token', error_description: 'The access token is invalid or expired.' }, {
        'www-authenticate': 'Bearer error="invalid_token"',
      });
    }
    if (!grant.scopes.includes(OPENID_SCOPE)) {
      return sendJson(res, 403, { error: 'insufficient_scope', error_description: 'The openid scope is required.' }, {
        'www-authenticate': 'Bearer error="insufficient_scope", scope="openid"',
      });
    }
    sendJson(res, 200, { sub: String(user.id), name: user.name, email: user.email });
  }

  return {
    handle(req, res, issuerOrigin) {
      const issuer = issuerOrigin.replace(/\/+$/, '');
      route(req, res, issuer).catch(() => {
        if (!res.headersSent) sendJson(res, 500, { error: 'server_error', error_description: 'Internal error.' });
        else res.destroy();
      });
    },
    verifyAccessToken(tokenValue) {
      const grant = store.accessTokenGrant(tokenValue);
      return grant ? { userId: grant.userId, scopes: apiScopes(grant.scopes), clientId: grant.clientId } : null;
    },
    revokeAllForUser(userId) {
      store.revokeAllForUser(userId);
    },
  };
}

/** Adds query parameters to a redirect URI, keeping the ones it already has; null values are left out. */
function withParams(uri: string, params: Record<string, string | null>): string {
  const url = new URL(uri);
  for (const [k, v] of Object.entries(params)) if (v !== null) url.searchParams.append(k, v);
  return url.toString();
}

const makeError = (status: number, detail: string) => ({ detail, message: detail, code: `SC${status}` });

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
