// Managing Make from the app (issue 7): webhooks, team members, scenario lifecycle, agency report.
// Services take a ManagementPort (the engine satisfies it); everything pure is exported for the UI.
export type { ManagementPort } from './ports';
export { createStandalonePort, type StandalonePortOptions } from './standalone-port';
export {
  ok,
  failed,
  needsConfirmation,
  toManagementError,
  type ManagementResult,
  type ManagementError,
  type ConfirmationRequest,
} from './results';
export {
  allowedMemberActions,
  allowedHookActions,
  allowedScenarioActions,
  visibleActions,
  MEMBER_ACTION_SCOPES,
  HOOK_ACTION_SCOPES,
  SCENARIO_ACTION_SCOPES,
  type ActionPermission,
  type MemberAction,
  type HookAction,
  type ScenarioAction,
} from '../../../shared/management-scopes';
export { WebhookService, checkHookName, kindOf, MAX_HOOK_NAME, type WebhookView, type WebhookPing, type WebhookKind, type CreateWebhookInput } from './webhooks';
export { MemberService, type MemberView, type MemberList, type RoleView, type InviteMemberInput } from './members';
export { validateBlueprint, blueprintFileName, MAX_BLUEPRINT_CHARS, type BlueprintCheck } from '../../../shared/blueprint';
export {
  SCHEDULE_KINDS,
  checkScheduling,
  normalizeScheduling,
  previewNextRuns,
  advancedSchedulingOf,
  keepAdvancedScheduling,
  type ScheduleType,
  type SchedulingCheckOptions,
} from '../../../shared/scheduling';
export { instantOf, wallTimeAt, offsetAt, isValidTimeZone, type WallTime } from '../../../shared/zoned-time';
export {
  ScenarioLifecycleService,
  DEFAULT_SCHEDULING,
  type CreateScenarioRequest,
  type CreatedScenario,
  type BlueprintExport,
} from './scenarios';
export {
  buildAgencyReport,
  countRuns,
  emptyCounts,
  type AgencyReport,
  type ReportCounts,
  type ReportOrgInput,
  type ReportOrgSection,
  type ReportRange,
  type ReportRun,
  type ReportScenarioInput,
  type ReportScenarioRow,
  type BuildReportOptions,
} from './report/aggregate';
export { ReportHistory, missingSpans, mergeSpan } from './report/history';
export { fetchReportHistory, type FetchHistoryOptions, type FetchHistoryOutcome, type ReportProgress } from './report/fetch-history';
export { AgencyReportService, type AgencyReportRequest } from './report/service';
export { toCsv, csvField, CSV_HEADER } from './report/csv';
export { toPrintableHtml, escapeHtml, formatBytes, isSafeLogoDataUrl, type PrintableOptions } from './report/html';
export { createManagementServices, type ManagementServices, type ManagementServicesOptions } from './services';
