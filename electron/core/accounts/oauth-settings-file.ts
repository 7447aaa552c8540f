// The OAuth client the app signs in with, from `oauth.json` in the data folder. Make registers OAuth
// clients by hand (REFERENCE §3), so there is no built-in client for Make itself: whoever deploys the app
// writes the authorization server and the client ID they were given. Public PKCE clients only: a
// client secret is never read from here (it would sit on disk in plain text).
//
//   { "authorizationServer": "https://www.make.com", "clientId": "…", "scopes": ["openid", …],
//     "redirectPath": "/callback", "redirectPort": 53682 }   (both optional; default: ephemeral port)
import { z } from 'zod';
import { isLoopbackHost } from '../make/base-url';
import type { CacheFile } from '../cache/cache-file';
import { DEFAULT_OAUTH_SCOPES } from './features';
import type { OAuthClientSettings } from './oauth-flow';

export const OAUTH_SETTINGS_FILE = 'oauth.json';

const originSchema = z
  .string()
  .transform((raw, ctx) => {
    try {
      const url = new URL(raw);
      if (url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname))) return url.origin;
    } catch {
      // reported below
    }
    ctx.addIssue({ code: 'custom', message: 'must be an https:// address (plain http only on this machine)' });
    return z.NEVER;
  });

const fileSchema = z.object({
  authorizationServer: originSchema,
  clientId: z.string().trim().min(1).max(500),
  scopes: z.array(z.string().min(1).max(100)).min(1).max(100).optional(),
  redirectPath: z
    .string()
    .regex(/^\/[A-Za-z0-9/_-]*$/)
    .optional(),
  /** A fixed loopback redirect port, when the OAuth client was registered with one. */
  redirectPort: z.number().int().min(1024).max(65535).optional(),
});

export type OAuthSettingsRead =
  | { settings: OAuthClientSettings; problem: null }
  | { settings: null; problem: string | null /* null: there is no file */ };

/** Pure: the settings in the file's text, or why they can't be used. */
export function parseOAuthSettings(text: string): OAuthSettingsRead {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { settings: null, problem: `${OAUTH_SETTINGS_FILE} is not valid JSON.` };
  }
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { settings: null, problem: `${OAUTH_SETTINGS_FILE}: ${issue ? `${issue.path.join('.') || 'value'} ${issue.message}` : 'invalid'}.` };
  }
  const { authorizationServer, clientId, scopes, redirectPath, redirectPort } = parsed.data;
  return {
    settings: {
      authorizationServer,
      clientId,
      scopes: scopes ?? DEFAULT_OAUTH_SCOPES,
      ...(redirectPath !== undefined && { redirectPath }),
      ...(redirectPort !== undefined && { redirectPort }),
    },
    problem: null,
  };
}

export async function readOAuthSettings(files: CacheFile, name = OAUTH_SETTINGS_FILE): Promise<OAuthSettingsRead> {
  let bytes: Uint8Array | null;
  try {
    bytes = await files.read(name);
  } catch {
    return { settings: null, problem: `${name} could not be read.` };
  }
  if (bytes === null) return { settings: null, problem: null };
  return parseOAuthSettings(new TextDecoder().decode(bytes));
}
