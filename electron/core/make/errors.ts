// One typed error family for everything the Make client can fail with. An error carries only what is
// safe to show or log: never a credential, never request headers, never query values.
import { isExecutionDetailEndpoint, isScenarioLogEndpoint } from './endpoints';

export type MakeApiErrorKind =
  | 'http'
  | 'network'
  | 'timeout'
  | 'aborted'
  | 'invalid-response'
  | 'too-large'
  | 'redirect'
  | 'insecure';

export interface MakeSubError {
  message: string;
}

export interface MakeApiErrorInit {
  kind: MakeApiErrorKind;
  message: string;
  /** Method and path template, e.g. `GET /scenarios/{scenarioId}/logs`. No ids, no query. */
  endpoint: string;
  status?: number;
  /** Make's own code: `SC403`, `IM004`, `IM102`, … */
  code?: string;
  detail?: string;
  suberrors?: MakeSubError[];
  retryAfterMs?: number;
  /** Low-level cause identifier (`ECONNRESET`, `UND_ERR_HEADERS_TIMEOUT`, …), never the cause object. */
  causeCode?: string;
  /** Overrides the default retryability derived from kind and status. */
  retryable?: boolean;
}

export function defaultRetryable(kind: MakeApiErrorKind, status?: number): boolean {
  switch (kind) {
    case 'network':
    case 'timeout':
      return true;
    case 'http':
      if (status === undefined) return false;
      return status >= 500 || status === 408 || status === 429;
    default:
      return false;
  }
}

export class MakeApiError extends Error {
  override readonly name = 'MakeApiError';
  readonly kind: MakeApiErrorKind;
  readonly endpoint: string;
  readonly status?: number;
  readonly code?: string;
  readonly detail?: string;
  readonly suberrors?: MakeSubError[];
  readonly retryable: boolean;
  readonly retryAfterMs?: number;
  readonly causeCode?: string;

  constructor(init: MakeApiErrorInit) {
    super(init.message);
    this.kind = init.kind;
    this.endpoint = init.endpoint;
    if (init.status !== undefined) this.status = init.status;
    if (init.code !== undefined) this.code = init.code;
    if (init.detail !== undefined) this.detail = init.detail;
    if (init.suberrors !== undefined) this.suberrors = init.suberrors;
    if (init.retryAfterMs !== undefined) this.retryAfterMs = init.retryAfterMs;
    if (init.causeCode !== undefined) this.causeCode = init.causeCode;
    this.retryable = init.retryable ?? defaultRetryable(init.kind, init.status);
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      message: this.message,
      endpoint: this.endpoint,
      status: this.status,
      code: this.code,
      detail: this.detail,
      suberrors: this.suberrors,
      retryable: this.retryable,
      retryAfterMs: this.retryAfterMs,
      causeCode: this.causeCode,
    };
  }
}

export const isMakeApiError = (err: unknown): err is MakeApiError => err instanceof MakeApiError;

/** 429: the organization's request limit is exhausted. `retryAfterMs` is set only if Make said so. */
export const isRateLimited = (err: unknown): err is MakeApiError =>
  isMakeApiError(err) && err.kind === 'http' && err.status === 429;

/** The credential itself is rejected (401, or 403 with IM102 "invalid credentials"). */
export const isAuthError = (err: unknown): err is MakeApiError =>
  isMakeApiError(err) && err.kind === 'http' && (err.status === 401 || (err.status === 403 && err.code === 'IM102'));

const SCOPE_NAME = /\b([a-z][a-z-]*:(?:read|write|run|use))\b/;

/**
 * 403 that names a scope ("… scope scenarios:write …"). Make's exact wording for a missing scope is not
 * documented, so this reads the text; a plain 403 without a scope name is a rights problem instead.
 */
export const isMissingScope = (err: unknown): err is MakeApiError =>
  isMakeApiError(err) && err.kind === 'http' && err.status === 403 && err.code !== 'IM102' && /scope/i.test(`${err.detail ?? ''} ${err.message}`);

/** The scope a missing-scope error names, when it names one. */
export function missingScopeOf(err: unknown): string | undefined {
  if (!isMissingScope(err)) return undefined;
  return SCOPE_NAME.exec(`${err.detail ?? ''} ${err.message}`)?.[1];
}

export const isNotFound = (err: unknown): err is MakeApiError =>
  isMakeApiError(err) && err.kind === 'http' && err.status === 404;

/**
 * 404 for an execution that may simply not be visible yet (right after `POST /run`). The caller may
 * retry a bounded number of times; the error itself stays `retryable: false` so generic retry loops
 * don't spin on an id that never existed.
 */
export const isNotFoundYet = (err: unknown): err is MakeApiError =>
  isNotFound(err) && (isExecutionDetailEndpoint(err.endpoint) || isScenarioLogEndpoint(err.endpoint));

/** 406 IM004: the call needs `confirmed=true`. */
export const isConfirmationRequired = (err: unknown): err is MakeApiError =>
  isMakeApiError(err) && err.kind === 'http' && (err.code === 'IM004' || err.status === 406);
