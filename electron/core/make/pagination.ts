// Make has no total count: keep asking while pages come back full.
import { MakeApiError } from './errors';
import type { MakePg } from './schemas/common';

export interface Page<T> {
  items: T[];
  /** The `pg` object Make echoed, if any. */
  pg: MakePg | null;
  /** Offset of the next page, or null when this page was the last one. */
  nextOffset: number | null;
}

/** The page size in effect: the smaller of what was asked and what Make says it used. */
export function effectiveLimit(requested: number | undefined, echoed: number | undefined): number | undefined {
  if (requested === undefined) return echoed;
  if (echoed === undefined) return requested;
  return Math.min(requested, echoed);
}

export function toPage<T>(items: T[], pg: MakePg | undefined, offset: number, requestedLimit: number | undefined): Page<T> {
  const limit = effectiveLimit(requestedLimit, pg?.limit);
  const full = limit !== undefined && limit > 0 && items.length >= limit;
  return { items, pg: pg ?? null, nextOffset: full ? offset + items.length : null };
}

export interface CollectOptions {
  pageSize?: number;
  /** Guard against a server that never returns a short page. */
  maxPages?: number;
  endpoint: string;
}

/**
 * Fetches pages from offset 0 until one is short (or empty), returning every item in order. Give
 * `pageSize`: without it, and without a `pg.limit` echoed by Make, every page but an empty one could
 * be a full one.
 */
export async function collectPages<T>(
  fetchPage: (offset: number, limit: number | undefined) => Promise<Page<T>>,
  opts: CollectOptions,
): Promise<T[]> {
  const maxPages = opts.maxPages ?? 1000;
  const all: T[] = [];
  let offset = 0;
  for (let n = 0; n < maxPages; n++) {
    const page = await fetchPage(offset, opts.pageSize);
    all.push(...page.items);
    if (page.items.length === 0) return all;
    if (effectiveLimit(opts.pageSize, page.pg?.limit ?? undefined) === undefined) {
      // Nobody knows the page size: only an empty page proves the end.
      offset += page.items.length;
      continue;
    }
    if (page.nextOffset === null) return all;
    offset = page.nextOffset;
  }
  throw new MakeApiError({
    kind: 'invalid-response',
    endpoint: opts.endpoint,
    message: `${opts.endpoint} kept returning full pages after ${maxPages} pages; stopped.`,
  });
}
