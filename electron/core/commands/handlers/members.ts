// Handlers of the contract area in shared/contract-members.ts.
import type { MEMBER_COMMANDS } from '../../../../shared/contract-members';
import type { AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildMemberHandlers(_deps: CommandDeps): AreaHandlers<typeof MEMBER_COMMANDS> {
  return {};
}
