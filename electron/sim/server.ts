// One node:http server per zone. Request path: control API (/__sim, demo/test only) → public hook
// address (/hook/{udid}) → Make API (/api/v2: faults → catch up → route → body → auth → scope →
// handler). Every failure becomes a JSON answer; nothing a client sends can crash the process.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import { authenticate, type BearerVerifier } from './auth';
import { RequestContext, type SimCore } from './context';
import { handleControl, type SimControl } from './control';
import { ApiError, badRequest, methodNotAllowed, missingScope, notFound, payloadTooLarge, serverError, type MakeErrorBody } from './errors';
import type { FaultDecision, Faults } from './faults';
import { receiveHookData } from './public-hooks';
import { Query } from './query';
import type { Router } from './router';
import { Reply } from './routes/common';

const MAX_BODY_BYTES = 5 * 1024 * 1024;
const MAX_JSON_DEPTH = 64;
const API_PREFIX = '/api/v2';

export interface ZoneServerDeps {
  core: SimCore;
  router: Router;
  faults: Faults;
  oauth: BearerVerifier | null;
  /** Null in plain mode: no control API. */
  control: SimControl | null;
  info: () => unknown;
  zone: string;
}

class BodyTooLarge extends Error {}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let failed = false;
    req.on('data', (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        failed = true;
        reject(new BodyTooLarge());
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!failed) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      if (!failed) reject(e);
      failed = true;
    });
  });
}

/** Nesting depth of a JSON text, counted without parsing (deep input must not reach the parser). */
function jsonDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth > max) max = depth;
    } else if (c === 125 || c === 93) depth--;
  }
  return max;
}

function parseJsonBody(raw: string): unknown {
  if (raw.trim() === '') return undefined;
  if (jsonDepth(raw) > MAX_JSON_DEPTH) throw badRequest(`The request body is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  try {
    return JSON.parse(raw) as unknown;
  } catch (e) {
    throw badRequest(`The request body is not valid JSON: ${(e as Error).message.slice(0, 120)}`);
  }
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}, fault?: FaultDecision): void {
  if (res.headersSent || res.destroyed) return;
  let text = body === null || body === undefined ? '' : JSON.stringify(body);
  if (fault?.malformed && text !== '') text = `<html><body>502 Bad Gateway</body></html>${text.slice(0, 10)}`;
  else if (fault?.truncated && text.length > 1) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

function sendError(res: ServerResponse, e: unknown): void {
  if (e instanceof ApiError) return send(res, e.status, e.body, e.headers);
  if (e instanceof BodyTooLarge) {
    const err = payloadTooLarge();
    send(res, err.status, err.body, { connection: 'close' });
    return;
  }
  const err = serverError();
  send(res, err.status, err.body);
}

const delay = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function handleApi(deps: ZoneServerDeps, req: IncomingMessage, res: ServerResponse, path: string, url: URL): Promise<void> {
  const zone = deps.core.world.zoneAddresses.get(deps.zone);
  if (!zone) throw serverError('Zone is not listening.');
  const fault = deps.faults.decide();
  if (fault.latencyMs > 0) await delay(fault.latencyMs);
  if (fault.reset) {
    req.socket.destroy();
    return;
  }
  if (fault.serverError) {
    const body: MakeErrorBody = { detail: 'Simulated server failure.', message: 'Internal Server Error', code: `SC${fault.serverError}` };
    return send(res, fault.serverError, body);
  }
  if (fault.storm429) {
    const e = new ApiError(429, { detail: 'Requests limit for organization exceeded, please try again later.', message: 'Requests limit for organization exceeded, please try again later.', code: 'SC429' }, { 'retry-after': '60' });
    return send(res, e.status, e.body, e.headers);
  }

  deps.core.catchUp();
  const raw = await readBody(req);
  const apiPath = path.slice(API_PREFIX.length) || '/';
  const m = deps.router.match(req.method ?? 'GET', apiPath);
  if (m.kind === 'no-path') throw notFound(`The path ${truncatePath(apiPath)} does not exist.`);
  if (m.kind === 'no-method') throw methodNotAllowed(req.method ?? '');
  const auth = authenticate(req.headers.authorization, deps.core.world, deps.zone, deps.oauth);
  if (m.route.scope !== null && !auth.scopes.has(m.route.scope)) throw missingScope(m.route.scope);
  const body = parseJsonBody(raw);
  const ctx = new RequestContext(deps.core, zone, req.method ?? 'GET', m.params, new Query(url.searchParams), body, auth, m.route.rateLimited);
  const out = await m.route.handler(ctx);
  if (out instanceof Reply) {
    if (out.status === 202 || out.status === 204) {
      if (!res.headersSent) {
        res.writeHead(out.status, { 'content-type': 'application/json; charset=utf-8', 'content-length': 0, ...out.headers });
        res.end();
      }
      return;
    }
    return send(res, out.status, out.body, out.headers, fault);
  }
  send(res, 200, out, {}, fault);
}

const truncatePath = (p: string) => (p.length > 80 ? `${p.slice(0, 80)}…` : p);

async function handleRequest(deps: ZoneServerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://sim.invalid');
  } catch {
    throw badRequest('Malformed request URL.');
  }
  const path = url.pathname;
  if (path === '/__sim' || path.startsWith('/__sim/')) {
    if (!deps.control) throw notFound('Not found.');
    const raw = await readBody(req);
    const out = await handleControl(deps.control, deps.info, req.method ?? 'GET', path, url.searchParams, parseJsonBody(raw));
    return send(res, out.status, out.body);
  }
  const hook = /^\/(?:hook|wh)\/([A-Za-z0-9]+)\/?$/.exec(path);
  if (hook) {
    const raw = await readBody(req);
    deps.core.catchUp();
    const a = receiveHookData(deps.core, deps.zone, hook[1] as string, req, raw, url.searchParams);
    if (a.text !== undefined) {
      res.writeHead(a.status, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(a.text);
      return;
    }
    return send(res, a.status, a.body);
  }
  if (path === API_PREFIX || path.startsWith(`${API_PREFIX}/`)) return handleApi(deps, req, res, path, url);
  throw notFound(`The path ${truncatePath(path)} does not exist.`);
}

export function createZoneServer(deps: ZoneServerDeps): Server {
  const server = createServer({ maxHeaderSize: 64 * 1024 }, (req, res) => {
    res.on('error', () => undefined);
    req.on('error', () => undefined);
    handleRequest(deps, req, res).catch((e: unknown) => {
      if (process.env.SIM_DEBUG && !(e instanceof ApiError)) process.stderr.write(`sim: ${(e as Error)?.stack ?? String(e)}\n`);
      sendError(res, e);
      if (e instanceof BodyTooLarge) req.resume();
    });
  });
  server.on('clientError', (err: NodeJS.ErrnoException, socket: Socket) => {
    if (!socket.writable) return socket.destroy();
    const tooBig = err.code === 'HPE_HEADER_OVERFLOW';
    const body = JSON.stringify({ detail: tooBig ? 'Request headers are too large.' : 'Malformed HTTP request.', message: 'Bad Request', code: tooBig ? 'SC431' : 'SC400' });
    socket.end(`HTTP/1.1 ${tooBig ? '431 Request Header Fields Too Large' : '400 Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`);
  });
  return server;
}
