export { BORROW_MAX_USER_WAIT_MS, GovernorDisposedError, PRIORITIES, RateGovernor, USER_ACTIVE_MS, USER_RESERVE, WINDOW_MS } from './governor';
export type { GovernedTask, GovernorOptions, Priority, ScheduleOptions } from './governor';
