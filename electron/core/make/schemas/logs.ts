import { z } from 'zod';
import { counter, id, isoTime, pgSchema } from './common';

/** 1 success, 2 warning, 3 error; the SDK type also allows 0 (pending). */
export const logStatusSchema = z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);
export type LogStatus = z.output<typeof logStatusSchema>;

/** One run in `GET /scenarios/{id}/logs` (also the DLQ retry logs). Ids are hex strings; the spec says int. */
export const scenarioLogSchema = z.looseObject({
  id: z.union([z.string().min(1), z.number()]),
  imtId: z.string().optional(),
  status: logStatusSchema,
  timestamp: isoTime,
  type: z.string().nullable().optional(),
  instant: z.boolean().nullable().optional(),
  duration: z.number().nullable().optional(),
  operations: counter.nullable().optional(),
  centicredits: counter.nullable().optional(),
  transfer: counter.nullable().optional(),
  organizationId: id.nullable().optional(),
  teamId: id.nullable().optional(),
  scenarioId: id.nullable().optional(),
  authorId: id.nullable().optional(),
  authorName: z.string().nullable().optional(),
});
export type MakeScenarioLogWire = z.output<typeof scenarioLogSchema>;

export const listScenarioLogsResponse = z.looseObject({ scenarioLogs: z.array(scenarioLogSchema), pg: pgSchema.optional() });
export const getScenarioLogResponse = z.looseObject({ scenarioLog: scenarioLogSchema });

export const EXECUTION_STATUSES = ['RUNNING', 'SUCCESS', 'WARNING', 'ERROR'] as const;
export type KnownExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** `GET /scenarios/{id}/executions/{executionId}`, a bare object. */
export const executionDetailSchema = z.looseObject({
  // Strict on the four documented values would turn an undocumented one (PAUSED?) into a failure to
  // read the run at all; any non-empty upper-case word is accepted and mapped by the caller.
  status: z.string().regex(/^[A-Z_]+$/),
  outputs: z.unknown().optional(),
  error: z
    .looseObject({
      name: z.string().nullable().optional(),
      message: z.string().nullable().optional(),
      causeModule: z
        .looseObject({ name: z.string().nullable().optional(), appName: z.string().nullable().optional() })
        .nullable()
        .optional(),
    })
    .nullable()
    .optional(),
});
export type MakeExecutionDetailWire = z.output<typeof executionDetailSchema>;
