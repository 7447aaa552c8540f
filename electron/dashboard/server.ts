// The browser dashboard's server: the renderer build over HTTP on 127.0.0.1, and the contract over a
// WebSocket at /ws. The page URL carries a random per-launch secret in its fragment (never sent in
// HTTP requests or Referers); the page hands it to the socket, and the socket is refused without it,
// from another Origin, or under another Host name.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { contractError, type EventName } from '../../shared/contract';
import {
  ClientMessageSchema,
  DASHBOARD_SECRET_PARAM,
  DASHBOARD_WS_PATH,
  MAX_CLIENT_MESSAGE_BYTES,
  type ServerMessage,
} from '../../shared/contract-wire';
import type { ContractHost } from '../core/commands/contract-host';
import { allowedHosts, allowedOrigins, securityHeaders } from './security-headers';
import { contentTypeOf, resolveStaticFile } from './static-files';

export interface DashboardServerOptions {
  contract: ContractHost;
  /** The renderer build (dist/renderer). */
  staticDir: string;
  /** 0 = any free port. */
  port?: number;
  secret?: string;
  /** Open sockets plus handshakes under way (default 32). */
  maxConnections?: number;
  /** Commands one socket may have unanswered at once; beyond, `rate-limited` (default 16). */
  maxInFlightPerSocket?: number;
  /** How often each socket is pinged; one that has not answered the last ping is dropped (default 30 s). */
  pingIntervalMs?: number;
  /** Runs before an accepted handshake completes (tests hold handshakes open with it). */
  beforeHandshake?: () => Promise<void>;
}

export interface DashboardServer {
  readonly port: number;
  /** The page to open: `http://127.0.0.1:PORT/#k=SECRET`. */
  readonly url: string;
  readonly secret: string;
  /** The WebSocket URL a client uses (with the secret). */
  readonly socketUrl: string;
  readonly origin: string;
  /** Open sockets plus handshakes under way. */
  connectionCount(): number;
  close(): Promise<void>;
}

/** A client this far behind is dropped; it reconnects and resyncs from a snapshot. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;
/** Slow or half-sent request headers are cut off after this long. */
const HEADERS_TIMEOUT_MS = 10_000;
/** TCP connections beyond the sockets: the page's own requests (a browser opens about six). */
const HTTP_CONNECTION_HEADROOM = 16;

const sameSecret = (given: string | null, secret: string): boolean => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
};

