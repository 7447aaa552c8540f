export { createEngine } from './engine';
export { EngineCommandError } from './types';
export { RecordingNotifier } from './recording-notifier';
export type { RecordedNotification } from './recording-notifier';
export type {
  AccountConfig,
  CommandErrorCode,
  Engine,
  EngineMetrics,
  EngineOptions,
  EngineSettings,
  Notifier,
  RefreshScope,
  RunProgressEvent,
  RunsQuery,
} from './types';
