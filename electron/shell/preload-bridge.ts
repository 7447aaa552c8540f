// The bridge the preload exposes, built from an ipcRenderer-like object so tests can drive it under
// Node. It hands the page exactly `invoke` and `on`: never ipcRenderer, never an IPC event object (its
// `sender` would be ipcRenderer again), never Node.
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL, type MakeTrayBridge } from '../../shared/bridge';
import type { CommandChannel, CommandReply, EventName, EventPayload } from '../../shared/contract';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, message: unknown) => void): unknown;
}

/**
 * What `invoke` rejects with: the contract's error as a plain object. An Error subclass would not
 * survive the context bridge (only its message is copied); a plain object is copied whole.
 */
export interface BridgeError {
  name: 'CommandError';
  code: string;
  message: string;
  retryAfterMs?: number;
  field?: string;
}

const internal = (message: string): BridgeError => ({ name: 'CommandError', code: 'internal', message });

function toBridgeError(error: unknown): BridgeError {
  if (!error || typeof error !== 'object') return internal('Make Tray answered in an unexpected way.');
  const e = error as Record<string, unknown>;
  const out: BridgeError = {
    name: 'CommandError',
    code: typeof e.code === 'string' ? e.code : 'internal',
    message: typeof e.message === 'string' ? e.message : 'Make Tray could not do this.',
  };
  if (typeof e.retryAfterMs === 'number') out.retryAfterMs = e.retryAfterMs;
  if (typeof e.field === 'string') out.field = e.field;
  return out;
}

export function createPreloadBridge(ipc: IpcRendererLike): MakeTrayBridge {
  const invoke = async (channel: string, payload?: unknown): Promise<unknown> => {
    if (typeof channel !== 'string') throw internal('A command name must be text.');
    let result: unknown;
    try {
      result = await ipc.invoke(IPC_INVOKE_CHANNEL, channel, payload);
    } catch {
      throw internal('Make Tray did not answer. Try again; if it keeps happening, restart the app.');
    }
    const r = result as { ok?: unknown; value?: unknown; error?: unknown } | null;
    if (r && r.ok === true) return r.value;
    throw toBridgeError(r?.error);
  };
  const on = (event: string, handler: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || typeof handler !== 'function') throw internal('on(event, handler) needs an event name and a function.');
    const listener = (_event: unknown, message: unknown) => {
      const m = message as { event?: unknown; payload?: unknown } | null;
      if (m && m.event === event) handler(m.payload);
    };
    ipc.on(IPC_EVENT_CHANNEL, listener);
    let subscribed = true;
    return () => {
      if (!subscribed) return;
      subscribed = false;
      ipc.removeListener(IPC_EVENT_CHANNEL, listener);
    };
  };
  return {
    invoke: invoke as <C extends CommandChannel>(channel: C, ...args: unknown[]) => Promise<CommandReply<C>>,
    on: on as <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) => () => void,
  } as MakeTrayBridge;
}
