// What every view reaches through context: the typed API, the mirrored engine state and the UI state.
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { Api } from './bridge/api';
import type { EngineMirror, EngineStore } from './store/engine-store';
import type { UiState, UiStore } from './store/ui-store';
import type { SettingsState, SettingsStore } from './settings-store';

export interface AppServices {
  api: Api;
  engine: EngineStore;
  ui: UiStore;
  settings: SettingsStore;
  /** Wall clock; tests pass a fixed one. */
  now: () => number;
}

const Ctx = createContext<AppServices | null>(null);

export function ServicesProvider({ services, children }: { services: AppServices; children: ReactNode }) {
  return <Ctx.Provider value={services}>{children}</Ctx.Provider>;
}

export function useServices(): AppServices {
  const s = useContext(Ctx);
  if (!s) throw new Error('ServicesProvider missing');
  return s;
}

export function useEngine<T>(selector: (m: EngineMirror) => T): T {
  return useStore(useServices().engine, selector);
}

export function useUi<T>(selector: (s: UiState) => T): T {
  return useStore(useServices().ui, selector);
}

/** The current time, refreshed every `everyMs` so relative times and "rate-limited until" stay true. */
export function useNow(everyMs = 30_000): number {
  const { now } = useServices();
  const [t, setT] = useState(now);
  useEffect(() => {
    const id = setInterval(() => setT(now()), everyMs);
    return () => clearInterval(id);
  }, [now, everyMs]);
  return t;
}

export function useSettings(): SettingsState['settings'] {
  return useStore(useServices().settings, (s) => s.settings);
}
