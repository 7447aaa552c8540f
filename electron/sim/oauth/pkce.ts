// PKCE (RFC 7636) with the only method Make supports, S256.
import { createHash, timingSafeEqual } from 'node:crypto';

/** RFC 7636 §4.1: 43–128 characters from the unreserved set. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;
/** base64url of a 32-byte SHA-256 digest, no padding. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

export const isValidCodeVerifier = (verifier: string): boolean => VERIFIER.test(verifier);

export const isValidS256Challenge = (challenge: string): boolean => S256_CHALLENGE.test(challenge);

export const s256Challenge = (verifier: string): string =>
  createHash('sha256').update(verifier, 'ascii').digest('base64url');

/** True when `verifier` is well-formed and hashes to `challenge`. */
export function verifyS256(verifier: string, challenge: string): boolean {
  if (!isValidCodeVerifier(verifier)) return false;
  const expected = Buffer.from(s256Challenge(verifier));
  const actual = Buffer.from(challenge);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}
