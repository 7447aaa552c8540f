// The contract's framing on a message transport (the dashboard's WebSocket). Electron IPC doesn't need
// it: there `invoke` returns a `CommandResult` and events arrive on their own channel.
import { z } from 'zod';
import { ContractErrorSchema } from './contract';

/** Bytes per message the server accepts; a scenario run's input data is the largest thing sent up. */
export const MAX_CLIENT_MESSAGE_BYTES = 1024 * 1024;

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
