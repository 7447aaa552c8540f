// Everything the authorization server remembers: consent requests waiting for a decision, codes,
// access and refresh tokens. A "grant" is one approval; every code and token hangs off one, so replay
// of a code or of a rotated refresh token can revoke the whole family at once. Secrets are kept only
// as SHA-256 hashes.
import { createHash, randomBytes } from 'node:crypto';
import type { Clock } from '../../../shared/clock';
import type { Millis } from '../../../shared/domain';

export const CODE_TTL_MS = 60_000;
export const CONSENT_TTL_MS = 10 * 60_000;

export interface AuthorizeRequest {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  state: string | null;
  codeChallenge: string | null;
  nonce: string | null;
}

interface Grant {
  id: string;
  userId: number;
  clientId: string;
  scopes: string[];
  revoked: boolean;
}

interface CodeRecord {
  grantId: string;
  redirectUri: string;
  codeChallenge: string | null;
  nonce: string | null;
  expiresAt: Millis;
  used: boolean;
}

interface AccessRecord {
  grantId: string;
  expiresAt: Millis;
  revoked: boolean;
}

interface RefreshRecord {
  grantId: string;
  /** Set once the token was exchanged for a new one; presenting it again is replay. */
  rotated: boolean;
  revoked: boolean;
}

export interface GrantView {
  grantId: string;
  userId: number;
  clientId: string;
  scopes: string[];
}

export type CodeRedemption =
  | { ok: true; grant: GrantView; redirectUri: string; codeChallenge: string | null; nonce: string | null }
  | { ok: false; reason: 'unknown' | 'reused' | 'expired' };

export type RefreshRedemption = { ok: true; grant: GrantView } | { ok: false; reason: 'unknown' | 'reused' | 'revoked' };

const hash = (secret: string): string => createHash('sha256').update(secret).digest('hex');
export const randomId = (bytes = 16): string => randomBytes(bytes).toString('hex');
const randomSecret = (): string => randomBytes(32).toString('base64url');

export class GrantStore {
  private readonly consents = new Map<string, { request: AuthorizeRequest; expiresAt: Millis }>();
  private readonly grants = new Map<string, Grant>();
  private readonly codes = new Map<string, CodeRecord>();
  private readonly accessTokens = new Map<string, AccessRecord>();
  private readonly refreshTokens = new Map<string, RefreshRecord>();

  constructor(private readonly clock: Clock) {}

  /** Parks a validated authorize request until the user approves or denies; returns its one-time id. */
  openConsent(request: AuthorizeRequest): string {
    this.sweep();
    const id = randomId();
    this.consents.set(id, { request, expiresAt: this.clock.now() + CONSENT_TTL_MS });
    return id;
  }

  /** The parked request, removed so that one consent page yields at most one decision. */
  takeConsent(id: string): AuthorizeRequest | null {
    const entry = this.consents.get(id);
    this.consents.delete(id);
    if (!entry || entry.expiresAt <= this.clock.now()) return null;
    return entry.request;
  }

  issueCode(request: AuthorizeRequest, userId: number): string {
    this.sweep();
    const grant: Grant = { id: randomId(), userId, clientId: request.clientId, scopes: request.scopes, revoked: false };
    this.grants.set(grant.id, grant);
    const code = randomSecret();
    this.codes.set(hash(code), {
      grantId: grant.id,
      redirectUri: request.redirectUri,
      codeChallenge: request.codeChallenge,
      nonce: request.nonce,
      expiresAt: this.clock.now() + CODE_TTL_MS,
      used: false,
    });
    return code;
  }

  /**
   * Marks the code used (one attempt per code, successful or not). A code presented a second time
   * revokes every token issued from it (RFC 6749 §4.1.2).
   */
  redeemCode(code: string, clientId: string): CodeRedemption {
    const record = this.codes.get(hash(code));
    const grant = record && this.grants.get(record.grantId);
    if (!record || !grant || grant.clientId !== clientId) return { ok: false, reason: 'unknown' };
    if (record.used) {
      grant.revoked = true;
      return { ok: false, reason: 'reused' };
    }
    record.used = true;
    if (record.expiresAt <= this.clock.now() || grant.revoked) return { ok: false, reason: 'expired' };
    return {
      ok: true,
      grant: view(grant),
      redirectUri: record.redirectUri,
      codeChallenge: record.codeChallenge,
      nonce: record.nonce,
    };
  }

  /** Stores the hash of a freshly minted access token. */
  rememberAccessToken(token: string, grantId: string, expiresAt: Millis): void {
    this.accessTokens.set(hash(token), { grantId, expiresAt, revoked: false });
  }

  issueRefreshToken(grantId: string): string {
    const token = randomSecret();
    this.refreshTokens.set(hash(token), { grantId, rotated: false, revoked: false });
    return token;
  }

  /** Consumes a refresh token for rotation. Replaying a rotated one revokes its whole grant. */
  redeemRefreshToken(token: string, clientId: string): RefreshRedemption {
    const record = this.refreshTokens.get(hash(token));
    const grant = record && this.grants.get(record.grantId);
    if (!record || !grant || grant.clientId !== clientId) return { ok: false, reason: 'unknown' };
    if (record.rotated) {
      grant.revoked = true;
      return { ok: false, reason: 'reused' };
    }
    if (record.revoked || grant.revoked) return { ok: false, reason: 'revoked' };
    record.rotated = true;
    return { ok: true, grant: view(grant) };
  }

  accessTokenGrant(token: string): GrantView | null {
    const record = this.accessTokens.get(hash(token));
    if (!record || record.revoked || record.expiresAt <= this.clock.now()) return null;
    const grant = this.grants.get(record.grantId);
    if (!grant || grant.revoked) return null;
    return view(grant);
  }

  /**
   * RFC 7009: an access token stops alone; a refresh token takes its whole grant down with it.
   * Tokens of other clients and unknown strings are left alone without telling the caller.
   */
  revokeToken(token: string, clientId: string): void {
    const h = hash(token);
    const access = this.accessTokens.get(h);
    if (access && this.grants.get(access.grantId)?.clientId === clientId) access.revoked = true;
    const refresh = this.refreshTokens.get(h);
    const grant = refresh && this.grants.get(refresh.grantId);
    if (refresh && grant && grant.clientId === clientId) {
      refresh.revoked = true;
      grant.revoked = true;
    }
  }

  revokeAllForUser(userId: number): void {
    for (const grant of this.grants.values()) if (grant.userId === userId) grant.revoked = true;
  }

  /** Drops expired consents, codes and access tokens once the maps grow; cheap enough for a simulator. */
  private sweep(): void {
    const size = this.consents.size + this.codes.size + this.accessTokens.size;
    if (size < 1000) return;
    const now = this.clock.now();
    for (const [k, v] of this.consents) if (v.expiresAt <= now) this.consents.delete(k);
    // Used codes are kept until they expire so that a late replay still revokes.
    for (const [k, v] of this.codes) if (v.expiresAt + CODE_TTL_MS <= now) this.codes.delete(k);
    for (const [k, v] of this.accessTokens) if (v.expiresAt <= now) this.accessTokens.delete(k);
  }
}

const view = (g: Grant): GrantView => ({ grantId: g.id, userId: g.userId, clientId: g.clientId, scopes: [...g.scopes] });
