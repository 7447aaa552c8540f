// A tiny method + path-pattern router (`/scenarios/:scenarioId/logs`). Each route names the scope it
// needs (null = any valid credential) and whether it counts against the organization's rate limit.
import type { RequestContext } from './context';

export type Handler = (ctx: RequestContext) => unknown | Promise<unknown>;

export interface Route {
  method: string;
  pattern: string;
  /** Required scope, or null when any valid credential will do. */
  scope: string | null;
  /** False for calls Make exempts from the per-organization limit (`POST /scenarios/{id}/run`). */
  rateLimited: boolean;
  handler: Handler;
  regex: RegExp;
  keys: string[];
}

export type Match = { kind: 'ok'; route: Route; params: Record<string, string> } | { kind: 'no-path' } | { kind: 'no-method' };

export class Router {
  private readonly routes: Route[] = [];

  add(method: string, pattern: string, scope: string | null, handler: Handler, opts: { rateLimited?: boolean } = {}): void {
    const keys: string[] = [];
    const source = pattern
      .split('/')
      .map((seg) => {
        if (seg.startsWith(':')) {
          keys.push(seg.slice(1));
          return '([^/]+)';
        }
        return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      })
      .join('/');
    this.routes.push({ method, pattern, scope, handler, rateLimited: opts.rateLimited ?? true, regex: new RegExp(`^${source}/?$`), keys });
  }

  get(p: string, scope: string | null, h: Handler, o?: { rateLimited?: boolean }): void {
    this.add('GET', p, scope, h, o);
  }
  post(p: string, scope: string | null, h: Handler, o?: { rateLimited?: boolean }): void {
    this.add('POST', p, scope, h, o);
  }
  patch(p: string, scope: string | null, h: Handler, o?: { rateLimited?: boolean }): void {
    this.add('PATCH', p, scope, h, o);
  }
  put(p: string, scope: string | null, h: Handler, o?: { rateLimited?: boolean }): void {
    this.add('PUT', p, scope, h, o);
  }
  delete(p: string, scope: string | null, h: Handler, o?: { rateLimited?: boolean }): void {
    this.add('DELETE', p, scope, h, o);
  }

  /** Literal segments win over parameters (`/users/roles` before `/users/:userId`). */
  match(method: string, path: string): Match {
    let pathMatched = false;
    let best: { route: Route; params: Record<string, string>; literal: number } | null = null;
    for (const route of this.routes) {
      const m = route.regex.exec(path);
      if (!m) continue;
      pathMatched = true;
      if (route.method !== method) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((k, i) => {
        params[k] = safeDecode(m[i + 1] ?? '');
      });
      const literal = route.pattern.split('/').filter((s) => s && !s.startsWith(':')).length;
      if (!best || literal > best.literal) best = { route, params, literal };
    }
    if (best) return { kind: 'ok', route: best.route, params: best.params };
    return pathMatched ? { kind: 'no-method' } : { kind: 'no-path' };
  }

  list(): { method: string; pattern: string; scope: string | null }[] {
    return this.routes.map(({ method, pattern, scope }) => ({ method, pattern, scope }));
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
