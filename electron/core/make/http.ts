// The request core every typed method goes through: path and query, the credential, one retry after a
// credential refresh, request hooks for the governor, response interpretation and validation.
import type { z } from 'zod';
import { countsAgainstRateLimit, fillPath, methodOf, type PathParams } from './endpoints';
import { MakeApiError, isAuthError } from './errors';
import { secretFragments, type CredentialSource } from './credentials';
import { encodeQuery, type PageParams, type QueryValue } from './query';
import { interpretResponse } from './interpret-response';
import { sendRequest } from './transport';
import { validateBody } from './validate';
import type { ParsedBaseUrl } from './base-url';
import type { ZonePools } from './zone-pools';

export interface CallOptions {
  signal?: AbortSignal;
}

export interface RequestInfo {
  /** `METHOD /template`, e.g. `GET /scenarios/{scenarioId}/logs`. */
  endpoint: string;
  /** Zone host, e.g. `eu1.make.com`. */
  zone: string;
  countsAgainstRateLimit: boolean;
  /** 1 for the first send, 2 for the single retry after a credential refresh. */
  attempt: number;
}

export interface RequestOutcome extends RequestInfo {
  /** HTTP status, or null when no response arrived. */
  status: number | null;
  /** Response headers (lower-case, without set-cookie); empty when no response arrived. */
  headers: Readonly<Record<string, string>>;
  error?: MakeApiError;
}

/** How the governor (or a logger) takes part in every HTTP request a client makes. */
export interface RequestHooks {
  /** Awaited before each send (a place to wait for rate-limit budget). Throwing cancels the call. */
  beforeRequest?(info: RequestInfo, signal?: AbortSignal): Promise<void> | void;
  /** Told about every send's outcome. Errors thrown here are ignored. */
  afterResponse?(outcome: RequestOutcome): void;
}

export interface HttpSettings {
  base: ParsedBaseUrl;
  credentials: CredentialSource;
  pools: ZonePools;
  hooks: RequestHooks;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
  userAgent: string;
  now: () => number;
}

export interface CallSpec<S extends z.ZodType> {
  endpoint: string;
  params?: PathParams;
  query?: Record<string, QueryValue>;
  pg?: PageParams;
  /** Serialized as JSON. `undefined` sends no body at all. */
  body?: unknown;
  schema: S;
  headersTimeoutMs?: number;
}

export class MakeHttp {
  constructor(readonly settings: HttpSettings) {}

  withHooks(hooks: RequestHooks): MakeHttp {
    return new MakeHttp({ ...this.settings, hooks });
  }

  async call<S extends z.ZodType>(spec: CallSpec<S>, opts: CallOptions = {}): Promise<z.output<S>> {
    const { base, pools, hooks } = this.settings;
    const { endpoint } = spec;
    const method = methodOf(endpoint);
    const qs = encodeQuery(spec.query ?? {}, spec.pg);
    const path = `${base.basePath}${fillPath(endpoint, spec.params)}${qs ? `?${qs}` : ''}`;
    const body = spec.body === undefined ? undefined : JSON.stringify(spec.body);
    let pool;
    try {
      pool = pools.get(base.origin);
    } catch {
      throw new MakeApiError({ kind: 'aborted', endpoint, message: `${endpoint} was not sent: the client is shutting down.` });
    }
    const counts = countsAgainstRateLimit(endpoint);

    for (let attempt = 1; ; attempt++) {
      const info: RequestInfo = { endpoint, zone: base.zone, countsAgainstRateLimit: counts, attempt };
      if (opts.signal?.aborted) throw new MakeApiError({ kind: 'aborted', endpoint, message: `${endpoint} was cancelled.` });
      await hooks.beforeRequest?.(info, opts.signal);

      let authorization: string;
      try {
        authorization = await this.settings.credentials.authorization();
      } catch (err) {
        const error = credentialFailure(err, endpoint);
        notify(hooks, { ...info, status: null, headers: {}, error });
        // A sign-in that is no longer valid keeps its own type: the engine and the commands recognise it.
        if (isSignInRequiredLike(err)) throw err;
        throw error;
      }
      const fragments = secretFragments(authorization);
      const headers: Record<string, string> = {
        authorization,
        accept: 'application/json',
        'user-agent': this.settings.userAgent,
      };
      if (body !== undefined) headers['content-type'] = 'application/json';

      let status: number | null = null;
      let responseHeaders: Record<string, string> = {};
      try {
        const raw = await sendRequest({
          pool,
          endpoint,
          method,
          path,
          headers,
          ...(body !== undefined ? { body } : {}),
          ...(opts.signal ? { signal: opts.signal } : {}),
          headersTimeoutMs: spec.headersTimeoutMs ?? this.settings.headersTimeoutMs,
          bodyTimeoutMs: this.settings.bodyTimeoutMs,
          maxResponseBytes: this.settings.maxResponseBytes,
        });
        status = raw.status;
        responseHeaders = raw.headers;
        const json = interpretResponse(raw, { endpoint, origin: base.origin, now: this.settings.now(), fragments });
        const value = validateBody(spec.schema, json, endpoint, raw.status);
        notify(hooks, { ...info, status, headers: responseHeaders });
        return value;
      } catch (err) {
        const error = err instanceof MakeApiError ? err : new MakeApiError({ kind: 'network', endpoint, message: `${endpoint} failed unexpectedly.` });
        notify(hooks, { ...info, status, headers: responseHeaders, error });
        if (attempt === 1 && isAuthError(error) && this.settings.credentials.onUnauthorized) {
          const refreshed = await this.settings.credentials.onUnauthorized().catch(() => false);
          if (refreshed) continue;
        }
        throw error;
      }
    }
  }
}

function notify(hooks: RequestHooks, outcome: RequestOutcome): void {
  try {
    hooks.afterResponse?.(outcome);
  } catch {
    // An observer must not change the result of a call.
  }
}

/** Duck-typed so the client does not depend on the accounts layer: the OAuth source's SignInRequiredError. */
function isSignInRequiredLike(err: unknown): err is Error {
  return err instanceof Error && err.name === 'SignInRequiredError';
}

/**
 * What a failing credential means for the request that could not be sent. A sign-in that must be
 * renewed reads like a 401; anything else (the sign-in server unreachable during a refresh, …) is
 * transient, like a network failure. Only typed, secret-free messages are passed on.
 */
function credentialFailure(err: unknown, endpoint: string): MakeApiError {
  if (err instanceof MakeApiError) return err;
  if (isSignInRequiredLike(err)) {
    return new MakeApiError({ kind: 'http', status: 401, endpoint, message: err.message, retryable: false });
  }
  const oauth = err instanceof Error && err.name === 'OAuthError';
  return new MakeApiError({
    kind: 'network',
    endpoint,
    message: oauth ? `${endpoint} was not sent: ${err.message}` : `${endpoint} was not sent: the credential could not be prepared.`,
  });
}
