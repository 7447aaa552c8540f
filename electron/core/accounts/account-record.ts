// The persisted description of one connected account (no secrets: those live in the SecretStore), and
// the small JSON file that holds all of them. Pure apart from zod.
import { z } from 'zod';
import type { AccountId, AccountState, AuthKind, Millis } from '../../../shared/domain';

export interface OAuthAccountSettings {
  authorizationServer: string;
  clientId: string;
  tokenEndpoint: string;
  revocationEndpoint: string | null;
}

export interface AccountRecord {
  id: AccountId;
  kind: AuthKind;
  baseUrl: string;
  zone: string;
  userId: number;
  userName: string;
  email: string;
  scopes: string[];
  demo: boolean;
  createdAt: Millis;
  status: 'ok' | 'needs-sign-in';
  statusMessage: string | null;
  oauth: OAuthAccountSettings | null;
  /** Organization id → monitored. Organizations not listed are monitored. */
  monitoredOrgs: Record<string, boolean>;
}

const recordSchema = z.object({
  id: z.string().min(1),
  kind: z.enum(['token', 'oauth']),
  baseUrl: z.string(),
  zone: z.string(),
  userId: z.number(),
  userName: z.string(),
  email: z.string(),
  scopes: z.array(z.string()),
  demo: z.boolean(),
  createdAt: z.number(),
  status: z.enum(['ok', 'needs-sign-in']),
  statusMessage: z.string().nullable(),
  oauth: z
    .object({ authorizationServer: z.string(), clientId: z.string(), tokenEndpoint: z.string(), revocationEndpoint: z.string().nullable() })
    .nullable(),
  monitoredOrgs: z.record(z.string(), z.boolean()),
}) satisfies z.ZodType<AccountRecord>;

export const ACCOUNTS_FILE_VERSION = 1;
const fileSchema = z.object({ version: z.literal(ACCOUNTS_FILE_VERSION), accounts: z.array(recordSchema) });

export const encodeAccountsFile = (accounts: readonly AccountRecord[]): string =>
  JSON.stringify({ version: ACCOUNTS_FILE_VERSION, accounts }, null, 2);

/** The accounts in the file, or null when it is not a valid accounts file. */
export function decodeAccountsFile(text: string): AccountRecord[] | null {
  try {
    const parsed = fileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.accounts : null;
  } catch {
    return null;
  }
}

/** Stable, file-name-safe id: one account per credential kind, zone and Make user. */
export const accountIdFor = (kind: AuthKind, zone: string, userId: number): AccountId =>
  `${kind}-${zone.replace(/[^A-Za-z0-9.-]/g, '_')}-u${userId}`;

export const isOrgMonitored = (record: AccountRecord, orgId: number): boolean => record.monitoredOrgs[String(orgId)] ?? true;

/** The engine's view of the account. */
export function toAccountState(record: AccountRecord): AccountState {
  return {
    id: record.id,
    kind: record.kind,
    baseUrl: record.baseUrl,
    zone: record.zone,
    userName: record.userName,
    email: record.email,
    scopes: [...record.scopes],
    status: record.status,
    statusMessage: record.statusMessage,
    demo: record.demo,
  };
}
