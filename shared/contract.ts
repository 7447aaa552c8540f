// The one typed contract between the renderer and main (Electron IPC or the dashboard's WebSocket).
// Every command (renderer → main, with its reply) and every event (main → renderer) is an entry in ONE
// map with its zod schemas; all TypeScript types are inferred from these maps, so a channel cannot
// exist without its schemas, and every handler map keyed by the channels must cover them all.
import { z } from 'zod';
import {
  AccountIdSchema,
  AccountStateSchema,
  EngineStateSchema,
  ExecutionDetailSchema,
  IncompleteExecutionSchema,
  MakeIdSchema,
  MillisSchema,
  NotificationSpecSchema,
  OrgKeySchema,
  RunStatusSchema,
  RunsPageSchema,
  ScenarioDetailSchema,
  ScenarioKeySchema,
  SettingsPatchSchema,
  SettingsSchema,
  StatePatchSchema,
  ZoneHostSchema,
} from './contract-schemas';
import { defineCommands, defineEvents, doneReply, emptyRequest } from './contract-define';
import { HOOK_COMMANDS, HOOK_EVENTS } from './contract-hooks';
import { MEMBER_COMMANDS, MEMBER_EVENTS } from './contract-members';
import { REPORT_COMMANDS, REPORT_EVENTS } from './contract-report';
import { SCENARIO_EDIT_COMMANDS, SCENARIO_EDIT_EVENTS } from './contract-scenario-edit';

export { defineCommands, defineEvents, type CommandSpec } from './contract-define';

// ---------------------------------------------------------------------------------------------------
// Errors: what crosses instead of an exception. Plain words, never a stack, never a secret.

export const ERROR_CODES = ['missing-scope', 'rate-limited', 'not-found', 'invalid-input', 'offline', 'refused', 'internal'] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ContractErrorSchema = z.object({
  code: z.enum(ERROR_CODES),
  /** A sentence for the user, in plain words. */
  message: z.string().max(1000),
  /** When Make (or the app's own budget) says when to try again. */
  retryAfterMs: z.number().int().nonnegative().optional(),
  /** For `invalid-input`: the payload field at fault (dot path), so the UI can mark it. */
  field: z.string().optional(),
  /** For `invalid-input`: every problem found, one sentence each (e.g. a blueprint's). */
  problems: z.array(z.string().max(1000)).max(50).optional(),
  /** For `missing-scope`: the scope Make named (e.g. `hooks:write`). */
  scope: z.string().max(100).optional(),
});
export type ContractError = z.infer<typeof ContractErrorSchema>;

/** The exception a bridge's `invoke` rejects with. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly code: ErrorCode;
  readonly retryAfterMs: number | undefined;
  readonly field: string | undefined;
  readonly problems: string[] | undefined;

  constructor(readonly error: ContractError) {
    super(error.message);
    this.code = error.code;
    this.retryAfterMs = error.retryAfterMs;
    this.field = error.field;
    this.problems = error.problems;
  }
}

export const isCommandError = (err: unknown): err is CommandError => err instanceof CommandError;

export const contractError = (code: ErrorCode, message: string, extra: Omit<ContractError, 'code' | 'message'> = {}): ContractError => ({
  code,
  message,
  ...extra,
});

/** What a command produces on any transport: a reply or a typed error. */
export type CommandResult<T = unknown> = { ok: true; value: T } | { ok: false; error: ContractError };

// ---------------------------------------------------------------------------------------------------
// Commands

const empty = emptyRequest;
const done = doneReply;
const zoneOrBaseUrl = {
  zone: ZoneHostSchema.optional(),
  baseUrl: z.url({ protocol: /^https?$/ }).max(2048).optional(),
};
const oneOfZoneOrBaseUrl = (v: { zone?: string | undefined; baseUrl?: string | undefined }) =>
  (v.zone === undefined) !== (v.baseUrl === undefined);

export const StateSnapshotSchema = z.object({
  /** Increments with every published patch; `state.patch` events continue from it. */
  version: z.number().int().nonnegative(),
  state: EngineStateSchema,
});
export type StateSnapshot = z.infer<typeof StateSnapshotSchema>;

