// Contract area: Scenario lifecycle: create from a blueprint, export, rename, move, describe, schedule, delete.
// Spread into COMMANDS (and EVENTS) in contract.ts. Every change also reaches the renderer as a state
// patch (the engine's store is updated at once) and is confirmed by the organization's next poll.
import { z } from 'zod';
import { MAX_BLUEPRINT_CHARS } from './blueprint';
import { FolderKeySchema, TeamKeySchema, confirmable, defineCommands, defineEvents } from './contract-define';
import { ScenarioKeySchema } from './contract-schemas';
import { SCHEDULE_KINDS } from './scheduling';

export const MAX_SCENARIO_NAME = 200;
export const MAX_SCENARIO_DESCRIPTION = 4000;

const TYPES = SCHEDULE_KINDS.map((k) => k.type) as [ScheduleTypeName, ...ScheduleTypeName[]];
type ScheduleTypeName = (typeof SCHEDULE_KINDS)[number]['type'];

/** A scheduling object as the editor sends it; main checks it (`checkScheduling`) before Make does. */
export const ScheduleRequestSchema = z.strictObject({
  type: z.enum(TYPES),
  /** Seconds, for `indefinitely`. */
  interval: z.number().int().positive().max(366 * 86_400).optional(),
  /** ISO date-time, for `once`. */
  date: z.string().max(40).optional(),
  /** `HH:MM`. */
  time: z.string().max(5).optional(),
  days: z.array(z.number().int().min(0).max(31)).max(31).optional(),
  months: z.array(z.number().int().min(1).max(12)).max(12).optional(),
});

export type ScheduleRequest = z.infer<typeof ScheduleRequestSchema>;

const ScheduleReplySchema = z.object({
  type: z.string(),
  interval: z.number().optional(),
  date: z.string().optional(),
  time: z.string().optional(),
  days: z.array(z.number()).optional(),
  months: z.array(z.number()).optional(),
});

const key = { key: ScenarioKeySchema };

export const SCENARIO_EDIT_COMMANDS = defineCommands({
  /**
   * A new (inactive) scenario from a blueprint file's text. Main validates it before anything is sent
   * (`invalid-input` with `problems`, field `blueprint`). `name` replaces the blueprint's own name.
   * Make may ask first (an app new to the organization): call again with `confirmed: true`.
   */
  'scenarioEdit.create': {
    request: z.strictObject({
      teamKey: TeamKeySchema,
      blueprint: z.string().max(MAX_BLUEPRINT_CHARS, 'the file is too large to be a scenario blueprint'),
      name: z.string().trim().min(1).max(MAX_SCENARIO_NAME).optional(),
      folderKey: FolderKeySchema.nullable().optional(),
      scheduling: ScheduleRequestSchema.optional(),
      confirmed: z.boolean().optional(),
    }),
    reply: confirmable(z.object({ key: ScenarioKeySchema, id: z.number(), name: z.string() })),
  },
  /** The blueprint as a pretty-printed file, with a file name made from the scenario's. */
  'scenarioEdit.exportBlueprint': {
    request: z.strictObject(key),
    reply: z.object({ fileName: z.string(), text: z.string() }),
  },
  'scenarioEdit.rename': {
    request: z.strictObject({ ...key, name: z.string().trim().min(1, 'give the scenario a name').max(MAX_SCENARIO_NAME) }),
    reply: z.object({ name: z.string() }),
  },
  'scenarioEdit.setDescription': {
    request: z.strictObject({ ...key, description: z.string().max(MAX_SCENARIO_DESCRIPTION) }),
    reply: z.object({ description: z.string() }),
  },
  /** `folderKey: null` takes the scenario out of any folder. */
  'scenarioEdit.move': {
    request: z.strictObject({ ...key, folderKey: FolderKeySchema.nullable() }),
    reply: z.object({ folderKey: z.string().nullable() }),
  },
  'scenarioEdit.setSchedule': {
    request: z.strictObject({ ...key, scheduling: ScheduleRequestSchema }),
    reply: z.object({ scheduling: ScheduleReplySchema, nextExec: z.number().nullable() }),
  },
  /**
   * Deletes only when `confirmName` is the scenario's name; otherwise nothing is sent and the reply
   * asks for it (`needs-confirmation`, reason `scenario-name`).
   */
  'scenarioEdit.delete': {
    request: z.strictObject({ ...key, confirmName: z.string().max(MAX_SCENARIO_NAME + 50).optional() }),
    reply: confirmable(z.object({ deleted: z.literal(true) })),
  },
});

export const SCENARIO_EDIT_EVENTS = defineEvents({});
