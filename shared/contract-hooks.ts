// Contract area: Webhooks (Make hooks) per team: list, create, rename, enable/disable, ping, delete.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { defineCommands, defineEvents } from './contract-define';

export const HOOK_COMMANDS = defineCommands({});

export const HOOK_EVENTS = defineEvents({});
