// One keep-alive connection pool per zone origin, shared by every account (and client) using it.
import { Pool } from 'undici';

export interface ZonePoolOptions {
  /** TCP/TLS connect timeout. Default 10 s. */
  connectTimeoutMs?: number;
  /** How long an idle socket stays open. Default 30 s (servers may hint shorter). */
  keepAliveTimeoutMs?: number;
  /** Max sockets per origin. Default 6. */
  connections?: number;
}

export class ZonePools {
  private readonly pools = new Map<string, Pool>();
  private closed = false;
  private readonly options: Required<ZonePoolOptions>;

  constructor(options: ZonePoolOptions = {}) {
    this.options = {
      connectTimeoutMs: options.connectTimeoutMs ?? 10_000,
      keepAliveTimeoutMs: options.keepAliveTimeoutMs ?? 30_000,
      connections: options.connections ?? 6,
    };
  }

  /** The pool for an origin (`https://eu1.make.com`), created on first use. */
  get(origin: string): Pool {
    if (this.closed) throw new Error('ZonePools is closed');
    let pool = this.pools.get(origin);
    if (!pool) {
      pool = new Pool(origin, {
        connections: this.options.connections,
        connectTimeout: this.options.connectTimeoutMs,
        keepAliveTimeout: this.options.keepAliveTimeoutMs,
        // Redirects are never followed (no redirect interceptor is composed), and HTTP/1.1 keeps the
        // per-request timeouts simple and predictable.
        allowH2: false,
      });
      this.pools.set(origin, pool);
    }
    return pool;
  }

  get size(): number {
    return this.pools.size;
  }

  origins(): string[] {
    return [...this.pools.keys()];
  }

  /** Closes every pool, letting in-flight requests finish. */
  async close(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.close().catch(() => undefined)));
  }

  /** Drops every socket immediately, failing in-flight requests. */
  async destroy(): Promise<void> {
    this.closed = true;
    const pools = [...this.pools.values()];
    this.pools.clear();
    await Promise.all(pools.map((p) => p.destroy().catch(() => undefined)));
  }
}
