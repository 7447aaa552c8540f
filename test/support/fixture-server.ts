// A small real HTTP server on 127.0.0.1:0 that answers Make API requests with the recorded fixtures
// (test/fixtures/make-api) or with whatever a test asks for: custom statuses and bodies, delays,
// truncated bodies, dropped connections, redirects, oversized bodies. It records every request.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

export const FIXTURE_DIR = fileURLToPath(new URL('../fixtures/make-api/', import.meta.url));

export function readFixture(file: string): unknown {
  return JSON.parse(readFileSync(join(FIXTURE_DIR, file), 'utf8'));
}

export interface RecordedRequest {
  method: string;
  /** Path without the query, e.g. `/api/v2/scenarios`. */
  path: string;
  /** The raw query string as sent (without `?`). */
  rawQuery: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  body: string;
  remotePort: number | undefined;
}

export type Reply =
  | { kind: 'fixture'; file: string; status?: number; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'json'; body: unknown; status?: number; headers?: Record<string, string>; delayMs?: number }
  | { kind: 'text'; text: string; status?: number; headers?: Record<string, string>; delayMs?: number }
  /** Close the socket without answering. */
  | { kind: 'destroy'; delayMs?: number }
  /** Declare `declaredLength` bytes, send `text`, then close the socket. */
  | { kind: 'truncate'; text: string; declaredLength: number; delayMs?: number }
  /** A body of `bytes` bytes; chunked unless `declareLength`. */
  | { kind: 'big'; bytes: number; declareLength?: boolean; delayMs?: number }
  /** Send the head and `text`, then never finish. */
  | { kind: 'stall-body'; text: string; delayMs?: number }
  | { kind: 'redirect'; location: string; status?: number; delayMs?: number };

export interface Route {
  method: string;
  /** Path after the base path; `{x}` matches one segment. Or a RegExp on the full path. */
  path: string | RegExp;
  reply: Reply | ((req: RecordedRequest) => Reply);
}

/** Every recorded fixture at the request INDEX.md says it answers. */
export const FIXTURE_ROUTES: Route[] = [
  ['GET', '/users/me', 'users/me.json'],
  ['GET', '/users/me/current-authorization', 'users/current-authorization.json'],
  ['GET', '/organizations', 'organizations/list.json'],
  ['GET', '/organizations/{id}', 'organizations/get.json'],
  ['GET', '/teams', 'teams/list.json'],
  ['GET', '/teams/{id}', 'teams/get.json'],
  ['GET', '/scenarios-folders', 'folders/list.json'],
  ['GET', '/scenarios', 'scenarios/list.json'],
  ['POST', '/scenarios', 'scenarios/create.json'],
  ['GET', '/scenarios/{id}', 'scenarios/get.json'],
  ['PATCH', '/scenarios/{id}', 'scenarios/update.json'],
  ['POST', '/scenarios/{id}/start', 'scenarios/activate.json'],
  ['POST', '/scenarios/{id}/stop', 'scenarios/deactivate.json'],
  ['POST', '/scenarios/{id}/run', 'scenarios/run.json'],
  ['GET', '/scenarios/{id}/interface', 'scenarios/interface.json'],
  ['GET', '/scenarios/{id}/blueprint', 'blueprints/get.json'],
  ['GET', '/scenarios/{id}/logs', 'executions/list.json'],
  ['GET', '/scenarios/{id}/logs/{eid}', 'executions/get.json'],
  ['GET', '/scenarios/{id}/executions/{eid}', 'executions/get-detail.json'],
  ['GET', '/dlqs', 'incomplete-executions/list.json'],
  ['GET', '/dlqs/{id}', 'incomplete-executions/get.json'],
  ['GET', '/hooks', 'hooks/list.json'],
  ['POST', '/hooks', 'hooks/create.json'],
  ['GET', '/hooks/{id}', 'hooks/get.json'],
  ['PATCH', '/hooks/{id}', 'hooks/update.json'],
  ['GET', '/hooks/{id}/ping', 'hooks/ping.json'],
  ['POST', '/hooks/{id}/enable', 'hooks/enable.json'],
  ['POST', '/hooks/{id}/disable', 'hooks/disable.json'],
].map(([method, path, file]) => ({ method: method!, path: path!, reply: { kind: 'fixture', file: file! } as Reply }));

