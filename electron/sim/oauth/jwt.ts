// RS256-signed JWTs for access and id tokens, and the public key set that verifies them. The key pair is
// made once per process: the simulator is never a long-lived production issuer.
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicJwk: Record<string, unknown>;
}

let cached: SigningKey | undefined;

function signingKey(): SigningKey {
  if (cached) return cached;
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' }) as { n: string; e: string };
  const kid = createHash('sha256').update(jwk.n).digest('base64url').slice(0, 16);
  cached = { kid, privateKey, publicJwk: { kty: 'RSA', n: jwk.n, e: jwk.e, kid, alg: 'RS256', use: 'sig' } };
  return cached;
}

const b64json = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(claims: Record<string, unknown>): string {
  const key = signingKey();
  const input = `${b64json({ alg: 'RS256', typ: 'JWT', kid: key.kid })}.${b64json(claims)}`;
  const signature = sign('sha256', Buffer.from(input), key.privateKey).toString('base64url');
  return `${input}.${signature}`;
}

export const jwks = (): { keys: Record<string, unknown>[] } => ({ keys: [signingKey().publicJwk] });
