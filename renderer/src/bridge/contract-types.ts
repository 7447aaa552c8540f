// The contract shapes the renderer uses, gathered in one place (all from shared/).
export type { MakeTrayBridge, BridgeConnectionState } from '../../../shared/bridge';
export type {
  CommandChannel,
  CommandReply,
  ContractError,
  ErrorCode,
  EventName,
  EventPayload,
  RunProgress,
  StatePatchEvent,
  StateSnapshot,
} from '../../../shared/contract';
export type {
  ExecutionDetail,
  IncompleteExecution,
  InterfaceParam,
  LanguagePref,
  NotifyRules,
  RunsPage,
  ScenarioDetail,
  Settings,
  SettingsPatch,
  ThemePref,
  UsedApp,
} from '../../../shared/contract-schemas';

/** A command's failure as the views keep it (a plain object, so it can sit in a store). */
export interface CommandError {
  code: string;
  message: string;
  retryAfterMs?: number;
  field?: string;
}
