// The authorization server's endpoints: discovery, code exchange, refresh, revocation. Plain HTTPS
// form posts (RFC 6749 §4.1.3, §6; RFC 7009) through undici, answers checked with zod.
import { request } from 'undici';
import { z } from 'zod';
import type { Millis } from '../../../shared/domain';
import { isLoopbackHost } from '../make/base-url';
import { OAuthError, serverText } from './oauth-errors';

export interface OAuthEndpoints {
  issuer: string;
  authorizationEndpoint: string;
  tokenEndpoint: string;
  revocationEndpoint: string | null;
}

/** What a token response gives the app. `expiresAt` is null when the server did not say. */
export interface OAuthTokenSet {
  accessToken: string;
  refreshToken: string | null;
  expiresAt: Millis | null;
  /** Scopes the server says it granted, or null if it did not say. */
  scope: string[] | null;
}

export interface OAuthHttpOptions {
  /** Per-request deadline (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
}

const MAX_BODY = 64 * 1024;

/** HTTPS, or plain HTTP on loopback (the simulator). Throws `misconfigured` otherwise. */
export function checkServerUrl(raw: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OAuthError('misconfigured', `The ${what} address is not a valid URL.`);
  }
  if (url.username || url.password || url.hash) throw new OAuthError('misconfigured', `The ${what} address must not contain credentials or a fragment.`);
  if (url.protocol === 'https:') return url;
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) return url;
  throw new OAuthError('misconfigured', `The ${what} (${url.host}) must use HTTPS.`);
}

interface HttpAnswer {
  status: number;
  json: unknown;
}

async function send(method: 'GET' | 'POST', url: URL, form: URLSearchParams | null, what: string, opts: OAuthHttpOptions): Promise<HttpAnswer> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  const signals = [AbortSignal.timeout(timeoutMs), ...(opts.signal ? [opts.signal] : [])];
  const signal = AbortSignal.any(signals);
  let res;
  try {
    res = await request(url, {
      method,
      headers: {
        accept: 'application/json',
        ...(form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: form ? form.toString() : null,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
  } catch (err) {
    if (opts.signal?.aborted) throw new OAuthError('cancelled', 'Sign-in was cancelled.');
    const timedOut = signals[0]!.aborted || /TIMEOUT/i.test(String((err as { code?: unknown }).code ?? ''));
    throw new OAuthError(
      'unreachable',
      timedOut ? `The sign-in server (${url.host}) did not answer in time (${what}).` : `The sign-in server (${url.host}) could not be reached (${what}).`,
    );
  }
  if (res.statusCode >= 300 && res.statusCode < 400) {
    await res.body.dump().catch(() => undefined);
    throw new OAuthError('invalid-response', `The sign-in server redirected the ${what} request; redirects are not followed.`);
  }
  let text = '';
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      text += chunk.toString('utf8');
      if (text.length > MAX_BODY) {
        res.body.destroy();
        throw new OAuthError('invalid-response', `The sign-in server's answer to the ${what} request is too large.`);
      }
    }
  } catch (err) {
    if (err instanceof OAuthError) throw err;
    throw new OAuthError('unreachable', `The connection to the sign-in server broke during the ${what} request.`);
  }
  let json: unknown;
  try {
    json = text.trim() === '' ? null : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, json };
}

const discoverySchema = z.looseObject({
  issuer: z.string().optional(),
  authorization_endpoint: z.string().min(1),
  token_endpoint: z.string().min(1),
  revocation_endpoint: z.string().min(1).optional(),
  code_challenge_methods_supported: z.array(z.string()).optional(),
});

/** Reads `/.well-known/openid-configuration` of the authorization server (e.g. https://www.make.com). */
export async function discoverEndpoints(authorizationServer: string, opts: OAuthHttpOptions = {}): Promise<OAuthEndpoints> {
  const base = checkServerUrl(authorizationServer, 'authorization server');
  const url = new URL('/.well-known/openid-configuration', base.origin);
  const answer = await send('GET', url, null, 'discovery', opts);
  const parsed = answer.status === 200 ? discoverySchema.safeParse(answer.json) : null;
  if (!parsed?.success) {
    throw new OAuthError('invalid-response', `${base.host} does not publish a usable OAuth configuration (HTTP ${answer.status}).`);
  }
  const doc = parsed.data;
  if (doc.code_challenge_methods_supported && !doc.code_challenge_methods_supported.includes('S256')) {
    throw new OAuthError('misconfigured', `${base.host} does not support PKCE with S256.`);
  }
  return {
    issuer: doc.issuer ?? base.origin,
    authorizationEndpoint: checkServerUrl(doc.authorization_endpoint, 'authorization endpoint').toString(),
    tokenEndpoint: checkServerUrl(doc.token_endpoint, 'token endpoint').toString(),
    revocationEndpoint: doc.revocation_endpoint ? checkServerUrl(doc.revocation_endpoint, 'revocation endpoint').toString() : null,
  };
}

const tokenSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string().refine((t) => t.toLowerCase() === 'bearer', 'token_type must be Bearer'),
  expires_in: z.coerce.number().positive().optional(),
  refresh_token: z.string().min(1).optional(),
  scope: z.string().optional(),
});

