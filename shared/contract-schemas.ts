// Runtime schemas for the shapes that cross the contract: the domain state (shared/domain.ts), the
// state patch (shared/state-patch.ts) and the contract's own payloads. The domain types stay the source
// of truth; the `MutuallyAssignable` checks at the bottom break the build when a schema drifts from them.
import { z } from 'zod';
import type {
  AccountState,
  BudgetState,
  Connectivity,
  EngineState,
  FolderState,
  NotificationSpec,
  OrgState,
  RunSummary,
  ScenarioState,
  TeamState,
} from './domain';
import type { StatePatch } from './state-patch';
import { AGENCY_LOGO_MAX_CHARS, AGENCY_NAME_MAX, isSafeLogoDataUrl } from './agency-logo';

// ---------------------------------------------------------------------------------------------------
// Keys and ids

const HOST = String.raw`[^/\s]{1,253}`;
export const ZoneHostSchema = z.string().regex(new RegExp(`^${HOST}$`), 'must be a zone host such as eu1.make.com');
export const OrgKeySchema = z.string().regex(new RegExp(`^${HOST}/o\\d{1,15}$`), 'must be an organization key');
export const ScenarioKeySchema = z.string().regex(new RegExp(`^${HOST}/s\\d{1,15}$`), 'must be a scenario key');
export const AccountIdSchema = z.string().min(1).max(200);
/** Execution ids and incomplete-execution (DLQ) ids: Make uses 32 hex characters. */
export const MakeIdSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be an id of letters and digits');
export const MillisSchema = z.number().finite();

// ---------------------------------------------------------------------------------------------------
// Domain state

export const ConnectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'degraded', 'unknown']),
  lastOkAt: MillisSchema.nullable(),
  message: z.string().nullable(),
});

export const AccountStateSchema = z.object({
  id: AccountIdSchema,
  kind: z.enum(['token', 'oauth']),
  baseUrl: z.string(),
  zone: z.string(),
  userName: z.string(),
  email: z.string(),
  scopes: z.array(z.string()),
  status: z.enum(['ok', 'checking', 'needs-sign-in', 'error']),
  statusMessage: z.string().nullable(),
  demo: z.boolean(),
});

export const BudgetStateSchema = z.object({
  limitPerMin: z.number(),
  share: z.number(),
  allowedPerMin: z.number(),
  usedLastMin: z.number(),
  rateLimitedUntil: MillisSchema.nullable(),
  queued: z.number(),
});

export const OrgStateSchema = z.object({
  key: z.string(),
  id: z.number(),
  zone: z.string(),
  name: z.string(),
  productName: z.string().nullable(),
  accountIds: z.array(z.string()),
  monitored: z.boolean(),
  budget: BudgetStateSchema,
  connectivity: ConnectivitySchema,
  lastSyncAt: MillisSchema.nullable(),
  syncing: z.boolean(),
  problem: z.string().nullable(),
});

export const TeamStateSchema = z.object({
  key: z.string(),
  id: z.number(),
  orgKey: z.string(),
  name: z.string(),
  accountIds: z.array(z.string()),
});

export const FolderStateSchema = z.object({
  key: z.string(),
  id: z.number(),
  teamKey: z.string(),
  name: z.string(),
  parentKey: z.string().nullable(),
});

export const SchedulingSchema = z.object({
  type: z.string(),
  interval: z.number().optional(),
  date: z.string().optional(),
  time: z.string().optional(),
  days: z.array(z.number()).optional(),
  months: z.array(z.number()).optional(),
});

export const RunStatusSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal('running')]);

export const RunSummarySchema = z.object({
  id: z.string(),
  status: RunStatusSchema,
  timestamp: MillisSchema,
  durationMs: z.number().nullable(),
  operations: z.number().nullable(),
  transfer: z.number().nullable(),
  type: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorModule: z.string().nullable(),
});

export const ScenarioHealthSchema = z.enum(['off-by-make', 'failing', 'warning', 'paused', 'ok', 'inactive', 'unknown']);

export const PendingRunSchema = z.object({ executionId: z.string(), startedAt: MillisSchema });

export const ScenarioStateSchema = z.object({
  key: z.string(),
  id: z.number(),
  orgKey: z.string(),
  teamKey: z.string(),
  folderKey: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  isActive: z.boolean(),
  isinvalid: z.boolean(),
  isPaused: z.boolean(),
  dlqCount: z.number(),
  operations: z.number(),
  transfer: z.number(),
  nextExec: MillisSchema.nullable(),
  lastEdit: MillisSchema.nullable(),
  hookId: z.number().nullable(),
  scheduling: SchedulingSchema.nullable(),
  usedPackages: z.array(z.string()),
  health: ScenarioHealthSchema,
  recentRuns: z.array(RunSummarySchema),
  pendingRun: PendingRunSchema.nullable(),
});

