// Compares the *shape* of a JSON answer with a recorded fixture: the same keys, recursively, with the same
// JSON types. Values are not compared. Rules, applied everywhere:
//
// - Keys: every key of a fixture object must be in the answer and the answer may have no other key.
// - Types: the JSON type must be one the fixture showed at that place (boolean, number, string, array,
//   object). A placeholder string such as "..." is just a string.
// - null: fixtures capture one moment, so null is a value, not a type. A null in the fixture says
//   nothing about the type (anything matches it), and a null in the answer matches any fixture type
//   (e.g. `nextExec`, `folderId`, `hookId` are null in some states and set in others).
// - Arrays: the fixture's elements are merged into one element shape (keys seen in only some elements
//   are optional there); every element of the answer must match it. Where the fixture array has
//   elements, the answer must have at least one element at that place, so the element shape really gets
//   checked; for arrays nested in list items this counts across the items (at least one folder must
//   have `children`, not every folder). An empty fixture array accepts any elements.
// - Maps: an object is compared as a map (any keys, every value matching the merged shape of the
//   fixture's values) when the fixture object is empty, when all its keys are decimal ids (e.g. module
//   ids in a DLQ bundle), or when its path is listed in `options.maps` (user content such as execution
//   outputs, whose keys follow the scenario's interface).
// - Variants: `options.variants` adds more examples of the object at a path (from REFERENCE.md or a
//   sibling fixture), merged with the fixture's like array elements: keys shared by every example stay
//   required, the others become optional. For objects whose keys depend on a discriminator, e.g.
//   `scheduling` (`{type}` / `{type, interval}` / `{type, time, days}` ...).
//
// Paths read like `$.scenarios[].createdByUser.id`; in diffs the index is filled in (`$.scenarios[3]...`).

export type JsonType = 'null' | 'boolean' | 'number' | 'string' | 'array' | 'object';
type ScalarType = 'boolean' | 'number' | 'string';

export interface Shape {
  /** Scalar types seen. */
  scalars: Set<ScalarType>;
  /** Set when an array was seen; `element` null when every array seen was empty. */
  array?: { element: Shape | null };
  /** Set when an object was seen. */
  object?: ObjectShape;
}

type ObjectShape =
  | { kind: 'keys'; keys: Map<string, { shape: Shape; optional: boolean }> }
  | { kind: 'map'; value: Shape | null };

export interface ShapeOptions {
  /** Fixture paths (`$.outputs`, `$.items[].data`) whose objects are maps with free keys. */
  maps?: string[];
  /** Fixture path → more examples of the value there, merged into the fixture's shape. */
  variants?: Record<string, unknown[]>;
}

export type ShapeProblem = 'missing-key' | 'extra-key' | 'type' | 'empty-array';

export interface ShapeDiff {
  path: string;
  problem: ShapeProblem;
  expected: string;
  actual: string;
}

export const jsonType = (v: unknown): JsonType =>
  v === null ? 'null' : Array.isArray(v) ? 'array' : (typeof v as JsonType);

const emptyShape = (): Shape => ({ scalars: new Set() });
const isUnknown = (s: Shape): boolean => s.scalars.size === 0 && !s.array && !s.object;
const ID_KEY = /^\d+$/;

/** The shape a fixture value describes. */
export function shapeOf(value: unknown, options: ShapeOptions = {}, path = '$'): Shape {
  const own = shapeOfValue(value, options, path);
  const variants = options.variants?.[path];
  if (!variants) return own;
  const rest = { ...options, variants: { ...options.variants } };
  delete rest.variants[path];
  return variants.map((v) => shapeOfValue(v, rest, path)).reduce(mergeShapes, own);
}

