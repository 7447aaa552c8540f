// Public surface of the Make API client. Import from here, not from the files behind it.
export { MakeClient } from './client';
export type {
  MakeClientOptions,
  ScenarioScope,
  ScenarioListQuery,
  ScenarioRow,
  ScenarioLogQuery,
  RunScenarioInput,
  CreateScenarioInput,
  UpdateScenarioInput,
  CreateHookInput,
  MemberScope,
  ListRolesQuery,
  InviteInput,
} from './client';
export { ZonePools, type ZonePoolOptions } from './zone-pools';
export { apiTokenCredential, bearerCredential, type CredentialSource } from './credentials';
export type { CallOptions, RequestHooks, RequestInfo, RequestOutcome } from './http';
export { baseUrlForZone, isLoopbackHost, parseBaseUrl, type ParsedBaseUrl } from './base-url';
export { ENDPOINTS, countsAgainstRateLimit, type Endpoint, type EndpointName } from './endpoints';
export {
  MakeApiError,
  isMakeApiError,
  isRateLimited,
  isAuthError,
  isMissingScope,
  missingScopeOf,
  isNotFound,
  isNotFoundYet,
  isConfirmationRequired,
  type MakeApiErrorKind,
  type MakeSubError,
} from './errors';
export { parseRetryAfter } from './retry-after';
export { encodeQuery, type PageParams } from './query';
export { collectPages, effectiveLimit, toPage, type Page } from './pagination';
export {
  parseMakeTime,
  toScenarioLog,
  toExecutionDetail,
  toRunResult,
  toRunSummary,
  runStatusOfExecution,
  toDomainScheduling,
  toScenarioFacts,
  flattenFolders,
  type ScenarioLog,
  type ExecutionDetail,
  type ExecutionStatus,
  type RunResult,
  type ScenarioFacts,
  type FlatFolder,
} from './mappers';
// Wire types and column sets.
export type { MakePg } from './schemas/common';
export type { MakeAuthUser, MakeAuthorization } from './schemas/users';
export {
  DEFAULT_ORGANIZATION_COLS,
  type MakeOrganization,
  type MakeOrganizationSummary,
  type MakeLicense,
  type OrganizationColumn,
} from './schemas/organizations';
export type { MakeTeam } from './schemas/teams';
export type { MakeFolder } from './schemas/folders';
export {
  MONITOR_SCENARIO_COLS,
  SCENARIO_REQUIRED,
  type MakeScenario,
  type MakeScenarioActivation,
  type MakeScenarioInterface,
  type MakeScheduling,
  type MakeBlueprint,
  type MakeBlueprintResponse,
  type MakeRunResponse,
  type ScenarioColumn,
} from './schemas/scenarios';
export type { LogStatus, MakeScenarioLogWire, MakeExecutionDetailWire, KnownExecutionStatus } from './schemas/logs';
export type { MakeDlq, MakeDlqSummary } from './schemas/dlqs';
export type { MakeHook, MakeHookPing } from './schemas/hooks';
export type { MakeUser, MakeRole, MakeUserOrganizationRole, MakeUserTeamRole, MakeInviteResult } from './schemas/members';
