// Changes between two EngineStates, per entity, so observers (the renderer over IPC or WebSocket) can
// mirror the engine without receiving the whole state on every change. Pure, JSON-safe, no Node/DOM.
import type { EngineState } from './domain';

/** The entity tables of EngineState, all `Record<key, entity>`. */
export const ENTITY_TABLES = ['accounts', 'orgs', 'teams', 'folders', 'scenarios', 'zones'] as const;
export type EntityTable = (typeof ENTITY_TABLES)[number];

/** The plain top-level fields of EngineState. */
export const TOP_FIELDS = ['connectivity', 'cachedAt', 'snoozedUntil', 'mutedScenarios', 'demo'] as const;
export type TopField = (typeof TOP_FIELDS)[number];

export interface TablePatch<V> {
  /** Entities added or changed (whole entity; entities are small). */
  upsert?: Record<string, V>;
  remove?: string[];
}

export type StatePatch = {
  [T in EntityTable]?: TablePatch<EngineState[T][string]>;
} & {
  top?: Partial<Pick<EngineState, TopField>>;
};

/**
 * What changed from `prev` to `next`. Relies on the store's structural sharing (an unchanged entity
 * keeps its object identity), so it costs O(entities) reference checks and never deep-compares;
 * an entity that was replaced by an equal copy is simply sent again.
 */
export function diffState(prev: EngineState, next: EngineState): StatePatch {
  const patch: StatePatch = {};
  for (const table of ENTITY_TABLES) {
    const a = prev[table] as Record<string, unknown>;
    const b = next[table] as Record<string, unknown>;
    if (a === b) continue;
    const upsert: Record<string, unknown> = {};
    const remove: string[] = [];
    let changed = false;
    for (const key in b) {
      if (a[key] !== b[key] || !Object.hasOwn(a, key)) {
        upsert[key] = b[key];
        changed = true;
      }
    }
    for (const key in a) {
      if (!Object.hasOwn(b, key)) {
        remove.push(key);
        changed = true;
      }
    }
    if (!changed) continue;
    const t: TablePatch<unknown> = {};
    if (Object.keys(upsert).length > 0) t.upsert = upsert;
    if (remove.length > 0) t.remove = remove;
    (patch as Record<string, unknown>)[table] = t;
  }
  const top: Record<string, unknown> = {};
  let topChanged = false;
  for (const field of TOP_FIELDS) {
    if (prev[field] !== next[field]) {
      top[field] = next[field];
      topChanged = true;
    }
  }
  if (topChanged) patch.top = top as StatePatch['top'];
  return patch;
}

/** `state` with `patch` applied; unchanged tables and entities keep their identity. */
export function applyPatch(state: EngineState, patch: StatePatch): EngineState {
  const next: EngineState = { ...state };
  for (const table of ENTITY_TABLES) {
    const t = patch[table] as TablePatch<unknown> | undefined;
    if (!t) continue;
    const copy: Record<string, unknown> = { ...(state[table] as Record<string, unknown>) };
    for (const key of t.remove ?? []) delete copy[key];
    if (t.upsert) Object.assign(copy, t.upsert);
    (next as unknown as Record<string, unknown>)[table] = copy;
  }
  if (patch.top) Object.assign(next, patch.top);
  return next;
}

export const isEmptyPatch = (patch: StatePatch): boolean => Object.keys(patch).length === 0;
