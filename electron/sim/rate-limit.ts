// Make's request limit: `license.apiLimit` requests per minute per organization, shared by every
// token of the org. A sliding 60-second window on the simulator's clock.
const WINDOW_MS = 60_000;

export class OrgRateLimiter {
  private readonly hits = new Map<number, number[]>();

  hit(orgId: number, limit: number, now: number): { ok: true } | { ok: false; retryAfterS: number } {
    let list = this.hits.get(orgId);
    if (!list) this.hits.set(orgId, (list = []));
    let drop = 0;
    while (drop < list.length && (list[drop] as number) <= now - WINDOW_MS) drop++;
    if (drop > 0) list.splice(0, drop);
    // A clock set backwards must not lock an org out for longer than a window.
    if (list.length > 0 && (list[list.length - 1] as number) > now) list.length = 0;
    if (list.length >= limit) return { ok: false, retryAfterS: ((list[0] as number) + WINDOW_MS - now) / 1000 };
    list.push(now);
    return { ok: true };
  }

  /** Requests counted in the last minute (for tests and the control API). */
  used(orgId: number, now: number): number {
    return (this.hits.get(orgId) ?? []).filter((t) => t > now - WINDOW_MS).length;
  }

  reset(): void {
    this.hits.clear();
  }
}