const errorSchema = z.looseObject({ error: z.string(), error_description: z.unknown().optional() });

async function tokenRequest(tokenEndpoint: string, form: URLSearchParams, what: string, now: Millis, opts: OAuthHttpOptions): Promise<OAuthTokenSet> {
  const url = checkServerUrl(tokenEndpoint, 'token endpoint');
  const answer = await send('POST', url, form, what, opts);
  if (answer.status === 200) {
    const parsed = tokenSchema.safeParse(answer.json);
    if (!parsed.success) throw new OAuthError('invalid-response', `The sign-in server's ${what} answer is not a valid token response.`);
    const t = parsed.data;
    return {
      accessToken: t.access_token,
      refreshToken: t.refresh_token ?? null,
      expiresAt: t.expires_in !== undefined ? now + t.expires_in * 1000 : null,
      scope: t.scope !== undefined ? t.scope.split(' ').filter((s) => s.length > 0) : null,
    };
  }
  const err = errorSchema.safeParse(answer.json);
  if (err.success && answer.status >= 400 && answer.status < 500) {
    const described = serverText(err.data.error_description);
    throw new OAuthError('token-rejected', `The sign-in server refused the ${what} (${err.data.error}${described ? `: ${described}` : ''}).`, err.data.error);
  }
  throw new OAuthError('invalid-response', `The sign-in server answered the ${what} request with HTTP ${answer.status}.`);
}

export function exchangeCode(
  endpoints: Pick<OAuthEndpoints, 'tokenEndpoint'>,
  params: { clientId: string; code: string; codeVerifier: string; redirectUri: string },
  now: Millis,
  opts: OAuthHttpOptions = {},
): Promise<OAuthTokenSet> {
  const form = new URLSearchParams({
    grant_type: 'authorization_code',
    client_id: params.clientId,
    code: params.code,
    code_verifier: params.codeVerifier,
    redirect_uri: params.redirectUri,
  });
  return tokenRequest(endpoints.tokenEndpoint, form, 'code exchange', now, opts);
}

export function refreshTokens(
  tokenEndpoint: string,
  params: { clientId: string; refreshToken: string },
  now: Millis,
  opts: OAuthHttpOptions = {},
): Promise<OAuthTokenSet> {
  const form = new URLSearchParams({ grant_type: 'refresh_token', client_id: params.clientId, refresh_token: params.refreshToken });
  return tokenRequest(tokenEndpoint, form, 'token refresh', now, opts);
}

/** RFC 7009 revocation; best effort (sign-out proceeds whatever happens). */
export async function revokeToken(
  revocationEndpoint: string,
  params: { clientId: string; token: string; hint: 'access_token' | 'refresh_token' },
  opts: OAuthHttpOptions = {},
): Promise<boolean> {
  try {
    const form = new URLSearchParams({ client_id: params.clientId, token: params.token, token_type_hint: params.hint });
    const answer = await send('POST', checkServerUrl(revocationEndpoint, 'revocation endpoint'), form, 'revocation', opts);
    return answer.status === 200;
  } catch {
    return false;
  }
}
