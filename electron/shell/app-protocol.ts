// Serves the renderer build over app://make-tray/ with the security headers. Only files under the
// build folder, only GET/HEAD, never a dotfile, never a path that climbs out (the resolver is the
// dashboard's, so both hosts refuse the same paths).
import { readFile, realpath } from 'node:fs/promises';
import { sep } from 'node:path';
import type { Protocol } from 'electron';
import { contentTypeOf, resolveStaticFile } from '../dashboard/static-files';
import { APP_HOST, APP_SCHEME } from './app-origin';
import { SECURITY_HEADERS } from './security';

const plain = (status: number, text: string, extra: Record<string, string> = {}) =>
  new Response(text, { status, headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8', ...extra } });

/** A symlink in the build must not lead out of it. */
async function staysInside(file: string, root: string): Promise<boolean> {
  try {
    const [real, realRoot] = await Promise.all([realpath(file), realpath(root)]);
    return real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep);
  } catch {
    // Inside app.asar there are no symlinks and realpath of an archive path may not resolve.
    return file.includes(`.asar${sep}`);
  }
}

/** The `protocol.handle` handler for `root` (an absolute path to dist/renderer). */
export function createAppProtocolHandler(root: string): (request: Request) => Promise<Response> {
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return plain(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return plain(404, 'Not found');
    if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'Method not allowed', { Allow: 'GET, HEAD' });
    // The raw path, before URL normalization removed any `..`: a request that tries to climb is refused
    // outright, not quietly mapped to some other file.
    const rawPath = request.url.slice(`${APP_SCHEME}://${APP_HOST}`.length).split(/[?#]/)[0] ?? '/';
    if (/(^|[/\\])\.\.?([/\\]|$)|%2e|%5c|%00/i.test(rawPath)) return plain(404, 'Not found');
    const file = await resolveStaticFile(root, url.pathname);
    if (!file || !(await staysInside(file, root))) return plain(404, 'Not found');
    let body: Buffer;
    try {
      body = await readFile(file);
    } catch {
      return plain(404, 'Not found');
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), {
      status: 200,
      headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeOf(file), 'Content-Length': String(body.length) },
    });
  };
}

/** Registers the handler on a session's protocol object (`session.defaultSession.protocol`). */
export function installAppProtocol(protocol: Protocol, root: string): void {
  protocol.handle(APP_SCHEME, createAppProtocolHandler(root));
}
