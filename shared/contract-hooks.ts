// Contract area: Webhooks (Make hooks) per team: list, create, rename, enable/disable, ping, delete.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { z } from 'zod';
import { NumericIdSchema, TeamKeySchema, confirmable, defineCommands, defineEvents } from './contract-define';

/** Longer than Make's 128 so that main, not the door, says in plain words what is wrong with a name. */
const HookNameInput = z.string().max(1000);

export const HookViewSchema = z.object({
  id: NumericIdSchema,
  teamKey: z.string(),
  name: z.string(),
  /** The public address data is sent to. */
  url: z.string(),
  kind: z.enum(['webhook', 'mailhook', 'app']),
  enabled: z.boolean(),
  /** Make says the hook was unused for long / expired. */
  gone: z.boolean(),
  queueCount: z.number().nullable(),
  queueLimit: z.number().nullable(),
  /** The scenario it feeds (one per hook). */
  attachedScenario: z.object({ id: z.number(), key: z.string(), name: z.string().nullable() }).nullable(),
});
export type HookView = z.infer<typeof HookViewSchema>;

export const HookPingSchema = z.object({
  address: z.string(),
  attached: z.boolean(),
  learning: z.boolean(),
  gone: z.boolean(),
});
export type HookPing = z.infer<typeof HookPingSchema>;

const hookRef = { teamKey: TeamKeySchema, hookId: NumericIdSchema };

export const HOOK_COMMANDS = defineCommands({
  'hooks.list': { request: z.strictObject({ teamKey: TeamKeySchema }), reply: z.object({ hooks: z.array(HookViewSchema) }) },
  /** A custom webhook (`gateway-webhook`). */
  'hooks.create': {
    request: z.strictObject({
      teamKey: TeamKeySchema,
      name: HookNameInput,
      method: z.boolean().optional(),
      headers: z.boolean().optional(),
      stringify: z.boolean().optional(),
    }),
    reply: z.object({ hook: HookViewSchema }),
  },
  'hooks.rename': { request: z.strictObject({ ...hookRef, name: HookNameInput }), reply: z.object({ hook: HookViewSchema }) },
  'hooks.setEnabled': { request: z.strictObject({ ...hookRef, enabled: z.boolean() }), reply: z.object({ enabled: z.boolean() }) },
  'hooks.ping': { request: z.strictObject(hookRef), reply: HookPingSchema },
  /** A hook feeding a scenario answers `needs-confirmation` unless `confirmed` is true. */
  'hooks.delete': {
    request: z.strictObject({ ...hookRef, confirmed: z.boolean().optional() }),
    reply: confirmable(z.object({ deleted: z.literal(true) })),
  },
});

export const HOOK_EVENTS = defineEvents({});
