export { compareHealth, deriveHealth, healthSeverity, isProblem, isWarning, latestFinishedRun } from './health';
export type { HealthFacts } from './health';
export {
  DEFAULT_NOTIFY_ON,
  DEFAULT_NOTIFY_SETTINGS,
  FORGET_AFTER_MS,
  NOTIFIED_LIMIT,
  SEEN_LIMIT,
  decideNotifications,
  emptyPolicyMemory,
  observationsFromState,
  policyMemorySchema,
} from './notifications';
export type { DecideInput, DecideResult, NotifyOn, NotifySettings, PolicyMemory, RunOutcome, ScenarioMemory, ScenarioObservation } from './notifications';
