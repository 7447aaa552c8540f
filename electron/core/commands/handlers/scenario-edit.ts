// Handlers of the contract area in shared/contract-scenario-edit.ts: the scenario lifecycle service of
// the engine. The service updates the engine's store (so the change reaches every window as a state
// patch at once) and asks the organization's poller to confirm it.
import { validateBlueprint } from '../../../../shared/blueprint';
import type { SCENARIO_EDIT_COMMANDS } from '../../../../shared/contract-scenario-edit';
import { confirmableOf, managementOf, valueOf, type AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

/** The blueprint to send: the file as it is, or (valid, with a name chosen in the app) renamed. */
function withName(text: string, name: string | undefined): unknown {
  if (name === undefined) return text;
  const check = validateBlueprint(text);
  // An invalid file goes on unchanged so the service answers with its problems.
  return check.ok ? { ...check.blueprint, name } : text;
}

export function buildScenarioEditHandlers(deps: CommandDeps): AreaHandlers<typeof SCENARIO_EDIT_COMMANDS> {
  const scenarios = () => managementOf(deps).scenarios;
  return {
    'scenarioEdit.create': async ({ teamKey, blueprint, name, folderKey, scheduling, confirmed }) =>
      confirmableOf(
        await scenarios().create({
          teamKey,
          blueprint: withName(blueprint, name),
          ...(folderKey !== undefined ? { folderKey } : {}),
          ...(scheduling !== undefined ? { scheduling } : {}),
          ...(confirmed !== undefined ? { confirmed } : {}),
        }),
      ),
    'scenarioEdit.exportBlueprint': async ({ key }) => valueOf(await scenarios().exportBlueprint(key)),
    'scenarioEdit.rename': async ({ key, name }) => valueOf(await scenarios().rename(key, name)),
    'scenarioEdit.setDescription': async ({ key, description }) => valueOf(await scenarios().setDescription(key, description)),
    'scenarioEdit.move': async ({ key, folderKey }) => valueOf(await scenarios().moveToFolder(key, folderKey)),
    'scenarioEdit.setSchedule': async ({ key, scheduling }) => valueOf(await scenarios().setSchedule(key, scheduling)),
    'scenarioEdit.delete': async ({ key, confirmName }) => confirmableOf(await scenarios().delete(key, confirmName)),
  };
}
