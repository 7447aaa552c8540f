// A ManagementPort built from one client, a governor and an engine store: what the engine's own
// implementation will look like, usable wherever those parts exist without the whole engine.
import type { Clock } from '../../../shared/clock';
import type { OrgKey } from '../../../shared/domain';
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
    upsertScenario: (facts) => o.store.upsertScenario(facts),
    patchScenario: (key, patch) => o.store.updateScenarioFacts(key, patch),
    removeScenario: (key) => o.store.removeScenario(key),
    requestPoll: (orgKey) => o.onPollRequested?.(orgKey),
  };
}
