// The engine's side of issue 7: the ManagementPort the management services run on, built from the
// engine's own parts (clock, store, governor, I/O tracking, the client per account, the pollers).
import type { Clock } from '../../../shared/clock';
import type { AccountId, OrgKey, ScenarioKey } from '../../../shared/domain';
import type { RateGovernor } from '../governor';
import type { MakeClient } from '../make';
import type { ManagementPort } from '../management/ports';
import type { EngineStore } from '../state';

export interface ManagementPortParts {
  clock: Clock;
  store: EngineStore;
  governor: RateGovernor;
  /** The engine's I/O tracking, so `quiescent()` waits for management requests too. */
  track<T>(work: () => Promise<T>): Promise<T>;
  /** The signed-in account (and its client) the engine uses for this organization, or null. */
  accountFor(orgKey: OrgKey): { id: AccountId; client: MakeClient } | null;
  /** `license.interval` of the organization (minutes), when discovery read it. */
  minIntervalMinutes(orgKey: OrgKey): number | null;
  /** A scenario's facts changed outside a poll (cached details of it are stale). */
  scenarioChanged(key: ScenarioKey): void;
  /** Triggers the organization's poller. */
  requestPoll(orgKey: OrgKey): void;
}

export function createManagementPort(p: ManagementPortParts): ManagementPort {
  return {
    now: () => p.clock.now(),
    getState: () => p.store.getState(),
    minIntervalMinutes: (orgKey) => p.minIntervalMinutes(orgKey),
    clientFor: (orgKey) => p.accountFor(orgKey)?.client ?? null,
    scopesFor(orgKey) {
      const account = p.accountFor(orgKey);
      const scopes = account ? p.store.getState().accounts[account.id]?.scopes : undefined;
      // The engine keeps [] until discovery has read the authorization (and when it could not): unknown.
      return scopes && scopes.length > 0 ? scopes : null;
    },
    governed: (orgKey, priority, task) => p.governor.schedule(orgKey, priority, (signal) => p.track(() => task(signal))),
    upsertScenario(facts) {
      p.store.upsertScenario(facts);
      p.scenarioChanged(facts.key);
    },
    patchScenario(key, patch) {
      p.store.updateScenarioFacts(key, patch);
      p.scenarioChanged(key);
    },
    removeScenario(key) {
      p.store.removeScenario(key);
      p.scenarioChanged(key);
    },
    requestPoll: (orgKey) => p.requestPoll(orgKey),
  };
}
