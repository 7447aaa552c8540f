// What the renderer receives of the engine's state: a projection of EngineState carrying per scenario
// only what the list, the popover and the tray show. The full bounded run history stays in main; the
// detail view pages it with `scenario.runs`. Same shape as EngineState (so the contract's schemas, the
// patch functions and the renderer's types are unchanged), only lighter.
//
// The projection keeps identities: an unchanged scenario (same object in the engine) projects to the
// same view object, and an unchanged scenarios table to the same table, so `diffState` over two
// projections still costs O(entities) reference checks and sends exactly the scenarios that changed.
import type { EngineState, ScenarioState } from './domain';

/** Runs per scenario the renderer gets, newest first: the sparkline and "last run" need no more. */
export const VIEW_RECENT_RUNS = 12;

const scenarioViews = new WeakMap<ScenarioState, ScenarioState>();
const tableViews = new WeakMap<EngineState['scenarios'], EngineState['scenarios']>();

/** `s` as the renderer sees it; `s` itself when there is nothing to drop. */
export function toScenarioView(s: ScenarioState): ScenarioState {
  if (s.recentRuns.length <= VIEW_RECENT_RUNS) return s;
  let v = scenarioViews.get(s);
  if (!v) {
    v = { ...s, recentRuns: s.recentRuns.slice(0, VIEW_RECENT_RUNS) };
    scenarioViews.set(s, v);
  }
  return v;
}

function toScenariosView(table: EngineState['scenarios']): EngineState['scenarios'] {
  let v = tableViews.get(table);
  if (!v) {
    const out: EngineState['scenarios'] = {};
    let same = true;
    for (const key in table) {
      const s = table[key] as ScenarioState;
      const view = toScenarioView(s);
      if (view !== s) same = false;
      out[key] = view;
    }
    v = same ? table : out;
    tableViews.set(table, v);
  }
  return v;
}

/** The view state sent over the contract (snapshots and the base of every `state.patch`). */
export function toViewState(engine: EngineState): EngineState {
  const scenarios = toScenariosView(engine.scenarios);
  return scenarios === engine.scenarios ? engine : { ...engine, scenarios };
}
