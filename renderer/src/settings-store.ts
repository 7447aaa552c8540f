// The user's settings as main holds them; changes show at once and roll back if main refuses.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { mergeSettings } from '../../shared/contract-schemas';
import type { MakeTrayBridge, Settings, SettingsPatch } from './bridge/contract-types';
import type { Api } from './bridge/api';

export interface SettingsState {
  /** What the UI shows (null until loaded). */
  settings: Settings | null;
  /** What main last confirmed. */
  confirmed: Settings | null;
  set(s: Settings): void;
  optimistic(patch: SettingsPatch): void;
  revert(): void;
}

export type SettingsStore = StoreApi<SettingsState>;

export function createSettingsStore(initial: Settings | null = null): SettingsStore {
  return createStore<SettingsState>()((set, get) => ({
    settings: initial,
    confirmed: initial,
    set: (s) => set({ settings: s, confirmed: s }),
    optimistic: (patch) => {
      const cur = get().settings;
      if (cur) set({ settings: mergeSettings(cur, patch) });
    },
    revert: () => set({ settings: get().confirmed }),
  }));
}

export function connectSettingsStore(store: SettingsStore, bridge: MakeTrayBridge, api: Api): () => void {
  let closed = false;
  const off = bridge.on('settings.changed', (s) => store.getState().set(s));
  api.getSettings().then(
    (s) => !closed && store.getState().set(s),
    () => undefined,
  );
  return () => {
    closed = true;
    off();
  };
}