const NOT_BUILT_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Make Tray</title>
<body><h1>Make Tray</h1><p>The window has not been built yet. Run <code>npm run build:renderer</code> and reload.</p></body></html>`;

export async function startDashboardServer(options: DashboardServerOptions): Promise<DashboardServer> {
  const secret = options.secret ?? randomBytes(24).toString('base64url');
  const maxConnections = options.maxConnections ?? 32;
  const maxInFlight = options.maxInFlightPerSocket ?? 16;
  let port = 0;
  const headers = () => securityHeaders(port);

  const reject = (res: ServerResponse, status: number, text: string) => {
    res.writeHead(status, { ...headers(), 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(text);
  };

  const server = createServer((req, res) => {
    void serveHttp(req, res).catch(() => {
      if (!res.headersSent) reject(res, 500, 'Internal error');
      else res.destroy();
    });
  });
  server.maxConnections = maxConnections + HTTP_CONNECTION_HEADROOM;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = 2 * HEADERS_TIMEOUT_MS;

  async function serveHttp(req: IncomingMessage, res: ServerResponse) {
    if (!allowedHosts(port).includes(req.headers.host ?? '')) return reject(res, 421, 'Unknown host');
    if (req.method !== 'GET' && req.method !== 'HEAD') return reject(res, 405, 'Method not allowed');
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const file = await resolveStaticFile(options.staticDir, path);
    if (!file) {
      if (path === '/' || path === '/index.html') {
        res.writeHead(200, { ...headers(), 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
        return res.end(req.method === 'HEAD' ? undefined : NOT_BUILT_PAGE);
      }
      if (path === '/favicon.ico') {
        // Browsers ask for it unprompted; no icon is not an error worth a console line.
        res.writeHead(204, { ...headers(), 'Cache-Control': 'public, max-age=86400' });
        return res.end();
      }
      return reject(res, 404, 'Not found');
    }
    const type = contentTypeOf(file);
    res.writeHead(200, {
      ...headers(),
      'Content-Type': type,
      // Hashed asset names may be cached; pages are re-read so a rebuild shows up on reload.
      'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-store',
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).on('error', () => res.destroy()).pipe(res);
  }

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_CLIENT_MESSAGE_BYTES, perMessageDeflate: false });

  const refuseUpgrade = (socket: Duplex, status: number, text: string) => {
    socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${text.length}\r\n\r\n${text}`);
  };

  /** Handshakes accepted and not yet done. */
  let pending = 0;
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== DASHBOARD_WS_PATH) return refuseUpgrade(socket, 404, 'Not Found');
    if (!allowedHosts(port).includes(req.headers.host ?? '')) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!allowedOrigins(port).includes(req.headers.origin ?? '')) return refuseUpgrade(socket, 403, 'Forbidden');
    if (!sameSecret(url.searchParams.get(DASHBOARD_SECRET_PARAM), secret)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (wss.clients.size + pending >= maxConnections) return refuseUpgrade(socket, 503, 'Service Unavailable');
    // Counted from here: handshakes under way take a place too, so a burst can't overshoot the limit.
    pending++;
    let counted = true;
    const release = () => {
      if (counted) pending--;
      counted = false;
    };
    socket.once('close', release);
    void (options.beforeHandshake?.() ?? Promise.resolve()).then(
      () => {
        if (!counted || socket.destroyed) return release();
        wss.handleUpgrade(req, socket, head, (ws) => {
          release();
          onConnection(ws);
        });
      },
      () => {
        release();
        socket.destroy();
      },
    );
  });

  // Sockets whose peer vanished without a close (sleep, pulled cable) are found by ping and dropped.
  const alive = new WeakMap<WebSocket, boolean>();
  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      alive.set(ws, false);
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  function onConnection(ws: WebSocket) {
    let wantsPatches = false;
    let inFlight = 0;
    alive.set(ws, true);
    ws.on('pong', () => alive.set(ws, true));
    const send = (msg: ServerMessage) => {
      if (ws.readyState !== ws.OPEN) return;
      if (ws.bufferedAmount > MAX_BUFFERED_BYTES) {
        ws.close(1013, 'Too far behind; reconnect');
        return;
      }
      ws.send(JSON.stringify(msg));
    };
    const unsubscribe = options.contract.subscribe((event: EventName, payload: unknown) => {
      if (event === 'state.patch' && !wantsPatches) return;
      send({ type: 'event', event, payload });
    });
    ws.on('close', unsubscribe);
    ws.on('error', () => ws.terminate());
    ws.on('message', (data: RawData, isBinary: boolean) => {
      if (isBinary) return ws.close(1003, 'Text messages only');
      let raw: unknown;
      try {
        raw = JSON.parse(data.toString());
      } catch {
        return ws.close(1007, 'Not JSON');
      }
      const msg = ClientMessageSchema.safeParse(raw);
      if (!msg.success) {
        const id = (raw as { id?: unknown } | null)?.id;
        if (typeof id === 'number' && Number.isSafeInteger(id) && id >= 0) {
          send({ type: 'reply', id, ok: false, error: contractError('invalid-input', 'The message is not a valid command.') });
        }
        return;
      }
      const { id, channel, payload } = msg.data;
      // Patches continue from a snapshot: start them once the client asked for one. Any sent before
      // its reply lands are older than the reply, and the client drops them.
      if (inFlight >= maxInFlight) {
        send({ type: 'reply', id, ok: false, error: contractError('rate-limited', 'Too many commands at once; wait for the earlier ones to finish.') });
        return;
      }
      if (channel === 'state.get') wantsPatches = true;
      inFlight++;
      void options.contract
        .handle(channel, payload)
        .then(
          (result) => send(result.ok ? { type: 'reply', id, ok: true, value: result.value } : { type: 'reply', id, ok: false, error: result.error }),
          () => send({ type: 'reply', id, ok: false, error: contractError('internal', 'Something went wrong inside Make Tray.') }),
        )
        .finally(() => inFlight--);
    });
  }

  await new Promise<void>((resolve, rejectListen) => {
    server.once('error', rejectListen);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', rejectListen);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;

  return {
    port,
    secret,
    origin,
    url: `${origin}/#${DASHBOARD_SECRET_PARAM}=${secret}`,
    socketUrl: `ws://127.0.0.1:${port}${DASHBOARD_WS_PATH}?${DASHBOARD_SECRET_PARAM}=${secret}`,
    connectionCount: () => wss.clients.size + pending,
    async close() {
      clearInterval(pinger);
      const open = [...wss.clients];
      const closed = Promise.all(open.map((ws) => new Promise((resolve) => ws.once('close', resolve))));
      for (const ws of open) ws.close(1001, 'Make Tray is shutting down');
      await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 500).unref())]);
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
