// Where the Authorization header comes from. The client asks for it per request and never keeps it.

export interface CredentialSource {
  /** The full header value: `Token <api-token>` or `Bearer <access-token>`. */
  authorization(): Promise<string>;
  /**
   * Called once when Make rejects the credential (401 / IM102). Resolve `true` if a fresh credential is
   * now available (e.g. an OAuth refresh succeeded); the request is then retried exactly once.
   */
  onUnauthorized?(): Promise<boolean>;
}

/** A fixed API token (`Token …`). The secret lives only in this closure, not in an object field. */
export function apiTokenCredential(token: string): CredentialSource {
  const header = `Token ${token}`;
  return { authorization: () => Promise.resolve(header) };
}

/** A fixed OAuth access token (`Bearer …`). */
export function bearerCredential(accessToken: string): CredentialSource {
  const header = `Bearer ${accessToken}`;
  return { authorization: () => Promise.resolve(header) };
}

/** Parts of an Authorization value worth scrubbing from any text: the whole value and the bare secret. */
export function secretFragments(authorization: string): string[] {
  const out = [authorization];
  const space = authorization.indexOf(' ');
  if (space > 0) out.push(authorization.slice(space + 1).trim());
  return out.filter((s) => s.length >= 6);
}

/** Replaces every occurrence of any fragment with `[redacted]`. */
export function redact(text: string, fragments: readonly string[]): string {
  let out = text;
  for (const f of fragments) if (f) out = out.split(f).join('[redacted]');
  return out;
}
