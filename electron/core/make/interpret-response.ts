// What a status and body mean: JSON for 2xx, a typed MakeApiError otherwise. Pure.
import { z } from 'zod';
import { MakeApiError, type MakeSubError } from './errors';
import { redact } from './credentials';
import { parseRetryAfter } from './retry-after';
import type { RawResponse } from './transport';

const makeErrorBody = z.looseObject({
  detail: z.unknown().optional(),
  message: z.unknown().optional(),
  code: z.unknown().optional(),
  suberrors: z.unknown().optional(),
});

const MAX_TEXT = 500;

function cleanText(value: unknown, fragments: readonly string[]): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = redact(String(value), fragments).trim();
  if (text === '') return undefined;
  return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT)}…` : text;
}

function cleanSuberrors(value: unknown, fragments: readonly string[]): MakeSubError[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const out: MakeSubError[] = [];
  for (const item of value.slice(0, 20)) {
    const message = cleanText(typeof item === 'object' && item !== null ? (item as { message?: unknown }).message : item, fragments);
    if (message !== undefined) out.push({ message });
  }
  return out.length > 0 ? out : undefined;
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

const PLAIN_STATUS: Record<number, string> = {
  400: 'Make rejected the request as invalid',
  401: 'Make did not accept the credential',
  402: 'This needs a higher Make plan',
  403: 'Access denied',
  404: 'Not found',
  406: 'Make asks for confirmation',
  408: 'Make timed out waiting for the request',
  413: 'The response would be too large',
  422: 'Make cannot do this because of dependencies',
  424: 'A service Make depends on failed',
  429: "The organization's API request limit is exhausted",
  503: 'Make is temporarily unavailable',
};

function plainStatus(status: number): string {
  return PLAIN_STATUS[status] ?? (status >= 500 ? 'Make had a server error' : `Make answered HTTP ${status}`);
}

export interface InterpretOptions {
  endpoint: string;
  origin: string;
  now: number;
  /** Credential fragments to scrub from any server-supplied text. */
  fragments: readonly string[];
}

/** The decoded JSON body of a successful response (`null` for an empty one). Throws MakeApiError otherwise. */
export function interpretResponse(res: RawResponse, opts: InterpretOptions): unknown {
  const { endpoint, fragments } = opts;
  const { status } = res;

  if (status >= 300 && status < 400 && status !== 304) {
    const location = res.headers['location'];
    let target: URL | undefined;
    try {
      target = location ? new URL(location, opts.origin) : undefined;
    } catch {
      target = undefined;
    }
    const crossOrigin = target !== undefined && target.origin !== opts.origin;
    return fail(
      new MakeApiError({
        kind: 'redirect',
        endpoint,
        status,
        message: crossOrigin
          ? `${endpoint} was redirected to ${target!.host}; redirects are not followed and the credential was not sent there.`
          : `${endpoint} was redirected (HTTP ${status}); redirects are not followed.`,
        ...(target ? { detail: `Location origin: ${target.origin}` } : {}),
      }),
    );
  }

  if (status >= 200 && status < 300) {
    if (res.text.trim() === '') return null;
    const parsed = parseJson(res.text);
    if (!parsed.ok) {
      return fail(
        new MakeApiError({
          kind: 'invalid-response',
          endpoint,
          status,
          message: `${endpoint} returned a body that is not valid JSON (${res.headers['content-type'] ?? 'no content type'}).`,
        }),
      );
    }
    return parsed.value;
  }

  // Errors (4xx/5xx, and Make's odd 304 "account does not exist").
  const parsed = res.text.trim() === '' ? undefined : parseJson(res.text);
  const body = parsed?.ok ? makeErrorBody.safeParse(parsed.value) : undefined;
  const fields = body?.success ? body.data : {};
  const detail = cleanText(fields.detail, fragments);
  const makeMessage = cleanText(fields.message, fragments);
  const code = cleanText(fields.code, fragments);
  const suberrors = cleanSuberrors(fields.suberrors, fragments);
  const retryAfterMs = parseRetryAfter(res.headers['retry-after'], opts.now);
  const plain = status === 304 ? 'Make says the account does not exist' : plainStatus(status);
  const specific = detail ?? makeMessage;
  return fail(
    new MakeApiError({
      kind: 'http',
      endpoint,
      status,
      message: `${plain}${specific && specific !== plain ? `: ${specific}` : '.'} (${endpoint}, HTTP ${status}${code ? ` ${code}` : ''})`,
      ...(code !== undefined ? { code } : {}),
      ...(detail !== undefined ? { detail } : makeMessage !== undefined ? { detail: makeMessage } : {}),
      ...(suberrors !== undefined ? { suberrors } : {}),
      ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    }),
  );
}

function fail(err: MakeApiError): never {
  throw err;
}
