export { createCommandHandler } from './command-handler';
export type { CommandHandler } from './command-handler';
export { toContractError, redact, describeForLog } from './errors';
export { checkExternalUrl, accountHosts } from './external-url';
export { createRunProgressTracker } from './run-progress';
export type { RunProgressTracker } from './run-progress';
export { openSettingsFile, SETTINGS_FILE } from './settings-file';
export type { SettingsFile } from './settings-file';
export type { AccountsCommandPort, CommandDeps, EngineCommandPort, HostPort, RunsQuery, SettingsPort, ZoneOrBaseUrl } from './ports';
