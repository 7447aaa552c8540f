// Contract area: The agency report: runs, failures, warnings, operations and transfer per scenario and organization.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { z } from 'zod';
import { defineCommands, defineEvents, doneReply } from './contract-define';
import { MillisSchema, OrgKeySchema, ScenarioKeySchema } from './contract-schemas';

/** Chosen by the page, so it can match progress events and cancel its own report. */
export const ReportRequestIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be letters, digits, _ or -');

/** Most requests one report may spend (it shares the organizations' budgets with monitoring). */
export const REPORT_MAX_REQUESTS = 5000;
/** The longest range one report covers (Make keeps logs for at most a few months). */
export const REPORT_MAX_RANGE_MS = 400 * 24 * 3_600_000;

export const ReportCountsSchema = z.object({
  runs: z.number().int().nonnegative(),
  successes: z.number().int().nonnegative(),
  warnings: z.number().int().nonnegative(),
  failures: z.number().int().nonnegative(),
  operations: z.number().nonnegative(),
  /** Bytes. */
  transfer: z.number().nonnegative(),
});

export const ReportScenarioRowSchema = ReportCountsSchema.extend({
  key: ScenarioKeySchema,
  id: z.number().int(),
  name: z.string(),
  teamName: z.string().nullable(),
  /** The history could not be read completely: the numbers are a lower bound. */
  incomplete: z.boolean(),
});

export const ReportOrgSectionSchema = z.object({
  key: OrgKeySchema,
  name: z.string(),
  scenarios: z.array(ReportScenarioRowSchema),
  totals: ReportCountsSchema,
  incomplete: z.boolean(),
});

export const AgencyReportSchema = z.object({
  /** Half-open: from ≤ run start < to. */
  range: z.object({ from: MillisSchema, to: MillisSchema }),
  orgs: z.array(ReportOrgSectionSchema),
  totals: ReportCountsSchema,
  incomplete: z.boolean(),
});

export type ReportCountsView = z.infer<typeof ReportCountsSchema>;
export type ReportScenarioRowView = z.infer<typeof ReportScenarioRowSchema>;
export type ReportOrgSectionView = z.infer<typeof ReportOrgSectionSchema>;
export type AgencyReportView = z.infer<typeof AgencyReportSchema>;

export const ReportProgressSchema = z.object({
  requestId: ReportRequestIdSchema,
  scenariosDone: z.number().int().nonnegative(),
  scenariosTotal: z.number().int().nonnegative(),
  /** Requests sent to Make so far for this report. */
  requests: z.number().int().nonnegative(),
});
export type ReportProgressEvent = z.infer<typeof ReportProgressSchema>;

export const REPORT_EXPORT_FORMATS = ['csv', 'html'] as const;

export const REPORT_COMMANDS = defineCommands({
  /**
   * Builds the report from the run history the app holds plus what it fetches within the budget;
   * `report.progress` events carry `requestId` while it runs.
   */
  'report.build': {
    request: z
      .strictObject({
        requestId: ReportRequestIdSchema,
        orgKeys: z.array(OrgKeySchema).min(1, 'choose at least one organization').max(200),
        from: MillisSchema,
        to: MillisSchema,
        onlyWithRuns: z.boolean().optional(),
        maxRequests: z.number().int().min(1).max(REPORT_MAX_REQUESTS).optional(),
      })
      .refine((r) => r.from < r.to, { message: 'the start must be before the end', path: ['from'] })
      .refine((r) => r.to - r.from <= REPORT_MAX_RANGE_MS, { message: 'the range is too long (400 days at most)', path: ['to'] }),
    reply: z.object({
      report: AgencyReportSchema,
      /** The user stopped it: what was read so far, marked partial. */
      cancelled: z.boolean(),
      requests: z.number().int().nonnegative(),
    }),
  },
  /** Stops a report being built; it then answers with what it has, marked partial. */
  'report.cancel': { request: z.strictObject({ requestId: ReportRequestIdSchema }), reply: doneReply },
  /**
   * The last report built with `requestId`, as a file: CSV, or a printable HTML page with the agency's
   * name and logo from settings (self-contained, no script).
   */
  'report.export': {
    request: z.strictObject({
      requestId: ReportRequestIdSchema,
      format: z.enum(REPORT_EXPORT_FORMATS),
      /** Language of numbers and dates in the HTML page. */
      locale: z.enum(['en', 'ja']).optional(),
      /** IANA time zone the range is shown in (the user's). */
      timeZone: z
        .string()
        .regex(/^[A-Za-z0-9_+\-/]{1,64}$/, 'must be a time zone such as Europe/Prague')
        .optional(),
    }),
    reply: z.object({ mimeType: z.string(), text: z.string() }),
  },
});

export const REPORT_EVENTS = defineEvents({
  /** How far a `report.build` has come. */
  'report.progress': ReportProgressSchema,
});
