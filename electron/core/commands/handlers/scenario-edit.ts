// Handlers of the contract area in shared/contract-scenario-edit.ts.
import type { SCENARIO_EDIT_COMMANDS } from '../../../../shared/contract-scenario-edit';
import type { AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildScenarioEditHandlers(_deps: CommandDeps): AreaHandlers<typeof SCENARIO_EDIT_COMMANDS> {
  return {};
}
