// Contract area: The agency report: runs, failures, warnings, operations and transfer per scenario and organization.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { defineCommands, defineEvents } from './contract-define';

export const REPORT_COMMANDS = defineCommands({});

export const REPORT_EVENTS = defineEvents({});
