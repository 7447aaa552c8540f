// Query strings the way Make reads them: `cols[]=a&cols[]=b`, `pg[limit]=50`, `id[]=1`.

export type QueryScalar = string | number | boolean;
export type QueryValue = QueryScalar | readonly QueryScalar[] | null | undefined;

export interface PageParams {
  offset?: number;
  limit?: number;
  sortBy?: string;
  sortDir?: 'asc' | 'desc';
  last?: string;
  showLast?: boolean;
}

/** Builds `a=1&cols%5B%5D=x&pg%5Blimit%5D=10`. Arrays become `name[]`; undefined/null are skipped. */
export function encodeQuery(params: Record<string, QueryValue>, pg?: PageParams): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value === undefined || value === null) continue;
    if (Array.isArray(value)) {
      for (const v of value as readonly QueryScalar[]) search.append(`${key}[]`, String(v));
    } else {
      search.append(key, String(value));
    }
  }
  if (pg) {
    for (const [key, value] of Object.entries(pg) as [keyof PageParams, PageParams[keyof PageParams]][]) {
      if (value === undefined) continue;
      search.append(`pg[${key}]`, String(value));
    }
  }
  return search.toString();
}
