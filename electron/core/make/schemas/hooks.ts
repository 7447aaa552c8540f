import { z } from 'zod';
import { id, objectWithRequired } from './common';

export const hookSchema = objectWithRequired(
  {
    id,
    name: z.string(),
    teamId: id,
    udid: z.string(),
    url: z.string(),
    type: z.string(),
    typeName: z.string(),
    packageName: z.string().nullable(),
    theme: z.string().nullable(),
    editable: z.boolean(),
    enabled: z.boolean(),
    gone: z.boolean(),
    queueCount: z.number(),
    queueLimit: z.number(),
    scenarioId: id.nullable(),
    data: z.record(z.string(), z.unknown()).nullable(),
  },
  ['id', 'name', 'teamId', 'udid', 'url', 'typeName', 'enabled', 'gone'],
);
export type MakeHook = z.output<typeof hookSchema>;

export const listHooksResponse = z.looseObject({ hooks: z.array(hookSchema) });
export const hookResponse = z.looseObject({ hook: hookSchema });

export const hookPingSchema = z.looseObject({
  address: z.string(),
  attached: z.boolean(),
  learning: z.boolean(),
  gone: z.boolean(),
  dataStructure: z.unknown().optional(),
});
export type MakeHookPing = z.output<typeof hookPingSchema>;

export const successResponse = z.looseObject({ success: z.boolean() });

/** `DELETE /hooks/{id}`: `{hook: id}` per docs, `null` in the SDK's mocks. */
export const deleteHookResponse = z.union([z.looseObject({ hook: z.unknown().optional() }), z.null()]);