export const COMMANDS = defineCommands({
  /** The full state and its version; `state.patch` events with `from === version` follow. */
  'state.get': { request: empty, reply: StateSnapshotSchema },
  /** Poll now: everything, one organization, or one scenario. */
  refresh: { request: z.strictObject({ scope: z.union([OrgKeySchema, ScenarioKeySchema]).optional() }), reply: done },
  /** Turn a scenario's schedule on or off in Make. */
  'scenario.toggle': {
    request: z.strictObject({ key: ScenarioKeySchema, on: z.boolean() }),
    reply: z.object({ isActive: z.boolean() }),
  },
  /** Run a scenario now, with inputs when it has an interface. Progress follows as `run.progress`. */
  'scenario.run': {
    request: z.strictObject({ key: ScenarioKeySchema, data: z.record(z.string(), z.unknown()).optional() }),
    reply: z.object({ executionId: z.string() }),
  },
  /** What the polled state doesn't hold: inputs, outputs, used apps, hook. */
  'scenario.details': { request: z.strictObject({ key: ScenarioKeySchema }), reply: ScenarioDetailSchema },
  /** Run history, newest first, one page. */
  'scenario.runs': {
    request: z
      .strictObject({
        key: ScenarioKeySchema,
        status: z.union([z.literal(1), z.literal(2), z.literal(3)]).optional(),
        from: MillisSchema.optional(),
        to: MillisSchema.optional(),
        offset: z.number().int().min(0).max(1_000_000).default(0),
        limit: z.number().int().min(1).max(100).default(20),
      })
      .refine((v) => v.from === undefined || v.to === undefined || v.from <= v.to, { message: 'must not be after "to"', path: ['from'] }),
    reply: RunsPageSchema,
  },
  'execution.detail': { request: z.strictObject({ key: ScenarioKeySchema, executionId: MakeIdSchema }), reply: ExecutionDetailSchema },
  /** Stored incomplete executions (Make's DLQ) of a scenario. */
  'incomplete.list': {
    request: z.strictObject({ key: ScenarioKeySchema }),
    reply: z.object({ items: z.array(IncompleteExecutionSchema) }),
  },
  'incomplete.retry': { request: z.strictObject({ key: ScenarioKeySchema, dlqId: MakeIdSchema }), reply: done },
  /** The user is looking at a window (poll faster), optionally at these scenarios (poll them first). */
  'ui.looking': {
    request: z.strictObject({ looking: z.boolean(), scenarioKeys: z.array(ScenarioKeySchema).max(1000).optional() }),
    reply: done,
  },
  /** Pause notifications until a time, or resume them (`null`). */
  'notifications.snooze': { request: z.strictObject({ until: MillisSchema.nullable() }), reply: done },
  'scenario.mute': { request: z.strictObject({ key: ScenarioKeySchema, muted: z.boolean() }), reply: done },
  'settings.get': { request: empty, reply: SettingsSchema },
  /** Changes some settings; replies with all of them. */
  'settings.set': { request: SettingsPatchSchema, reply: SettingsSchema },
  /** Connected accounts. Never a token. */
  'accounts.list': { request: empty, reply: z.object({ accounts: z.array(AccountStateSchema) }) },
  /** Connect with a Make API token for a zone (`eu1.make.com`) or a full base URL. */
  'accounts.connectToken': {
    request: z
      .strictObject({ ...zoneOrBaseUrl, token: z.string().trim().min(8, 'looks too short for a Make API token').max(4096) })
      .refine(oneOfZoneOrBaseUrl, { message: 'give either a zone or a base URL', path: ['zone'] }),
    reply: z.object({ account: AccountStateSchema }),
  },
  /** Start signing in with OAuth in the system browser; the account appears in the state when done. */
  'accounts.startOAuth': {
    request: z.strictObject(zoneOrBaseUrl).refine(oneOfZoneOrBaseUrl, { message: 'give either a zone or a base URL', path: ['zone'] }),
    reply: z.object({ started: z.boolean() }),
  },
  'accounts.signOut': { request: z.strictObject({ accountId: AccountIdSchema }), reply: done },
  /** Include or exclude an organization from monitoring. */
  'accounts.setOrgMonitored': { request: z.strictObject({ orgKey: OrgKeySchema, monitored: z.boolean() }), reply: done },
  /** Open a Make page in the user's browser. Main accepts only Make hosts and the user's zones. */
  'shell.openExternal': { request: z.strictObject({ url: z.string().max(4096) }), reply: done },
  /** Open (or focus) the main window, optionally at a scenario. */
  'window.openMain': { request: z.strictObject({ key: ScenarioKeySchema.optional() }), reply: done },
  ...HOOK_COMMANDS,
  ...MEMBER_COMMANDS,
  ...SCENARIO_EDIT_COMMANDS,
  ...REPORT_COMMANDS,
});

export type Commands = typeof COMMANDS;
export type CommandChannel = keyof Commands & string;
export const COMMAND_CHANNELS = Object.keys(COMMANDS) as CommandChannel[];
/** What a caller passes (defaults not yet applied). */
export type CommandRequestInput<C extends CommandChannel> = z.input<Commands[C]['request']>;
/** What a handler receives (validated, defaults applied). */
export type CommandRequest<C extends CommandChannel> = z.output<Commands[C]['request']>;
export type CommandReply<C extends CommandChannel> = z.output<Commands[C]['reply']>;
/** The payload argument of `invoke`: optional when every field is. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- "every field optional" is exactly `{} extends T`
export type CommandArgs<C extends CommandChannel> = {} extends CommandRequestInput<C>
  ? [payload?: CommandRequestInput<C>]
  : [payload: CommandRequestInput<C>];

/** One function per command; a missing channel is a compile error. */
export type CommandHandlers<Ctx = void> = {
  [C in CommandChannel]: (request: CommandRequest<C>, ctx: Ctx) => Promise<CommandReply<C>> | CommandReply<C>;
};

