// The contract's framing on a message transport (the dashboard's WebSocket). Electron IPC doesn't need
// it: there `invoke` returns a `CommandResult` and events arrive on their own channel.
import { z } from 'zod';
import { MAX_BLUEPRINT_CHARS } from './blueprint';
import { ContractErrorSchema } from './contract';

/**
 * Bytes per message the server accepts. The largest thing sent up is a blueprint file for
 * `scenarioEdit.create` (up to MAX_BLUEPRINT_CHARS characters): as a JSON string in UTF-8 a character
 * of a JSON file takes at most 3 bytes (`"` and `\` become 2, BMP characters 3, astral ones 2 per
 * UTF-16 unit), plus room for the envelope and the other fields.
 */
export const MAX_CLIENT_MESSAGE_BYTES = 3 * MAX_BLUEPRINT_CHARS + 64 * 1024;

export const ClientMessageSchema = z.strictObject({
  type: z.literal('invoke'),
  id: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  channel: z.string().max(100),
  payload: z.unknown().optional(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

export const ServerMessageSchema = z.union([
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), ok: z.literal(true), value: z.unknown() }),
  z.object({ type: z.literal('reply'), id: z.number().int().nonnegative(), ok: z.literal(false), error: ContractErrorSchema }),
  z.object({ type: z.literal('event'), event: z.string(), payload: z.unknown() }),
]);
export type ServerMessage =
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: z.infer<typeof ContractErrorSchema> }
  | { type: 'event'; event: string; payload: unknown };

/** Where the dashboard's page finds its WebSocket: same host, path `/ws`, the launch secret as `k`. */
export const DASHBOARD_WS_PATH = '/ws';
export const DASHBOARD_SECRET_PARAM = 'k';
