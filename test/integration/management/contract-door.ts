// The command door (createCommandHandler) over an engine whose only working part is a management port:
// what the management areas' contract tests send their commands through.
import { CommandError, contractError, type EventName, type EventPayload } from '../../../shared/contract';
import { DEFAULT_SETTINGS } from '../../../shared/contract-schemas';
import { createCommandHandler, type CommandHandler } from '../../../electron/core/commands/command-handler';
import type { CommandDeps } from '../../../electron/core/commands/ports';
import type { ManagementPort } from '../../../electron/core/management';
import type { ManagementRig } from './harness';

export interface DoorOptions {
  /** Settings the commands read (default: the defaults; `set` refuses). */
  settings?: CommandDeps['settings'];
  /** Events the commands send (e.g. `report.progress`). */
  emit?: <E extends EventName>(event: E, payload: EventPayload<E>) => void;
}

export function managementDoor(rig: ManagementRig, port: ManagementPort, opts: DoorOptions = {}): CommandHandler {
  const refuse = () => Promise.reject(new CommandError(contractError('refused', 'Not in this test.')));
  return createCommandHandler({
    engine: {
      store: rig.store,
      refresh: () => undefined,
      toggleScenario: refuse,
      runScenario: refuse,
      retryIncomplete: refuse,
      setUserLooking: () => undefined,
      snooze: () => undefined,
      mute: () => undefined,
      management: () => port,
    },
    settings: opts.settings ?? { get: () => DEFAULT_SETTINGS, set: refuse },
    host: {
      snapshot: () => ({ version: 0, state: rig.store.getState() }) as never,
      openExternal: refuse,
      ...(opts.emit ? { emit: opts.emit } : {}),
    },
    log: () => undefined,
  });
}
