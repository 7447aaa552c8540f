// What one account keeps in the SecretStore: a single JSON entry under `account:{id}`, so sign-out
// deletes one thing. Only this file knows the shape.
import { z } from 'zod';
import type { AccountId } from '../../../shared/domain';

const storedSecretSchema = z.discriminatedUnion('kind', [
  z.object({ v: z.literal(1), kind: z.literal('token'), token: z.string().min(1) }),
  z.object({
    v: z.literal(1),
    kind: z.literal('oauth'),
    accessToken: z.string().min(1),
    refreshToken: z.string().min(1).nullable(),
    expiresAt: z.number().nullable(),
  }),
]);

export type StoredSecret = z.infer<typeof storedSecretSchema>;
export type StoredOAuthSecret = Extract<StoredSecret, { kind: 'oauth' }>;

export const secretAccountName = (id: AccountId): string => `account:${id}`;

export const encodeSecret = (secret: StoredSecret): string => JSON.stringify(secret);

/** The stored entry, or null when it is missing or unreadable (never echoes its content). */
export function decodeSecret(raw: string | null): StoredSecret | null {
  if (raw === null) return null;
  try {
    const parsed = storedSecretSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
