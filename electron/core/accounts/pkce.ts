// PKCE (RFC 7636) with S256, and the OAuth `state` value.
import { createHash, randomBytes } from 'node:crypto';

export interface PkcePair {
  /** 43–128 chars from the unreserved set; 64 base64url chars here. */
  verifier: string;
  /** base64url(SHA-256(verifier)), no padding. */
  challenge: string;
  method: 'S256';
}

export const s256Challenge = (verifier: string): string => createHash('sha256').update(verifier, 'ascii').digest('base64url');

export function createPkcePair(): PkcePair {
  const verifier = randomBytes(48).toString('base64url');
  return { verifier, challenge: s256Challenge(verifier), method: 'S256' };
}

/** An unguessable `state` for one authorization request. */
export const randomState = (): string => randomBytes(24).toString('base64url');
