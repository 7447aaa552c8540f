// Is this file a Make scenario blueprint? Checked before anything is sent, with every problem named in
// plain words. Pure. Accepts the file's text or an already parsed value, and the two wrappers a user
// may hold instead of a bare blueprint (`{blueprint}` and the API's `{code, response: {blueprint}}`).
import { kindOf, problem, type Problem } from './problems';

export type BlueprintCheck =
  | { ok: true; blueprint: Record<string, unknown>; name: string; moduleCount: number }
  | { ok: false; problems: Problem[] };

/** Larger files are refused before parsing (Make blueprints are far smaller). */
export const MAX_BLUEPRINT_CHARS = 5 * 1024 * 1024;
const MAX_PROBLEMS = 8;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function parse(text: string): { value: unknown } | { problem: Problem } {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trim() === '') return { problem: problem('file-empty') };
  if (t.length > MAX_BLUEPRINT_CHARS) return { problem: problem('file-too-large') };
  try {
    return { value: JSON.parse(t) };
  } catch (e) {
    const where = e instanceof SyntaxError ? e.message.replace(/^JSON\.parse: /, '') : '';
    return { problem: where ? problem('not-json-at', { where }) : problem('not-json') };
  }
}

/** Unwraps `{blueprint: {...}}` and `{response: {blueprint: {...}}}`. */
function unwrap(v: Record<string, unknown>): Record<string, unknown> {
  if (!('flow' in v)) {
    if (isRecord(v.blueprint)) return v.blueprint;
    if (isRecord(v.response) && isRecord(v.response.blueprint)) return v.response.blueprint;
  }
  return v;
}

function checkFlow(flow: unknown[], path: string, ids: Map<number, string>, problems: Problem[]): number {
  let count = 0;
  flow.forEach((m, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(m)) {
      problems.push(problem('module-not-object', { at, kind: kindOf(m) }));
      return;
    }
    count++;
    const id = m.id;
    if (id === undefined) problems.push(problem('module-no-id', { at }));
    else if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) problems.push(problem('module-bad-id', { at }));
    else if (ids.has(id)) problems.push(problem('module-repeated-id', { at, id, other: ids.get(id)! }));
    else ids.set(id, at);
    const mod = m.module;
    if (mod === undefined) problems.push(problem('module-no-module', { at }));
    else if (typeof mod !== 'string' || !/^[^:\s]+:[^:\s]+$/.test(mod)) problems.push(problem('module-bad-module', { at }));
    if (m.routes !== undefined) {
      if (!Array.isArray(m.routes)) problems.push(problem('module-routes-not-list', { at }));
      else
        m.routes.forEach((r, j) => {
          const rAt = `${at}.routes[${j}]`;
          if (!isRecord(r) || !Array.isArray(r.flow)) problems.push(problem('route-no-flow', { at: rAt }));
          else count += checkFlow(r.flow, `${rAt}.flow`, ids, problems);
        });
    }
  });
  return count;
}

export function validateBlueprint(input: unknown): BlueprintCheck {
  let value = input;
  if (typeof input === 'string') {
    const p = parse(input);
    if ('problem' in p) return { ok: false, problems: [p.problem] };
    value = p.value;
  }
  if (!isRecord(value)) {
    return { ok: false, problems: [problem('not-object', { kind: kindOf(value) })] };
  }
  const bp = unwrap(value);
  const problems: Problem[] = [];
  if (Array.isArray(bp.scenarios) || Array.isArray(bp.scenarioLogs) || Array.isArray(bp.hooks)) {
    return { ok: false, problems: [problem('api-listing')] };
  }
  const name = bp.name;
  if (name === undefined) problems.push(problem('no-name'));
  else if (typeof name !== 'string' || name.trim() === '') problems.push(problem('name-not-text'));
  let moduleCount = 0;
  if (bp.flow === undefined) problems.push(problem('no-flow'));
  else if (!Array.isArray(bp.flow)) problems.push(problem('flow-not-list', { kind: kindOf(bp.flow) }));
  else moduleCount = checkFlow(bp.flow, 'flow', new Map(), problems);
  if (bp.metadata !== undefined && !isRecord(bp.metadata)) problems.push(problem('metadata-not-object'));
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(problem('more-problems', { count: problems.length - MAX_PROBLEMS }));
    return { ok: false, problems: shown };
  }
  return { ok: true, blueprint: bp, name: (name as string).trim(), moduleCount };
}

/** A file name for an exported blueprint: the scenario's name without characters file systems refuse. */
export function blueprintFileName(scenarioName: string, scenarioId: number): string {
  const base = scenarioName
    .normalize('NFC')
    .replace(/[\\/:*?"<>|]+/g, ' ')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .slice(0, 120)
    .trim();
  return `${base || `scenario-${scenarioId}`}.blueprint.json`;
}