/** Answers the SDK mocks give as `null` bodies (no fixture file exists). */
export const NULL_BODY_ROUTES: Route[] = [
  { method: 'POST', path: '/dlqs/{id}/retry', reply: { kind: 'text', text: 'null', headers: { 'content-type': 'application/json' } } },
  { method: 'DELETE', path: '/hooks/{id}', reply: { kind: 'text', text: 'null', headers: { 'content-type': 'application/json' } } },
];

export interface FixtureServer {
  /** `http://127.0.0.1:<port>/api/v2` */
  baseUrl: string;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  requests: RecordedRequest[];
  /** Adds routes that win over earlier ones. */
  route(...routes: Route[]): void;
  /** Number of distinct client sockets seen. */
  connectionCount(): number;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  basePath?: string;
  /** Defaults to FIXTURE_ROUTES + NULL_BODY_ROUTES. Pass [] for an empty server. */
  routes?: Route[];
}

function toMatcher(basePath: string, path: string | RegExp): RegExp {
  if (path instanceof RegExp) return path;
  const escaped = (basePath + path).replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{\w+\\?\}/g, '[^/]+');
  return new RegExp(`^${escaped}$`);
}

export async function startFixtureServer(options: FixtureServerOptions = {}): Promise<FixtureServer> {
  const basePath = options.basePath ?? '/api/v2';
  const routes: Array<{ method: string; match: RegExp; reply: Route['reply'] }> = [];
  const add = (...rs: Route[]) => {
    for (const r of rs) routes.unshift({ method: r.method.toUpperCase(), match: toMatcher(basePath, r.path), reply: r.reply });
  };
  add(...(options.routes ?? [...FIXTURE_ROUTES, ...NULL_BODY_ROUTES]));

  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const timers = new Set<ReturnType<typeof setTimeout>>();
  let connections = 0;

  const later = (ms: number | undefined, fn: () => void) => {
    if (!ms) return fn();
    const t = setTimeout(() => {
      timers.delete(t);
      fn();
    }, ms);
    timers.add(t);
  };

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = req.url ?? '/';
      const q = url.indexOf('?');
      const recorded: RecordedRequest = {
        method: req.method ?? 'GET',
        path: q >= 0 ? url.slice(0, q) : url,
        rawQuery: q >= 0 ? url.slice(q + 1) : '',
        query: new URLSearchParams(q >= 0 ? url.slice(q + 1) : ''),
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort,
      };
      requests.push(recorded);
      const route = routes.find((r) => r.method === recorded.method && r.match.test(recorded.path));
      const reply: Reply = route
        ? typeof route.reply === 'function'
          ? route.reply(recorded)
          : route.reply
        : { kind: 'json', status: 404, body: { detail: 'No such route in the fixture server.', message: 'Not found', code: 'SC404' } };
      later(reply.delayMs, () => send(res, reply));
    });
  });
  server.on('connection', (s: Socket) => {
    connections++;
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    baseUrl: origin + basePath,
    origin,
    requests,
    route: add,
    connectionCount: () => connections,
    close: async () => {
      for (const t of timers) clearTimeout(t);
      timers.clear();
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, reply: Reply): void {
  if (res.destroyed) return;
  switch (reply.kind) {
    case 'fixture':
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(readFileSync(join(FIXTURE_DIR, reply.file)));
      return;
    case 'json':
      res.writeHead(reply.status ?? 200, { 'content-type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
      return;
    case 'text':
      res.writeHead(reply.status ?? 200, { 'content-type': 'text/plain', ...reply.headers });
      res.end(reply.text);
      return;
    case 'destroy':
      res.socket?.destroy();
      return;
    case 'truncate':
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(reply.declaredLength) });
      res.write(reply.text, () => res.socket?.destroy());
      return;
    case 'big': {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (reply.declareLength) headers['content-length'] = String(reply.bytes);
      res.writeHead(200, headers);
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let left = reply.bytes;
      const pump = () => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('error', () => undefined);
      pump();
      return;
    }
    case 'stall-body':
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(reply.text);
      return;
    case 'redirect':
      res.writeHead(reply.status ?? 302, { location: reply.location });
      res.end();
      return;
  }
}
