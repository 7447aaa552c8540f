import { describe, expect, it } from 'vitest';
import { collectPages, effectiveLimit, toPage, type Page } from '../../../electron/core/make';

describe('toPage / effectiveLimit', () => {
  it('uses the smaller of requested and echoed limit', () => {
    expect(effectiveLimit(500, 100)).toBe(100);
    expect(effectiveLimit(undefined, 10000)).toBe(10000);
    expect(effectiveLimit(50, undefined)).toBe(50);
    expect(effectiveLimit(undefined, undefined)).toBeUndefined();
  });

  it('a full page has a next offset; a short one or an unknown limit does not', () => {
    expect(toPage([1, 2], { limit: 2 }, 4, undefined).nextOffset).toBe(6);
    expect(toPage([1], { limit: 2 }, 4, undefined).nextOffset).toBeNull();
    expect(toPage([1, 2], undefined, 0, undefined).nextOffset).toBeNull();
    expect(toPage([1, 2], undefined, 0, 2)).toEqual({ items: [1, 2], pg: null, nextOffset: 2 });
  });
});

describe('collectPages', () => {
  const source = (total: number, cap = Infinity) => {
    const calls: Array<[number, number | undefined]> = [];
    const fetch = async (offset: number, limit: number | undefined): Promise<Page<number>> => {
      calls.push([offset, limit]);
      const size = Math.min(limit ?? 10, cap);
      const items = Array.from({ length: total }, (_, i) => i).slice(offset, offset + size);
      return toPage(items, { limit: size }, offset, limit);
    };
    return { fetch, calls };
  };

  it('collects everything in order', async () => {
    const s = source(25);
    expect(await collectPages(s.fetch, { pageSize: 10, endpoint: 'GET /x' })).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect(s.calls).toEqual([
      [0, 10],
      [10, 10],
      [20, 10],
    ]);
  });

  it('follows a server-side cap', async () => {
    const s = source(7, 3);
    expect(await collectPages(s.fetch, { pageSize: 100, endpoint: 'GET /x' })).toHaveLength(7);
    expect(s.calls.map((c) => c[0])).toEqual([0, 3, 6]);
  });

  it('empty source: one call', async () => {
    const s = source(0);
    expect(await collectPages(s.fetch, { pageSize: 5, endpoint: 'GET /x' })).toEqual([]);
    expect(s.calls).toHaveLength(1);
  });

  it('with no known page size, reads on until an empty page', async () => {
    const calls: number[] = [];
    const fetch = async (offset: number, limit: number | undefined): Promise<Page<number>> => {
      calls.push(offset);
      const items = Array.from({ length: 5 }, (_, i) => i).slice(offset, offset + 2);
      return toPage(items, undefined, offset, limit);
    };
    expect(await collectPages(fetch, { endpoint: 'GET /x' })).toEqual([0, 1, 2, 3, 4]);
    expect(calls).toEqual([0, 2, 4, 5]);
  });

  it('throws a typed error past maxPages', async () => {
    const endless = async (offset: number): Promise<Page<number>> => ({ items: [offset], pg: null, nextOffset: offset + 1 });
    await expect(collectPages(endless, { endpoint: 'GET /x', maxPages: 5 })).rejects.toMatchObject({ kind: 'invalid-response', endpoint: 'GET /x' });
  });
});