export const EngineStateSchema = z.object({
  accounts: z.record(z.string(), AccountStateSchema),
  orgs: z.record(z.string(), OrgStateSchema),
  teams: z.record(z.string(), TeamStateSchema),
  folders: z.record(z.string(), FolderStateSchema),
  scenarios: z.record(z.string(), ScenarioStateSchema),
  zones: z.record(z.string(), ConnectivitySchema),
  connectivity: ConnectivitySchema,
  cachedAt: MillisSchema.nullable(),
  snoozedUntil: MillisSchema.nullable(),
  mutedScenarios: z.array(z.string()),
  demo: z.boolean(),
});

const tablePatch = <T extends z.ZodType>(entity: T) =>
  z.object({ upsert: z.record(z.string(), entity).optional(), remove: z.array(z.string()).optional() });

export const StatePatchSchema = z.object({
  accounts: tablePatch(AccountStateSchema).optional(),
  orgs: tablePatch(OrgStateSchema).optional(),
  teams: tablePatch(TeamStateSchema).optional(),
  folders: tablePatch(FolderStateSchema).optional(),
  scenarios: tablePatch(ScenarioStateSchema).optional(),
  zones: tablePatch(ConnectivitySchema).optional(),
  top: EngineStateSchema.pick({ connectivity: true, cachedAt: true, snoozedUntil: true, mutedScenarios: true, demo: true })
    .partial()
    .optional(),
});

export const NotificationSpecSchema = z.object({
  id: z.string(),
  kind: z.enum(['failure', 'warning', 'off-by-make', 'fixed', 'summary']),
  scenarioKey: z.string().nullable(),
  executionId: z.string().nullable(),
  titleKey: z.string(),
  bodyKey: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  at: MillisSchema,
});

// ---------------------------------------------------------------------------------------------------
// Settings (what the user chooses; the engine and the shell read them)

export const LanguagePrefSchema = z.enum(['system', 'en', 'ja']);
export const ThemePrefSchema = z.enum(['system', 'light', 'dark']);

export const NotifyRulesSchema = z.object({
  failure: z.boolean(),
  warning: z.boolean(),
  offByMake: z.boolean(),
  fixed: z.boolean(),
  /** More than this many notifications in one cycle are folded into one summary. */
  summaryThreshold: z.number().int().min(1).max(100),
});

/** The agency's name and logo, printed on the reports sent to clients. */
export const AgencySchema = z.object({
  name: z.string().trim().max(AGENCY_NAME_MAX),
  /** An image data URL (png, jpeg, gif, webp, svg), or null for none. */
  logo: z
    .string()
    .max(AGENCY_LOGO_MAX_CHARS, 'the logo is too large (256 KB at most)')
    .refine((url) => isSafeLogoDataUrl(url, AGENCY_LOGO_MAX_CHARS + 1), 'must be a PNG, JPEG, GIF, WebP or SVG image')
    .nullable(),
});

export const SettingsSchema = z.object({
  language: LanguagePrefSchema,
  theme: ThemePrefSchema,
  /** Share of each organization's API limit the app may use. */
  pollingShare: z.number().min(0.05).max(1),
  startAtLogin: z.boolean(),
  notify: NotifyRulesSchema,
  agency: AgencySchema,
});

