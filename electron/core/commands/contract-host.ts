// The main-process end of the contract, transport-agnostic: the command door plus the event stream
// every observer (dashboard WebSocket clients, Electron windows) receives. It publishes the engine's
// state as versioned patches, coalesced to at most one per `coalesceMs`, and derives `run.progress`.
import type { Clock } from '../../../shared/clock';
import { SystemClock } from '../../../shared/clock';
import type { CommandResult, EventName, EventPayload, StateSnapshot } from '../../../shared/contract';
import { toViewState } from '../../../shared/contract-view';
import type { EngineState } from '../../../shared/domain';
import { ENTITY_TABLES, TOP_FIELDS, diffState, isEmptyPatch } from '../../../shared/state-patch';
import { createCommandHandler } from './command-handler';
import type { CommandDeps, HostPort } from './ports';
import { createRunProgressTracker } from './run-progress';
import type { SettingsFile } from './settings-file';

export type ContractEventListener = <E extends EventName>(event: E, payload: EventPayload<E>) => void;

export interface StateSource {
  getState(): EngineState;
  subscribe(listener: () => void): () => void;
}

export interface ContractHostOptions extends Omit<CommandDeps, 'host' | 'settings'> {
  /** The engine's store; also `deps.engine.store`, repeated so tests can publish a bare store. */
  state: StateSource;
  settings: CommandDeps['settings'] & Partial<Pick<SettingsFile, 'onChange'>>;
  host: Omit<HostPort, 'snapshot' | 'emit'>;
  clock?: Clock;
  /** At most one `state.patch` per this many ms (default 100). */
  coalesceMs?: number;
}

export interface ContractHost {
  handle(channel: unknown, payload: unknown): Promise<CommandResult>;
  /** Publishes pending changes first, so the snapshot and later patches line up. */
  snapshot(): StateSnapshot;
  /**
   * Every event for observers; `state.patch` continues from the last snapshot/patch version. An
   * observer that forwards to windows says through `watching` whether any window is there to see a
   * toast; toasts nobody sees wait until a window asks for its first state (`state.get`).
   */
  subscribe(listener: ContractEventListener, opts?: { watching?: () => boolean }): () => void;
  /** Sends an event to every observer (e.g. a notification the engine raised). */
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  /** Publishes pending changes now (tests; shutdown). */
  flush(): void;
  close(): void;
}

/** Only the EngineState fields (a store may keep more beside them). */
export function pickEngineState(s: EngineState): EngineState {
  const out: Record<string, unknown> = {};
  for (const k of ENTITY_TABLES) out[k] = s[k];
  for (const k of TOP_FIELDS) out[k] = s[k];
  return out as unknown as EngineState;
}

const MAX_UNSEEN_TOASTS = 10;

export function createContractHost(options: ContractHostOptions): ContractHost {
  const clock = options.clock ?? new SystemClock();
  const coalesceMs = options.coalesceMs ?? 100;
  /** Observers, each with whether a window is watching through it. */
  const listeners = new Map<ContractEventListener, () => boolean>();
  // The engine reports runs itself when it can; otherwise they are read from state changes.
  const engineReportsRuns = typeof options.engine.onRunProgress === 'function';
  const runs = createRunProgressTracker();
  let version = 0;
  // What observers have: the projection of the engine's state for the renderer (shared/contract-view).
  let published = toViewState(pickEngineState(options.state.getState()));
  let timer: ReturnType<Clock['setTimeout']> | null = null;
  let closed = false;
  // Toasts raised while no window is watching (problems found at start) wait for the first one.
  const unseenToasts: EventPayload<'toast'>[] = [];
  const anyoneWatching = () => [...listeners.values()].some((watching) => watching());

  const emit: ContractHost['emit'] = (event, payload) => {
    if (event === 'toast' && !anyoneWatching()) {
      if (unseenToasts.length < MAX_UNSEEN_TOASTS) unseenToasts.push(payload as EventPayload<'toast'>);
      return;
    }
    for (const l of [...listeners.keys()]) {
      try {
        l(event, payload);
      } catch (err) {
        console.error(`make-tray: an observer of "${event}" failed`, err instanceof Error ? err.message : err);
      }
    }
  };

  const flush = () => {
    if (timer) clock.clearTimeout(timer);
    timer = null;
    const next = toViewState(pickEngineState(options.state.getState()));
    const patch = diffState(published, next);
    if (isEmptyPatch(patch)) return;
    const prev = published;
    published = next;
    version += 1;
    emit('state.patch', { from: version - 1, to: version, patch });
    if (!engineReportsRuns) {
      const changed = Object.keys(patch.scenarios?.upsert ?? {});
      for (const p of runs.update(prev, next, changed, clock.now())) emit('run.progress', p);
    }
  };

  const unsubscribeState = options.state.subscribe(() => {
    if (closed || timer) return;
    timer = clock.setTimeout(flush, coalesceMs);
  });
  const unsubscribeSettings = options.settings.onChange?.((s) => emit('settings.changed', s));
  const unsubscribeRuns = options.engine.onRunProgress?.((p) => {
    // Publish the state first, so a renderer sees the run in its mirror no later than the event.
    flush();
    emit('run.progress', p);
  });

  const snapshot = (): StateSnapshot => {
    flush();
    return { version, state: published };
  };

  const handler = createCommandHandler({ ...options, host: { ...options.host, snapshot, emit } });

  return {
    async handle(channel, payload) {
      const result = await handler.handle(channel, payload);
      // A window asking for its first state is ready for the toasts nobody has seen yet.
      if (channel === 'state.get' && unseenToasts.length > 0) for (const toast of unseenToasts.splice(0)) emit('toast', toast);
      if (result.ok && channel === 'scenario.run' && !engineReportsRuns) {
        const key = (payload as { key: string }).key;
        const started = runs.watch(key, (result.value as { executionId: string }).executionId, clock.now());
        if (started) emit('run.progress', started);
      }
      return result;
    },
    snapshot,
    subscribe(listener, opts) {
      const watching = opts?.watching ?? (() => true);
      listeners.set(listener, watching);
      if (watching()) for (const toast of unseenToasts.splice(0)) listener('toast', toast);
      return () => {
        listeners.delete(listener);
      };
    },
    emit,
    flush,
    close() {
      closed = true;
      if (timer) clock.clearTimeout(timer);
      timer = null;
      unsubscribeState();
      unsubscribeSettings?.();
      unsubscribeRuns?.();
      listeners.clear();
    },
  };
}
