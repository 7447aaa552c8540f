// The IPC end of the contract in main: one invoke channel for commands, one event channel out. Every
// message's sender is checked (our app:// page, in the main frame of one of our windows) before its
// payload reaches the contract's validation and the command handler.
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { IPC_EVENT_CHANNEL, IPC_INVOKE_CHANNEL } from '../../shared/bridge';
import { contractError, type CommandResult, type EventName, type EventPayload } from '../../shared/contract';
import { isAppUrl } from './app-origin';

/** What the check reads of a frame (Electron's WebFrameMain has these). */
export interface FrameLike {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/**
 * True only for the main frame of one of our windows showing our app:// page. A sub-frame, a page that
 * navigated elsewhere, or a window the app didn't create is refused, even if its URL looks right.
 */
export function isTrustedSender(frame: FrameLike | null | undefined, ourMainFrames: Iterable<FrameLike | null | undefined>): boolean {
  if (!frame || frame.parent !== null) return false;
  if (!isAppUrl(frame.url)) return false;
  for (const ours of ourMainFrames) {
    if (ours && ours.processId === frame.processId && ours.routingId === frame.routingId) return true;
  }
  return false;
}

export const UNTRUSTED_SENDER_MESSAGE = 'This page may not send commands to Make Tray.';

export interface IpcInvokeDeps {
  /** Our windows' main frames, looked up at the time of each message. */
  mainFrames(): Iterable<FrameLike | null | undefined>;
  /** The contract host's door: validates the channel and payload, runs the command. */
  handle(channel: unknown, payload: unknown): Promise<CommandResult>;
  /** A refused sender is logged (its URL only). */
  log?: (line: string) => void;
}

/** The `ipcMain.handle(IPC_INVOKE_CHANNEL, …)` listener. Always resolves with a CommandResult. */
export function createInvokeListener(deps: IpcInvokeDeps): (event: { senderFrame: FrameLike | null }, channel?: unknown, payload?: unknown) => Promise<CommandResult> {
  return async (event, channel, payload) => {
    const frame = event.senderFrame;
    if (!isTrustedSender(frame, deps.mainFrames())) {
      deps.log?.(`make-tray: refused a command from an untrusted sender (${frame ? safeUrl(frame.url) : 'no frame'})`);
      return { ok: false, error: contractError('refused', UNTRUSTED_SENDER_MESSAGE) };
    }
    try {
      return await deps.handle(channel, payload);
    } catch {
      return { ok: false, error: contractError('internal', 'Something went wrong inside Make Tray. Try again; if it keeps happening, restart the app.') };
    }
  };
}

/** Origin and path only: a query string could carry something private. */
function safeUrl(raw: string): string {
  try {
    const u = new URL(raw);
    return `${u.protocol}//${u.host}${u.pathname}`.slice(0, 200);
  } catch {
    return 'an unreadable URL';
  }
}

/** A window that can receive events. */
export interface EventTarget {
  isDestroyed(): boolean;
  send(channel: string, message: unknown): void;
  /** The URL it shows now; events go only to our own pages. */
  getURL(): string;
}

export interface EventMessage<E extends EventName = EventName> {
  event: E;
  payload: EventPayload<E>;
}

/** A window that shows the app (not destroyed, not navigated away): events may go to it. */
const showsApp = (t: EventTarget): boolean => !t.isDestroyed() && isAppUrl(t.getURL());

export function anyShowsApp(targets: Iterable<EventTarget>): boolean {
  for (const t of targets) if (showsApp(t)) return true;
  return false;
}

/** Sends a contract event to every live window that shows our page. */
export function forwardEvent<E extends EventName>(targets: Iterable<EventTarget>, event: E, payload: EventPayload<E>): number {
  let sent = 0;
  for (const t of targets) {
    if (!showsApp(t)) continue;
    t.send(IPC_EVENT_CHANNEL, { event, payload } satisfies EventMessage<E>);
    sent++;
  }
  return sent;
}

/** Registers the invoke listener (thin). Returns a function that removes it. */
export function installIpc(ipcMain: IpcMain, deps: IpcInvokeDeps): () => void {
  const listener = createInvokeListener(deps);
  ipcMain.handle(IPC_INVOKE_CHANNEL, (event: IpcMainInvokeEvent, channel: unknown, payload: unknown) => listener(event, channel, payload));
  return () => ipcMain.removeHandler(IPC_INVOKE_CHANNEL);
}
