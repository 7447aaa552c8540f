// Building blocks shared by the wire schemas. Loose objects everywhere: Make adds fields over time and
// an unknown key must never break monitoring; what the app relies on is typed strictly.
import { z } from 'zod';

export const id = z.number().int().nonnegative();

/** Counters Make sends as numbers in some places and numeric strings in others (org `operations`). */
export const counter = z.union([z.number(), z.string().regex(/^-?\d+(\.\d+)?$/).transform(Number)]);

/** An ISO timestamp the app turns into epoch ms; must parse. */
export const isoTime = z.string().refine((s) => !Number.isNaN(Date.parse(s)), { message: 'not a date' });

/** The `pg` object list responses echo back. */
export const pgSchema = z.looseObject({
  offset: z.number().optional(),
  limit: z.number().optional(),
  sortBy: z.string().optional(),
  sortDir: z.string().optional(),
  last: z.string().nullable().optional(),
  showLast: z.boolean().optional(),
  returnTotalCount: z.boolean().optional(),
});
export type MakePg = z.output<typeof pgSchema>;

type Shape = Record<string, z.ZodType>;
export type WithOptional<S extends Shape, R extends keyof S> = { [K in keyof S]: K extends R ? S[K] : z.ZodOptional<S[K]> };

/** A loose object where the `required` keys must be present and every other key is optional. */
export function objectWithRequired<S extends Shape, R extends keyof S & string>(shape: S, required: readonly R[]) {
  const req = new Set<string>(required);
  const built: Shape = {};
  for (const [k, v] of Object.entries(shape)) built[k] = req.has(k) ? v : v.optional();
  return z.looseObject(built as WithOptional<S, R>);
}

/**
 * The schema for a response limited by `cols[]`: a required key is required only if it was selected
 * (or is always returned, like `id`); everything else is optional but still type-checked if present.
 */
export function objectForColumns<S extends Shape>(
  shape: S,
  required: readonly (keyof S & string)[],
  cols: readonly string[] | undefined,
  always: readonly string[] = ['id'],
) {
  if (cols === undefined) return objectWithRequired(shape, required);
  const selected = new Set([...cols, ...always]);
  return objectWithRequired(
    shape,
    required.filter((k) => selected.has(k)),
  );
}