// ---------------------------------------------------------------------------------------------------
// Events

export const RunProgressSchema = z.object({
  key: ScenarioKeySchema,
  executionId: z.string(),
  /** `running` until Make reports the run; then 1 success, 2 warning, 3 error. */
  status: RunStatusSchema,
  at: MillisSchema,
  durationMs: z.number().nullable(),
  errorMessage: z.string().nullable(),
});
export type RunProgress = z.infer<typeof RunProgressSchema>;

export const StatePatchEventSchema = z.object({
  from: z.number().int().nonnegative(),
  to: z.number().int().positive(),
  patch: StatePatchSchema,
});
export type StatePatchEvent = z.infer<typeof StatePatchEventSchema>;

export const ToastSchema = z.object({
  kind: z.enum(['info', 'success', 'warning', 'error']),
  message: z.string(),
  key: ScenarioKeySchema.nullable(),
});

export const EVENTS = defineEvents({
  /** Changes since version `from`; apply only when the mirror is at `from`, else ask `state.get`. */
  'state.patch': StatePatchEventSchema,
  /** The whole state (after a reset such as switching from demo to real accounts). */
  'state.snapshot': StateSnapshotSchema,
  /** A run started from the app: started, then its outcome. */
  'run.progress': RunProgressSchema,
  toast: ToastSchema,
  /** A command failed in the background (one the caller did not await, e.g. from the tray). */
  'command.error': z.object({ channel: z.string(), error: ContractErrorSchema }),
  /** What the policy decided to notify about (the dashboard shows it in the page). */
  notification: NotificationSpecSchema,
  'settings.changed': SettingsSchema,
  ...HOOK_EVENTS,
  ...MEMBER_EVENTS,
  ...SCENARIO_EDIT_EVENTS,
  ...REPORT_EVENTS,
});

export type Events = typeof EVENTS;
export type EventName = keyof Events & string;
export const EVENT_NAMES = Object.keys(EVENTS) as EventName[];
export type EventPayload<E extends EventName> = z.output<Events[E]>;

// ---------------------------------------------------------------------------------------------------
// Validation at the door

export const isCommandChannel = (channel: unknown): channel is CommandChannel =>
  typeof channel === 'string' && Object.hasOwn(COMMANDS, channel);
export const isEventName = (name: unknown): name is EventName => typeof name === 'string' && Object.hasOwn(EVENTS, name);

export type ParsedCommand = {
  [C in CommandChannel]: { ok: true; channel: C; request: CommandRequest<C> };
}[CommandChannel];

/** Plain words for the first problem zod found. Never echoes the value (it could be a token). */
export function describeIssues(error: z.ZodError): { message: string; field?: string } {
  const issue = error.issues[0];
  if (!issue) return { message: 'The request is not valid.' };
  const field = issue.path.map(String).join('.');
  const what = issue.code === 'unrecognized_keys' ? `unknown field ${issue.keys.map((k) => `"${k}"`).join(', ')}` : issue.message;
  return field ? { message: `The field "${field}" is not valid: ${what}.`, field } : { message: `The request is not valid: ${what}.` };
}

/**
 * Checks a message arriving from a renderer. Unknown channel or bad payload → a typed `invalid-input`
 * error; otherwise the request with defaults applied. An absent payload counts as `{}`.
 */
export function parseCommand(channel: unknown, payload: unknown): ParsedCommand | { ok: false; error: ContractError } {
  if (!isCommandChannel(channel)) {
    return { ok: false, error: contractError('invalid-input', 'Make Tray does not know this command.') };
  }
  const result = COMMANDS[channel].request.safeParse(payload === undefined ? {} : payload);
  if (!result.success) {
    const { message, field } = describeIssues(result.error);
    return { ok: false, error: contractError('invalid-input', message, field === undefined ? {} : { field }) };
  }
  return { ok: true, channel, request: result.data } as ParsedCommand;
}

/** Checks a reply before it leaves main: strips anything not in the contract (a token can't slip out). */
export function parseReply<C extends CommandChannel>(channel: C, value: unknown): CommandReply<C> {
  return COMMANDS[channel].reply.parse(value) as CommandReply<C>;
}

/** Checks an event payload (main before sending; a renderer may check what it receives). */
export function parseEvent<E extends EventName>(event: E, payload: unknown): EventPayload<E> {
  return EVENTS[event].parse(payload) as EventPayload<E>;
}