export const SettingsPatchSchema = z.strictObject({
  language: LanguagePrefSchema.optional(),
  theme: ThemePrefSchema.optional(),
  pollingShare: z.number().min(0.05).max(1).optional(),
  startAtLogin: z.boolean().optional(),
  notify: z
    .strictObject({
      failure: z.boolean().optional(),
      warning: z.boolean().optional(),
      offByMake: z.boolean().optional(),
      fixed: z.boolean().optional(),
      summaryThreshold: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
  agency: z.strictObject({ name: AgencySchema.shape.name.optional(), logo: AgencySchema.shape.logo.optional() }).optional(),
});

export type Settings = z.infer<typeof SettingsSchema>;
export type SettingsPatch = z.infer<typeof SettingsPatchSchema>;
export type NotifyRules = z.infer<typeof NotifyRulesSchema>;
export type AgencySettings = z.infer<typeof AgencySchema>;
export type LanguagePref = z.infer<typeof LanguagePrefSchema>;
export type ThemePref = z.infer<typeof ThemePrefSchema>;

export const DEFAULT_SETTINGS: Settings = {
  language: 'system',
  theme: 'system',
  pollingShare: 0.5,
  startAtLogin: false,
  notify: { failure: true, warning: false, offByMake: true, fixed: false, summaryThreshold: 3 },
  agency: { name: '', logo: null },
};

/** `settings` with `patch` applied (nested `notify` and `agency` merged field by field). */
export function mergeSettings(settings: Settings, patch: SettingsPatch): Settings {
  const { notify, agency, ...rest } = patch;
  const defined = <T extends object>(o: T): Partial<T> =>
    Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
  return {
    ...settings,
    ...defined(rest),
    notify: { ...settings.notify, ...defined(notify ?? {}) },
    agency: { ...settings.agency, ...defined(agency ?? {}) },
  };
}

// ---------------------------------------------------------------------------------------------------
// On-demand data (fetched when the user opens a scenario; not part of the polled state)

/** One scenario input or output, as declared in the scenario's interface. */
export interface InterfaceParam {
  name: string;
  /** Make's type: text, number, boolean, date, json, array, collection, select, … */
  type: string;
  label: string | null;
  required: boolean;
  default: unknown;
  multiline: boolean;
  options: { value: string; label: string | null }[] | null;
  /** Nested parameters of `array`/`collection` inputs. */
  spec: InterfaceParam[] | null;
}

export const InterfaceParamSchema: z.ZodType<InterfaceParam> = z.lazy(() =>
  z.object({
    name: z.string(),
    type: z.string(),
    label: z.string().nullable(),
    required: z.boolean(),
    default: z.unknown(),
    multiline: z.boolean(),
    options: z.array(z.object({ value: z.string(), label: z.string().nullable() })).nullable(),
    spec: z.array(InterfaceParamSchema).nullable(),
  }),
);

export const UsedAppSchema = z.object({
  /** App (package) name from the blueprint's module ids, e.g. `http` from `http:ActionSendData`. */
  name: z.string(),
  /** Number of modules of this app in the blueprint. */
  modules: z.number().int().nonnegative(),
});

export const ScenarioDetailSchema = z.object({
  key: z.string(),
  /** Inputs the scenario takes when run (empty when it has none). */
  inputs: z.array(InterfaceParamSchema),
  outputs: z.array(InterfaceParamSchema),
  /** Apps the blueprint uses, in flow order. */
  usedApps: z.array(UsedAppSchema),
  /** Blueprint setting "store incomplete executions"; null when unknown. */
  storesIncomplete: z.boolean().nullable(),
  /** The hook used as instant trigger, when there is one and it could be read. */
  hook: z.object({ id: z.number(), name: z.string(), url: z.string().nullable(), enabled: z.boolean().nullable() }).nullable(),
  fetchedAt: MillisSchema,
});

export const RunsPageSchema = z.object({
  runs: z.array(RunSummarySchema),
  offset: z.number().int().nonnegative(),
  limit: z.number().int().positive(),
  /** More runs exist after this page. */
  hasMore: z.boolean(),
});

export const ExecutionDetailSchema = z.object({
  key: z.string(),
  executionId: z.string(),
  status: RunStatusSchema,
  timestamp: MillisSchema.nullable(),
  durationMs: z.number().nullable(),
  operations: z.number().nullable(),
  transfer: z.number().nullable(),
  type: z.string().nullable(),
  errorName: z.string().nullable(),
  errorMessage: z.string().nullable(),
  errorModule: z.string().nullable(),
  errorApp: z.string().nullable(),
  /** The scenario's outputs for this run (shape per the scenario's interface), when Make returned them. */
  outputs: z.unknown(),
});

export const IncompleteExecutionSchema = z.object({
  id: z.string(),
  reason: z.string().nullable(),
  created: MillisSchema.nullable(),
  size: z.number().nullable(),
  resolved: z.boolean(),
  retry: z.boolean(),
  attempts: z.number().nullable(),
});

export type ScenarioDetail = z.infer<typeof ScenarioDetailSchema>;
export type UsedApp = z.infer<typeof UsedAppSchema>;
export type RunsPage = z.infer<typeof RunsPageSchema>;
export type ExecutionDetail = z.infer<typeof ExecutionDetailSchema>;
export type IncompleteExecution = z.infer<typeof IncompleteExecutionSchema>;

// ---------------------------------------------------------------------------------------------------
// The schemas above must describe exactly the domain types. Mutual assignability is checked here so a
// change to shared/domain.ts or shared/state-patch.ts without its schema fails to compile.

type MutuallyAssignable<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const inSync = <T extends true>(_: T): void => undefined;
inSync<MutuallyAssignable<z.infer<typeof ConnectivitySchema>, Connectivity>>(true);
inSync<MutuallyAssignable<z.infer<typeof AccountStateSchema>, AccountState>>(true);
inSync<MutuallyAssignable<z.infer<typeof BudgetStateSchema>, BudgetState>>(true);
inSync<MutuallyAssignable<z.infer<typeof OrgStateSchema>, OrgState>>(true);
inSync<MutuallyAssignable<z.infer<typeof TeamStateSchema>, TeamState>>(true);
inSync<MutuallyAssignable<z.infer<typeof FolderStateSchema>, FolderState>>(true);
inSync<MutuallyAssignable<z.infer<typeof RunSummarySchema>, RunSummary>>(true);
inSync<MutuallyAssignable<z.infer<typeof ScenarioStateSchema>, ScenarioState>>(true);
inSync<MutuallyAssignable<z.infer<typeof EngineStateSchema>, EngineState>>(true);
inSync<MutuallyAssignable<z.infer<typeof StatePatchSchema>, StatePatch>>(true);
inSync<MutuallyAssignable<z.infer<typeof NotificationSpecSchema>, NotificationSpec>>(true);
