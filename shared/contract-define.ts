// The building blocks of the contract, apart from the contract itself so that each area's command map
// (shared/contract-*.ts) can be declared in its own file and spread into the one map in contract.ts.
import { z } from 'zod';

export interface CommandSpec<Req extends z.ZodType = z.ZodType, Rep extends z.ZodType = z.ZodType> {
  request: Req;
  reply: Rep;
}

/** Declares a command map; an entry without both schemas does not compile. */
export const defineCommands = <const M extends Record<string, CommandSpec>>(map: M): M => map;
/** Declares an event map; an entry without its payload schema does not compile. */
export const defineEvents = <const M extends Record<string, z.ZodType>>(map: M): M => map;

export const emptyRequest = z.strictObject({});
export const doneReply = z.null();

const HOST = String.raw`[^/\s]{1,253}`;
export const TeamKeySchema = z.string().regex(new RegExp(`^${HOST}/t\\d{1,15}$`), 'must be a team key');
export const FolderKeySchema = z.string().regex(new RegExp(`^${HOST}/f\\d{1,15}$`), 'must be a folder key');
/** Make's numeric ids (hooks, users, roles). */
export const NumericIdSchema = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** Why an action waits for a second, explicit yes (management operations). */
export const ConfirmationSchema = z.object({
  reason: z.enum(['hook-attached', 'remove-member', 'scenario-name', 'make-asks']),
  message: z.string().max(1000),
  scenario: z.object({ id: z.number(), key: z.string().nullable(), name: z.string().nullable() }).optional(),
});
export type Confirmation = z.infer<typeof ConfirmationSchema>;

/**
 * The reply of an action that may need confirming: done with its value, or "ask the user, then call
 * again with the confirmation the request names".
 */
export const confirmable = <T extends z.ZodType>(value: T) =>
  z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('done'), value }),
    z.object({ kind: z.literal('needs-confirmation'), confirmation: ConfirmationSchema }),
  ]);
