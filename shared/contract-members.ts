// Contract area: Organization and team members: list with roles, invite, change role, remove.
// Spread into COMMANDS (and EVENTS) in contract.ts.
import { defineCommands, defineEvents } from './contract-define';

export const MEMBER_COMMANDS = defineCommands({});

export const MEMBER_EVENTS = defineEvents({});
