// The simulator's own request schemas (never shared with the Make client: each side reads the API
// on its own). zod turns every bad field into a message naming it.
import { z } from 'zod';
import { invalidInput } from './errors';
import { SCHEDULING_TYPES } from './world/blueprint';
import type { Blueprint, SchedulingSpec } from './world/model';

const id = z.number().int().positive();

export const createScenarioBody = z.object({
  teamId: id,
  blueprint: z.string(),
  scheduling: z.string(),
  folderId: id.nullable().optional(),
  basedon: z.number().int().optional(),
});

export const updateScenarioBody = z.object({
  name: z.string().min(1).max(200).optional(),
  folderId: id.nullable().optional(),
  description: z.string().max(10_000).optional(),
  blueprint: z.string().optional(),
  scheduling: z.string().optional(),
  metadata: z.unknown().optional(),
});

export const runScenarioBody = z.object({
  data: z.record(z.string(), z.unknown()).optional(),
  responsive: z.boolean().optional(),
  callbackUrl: z.string().url().optional(),
});

export const replayBody = z.object({ executionIds: z.array(z.string().regex(/^[0-9a-f]{32}$/)).min(1) });

const interfaceField = z.looseObject({
  name: z.string().min(1),
  type: z.string().min(1),
  required: z.boolean().optional(),
  multiline: z.boolean().optional(),
  default: z.unknown().optional(),
});

export const updateInterfaceBody = z.object({
  interface: z.object({
    input: z.array(interfaceField).nullable().optional(),
    output: z.array(interfaceField).nullable().optional(),
  }),
});

export const createFolderBody = z.object({
  name: z.string().min(1).max(100),
  teamId: id,
  parentId: id.nullable().optional(),
});

export const updateFolderBody = z.object({
  name: z.string().min(1).max(100).optional(),
  parentId: id.nullable().optional(),
});

export const createHookBody = z.looseObject({
  name: z.string().min(1).max(128),
  teamId: id,
  typeName: z.string().min(1),
  method: z.boolean().optional(),
  headers: z.boolean().optional(),
  stringify: z.boolean().optional(),
  ip: z.string().nullable().optional(),
});

export const renameHookBody = z.object({ name: z.string().min(1).max(128) });

export const setHookDataBody = z.record(z.string(), z.unknown());

export const dlqUpdateBody = z.object({ blueprint: z.string().optional(), failer: z.number().int().optional() });

export const dlqBulkBody = z.object({
  ids: z.array(z.string()).optional(),
  all: z.boolean().optional(),
  exceptIds: z.array(z.string()).optional(),
});

export const inviteBody = z.object({
  email: z.string().email(),
  name: z.string().min(1).max(200),
  usersRoleId: id,
  note: z.string().max(1000).optional(),
  teamsId: z.array(id).optional(),
});

export const roleChangeBody = z.object({ usersRoleId: id.optional() });

const schedulingSchema = z.looseObject({
  type: z.enum(SCHEDULING_TYPES),
  interval: z.number().int().positive().optional(),
  date: z.string().optional(),
  time: z.string().regex(/^\d{1,2}:\d{2}$/, 'must look like HH:MM').optional(),
  days: z.array(z.number().int().min(1).max(31)).optional(),
  months: z.array(z.number().int().min(1).max(12)).optional(),
});

/** Parses a JSON-encoded string field (Make sends `blueprint` and `scheduling` as strings). */
function parseJsonField(field: string, raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    throw invalidInput([`Parameter '${field}' must be a JSON-encoded string; it could not be parsed.`]);
  }
}

export function parseScheduling(raw: string, minIntervalMinutes: number): SchedulingSpec {
  const r = schedulingSchema.safeParse(parseJsonField('scheduling', raw));
  if (!r.success) throw invalidInput(r.error.issues.map((i) => `'scheduling.${i.path.join('.')}': ${i.message}`));
  const s = r.data as SchedulingSpec;
  if (s.type === 'indefinitely') {
    if (s.interval === undefined) throw invalidInput(["'scheduling.interval' is required for type 'indefinitely'."]);
    if (s.interval < minIntervalMinutes * 60)
      throw invalidInput([`'scheduling.interval' must be at least ${minIntervalMinutes * 60} seconds on this plan.`]);
  }
  if (s.type === 'once' && (s.date === undefined || !Number.isFinite(Date.parse(s.date))))
    throw invalidInput(["'scheduling.date' must be an ISO date for type 'once'."]);
  return s;
}

export function parseBlueprint(raw: string): Blueprint {
  const v = parseJsonField('blueprint', raw);
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw invalidInput(["Parameter 'blueprint' must encode a JSON object."]);
  const bp = v as Blueprint;
  if (bp.flow !== undefined && !Array.isArray(bp.flow)) throw invalidInput(["'blueprint.flow' must be an array."]);
  if (bp.name !== undefined && typeof bp.name !== 'string') throw invalidInput(["'blueprint.name' must be a string."]);
  return bp;
}
