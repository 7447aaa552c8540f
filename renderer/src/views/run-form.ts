// Turning what the user typed into a run's input data, with per-field problems. Pure.
import type { InterfaceParam } from '../bridge/contract-types';

export type FieldValue = string | boolean;

export type FieldProblem = { kind: 'required' | 'number' | 'json'; field: string };

const JSON_TYPES = new Set(['array', 'collection', 'json', 'any']);

export type InputKind = 'text' | 'textarea' | 'number' | 'boolean' | 'date' | 'select' | 'json';

export function inputKind(p: InterfaceParam): InputKind {
  if (p.type === 'boolean') return 'boolean';
  if (p.type === 'number' || p.type === 'integer') return 'number';
  if (p.type === 'date') return 'date';
  if ((p.type === 'select' || p.options?.length) && p.options?.length) return 'select';
  if (JSON_TYPES.has(p.type)) return 'json';
  return p.multiline ? 'textarea' : 'text';
}

/** Initial value of a field: what was typed before, else the interface default. */
export function initialValue(p: InterfaceParam, typed: FieldValue | undefined): FieldValue {
  if (typed !== undefined) return typed;
  const kind = inputKind(p);
  if (kind === 'boolean') return p.default === true;
  if (p.default === null || p.default === undefined) return '';
  if (kind === 'json') return JSON.stringify(p.default, null, 2);
  return String(p.default);
}

export function buildInputData(
  params: InterfaceParam[],
  values: Record<string, FieldValue>,
): { data: Record<string, unknown>; problems: FieldProblem[] } {
  const data: Record<string, unknown> = {};
  const problems: FieldProblem[] = [];
  for (const p of params) {
    const kind = inputKind(p);
    const v = initialValue(p, values[p.name]);
    if (kind === 'boolean') {
      data[p.name] = v === true;
      continue;
    }
    const text = typeof v === 'string' ? v : '';
    if (text.trim() === '') {
      if (p.required) problems.push({ kind: 'required', field: p.name });
      continue;
    }
    if (kind === 'number') {
      const n = Number(text);
      if (!Number.isFinite(n)) problems.push({ kind: 'number', field: p.name });
      else data[p.name] = n;
    } else if (kind === 'json') {
      try {
        data[p.name] = JSON.parse(text);
      } catch {
        problems.push({ kind: 'json', field: p.name });
      }
    } else if (kind === 'date') {
      const ms = Date.parse(text);
      data[p.name] = Number.isFinite(ms) ? new Date(ms).toISOString() : text;
    } else {
      data[p.name] = text;
    }
  }
  return { data, problems };
}

export type JsonCheck = { ok: true; data: Record<string, unknown> | null } | { ok: false; reason: 'syntax'; detail: string } | { ok: false; reason: 'not-object' };

/** The free JSON editor: empty means no input; otherwise a JSON object. */
export function checkJsonInput(text: string): JsonCheck {
  if (text.trim() === '') return { ok: true, data: null };
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (e) {
    return { ok: false, reason: 'syntax', detail: e instanceof Error ? e.message : String(e) };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return { ok: false, reason: 'not-object' };
  return { ok: true, data: v as Record<string, unknown> };
}
