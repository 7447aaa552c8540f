// Handlers of the contract area in shared/contract-report.ts.
import type { REPORT_COMMANDS } from '../../../../shared/contract-report';
import type { AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildReportHandlers(_deps: CommandDeps): AreaHandlers<typeof REPORT_COMMANDS> {
  return {};
}
