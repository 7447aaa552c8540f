// The one object the renderer talks to main through. The Electron preload and the dashboard's
// WebSocket client both implement it; the renderer never sees which one it has.
import type { CommandArgs, CommandChannel, CommandReply, EventName, EventPayload } from './contract';

export type BridgeConnectionState = 'connecting' | 'open' | 'closed';

export interface MakeTrayBridge {
  /** Sends a command; resolves with its reply or rejects with a `CommandError` (see shared/contract.ts). */
  invoke<C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandReply<C>>;
  /** Listens to an event from main; returns the function that stops listening. */
  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void;
  /**
   * The link to main, for transports that can lose it (the WebSocket). Electron's IPC is always open
   * and may leave this out.
   */
  onConnectionChange?(handler: (state: BridgeConnectionState) => void): () => void;
}

/** Where the Electron preload puts the bridge: `window.makeTray`. */
export const BRIDGE_GLOBAL = 'makeTray';
/** Electron IPC channel names used by the preload and main (one for commands, one for events). */
export const IPC_INVOKE_CHANNEL = 'make-tray:invoke';
export const IPC_EVENT_CHANNEL = 'make-tray:event';
