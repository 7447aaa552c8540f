// The contract shapes the renderer uses, gathered in one place. All come from shared/ (the one
// contract); the renderer defines none of its own. A command's failure is the contract's `ContractError`.
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
