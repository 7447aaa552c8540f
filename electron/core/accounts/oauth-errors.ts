// One typed error for everything an OAuth sign-in or refresh can fail with. Messages are plain words
// for the user and never contain a code, verifier, token or client secret.

export type OAuthProblem =
  /** The user clicked Deny (or the server said access_denied). */
  | 'denied'
  /** The redirect came back with a `state` that is not the one sent: possibly forged, so it is refused. */
  | 'state-mismatch'
  /** No answer from the browser in time. */
  | 'timeout'
  /** The sign-in was cancelled from the app. */
  | 'cancelled'
  /** The browser could not be opened. */
  | 'browser-failed'
  /** The authorization server returned an error on the redirect (other than access_denied). */
  | 'authorization-error'
  /** The redirect carried neither a code nor an error. */
  | 'invalid-callback'
  /** The token endpoint refused the code or refresh token (`invalid_grant` and friends). */
  | 'token-rejected'
  /** The authorization server could not be reached. */
  | 'unreachable'
  /** The authorization server answered something that is not a valid OAuth response. */
  | 'invalid-response'
  /** The settings are unusable (not HTTPS, bad URL, no client id). */
  | 'misconfigured';

export class OAuthError extends Error {
  override readonly name = 'OAuthError';
  readonly problem: OAuthProblem;
  /** The server's `error` code (`invalid_grant`, …) when there was one. */
  readonly oauthCode: string | null;

  constructor(problem: OAuthProblem, message: string, oauthCode: string | null = null) {
    super(message);
    this.problem = problem;
    this.oauthCode = oauthCode;
  }
}

/** Server-supplied text shown to the user: one line, bounded. */
export function serverText(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const text = value.replace(/\s+/g, ' ').trim();
  if (text === '') return null;
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
