// The redirect target of a native-app OAuth flow (RFC 8252 §7.3): an HTTP listener on 127.0.0.1 with
// an ephemeral port (or a fixed one, for servers that only accept registered redirect URIs), open
// only while one sign-in is waiting. The first request to the callback path
// ends it: `decide` turns the query into the page the browser shows and the flow's outcome, and the
// listener closes. Other paths (favicon, probes) get a 404, and a callback request that `decide` does
// not recognise as an answer (null) gets a 400; neither ends the wait.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { callbackPage } from './callback-page';

export interface CallbackDecision<T> {
  page: { ok: boolean; message: string };
  outcome: T;
}

export interface LoopbackRedirect<T> {
  /** `http://127.0.0.1:{port}{path}` */
  readonly redirectUri: string;
  readonly port: number;
  /** Settles with the outcome of the first callback request. */
  readonly outcome: Promise<T>;
  /** Stops listening and drops open connections; idempotent. */
  close(): Promise<void>;
}

export async function openLoopbackRedirect<T>(opts: {
  path?: string;
  /** Fixed port; default 0 (ephemeral). */
  port?: number;
  decide: (query: URLSearchParams) => CallbackDecision<T> | null;
}): Promise<LoopbackRedirect<T>> {
  const path = opts.path ?? '/callback';
  let deliver!: (value: T) => void;
  const outcome = new Promise<T>((resolve) => (deliver = resolve));
  let answered = false;
  let closing: Promise<void> | null = null;

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (answered || req.method !== 'GET' || url.pathname !== path) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Not found');
      return;
    }
    const decision = opts.decide(url.searchParams);
    if (decision === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8', connection: 'close' });
      res.end('Not a sign-in answer');
      return;
    }
    answered = true;
    const html = callbackPage(decision.page);
    res.writeHead(decision.page.ok ? 200 : 400, {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
      connection: 'close',
    });
    res.end(html, () => {
      deliver(decision.outcome);
      void close();
    });
  });

  function close(): Promise<void> {
    closing ??= new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
    return closing;
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  return { redirectUri: `http://127.0.0.1:${port}${path}`, port, outcome, close };
}
