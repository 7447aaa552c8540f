// Contract area: Scenario lifecycle: create from a blueprint, export, rename, move, describe, schedule, delete.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { defineCommands, defineEvents } from './contract-define';

export const SCENARIO_EDIT_COMMANDS = defineCommands({});

export const SCENARIO_EDIT_EVENTS = defineEvents({});
