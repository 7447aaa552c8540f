// The one thing the management services need from the engine. The engine satisfies it later (it owns
// the clients per account, the governor and the store); `standalone-port.ts` builds one from those
// same real parts for tests and for a host that has them at hand.
import type { EngineState, Millis, OrgKey, ScenarioFacts, ScenarioKey } from '../../../shared/domain';
import type { Priority } from '../governor';
import type { MakeClient } from '../make';

export interface ManagementPort {
  now(): Millis;
  getState(): EngineState;
  /** The plan's shortest schedule interval (`license.interval`, minutes), when known. */
  minIntervalMinutes?(orgKey: OrgKey): number | null;
  /** A client of a signed-in account that reaches this organization, or null when none does. */
  clientFor(orgKey: OrgKey): MakeClient | null;
  /** Scopes of the credential `clientFor` uses; null when they could not be read. */
  scopesFor(orgKey: OrgKey): readonly string[] | null;
  /** Runs one request under the organization's budget (`RateGovernor.schedule`). */
  governed<T>(orgKey: OrgKey, priority: Priority, task: (signal: AbortSignal) => Promise<T>): Promise<T>;

  // State changes go through the store's actions, like polled data; the next poll confirms them.
  /** A scenario Make just created (or answered with in full): add it, or replace its facts. */
  upsertScenario(facts: ScenarioFacts): void;
  /** Some facts of a scenario changed (rename, move, description, schedule, hook detached). */
  patchScenario(key: ScenarioKey, patch: Partial<Omit<ScenarioFacts, 'key' | 'id' | 'orgKey'>>): void;
  removeScenario(key: ScenarioKey): void;
  /** Asks the organization's poller to look soon, so a change is confirmed by Make's list. */
  requestPoll(orgKey: OrgKey): void;
}
