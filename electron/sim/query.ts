// Typed reads of query parameters. Every bad value becomes a 400 naming the parameter.
import { invalidInput } from './errors';

export class Query {
  constructor(private readonly sp: URLSearchParams) {}

  has(name: string): boolean {
    return this.sp.has(name);
  }

  str(name: string): string | undefined {
    const v = this.sp.get(name);
    return v === null ? undefined : v;
  }

  /** Integer parameter; `min`/`max` inclusive. */
  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const raw = this.sp.get(name);
    if (raw === null || raw === '') return undefined;
    if (!/^-?\d+$/.test(raw.trim())) throw invalidInput([`Parameter '${name}' must be an integer, got '${truncate(raw)}'.`]);
    const n = Number(raw);
    if (!Number.isSafeInteger(n)) throw invalidInput([`Parameter '${name}' is out of range.`]);
    if (opts.min !== undefined && n < opts.min) throw invalidInput([`Parameter '${name}' must be at least ${opts.min}.`]);
    if (opts.max !== undefined && n > opts.max) throw invalidInput([`Parameter '${name}' must be at most ${opts.max}.`]);
    return n;
  }

  requiredInt(name: string, opts: { min?: number; max?: number } = {}): number {
    const v = this.int(name, opts);
    if (v === undefined) throw invalidInput([`Missing required parameter '${name}'.`]);
    return v;
  }

  bool(name: string): boolean | undefined {
    const raw = this.sp.get(name);
    if (raw === null || raw === '') return undefined;
    if (raw === 'true' || raw === '1') return true;
    if (raw === 'false' || raw === '0') return false;
    throw invalidInput([`Parameter '${name}' must be true or false, got '${truncate(raw)}'.`]);
  }

  /** `name[]=a&name[]=b` (also `name=a`). */
  list(name: string): string[] {
    return [...this.sp.getAll(`${name}[]`), ...this.sp.getAll(name)];
  }

  intList(name: string): number[] {
    return this.list(name).map((raw) => {
      if (!/^\d+$/.test(raw)) throw invalidInput([`Parameter '${name}[]' must contain integers, got '${truncate(raw)}'.`]);
      return Number(raw);
    });
  }

  oneOf<T extends string>(name: string, allowed: readonly T[]): T | undefined {
    const raw = this.sp.get(name);
    if (raw === null || raw === '') return undefined;
    if (!(allowed as readonly string[]).includes(raw)) throw invalidInput([`Parameter '${name}' must be one of ${allowed.join(', ')}.`]);
    return raw as T;
  }
}

export const truncate = (s: string, n = 40): string => (s.length > n ? `${s.slice(0, n)}…` : s);
