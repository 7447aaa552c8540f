// One HTTP exchange over a zone pool: timeouts, cancellation, a response size cap, no redirects.
// Returns the raw status/headers/text; deciding what a status means is `interpret-response.ts`.
import type { Pool } from 'undici';
import type { IncomingHttpHeaders } from 'node:http';
import { MakeApiError } from './errors';
import type { HttpMethod } from './endpoints';

export interface TransportRequest {
  pool: Pool;
  endpoint: string;
  method: HttpMethod;
  /** Absolute path with query, e.g. `/api/v2/scenarios?teamId=1`. */
  path: string;
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
  headersTimeoutMs: number;
  bodyTimeoutMs: number;
  maxResponseBytes: number;
}

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  /** Empty string when there was no body (or it was skipped, for 3xx). */
  text: string;
}

const NETWORK_CODES = new Set([
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
  'UND_ERR_DESTROYED',
  'UND_ERR_RES_CONTENT_LENGTH_MISMATCH',
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
]);
const TIMEOUT_CODES = new Set(['UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_BODY_TIMEOUT', 'ETIMEDOUT']);

function errorCode(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  const cause = (err as { cause?: unknown }).cause;
  return cause !== err ? errorCode(cause) : undefined;
}

/** Maps whatever undici/node threw to a MakeApiError without keeping the original object. */
export function classifyTransportError(err: unknown, endpoint: string, signal?: AbortSignal): MakeApiError {
  if (err instanceof MakeApiError) return err;
  if (signal?.aborted) return new MakeApiError({ kind: 'aborted', endpoint, message: `${endpoint} was cancelled.` });
  const code = errorCode(err);
  const name = typeof err === 'object' && err !== null ? (err as { name?: unknown }).name : undefined;
  if (code !== undefined && TIMEOUT_CODES.has(code)) {
    const phase =
      code === 'UND_ERR_CONNECT_TIMEOUT' ? 'connecting' : code === 'UND_ERR_HEADERS_TIMEOUT' ? 'waiting for a response' : 'receiving the response';
    return new MakeApiError({ kind: 'timeout', endpoint, causeCode: code, message: `${endpoint} timed out while ${phase}.` });
  }
  if (code === 'UND_ERR_ABORTED' || name === 'AbortError') {
    return new MakeApiError({ kind: 'aborted', endpoint, causeCode: code ?? 'AbortError', message: `${endpoint} was cancelled.` });
  }
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('E') || code.startsWith('ERR_TLS') || code.includes('CERT'))) {
    return new MakeApiError({ kind: 'network', endpoint, causeCode: code, message: `${endpoint} failed: the connection to Make was lost or refused (${code}).` });
  }
  return new MakeApiError({
    kind: 'network',
    endpoint,
    ...(code !== undefined ? { causeCode: code } : {}),
    message: `${endpoint} failed: network error${code ? ` (${code})` : ''}.`,
  });
}

function flattenHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (v === undefined || k === 'set-cookie') continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

function tooLarge(endpoint: string, max: number): MakeApiError {
  return new MakeApiError({
    kind: 'too-large',
    endpoint,
    message: `${endpoint} returned more than ${Math.round(max / 1024)} KiB; the response was dropped.`,
  });
}

export async function sendRequest(req: TransportRequest): Promise<RawResponse> {
  const { endpoint, signal } = req;
  if (signal?.aborted) throw new MakeApiError({ kind: 'aborted', endpoint, message: `${endpoint} was cancelled.` });
  let res;
  try {
    res = await req.pool.request({
      method: req.method,
      path: req.path,
      headers: req.headers,
      body: req.body ?? null,
      signal: signal ?? null,
      headersTimeout: req.headersTimeoutMs,
      bodyTimeout: req.bodyTimeoutMs,
    });
  } catch (err) {
    throw classifyTransportError(err, endpoint, signal);
  }

  const headers = flattenHeaders(res.headers);
  if (res.statusCode >= 300 && res.statusCode < 400) {
    await res.body.dump().catch(() => undefined);
    return { status: res.statusCode, headers, text: '' };
  }

  const declared = Number(headers['content-length']);
  if (Number.isFinite(declared) && declared > req.maxResponseBytes) {
    res.body.destroy();
    throw tooLarge(endpoint, req.maxResponseBytes);
  }

  const chunks: Buffer[] = [];
  let received = 0;
  try {
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      received += chunk.length;
      if (received > req.maxResponseBytes) {
        res.body.destroy();
        throw tooLarge(endpoint, req.maxResponseBytes);
      }
      chunks.push(chunk);
    }
  } catch (err) {
    throw classifyTransportError(err, endpoint, signal);
  }
  return { status: res.statusCode, headers, text: Buffer.concat(chunks).toString('utf8') };
}
