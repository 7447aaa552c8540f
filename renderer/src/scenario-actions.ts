// What a user can do to a scenario from any view. Errors land at `${scenarioKey}|${action}`.
import { useMemo } from 'react';
import type { ScenarioKey } from '../../shared/domain';
import { useServices } from './app-context';
import { scenarioUrl } from './make-url';
import { act, errorPlace } from './store/ui-store';

export function useScenarioActions() {
  const { api, ui, engine } = useServices();
  return useMemo(
    () => ({
      /** Turning on happens at once; turning off asks first. */
      setActive(key: ScenarioKey, active: boolean) {
        if (!active) {
          ui.getState().askOff(key);
          return;
        }
        void act(ui, errorPlace(key, 'toggle'), () => api.toggle(key, true));
      },
      confirmOff(key: ScenarioKey) {
        ui.getState().askOff(null);
        void act(ui, errorPlace(key, 'toggle'), () => api.toggle(key, false));
      },
      openRun(key: ScenarioKey) {
        ui.getState().setError(errorPlace(key, 'run'), null);
        ui.getState().openRun(key);
      },
      openInMake(key: ScenarioKey) {
        const state = engine.getState().engine;
        const s = state.scenarios[key];
        if (!s) return;
        void act(ui, errorPlace(key, 'open'), () => api.openExternal(scenarioUrl(state, s)));
      },
    }),
    [api, ui, engine],
  );
}
