// OAuth clients the simulated authorization server knows, and how a requested redirect URI is matched
// against the registered ones.

export interface OAuthClient {
  clientId: string;
  redirectUris: string[];
  /** Present for confidential clients; public clients authenticate with PKCE only. */
  clientSecret?: string;
  /** Make's docs: public PKCE clients "typically" get no refresh token; confidential ones do. */
  issueRefreshTokens?: boolean;
}

/** The demo app's public client: PKCE, loopback redirect on any port, no refresh token. */
export const DEMO_OAUTH_CLIENT_ID = 'make-tray-demo';
export const DEMO_OAUTH_REDIRECT_URI = 'http://127.0.0.1/callback';

/** A public client that does get refresh tokens, for tests of rotation. */
export const REFRESHING_OAUTH_CLIENT_ID = 'make-tray-refreshing';

export const defaultOAuthClients = (): OAuthClient[] => [
  { clientId: DEMO_OAUTH_CLIENT_ID, redirectUris: [DEMO_OAUTH_REDIRECT_URI], issueRefreshTokens: false },
  { clientId: REFRESHING_OAUTH_CLIENT_ID, redirectUris: [DEMO_OAUTH_REDIRECT_URI], issueRefreshTokens: true },
];

export const isPublicClient = (client: OAuthClient): boolean => client.clientSecret === undefined;

const LOOPBACK_HOSTS = new Set(['127.0.0.1', '[::1]']);

function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * A requested redirect URI is accepted when it equals a registered one exactly, or when both are
 * loopback IP redirects (`http://127.0.0.1` / `http://[::1]`) with the same path and query: native
 * apps listen on an ephemeral port, so the port is not compared (RFC 8252 §7.3). `localhost` gets no
 * such leeway (RFC 8252 §8.3), and a URI with a fragment or credentials never matches.
 */
export function matchesRegisteredRedirect(requested: string, registered: readonly string[]): boolean {
  const req = parseUrl(requested);
  if (!req || req.hash !== '' || requested.includes('#') || req.username !== '' || req.password !== '') return false;
  for (const candidate of registered) {
    if (candidate === requested) return true;
    const reg = parseUrl(candidate);
    if (!reg) continue;
    if (
      req.protocol === 'http:' &&
      reg.protocol === 'http:' &&
      LOOPBACK_HOSTS.has(req.hostname) &&
      LOOPBACK_HOSTS.has(reg.hostname) &&
      req.pathname === reg.pathname &&
      req.search === reg.search
    ) {
      return true;
    }
  }
  return false;
}
