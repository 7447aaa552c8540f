// UI-only state: the list query, selection, open dialogs, drafts and errors shown where the user acted.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ScenarioKey } from '../../../shared/domain';
import { toContractError } from '../bridge/api';
import type { ContractError } from '../bridge/contract-types';
import { defaultQuery, type ScenarioQuery } from '../model/scenario-query';

export const VIEWS = ['scenarios', 'hooks', 'members', 'report', 'settings'] as const;
export type View = (typeof VIEWS)[number];

/** What the user typed into a run form, kept across closing and errors. */
export interface RunDraft {
  json: string;
  fields: Record<string, string | boolean>;
}

/** A calm message in the corner: main's `toast` events and failures of commands nobody awaited. */
export interface Toast {
  id: number;
  kind: 'info' | 'success' | 'warning' | 'error';
  /** Main's sentence (`toast`), or null when `error` says it. */
  message: string | null;
  /** A background command's failure (`command.error`). */
  error: ContractError | null;
  /** The scenario it is about, if any. */
  key: ScenarioKey | null;
}

/** At most this many toasts show at once; older ones make room. */
export const MAX_TOASTS = 4;

/** `${scenarioKey}|${action}`, or a screen-level place such as `settings|connect`. */
export type ErrorPlace = string;
export const errorPlace = (where: string, action: string): ErrorPlace => `${where}|${action}`;

export interface UiState {
  view: View;
  query: ScenarioQuery;
  selected: ScenarioKey | null;
  confirmOff: ScenarioKey | null;
  runFor: ScenarioKey | null;
  drafts: Record<ScenarioKey, RunDraft>;
  errors: Record<ErrorPlace, ContractError>;
  busy: Record<ErrorPlace, true>;
  toasts: Toast[];
  setView(v: View): void;
  setQuery(q: Partial<ScenarioQuery>): void;
  select(key: ScenarioKey | null): void;
  askOff(key: ScenarioKey | null): void;
  openRun(key: ScenarioKey | null): void;
  setDraft(key: ScenarioKey, d: RunDraft): void;
  setError(place: ErrorPlace, e: ContractError | null): void;
  setBusy(place: ErrorPlace, busy: boolean): void;
  pushToast(t: Omit<Toast, 'id'>): number;
  dismissToast(id: number): void;
}

export type UiStore = StoreApi<UiState>;

let toastSeq = 0;

export function createUiStore(): UiStore {
  return createStore<UiState>()((set) => ({
    view: 'scenarios',
    query: defaultQuery(),
    selected: null,
    confirmOff: null,
    runFor: null,
    drafts: {},
    errors: {},
    busy: {},
    toasts: [],
    setView: (view) => set({ view }),
    setQuery: (q) => set((s) => ({ query: { ...s.query, ...q } })),
    select: (selected) => set({ selected }),
    askOff: (confirmOff) => set({ confirmOff }),
    openRun: (runFor) => set({ runFor }),
    setDraft: (key, d) => set((s) => ({ drafts: { ...s.drafts, [key]: d } })),
    setError: (place, e) =>
      set((s) => {
        if (!e && !(place in s.errors)) return s;
        const errors = { ...s.errors };
        if (e) errors[place] = e;
        else delete errors[place];
        return { errors };
      }),
    setBusy: (place, busy) =>
      set((s) => {
        const next = { ...s.busy };
        if (busy) next[place] = true;
        else delete next[place];
        return { busy: next };
      }),
    pushToast: (t) => {
      const id = ++toastSeq;
      set((s) => ({ toasts: [...s.toasts, { ...t, id }].slice(-MAX_TOASTS) }));
      return id;
    },
    dismissToast: (id) => set((s) => (s.toasts.some((t) => t.id === id) ? { toasts: s.toasts.filter((t) => t.id !== id) } : s)),
  }));
}

/** Runs a command, marks its place busy, and leaves a plain error there if it fails. */
export async function act<T>(ui: UiStore, place: ErrorPlace, fn: () => Promise<T>): Promise<T | undefined> {
  const s = ui.getState();
  s.setError(place, null);
  s.setBusy(place, true);
  try {
    return await fn();
  } catch (e) {
    ui.getState().setError(place, toContractError(e));
    return undefined;
  } finally {
    ui.getState().setBusy(place, false);
  }
}
