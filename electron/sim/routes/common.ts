// Helpers shared by the route files: replies, ISO dates, pagination, `cols[]` selection.
import { invalidInput } from '../errors';
import type { Query } from '../query';
import type { SimUser, World } from '../world/model';

/** A non-200 answer or extra headers; handlers return plain objects for 200 JSON. */
export class Reply {
  constructor(
    readonly status: number,
    readonly body: unknown,
    readonly headers: Record<string, string> = {},
  ) {}
}

export const iso = (ms: number): string => new Date(ms).toISOString();

export interface Page {
  offset: number;
  limit: number;
  sortBy: string;
  sortDir: 'asc' | 'desc';
}

/** No documented maximum page size; the simulator accepts up to 10,000. */
export const MAX_PAGE = 10_000;

export function readPage(q: Query, d: { limit: number; sortBy: string; sortDir: 'asc' | 'desc'; sortable: readonly string[] }): Page {
  const sortBy = q.str('pg[sortBy]') ?? d.sortBy;
  if (!d.sortable.includes(sortBy)) throw invalidInput([`Parameter 'pg[sortBy]' must be one of ${d.sortable.join(', ')}.`]);
  return {
    offset: q.int('pg[offset]', { min: 0 }) ?? 0,
    limit: q.int('pg[limit]', { min: 1, max: MAX_PAGE }) ?? d.limit,
    sortBy,
    sortDir: q.oneOf('pg[sortDir]', ['asc', 'desc'] as const) ?? d.sortDir,
  };
}

type Sortable = string | number | boolean | null | undefined;

export function sortItems<T>(items: T[], key: (t: T) => Sortable, dir: 'asc' | 'desc', tieBreak: (t: T) => number): T[] {
  const sign = dir === 'asc' ? 1 : -1;
  return items.sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    if (ka !== kb) {
      if (ka === null || ka === undefined) return 1;
      if (kb === null || kb === undefined) return -1;
      if (typeof ka === 'string' && typeof kb === 'string') return sign * ka.localeCompare(kb);
      return sign * (Number(ka) < Number(kb) ? -1 : 1);
    }
    return sign * (tieBreak(a) - tieBreak(b));
  });
}

/** Picks the requested `cols[]` (or the defaults); unknown columns are a 400 naming them. */
export function pickCols(q: Query, full: Record<string, unknown>, defaults: readonly string[], allowed?: readonly string[]): Record<string, unknown> {
  const cols = requestedCols(q, allowed ?? Object.keys(full));
  const keys = cols.length > 0 ? cols : defaults;
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in full) out[k] = full[k];
  return out;
}

export function requestedCols(q: Query, allowed: readonly string[]): string[] {
  const cols = q.list('cols');
  const unknown = cols.filter((c) => !allowed.includes(c));
  if (unknown.length > 0) throw invalidInput(unknown.map((c) => `Parameter 'cols[]' contains an unknown column '${c}'.`));
  return cols;
}

export function userRef(world: World, id: number): { id: number; name: string; email: string } {
  const u = world.users.get(id);
  return { id, name: u?.name ?? 'Former user', email: u?.email ?? '' };
}

export function renderUser(u: SimUser): Record<string, unknown> {
  return {
    id: u.id,
    name: u.name,
    email: u.email,
    language: u.language,
    timezoneId: u.timezoneId,
    localeId: u.localeId,
    countryId: u.countryId,
    features: {},
    avatar: `https://secure.gravatar.com/avatar/${u.id.toString(16).padStart(32, '0')}?d=identicon`,
    lastLogin: iso(u.lastLogin),
    timezone: u.timezone,
    locale: u.locale,
  };
}
