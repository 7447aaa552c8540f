import { z } from 'zod';
import { counter, id, objectForColumns, objectWithRequired, pgSchema } from './common';

export const schedulingSchema = z.looseObject({
  type: z.string(),
  interval: z.number().optional(),
  date: z.string().optional(),
  time: z.string().optional(),
  days: z.array(z.union([z.number(), z.string()])).optional(),
  months: z.array(z.union([z.number(), z.string()])).optional(),
});
export type MakeScheduling = z.output<typeof schedulingSchema>;

const userRef = z.looseObject({ id, name: z.string().nullable().optional(), email: z.string().nullable().optional() });

export const scenarioFields = {
  id,
  name: z.string(),
  teamId: id,
  description: z.string().nullable(),
  folderId: id.nullable(),
  hookId: id.nullable(),
  deviceId: z.unknown(),
  deviceScope: z.unknown(),
  concept: z.boolean(),
  isinvalid: z.boolean(),
  islinked: z.boolean(),
  isActive: z.boolean(),
  islocked: z.boolean(),
  isPaused: z.boolean(),
  iswaiting: z.boolean(),
  usedPackages: z.array(z.string()),
  lastEdit: z.string().nullable(),
  created: z.string().nullable(),
  scheduling: schedulingSchema.nullable(),
  dlqCount: z.number().int().nonnegative(),
  createdByUser: userRef.nullable(),
  updatedByUser: userRef.nullable(),
  nextExec: z.string().nullable(),
  operations: counter,
  transfer: counter,
  customProperties: z.record(z.string(), z.unknown()).nullable(),
  type: z.string(),
  scenarioVersion: z.number(),
  moduleSequenceId: z.number(),
};

/** What monitoring relies on: must be present whenever selected (or always, without `cols[]`). */
export const SCENARIO_REQUIRED = ['id', 'name', 'teamId', 'isActive', 'isinvalid', 'isPaused', 'dlqCount'] as const;

export type ScenarioColumn = keyof typeof scenarioFields;

/** The columns the poller needs (REFERENCE §10). */
export const MONITOR_SCENARIO_COLS = [
  'id',
  'name',
  'teamId',
  'folderId',
  'description',
  'isActive',
  'isinvalid',
  'isPaused',
  'iswaiting',
  'dlqCount',
  'nextExec',
  'operations',
  'transfer',
  'lastEdit',
  'hookId',
  'scheduling',
  'usedPackages',
] as const satisfies readonly ScenarioColumn[];

export const scenarioSchema = objectWithRequired(scenarioFields, SCENARIO_REQUIRED);
export type MakeScenario = z.output<typeof scenarioSchema>;

export function listScenariosResponse(cols: readonly string[] | undefined) {
  return z.looseObject({
    scenarios: z.array(objectForColumns(scenarioFields, SCENARIO_REQUIRED, cols)),
    pg: pgSchema.optional(),
  });
}

export function getScenarioResponse(cols: readonly string[] | undefined) {
  return z.looseObject({ scenario: objectForColumns(scenarioFields, SCENARIO_REQUIRED, cols) });
}

export const scenarioResponse = z.looseObject({ scenario: scenarioSchema });

/** `POST /scenarios/{id}/start|stop` answer only `{id, isActive, islinked}`. */
export const scenarioActivationSchema = z.looseObject({ id, isActive: z.boolean(), islinked: z.boolean().optional() });
export type MakeScenarioActivation = z.output<typeof scenarioActivationSchema>;
export const scenarioActivationResponse = z.looseObject({ scenario: scenarioActivationSchema });

/** `DELETE /scenarios/{id}` answers `{scenario: id}` or `{scenario: {id}}`; either is fine, or nothing. */
export const deleteScenarioResponse = z.union([z.looseObject({ scenario: z.unknown() }), z.null()]);

/** Responsive runs add `status` (docs: 1/2/3; spec: string) and `outputs`. */
export const runResponse = z.looseObject({
  executionId: z.string().min(1),
  status: z.union([z.number(), z.string()]).optional(),
  outputs: z.unknown().optional(),
});
export type MakeRunResponse = z.output<typeof runResponse>;

const interfaceField = z.looseObject({
  name: z.string(),
  type: z.string(),
  default: z.unknown().optional(),
  required: z.boolean().optional(),
  multiline: z.boolean().optional(),
});
export const scenarioInterfaceSchema = z.looseObject({
  input: z.array(interfaceField).nullable().optional(),
  output: z.array(interfaceField).nullable().optional(),
});
export type MakeScenarioInterface = z.output<typeof scenarioInterfaceSchema>;
export const scenarioInterfaceResponse = z.looseObject({ interface: scenarioInterfaceSchema });

export const blueprintSchema = z.looseObject({
  name: z.string().optional(),
  flow: z.array(z.unknown()),
  metadata: z.record(z.string(), z.unknown()).optional(),
});
export type MakeBlueprint = z.output<typeof blueprintSchema>;

export const blueprintResponse = z.looseObject({
  code: z.string().optional(),
  response: z.looseObject({
    blueprint: blueprintSchema,
    scheduling: schedulingSchema.nullable().optional(),
    idSequence: z.number().optional(),
    created: z.string().optional(),
    last_edit: z.string().optional(),
    metadata: z.unknown().optional(),
  }),
});
export type MakeBlueprintResponse = z.output<typeof blueprintResponse>['response'];
