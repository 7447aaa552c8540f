// Helpers that fill binary columns while a snapshot is encoded: string dictionaries, text blobs, and
// narrowing of integer columns to the smallest element width. Plain records and functions, their shapes
// kept alive between saves (see keep-shapes.ts).
import { keepShapes } from './keep-shapes';

/** Distinct strings of one column; a ref is index + 1, 0 stands for null. */
export interface Dict {
  values: string[];
  index: Map<string, number>;
  /** A column mostly repeats its previous value (`auto`, the same org): skip the map for those. */
  last: string | null;
  lastRef: number;
}

export const newDict = (): Dict => ({ values: [], index: new Map(), last: null, lastRef: 0 });

export function intern(d: Dict, v: string | null): number {
  if (v === null) return 0;
  if (v === d.last) return d.lastRef;
  let i = d.index.get(v);
  if (i === undefined) {
    i = d.values.push(v);
    d.index.set(v, i);
  }
  d.last = v;
  d.lastRef = i;
  return i;
}

/** Distinct JSON values of one column, by their JSON text. */
export interface JsonDict {
  texts: Dict;
  last: unknown;
  lastRef: number;
}

export const newJsonDict = (): JsonDict => ({ texts: newDict(), last: null, lastRef: 0 });

/** Neighbouring scenarios mostly share a schedule and app list: equal to the previous value costs no JSON text. */
export function internJson(d: JsonDict, v: object | null): number {
  if (v === null) return 0;
  if (!sameJson(v, d.last)) {
    d.last = v;
    d.lastRef = intern(d.texts, JSON.stringify(v));
  }
  return d.lastRef;
}

/** Whether two JSON-like values are equal (key order aside). */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameJson(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  // for…in rather than Object.keys: no key arrays allocated for each of 10,000 scenarios.
  let count = 0;
  for (const k in a) {
    if (!Object.hasOwn(a, k)) continue;
    if (!Object.hasOwn(b, k) || !sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
    count++;
  }
  for (const k in b) if (Object.hasOwn(b, k)) count--;
  return count === 0;
}

/** Strings are joined in batches of this many before one write: a native write per string costs more. */
const TEXT_BATCH = 1024;

/**
 * Strings of one column as UTF-8 in one growing buffer, written a batch at a time. (Appending them all
 * into one string or joining them all at once costs more: a rope of 100,000 pieces to flatten, or one
 * huge string.)
 */
export interface TextColumn {
  buf: Buffer;
  used: number;
  batch: string[];
  batched: number;
}

export const newTextColumn = (expectedBytes = 0): TextColumn => ({
  buf: Buffer.allocUnsafe(Math.max(256, expectedBytes)),
  used: 0,
  batch: new Array<string>(TEXT_BATCH).fill(''),
  batched: 0,
});

export function addText(col: TextColumn, s: string): void {
  col.batch[col.batched++] = s;
  if (col.batched === TEXT_BATCH) writeBatch(col, col.batch.join(''));
}

function writeBatch(col: TextColumn, text: string): void {
  // 3 bytes per UTF-16 unit is the most UTF-8 needs; only near the end is the exact size worth counting.
  if (col.used + text.length * 3 > col.buf.length) {
    const need = col.used + Buffer.byteLength(text, 'utf8');
    if (need > col.buf.length) growText(col, need);
  }
  col.used += col.buf.write(text, col.used, 'utf8');
  col.batched = 0;
}

function growText(col: TextColumn, need: number): void {
  const grown = Buffer.allocUnsafe(Math.max(need, col.buf.length * 2));
  col.buf.copy(grown, 0, 0, col.used);
  col.buf = grown;
}

/** The column's bytes (its last batch written first); no text may be added after. */
export function textBytes(col: TextColumn): Buffer {
  if (col.batched > 0) writeBatch(col, col.batch.slice(0, col.batched).join(''));
  return col.buf.subarray(0, col.used);
}

/** `column` at the narrowest unsigned width that holds `max`. */
export function narrow(column: Uint32Array, max: number): Uint8Array | Uint16Array | Uint32Array {
  if (max <= 0xff) return new Uint8Array(column);
  if (max <= 0xffff) return new Uint16Array(column);
  return column;
}

keepShapes(newDict(), newJsonDict(), newTextColumn());
