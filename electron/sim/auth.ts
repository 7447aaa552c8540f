// Credentials: `Authorization: Token <api-token>` (zone-specific, scoped, stored in the world) or
// `Authorization: Bearer <jwt>` checked by the OAuth authority. Never echoes a credential.
import { invalidCredentials, missingCredentials } from './errors';
import type { World } from './world/model';

export interface AuthInfo {
  userId: number;
  scopes: ReadonlySet<string>;
  kind: 'token' | 'oauth';
}

export interface BearerVerifier {
  verifyAccessToken(token: string): { userId: number; scopes: string[]; clientId: string } | null;
}

export function authenticate(header: string | undefined, world: World, zone: string, oauth: BearerVerifier | null): AuthInfo {
  if (!header || header.trim() === '') throw missingCredentials();
  const m = /^\s*(\S+)\s+(\S+)\s*$/.exec(header);
  if (!m) throw invalidCredentials();
  const scheme = (m[1] as string).toLowerCase();
  const value = m[2] as string;
  if (scheme === 'token') {
    const t = world.tokens.get(value);
    if (!t || t.revoked || t.zone !== zone || !world.users.has(t.userId)) throw invalidCredentials();
    return { userId: t.userId, scopes: new Set(t.scopes), kind: 'token' };
  }
  if (scheme === 'bearer' && oauth) {
    const v = oauth.verifyAccessToken(value);
    if (!v || !world.users.has(v.userId)) throw invalidCredentials();
    return { userId: v.userId, scopes: new Set(v.scopes), kind: 'oauth' };
  }
  throw invalidCredentials();
}
