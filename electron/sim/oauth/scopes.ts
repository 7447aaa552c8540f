// Scope strings on the authorize URL: space-separated Make API scopes (`resource:read|write|run|use`)
// plus `openid` (REFERENCE §3, §4).

export const OPENID_SCOPE = 'openid';
const MAKE_SCOPE = /^[a-z][a-z0-9-]*:(read|write|run|use)$/;

/** Unique scopes in request order, or null when empty or any entry is not a known form. */
export function parseScopeParam(raw: string): string[] | null {
  const parts = raw.split(' ').filter((s) => s.length > 0);
  if (parts.length === 0) return null;
  for (const s of parts) if (s !== OPENID_SCOPE && !MAKE_SCOPE.test(s)) return null;
  return [...new Set(parts)];
}

/** The Make API scopes of a grant (what a bearer token may do against the zones). */
export const apiScopes = (scopes: readonly string[]): string[] => scopes.filter((s) => s !== OPENID_SCOPE);