function shapeOfValue(value: unknown, options: ShapeOptions, path: string): Shape {
  const shape = emptyShape();
  const type = jsonType(value);
  if (type === 'null') return shape;
  if (type === 'boolean' || type === 'number' || type === 'string') {
    shape.scalars.add(type);
    return shape;
  }
  if (type === 'array') {
    const elements = (value as unknown[]).map((e) => shapeOf(e, options, `${path}[]`));
    shape.array = { element: elements.length === 0 ? null : elements.reduce(mergeShapes) };
    return shape;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  const asMap = entries.length === 0 || options.maps?.includes(path) || entries.every(([k]) => ID_KEY.test(k));
  if (asMap) {
    const values = entries.map(([, v]) => shapeOf(v, options, `${path}.*`));
    shape.object = { kind: 'map', value: values.length === 0 ? null : values.reduce(mergeShapes) };
  } else {
    const keys = new Map<string, { shape: Shape; optional: boolean }>();
    for (const [k, v] of entries) keys.set(k, { shape: shapeOf(v, options, `${path}.${k}`), optional: false });
    shape.object = { kind: 'keys', keys };
  }
  return shape;
}

/** Union of two shapes, as seen across the elements of one fixture array. */
export function mergeShapes(a: Shape, b: Shape): Shape {
  const out: Shape = { scalars: new Set([...a.scalars, ...b.scalars]) };
  if (a.array || b.array) out.array = { element: mergeOptional(a.array?.element ?? null, b.array?.element ?? null) };
  if (a.object && b.object) out.object = mergeObjects(a.object, b.object);
  else if (a.object || b.object) out.object = a.object ?? b.object;
  return out;
}

const mergeOptional = (a: Shape | null, b: Shape | null): Shape | null => (a && b ? mergeShapes(a, b) : (a ?? b));

function mergeObjects(a: ObjectShape, b: ObjectShape): ObjectShape {
  if (a.kind === 'keys' && b.kind === 'keys') {
    const keys = new Map<string, { shape: Shape; optional: boolean }>();
    for (const k of new Set([...a.keys.keys(), ...b.keys.keys()])) {
      const x = a.keys.get(k);
      const y = b.keys.get(k);
      keys.set(k, {
        shape: x && y ? mergeShapes(x.shape, y.shape) : (x ?? y)!.shape,
        optional: !x || !y || x.optional || y.optional,
      });
    }
    return { kind: 'keys', keys };
  }
  const valuesOf = (o: ObjectShape): Shape | null =>
    o.kind === 'map' ? o.value : [...o.keys.values()].map((e) => e.shape).reduce<Shape | null>(mergeOptional, null);
  return { kind: 'map', value: mergeOptional(valuesOf(a), valuesOf(b)) };
}

/** Human-readable type set, e.g. `number|string`, `any` for a shape seen only as null. */
export function describeShape(s: Shape): string {
  if (isUnknown(s)) return 'any';
  const parts: string[] = [...s.scalars].sort();
  if (s.array) parts.push('array');
  if (s.object) parts.push('object');
  return parts.join('|');
}

/** Every way `actual` differs in shape from `fixture`; empty when they match. */
export function compareShape(fixture: unknown, actual: unknown, options: ShapeOptions = {}): ShapeDiff[] {
  const state: MatchState = { diffs: [], arrays: new Map() };
  matchShape(shapeOf(fixture, options), actual, '$', '$', state);
  for (const a of state.arrays.values()) {
    if (!a.nonEmpty) state.diffs.push({ path: a.firstPath, problem: 'empty-array', expected: a.expected, actual: 'empty array' });
  }
  return state.diffs;
}

interface MatchState {
  diffs: ShapeDiff[];
  /** Per fixture path of a non-empty fixture array: whether any answer array there had elements. */
  arrays: Map<string, { firstPath: string; nonEmpty: boolean; expected: string }>;
}

/** `path` names the answer's place (`$.xs[3]`), `at` the fixture's (`$.xs[]`). */
function matchShape(shape: Shape, actual: unknown, path: string, at: string, state: MatchState): void {
  const { diffs } = state;
  const type = jsonType(actual);
  if (type === 'null' || isUnknown(shape)) return;
  const typeDiff = () => diffs.push({ path, problem: 'type', expected: describeShape(shape), actual: type });
  if (type === 'boolean' || type === 'number' || type === 'string') {
    if (!shape.scalars.has(type)) typeDiff();
    return;
  }
  if (type === 'array') {
    if (!shape.array) return void typeDiff();
    const items = actual as unknown[];
    const element = shape.array.element;
    if (!element) return;
    const seen = state.arrays.get(at);
    if (!seen) state.arrays.set(at, { firstPath: path, nonEmpty: items.length > 0, expected: `array of ${describeShape(element)} (≥1 element)` });
    else if (items.length > 0) seen.nonEmpty = true;
    items.forEach((item, i) => matchShape(element, item, `${path}[${i}]`, `${at}[]`, state));
    return;
  }
  if (!shape.object) return void typeDiff();
  const record = actual as Record<string, unknown>;
  const objectShape = shape.object;
  if (objectShape.kind === 'map') {
    if (objectShape.value) for (const [k, v] of Object.entries(record)) matchShape(objectShape.value, v, `${path}.${k}`, `${at}.*`, state);
    return;
  }
  for (const [k, { shape: sub, optional }] of objectShape.keys) {
    if (Object.hasOwn(record, k)) matchShape(sub, record[k], `${path}.${k}`, `${at}.${k}`, state);
    else if (!optional) diffs.push({ path: `${path}.${k}`, problem: 'missing-key', expected: describeShape(sub), actual: 'missing' });
  }
  for (const k of Object.keys(record)) {
    if (!objectShape.keys.has(k)) diffs.push({ path: `${path}.${k}`, problem: 'extra-key', expected: 'no such key', actual: jsonType(record[k]) });
  }
}

export function formatShapeDiffs(diffs: ShapeDiff[], limit = 20): string {
  const lines = diffs.slice(0, limit).map((d) => `  ${d.path}: ${d.problem} (expected ${d.expected}, got ${d.actual})`);
  if (diffs.length > limit) lines.push(`  … and ${diffs.length - limit} more`);
  return lines.join('\n');
}
