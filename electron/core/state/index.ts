export { createEngineStore } from './store';
export type { EngineActions, EngineStore } from './store';
export { RUNS_PER_SCENARIO, mergeRuns } from './reducers';
export type { DiscoveredFolder, DiscoveredOrg, DiscoveredTeam, ScenarioListScope } from './reducers';
export { DEFAULT_API_LIMIT, DEFAULT_SHARE, allowanceFor, budgetDefaults, connectivityRank } from './defaults';
