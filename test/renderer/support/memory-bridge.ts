// An honest in-memory transport for component tests: a MakeTrayBridge whose commands are checked
// against the real contract (parseCommand) and answered by handlers the test provides, and whose
// events carry the engine state the way main publishes it (versioned snapshot + diffState patches).
import { CommandError, contractError, parseCommand, type CommandChannel, type CommandReply, type CommandRequest, type EventName, type EventPayload, type ErrorCode } from '../../../shared/contract';
import type { MakeTrayBridge } from '../../../shared/bridge';
import type { EngineState } from '../../../shared/domain';
import { diffState, isEmptyPatch } from '../../../shared/state-patch';
import { DEFAULT_SETTINGS, mergeSettings, type Settings } from '../../../shared/contract-schemas';

type Handler<C extends CommandChannel> = (req: CommandRequest<C>, bridge: MemoryBridge) => CommandReply<C> | Promise<CommandReply<C>>;

export interface SentCommand {
  channel: string;
  request: unknown;
}

export class MemoryBridge implements MakeTrayBridge {
  state: EngineState;
  version = 1;
  settings: Settings = structuredClone(DEFAULT_SETTINGS);
  readonly sent: SentCommand[] = [];
  private handlers = new Map<string, (req: unknown) => unknown>();
  private listeners = new Map<string, Set<(p: unknown) => void>>();

  constructor(state: EngineState) {
    this.state = state;
    this.handle('state.get', () => ({ version: this.version, state: this.state }));
    this.handle('settings.get', () => this.settings);
    this.handle('settings.set', (patch) => {
      this.settings = mergeSettings(this.settings, patch);
      this.emit('settings.changed', this.settings);
      return this.settings;
    });
    this.handle('ui.looking', () => null);
  }

  handle<C extends CommandChannel>(channel: C, fn: Handler<C>): this {
    this.handlers.set(channel, (req) => fn(req as CommandRequest<C>, this));
    return this;
  }

  /** Makes a command fail the way main reports failures. */
  fail(channel: CommandChannel, code: ErrorCode, message: string, retryAfterMs?: number): this {
    this.handlers.set(channel, () => {
      throw new CommandError(contractError(code, message, retryAfterMs === undefined ? {} : { retryAfterMs }));
    });
    return this;
  }

  sentOn(channel: string): unknown[] {
    return this.sent.filter((c) => c.channel === channel).map((c) => c.request);
  }

  async invoke<C extends CommandChannel>(channel: C, ...args: unknown[]): Promise<CommandReply<C>> {
    const parsed = parseCommand(channel, args[0]);
    if (!parsed.ok) throw new CommandError(parsed.error);
    this.sent.push({ channel, request: parsed.request });
    const h = this.handlers.get(channel);
    if (!h) throw new CommandError(contractError('internal', `No handler for ${channel} in this test.`));
    await Promise.resolve(); // replies are asynchronous on every real transport
    return (await h(parsed.request)) as CommandReply<C>;
  }

  on<E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) this.listeners.set(event, (set = new Set()));
    set.add(handler as (p: unknown) => void);
    return () => set.delete(handler as (p: unknown) => void);
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const h of [...(this.listeners.get(event) ?? [])]) h(payload);
  }

  /** Main's state changes: the patch goes out as `state.patch` from the current version. */
  publish(next: EngineState): void {
    const patch = diffState(this.state, next);
    this.state = next;
    if (isEmptyPatch(patch)) return;
    const from = this.version;
    this.version += 1;
    this.emit('state.patch', { from, to: this.version, patch });
  }
}
