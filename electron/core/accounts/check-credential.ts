// "Does this credential work here, and what may it do?" — GET /users/me and
// /users/me/current-authorization against the chosen zone, every failure turned into its own typed
// result with a plain message. Nothing is saved here.
import type { MakeAuthUser } from '../make/schemas/users';
import { MakeClient } from '../make/client';
import type { CredentialSource } from '../make/credentials';
import { isMakeApiError, type MakeApiError } from '../make/errors';
import type { ZonePools } from '../make/zone-pools';
import { featuresFromScopes, missingFeatureLines, type FeatureAccess } from './features';
import { isSignInRequired } from './oauth-credential-source';

export type CheckProblem =
  | 'invalid-zone'
  | 'not-https'
  | 'empty-token'
  | 'wrong-token'
  | 'other-zone'
  | 'forbidden'
  | 'not-make'
  | 'unreachable'
  | 'timeout'
  | 'malformed'
  | 'rate-limited'
  | 'server-error'
  | 'sign-in-required'
  | 'unexpected';

export interface CheckedUser {
  id: number;
  name: string;
  email: string;
}

export type CredentialCheck =
  | {
      ok: true;
      baseUrl: string;
      zone: string;
      user: CheckedUser;
      /** `token`, `oauth`, … as Make reports it. */
      authUsed: string;
      scopes: string[];
      features: FeatureAccess[];
      /** "can't run scenarios: add scenarios:run", one per feature the scopes don't allow. */
      missing: string[];
    }
  | { ok: false; problem: CheckProblem; message: string; status?: number; code?: string };

export interface CheckOptions {
  baseUrl: string;
  /** The zone host (for messages). */
  zone: string;
  credentials: CredentialSource;
  pools: ZonePools;
  /** Deadline per request (default 15 s). */
  timeoutMs?: number;
  signal?: AbortSignal;
  /** 'token' words the messages for a pasted API token, 'oauth' for a sign-in. */
  kind: 'token' | 'oauth';
}

export async function checkCredential(opts: CheckOptions): Promise<CredentialCheck> {
  const timeoutMs = opts.timeoutMs ?? 15_000;
  let client: MakeClient;
  try {
    client = new MakeClient({
      baseUrl: opts.baseUrl,
      credentials: opts.credentials,
      pools: opts.pools,
      headersTimeoutMs: timeoutMs,
      bodyTimeoutMs: timeoutMs,
      maxResponseBytes: 1024 * 1024,
    });
  } catch (err) {
    return explainFailure(err, opts);
  }
  const call = opts.signal ? { signal: opts.signal } : undefined;
  let me: MakeAuthUser;
  let scopes: string[];
  let authUsed: string;
  try {
    me = await client.getMe(call);
    const auth = await client.getCurrentAuthorization(call);
    scopes = [...new Set(auth.scope)];
    authUsed = auth.authUsed;
  } catch (err) {
    return explainFailure(err, opts);
  }
  const features = featuresFromScopes(scopes);
  return {
    ok: true,
    baseUrl: client.baseUrl,
    zone: client.zone,
    user: { id: me.id, name: me.name, email: me.email },
    authUsed,
    scopes,
    features,
    missing: missingFeatureLines(features),
  };
}

const NOT_FOUND_HOST = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_NONAME']);

/** Pure: the plain-words result for whatever the check threw. */
export function explainFailure(err: unknown, opts: Pick<CheckOptions, 'zone' | 'kind'>): CredentialCheck & { ok: false } {
  const where = opts.zone;
  const what = opts.kind === 'token' ? 'this API token' : 'this sign-in';
  if (isSignInRequired(err)) return { ok: false, problem: 'sign-in-required', message: err.message };
  if (!isMakeApiError(err)) {
    return { ok: false, problem: 'unexpected', message: `Could not check ${what} on ${where}: an unexpected error occurred.` };
  }
  const e: MakeApiError = err;
  const extra = { ...(e.status !== undefined && { status: e.status }), ...(e.code !== undefined && { code: e.code }) };
  switch (e.kind) {
    case 'insecure':
      return { ok: false, problem: /https|plain http|protocol/i.test(e.message) ? 'not-https' : 'invalid-zone', message: e.message };
    case 'timeout':
      return { ok: false, problem: 'timeout', message: `${where} did not answer in time. Check your connection and try again.` };
    case 'network': {
      const code = e.causeCode ?? '';
      const message = NOT_FOUND_HOST.has(code)
        ? `Could not find ${where}. Check the zone or address and your internet connection.`
        : code === 'ECONNREFUSED'
          ? `${where} refused the connection. Check the address (and port).`
          : /CERT|TLS|SSL/i.test(code)
            ? `Could not open a secure connection to ${where} (${code}). Check the address; a private instance needs a valid HTTPS certificate.`
            : `Could not connect to ${where}${code ? ` (${code})` : ''}. Check your connection and try again.`;
      return { ok: false, problem: 'unreachable', message };
    }
    case 'invalid-response':
    case 'too-large':
      return { ok: false, problem: 'malformed', message: `${where} answered, but not the way the Make API does. Check that the address points to a Make zone.`, ...extra };
    case 'redirect':
      return { ok: false, problem: 'not-make', message: `${where} redirected the request elsewhere; it does not look like a Make API address.`, ...extra };
    case 'aborted':
      return { ok: false, problem: 'unexpected', message: 'The check was cancelled.' };
    case 'http':
      break;
  }
  const status = e.status ?? 0;
  const text = `${e.detail ?? ''} ${e.message}`;
  if (status === 401 || e.code === 'IM102') {
    if (/zone/i.test(e.detail ?? '')) {
      return { ok: false, problem: 'other-zone', message: `${capitalize(what)} belongs to another zone, not ${where}. Pick the zone where it was created.`, ...extra };
    }
    return {
      ok: false,
      problem: 'wrong-token',
      message:
        opts.kind === 'token'
          ? `Make did not accept this API token on ${where}. Check that it was copied completely and has not been deleted. A token only works in the zone where it was created, so it may belong to another zone.`
          : `Make did not accept the sign-in on ${where}. Sign in again; if it keeps failing, check the zone.`,
      ...extra,
    };
  }
  if (status === 403) {
    const scope = /scope/i.test(text) ? ' (a scope is missing)' : '';
    return { ok: false, problem: 'forbidden', message: `Make refused to show your profile on ${where}${scope}, so ${what} cannot be used here.`, ...extra };
  }
  if (status === 404 || status === 405) {
    return { ok: false, problem: 'not-make', message: `${where} has no Make API at this address (HTTP ${status}). Check the zone or address.`, ...extra };
  }
  if (status === 429) return { ok: false, problem: 'rate-limited', message: `Make is limiting requests for this organization right now. Try again in a minute.`, ...extra };
  if (status >= 500) return { ok: false, problem: 'server-error', message: `${where} had a server problem (HTTP ${status}). Try again later.`, ...extra };
  return { ok: false, problem: 'unexpected', message: `${where} answered HTTP ${status} while checking ${what}.`, ...extra };
}

const capitalize = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
