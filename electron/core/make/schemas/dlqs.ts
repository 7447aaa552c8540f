import { z } from 'zod';
import { id, isoTime } from './common';

const dlqId = z.string().min(1);

export const dlqSummarySchema = z.looseObject({
  id: dlqId,
  reason: z.string().nullable().optional(),
  created: isoTime,
  size: z.number().optional(),
  resolved: z.boolean(),
  retry: z.boolean().optional(),
  attempts: z.number().optional(),
});
export type MakeDlqSummary = z.output<typeof dlqSummarySchema>;
export const listDlqsResponse = z.looseObject({ dlqs: z.array(dlqSummarySchema) });

export const dlqSchema = z.looseObject({
  id: dlqId,
  scenarioId: id,
  scenarioName: z.string().nullable().optional(),
  companyId: id.nullable().optional(),
  companyName: z.string().nullable().optional(),
  resolved: z.boolean(),
  deleted: z.boolean().optional(),
  index: z.number().optional(),
  created: isoTime,
  executionId: z.string().nullable().optional(),
  retry: z.boolean().optional(),
  attempts: z.number().optional(),
  size: z.number().optional(),
});
export type MakeDlq = z.output<typeof dlqSchema>;
export const getDlqResponse = z.looseObject({ dlq: dlqSchema });

/** `POST /dlqs/{id}/retry`: `{dlq: id}` per docs, `null` in the SDK's mocks. */
export const retryDlqResponse = z.union([z.looseObject({ dlq: z.unknown().optional() }), z.null()]);
