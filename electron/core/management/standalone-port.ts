// A ManagementPort built from one client, a governor and an engine store: what the engine's own
// implementation will look like, usable wherever those parts exist without the whole engine.
import type { Clock } from '../../../shared/clock';
import type { OrgKey, ScenarioFacts } from '../../../shared/domain';
import type { RateGovernor } from '../governor';
import type { MakeClient } from '../make';
import type { EngineStore } from '../state';
import type { ManagementPort } from './ports';

export interface StandalonePortOptions {
  clock: Clock;
  client: MakeClient;
  governor: RateGovernor;
  store: EngineStore;
  /** Null when unknown. */
  scopes?: readonly string[] | null;
  /** Called by `requestPoll`. */
  onPollRequested?: (orgKey: OrgKey) => void;
}

export function createStandalonePort(o: StandalonePortOptions): ManagementPort {
  return {
    now: () => o.clock.now(),
    getState: () => o.store.getState(),
    clientFor: (orgKey) => (o.store.getState().orgs[orgKey] ? o.client : null),
    scopesFor: () => o.scopes ?? null,
    governed: (orgKey, priority, task) => o.governor.schedule(orgKey, priority, task),
    upsertScenario(facts: ScenarioFacts) {
      // The store has no single-scenario upsert yet: list the team with this one added (same effect).
      const state = o.store.getState();
      const team = Object.values(state.scenarios).filter((s) => s.teamKey === facts.teamKey && s.key !== facts.key);
      const now = o.clock.now();
      o.store.applyScenarioList({ orgKey: facts.orgKey, teamKey: facts.teamKey }, [...team.map(toFacts), facts], now);
    },
    patchScenario: (key, patch) => o.store.updateScenarioFacts(key, patch),
    removeScenario: (key) => o.store.removeScenario(key),
    requestPoll: (orgKey) => o.onPollRequested?.(orgKey),
  };
}

function toFacts(s: ScenarioFacts & { health?: unknown; recentRuns?: unknown; pendingRun?: unknown }): ScenarioFacts {
  const { health: _h, recentRuns: _r, pendingRun: _p, ...facts } = s;
  return facts;
}
