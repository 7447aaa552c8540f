export { GovernorDisposedError, PRIORITIES, RateGovernor, WINDOW_MS } from './governor';
export type { GovernedTask, GovernorOptions, Priority, ScheduleOptions } from './governor';
