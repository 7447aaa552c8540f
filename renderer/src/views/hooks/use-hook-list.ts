// The webhooks of one team, loaded through the contract, with local updates after each action.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HookView } from '../../../../shared/contract-hooks';
import type { TeamKey } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';

export const HOOKS_LIST_PLACE = errorPlace('hooks', 'list');

export interface HookList {
  /** null while nothing is loaded for the current team. */
  hooks: HookView[] | null;
  reload(): Promise<void>;
  put(hook: HookView): void;
  patch(id: number, change: Partial<HookView>): void;
  drop(id: number): void;
}

export function useHookList(teamKey: TeamKey | null, canList: boolean): HookList {
  const { api, ui } = useServices();
  const [hooks, setHooks] = useState<HookView[] | null>(null);
  // A slow answer for a team the user has left must not land in the new team's list.
  const current = useRef(teamKey);
  current.current = teamKey;

  const reload = useCallback(async () => {
    if (!teamKey) return;
    const r = await act(ui, HOOKS_LIST_PLACE, () => api.invoke('hooks.list', { teamKey }));
    if (r && current.current === teamKey) setHooks(r.hooks);
  }, [api, ui, teamKey]);

  useEffect(() => {
    setHooks(null);
    ui.getState().setError(HOOKS_LIST_PLACE, null);
    if (canList) void reload();
  }, [reload, canList, ui]);

  return {
    hooks,
    reload,
    put: (hook) => setHooks((hs) => (hs ? (hs.some((h) => h.id === hook.id) ? hs.map((h) => (h.id === hook.id ? hook : h)) : [...hs, hook]) : [hook])),
    patch: (id, change) => setHooks((hs) => hs?.map((h) => (h.id === id ? { ...h, ...change } : h)) ?? null),
    drop: (id) => setHooks((hs) => hs?.filter((h) => h.id !== id) ?? null),
  };
}
