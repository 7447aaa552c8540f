// Handlers of the contract area in shared/contract-hooks.ts.
import type { HOOK_COMMANDS } from '../../../../shared/contract-hooks';
import type { AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildHookHandlers(_deps: CommandDeps): AreaHandlers<typeof HOOK_COMMANDS> {
  return {};
}
