// The renderer's mirror of main's EngineState: a versioned snapshot, then patches applied in order.
// A patch that does not continue from the mirror's version is not applied; a fresh snapshot is asked.
// Also keeps the live progress of runs started from the app (run.progress events).
import { createStore, type StoreApi } from 'zustand/vanilla';
import { emptyEngineState, type EngineState, type ScenarioKey } from '../../../shared/domain';
import { applyPatch } from '../../../shared/state-patch';
import type { Api } from '../bridge/api';
import { PERF_MARKS, markOnce } from '../perf-marks';
import type { BridgeConnectionState, MakeTrayBridge, RunProgress, StatePatchEvent, StateSnapshot } from '../bridge/contract-types';

export interface EngineMirror {
  engine: EngineState;
  /** -1 until the first snapshot: views show skeletons, not empty lists. */
  version: number;
  loaded: boolean;
  /** The link to main (always 'open' over Electron IPC). */
  link: BridgeConnectionState;
  progress: Record<ScenarioKey, RunProgress>;
  /** Replaces the mirror (snapshot events are authoritative, also after main restarted at version 0). */
  snapshot(s: StateSnapshot): void;
  /** Applies the patch when it continues from the mirror's version; returns false when it doesn't. */
  patch(p: StatePatchEvent): boolean;
  setProgress(p: RunProgress): void;
  setLink(link: BridgeConnectionState): void;
}

export type EngineStore = StoreApi<EngineMirror>;

export function createEngineStore(initial?: StateSnapshot): EngineStore {
  return createStore<EngineMirror>()((set, get) => ({
    engine: initial?.state ?? emptyEngineState(),
    version: initial?.version ?? -1,
    loaded: initial !== undefined,
    link: 'open',
    progress: {},
    snapshot: (s) => {
      set({ engine: s.state, version: s.version, loaded: true });
      markOnce(PERF_MARKS.stateLoaded);
    },
    patch: (p) => {
      const { version, engine } = get();
      if (version < 0) return false;
      if (p.to <= version) return true; // already applied
      if (p.from !== version) return false;
      set({ engine: applyPatch(engine, p.patch), version: p.to });
      return true;
    },
    setProgress: (p) => set((s) => ({ progress: { ...s.progress, [p.key]: p } })),
    setLink: (link) => set({ link }),
  }));
}

/** Subscribes the store to the bridge's events and loads the first snapshot. Returns an unsubscribe. */
export function connectEngineStore(store: EngineStore, bridge: MakeTrayBridge, api: Api): () => void {
  let closed = false;
  let fetching = false;
  const fetchSnapshot = () => {
    if (fetching || closed) return;
    fetching = true;
    api.getState().then(
      (s) => {
        fetching = false;
        // A reply overtaken by newer patches would roll the mirror back.
        if (!closed && s.version >= store.getState().version) store.getState().snapshot(s);
      },
      () => {
        fetching = false;
      },
    );
  };
  const offs = [
    bridge.on('state.snapshot', (s) => store.getState().snapshot(s)),
    bridge.on('state.patch', (p) => {
      if (!store.getState().patch(p)) fetchSnapshot();
    }),
    bridge.on('run.progress', (p) => store.getState().setProgress(p)),
  ];
  const initial = (bridge as { connectionState?: BridgeConnectionState }).connectionState;
  if (initial) store.getState().setLink(initial);
  if (bridge.onConnectionChange) offs.push(bridge.onConnectionChange((link) => store.getState().setLink(link)));
  // The dashboard's WebSocket bridge fetches the snapshot itself on every (re)connect and hands it over
  // as `state.snapshot` (it tells by keeping `stateVersion`); asking again would send the whole state,
  // megabytes with thousands of scenarios, twice. Other bridges (Electron IPC) need the first ask.
  if (!isSelfSyncing(bridge)) fetchSnapshot();
  return () => {
    closed = true;
    for (const off of offs) off();
  };
}

/** A bridge that delivers the snapshot as an event on its own after connecting (shared/ws-bridge-client). */
export const isSelfSyncing = (bridge: MakeTrayBridge): boolean => typeof (bridge as { stateVersion?: unknown }).stateVersion === 'number';
