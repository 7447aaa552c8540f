// Is this file a Make scenario blueprint? Checked before anything is sent, with every problem named in
// plain words. Pure. Accepts the file's text or an already parsed value, and the two wrappers a user
// may hold instead of a bare blueprint (`{blueprint}` and the API's `{code, response: {blueprint}}`).

export type BlueprintCheck =
  | { ok: true; blueprint: Record<string, unknown>; name: string; moduleCount: number }
  | { ok: false; problems: string[] };

/** Larger files are refused before parsing (Make blueprints are far smaller). */
export const MAX_BLUEPRINT_CHARS = 5 * 1024 * 1024;
const MAX_PROBLEMS = 8;

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  return typeof v === 'object' ? 'an object' : `a ${typeof v}`;
}

function parse(text: string): { value: unknown } | { problem: string } {
  const t = text.replace(/^\uFEFF/, '');
  if (t.trim() === '') return { problem: 'The file is empty.' };
  if (t.length > MAX_BLUEPRINT_CHARS) return { problem: 'The file is too large to be a scenario blueprint.' };
  try {
    return { value: JSON.parse(t) };
  } catch (e) {
    const where = e instanceof SyntaxError ? e.message.replace(/^JSON\.parse: /, '') : '';
    return { problem: `The file is not valid JSON${where ? ` (${where})` : ''}, so it cannot be a blueprint.` };
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

function checkFlow(flow: unknown[], path: string, ids: Map<number, string>, problems: string[]): number {
  let count = 0;
  flow.forEach((m, i) => {
    const at = `${path}[${i}]`;
    if (!isRecord(m)) {
      problems.push(`Module ${at} is ${describe(m)}, not a module object.`);
      return;
    }
    count++;
    const id = m.id;
    if (id === undefined) problems.push(`Module ${at} has no "id".`);
    else if (typeof id !== 'number' || !Number.isInteger(id) || id < 1) problems.push(`Module ${at} has an "id" that is not a positive whole number.`);
    else if (ids.has(id)) problems.push(`Module ${at} repeats the id ${id} of module ${ids.get(id)}.`);
    else ids.set(id, at);
    const mod = m.module;
    if (mod === undefined) problems.push(`Module ${at} has no "module" (the app and action, e.g. "http:ActionSendData").`);
    else if (typeof mod !== 'string' || !/^[^:\s]+:[^:\s]+$/.test(mod)) problems.push(`Module ${at} has a "module" that is not of the form "app:Action".`);
    if (m.routes !== undefined) {
      if (!Array.isArray(m.routes)) problems.push(`Module ${at} has "routes" that are not a list.`);
      else
        m.routes.forEach((r, j) => {
          const rAt = `${at}.routes[${j}]`;
          if (!isRecord(r) || !Array.isArray(r.flow)) problems.push(`Route ${rAt} has no "flow" list.`);
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
    return { ok: false, problems: [`A blueprint is a JSON object with "name" and "flow"; this file holds ${describe(value)}.`] };
  }
  const bp = unwrap(value);
  const problems: string[] = [];
  if (Array.isArray(bp.scenarios) || Array.isArray(bp.scenarioLogs) || Array.isArray(bp.hooks)) {
    return { ok: false, problems: ['This file is a Make API listing, not a scenario blueprint (export the blueprint of one scenario).'] };
  }
  const name = bp.name;
  if (name === undefined) problems.push('The blueprint has no "name".');
  else if (typeof name !== 'string' || name.trim() === '') problems.push('The blueprint\'s "name" must be non-empty text.');
  let moduleCount = 0;
  if (bp.flow === undefined) problems.push('The blueprint has no "flow" (the list of its modules).');
  else if (!Array.isArray(bp.flow)) problems.push(`The blueprint's "flow" must be a list of modules; it is ${describe(bp.flow)}.`);
  else moduleCount = checkFlow(bp.flow, 'flow', new Map(), problems);
  if (bp.metadata !== undefined && !isRecord(bp.metadata)) problems.push('The blueprint\'s "metadata" must be an object.');
  if (problems.length > 0) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    if (problems.length > MAX_PROBLEMS) shown.push(`… and ${problems.length - MAX_PROBLEMS} more problems.`);
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
