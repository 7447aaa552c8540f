// Typed calls the views use, one per contract channel; failures reject with a plain CommandError.
import type { AccountId, Millis, OrgKey, ScenarioKey } from '../../../shared/domain';
import type { CommandArgs, CommandChannel, CommandReply } from '../../../shared/contract';
import type { CommandError, MakeTrayBridge } from './contract-types';

export function toCommandError(e: unknown): CommandError {
  if (e && typeof e === 'object') {
    const o = e as Record<string, unknown>;
    const err: CommandError = {
      code: typeof o.code === 'string' ? o.code : 'internal',
      message: typeof o.message === 'string' ? o.message : String(e),
    };
    if (typeof o.retryAfterMs === 'number') err.retryAfterMs = o.retryAfterMs;
    if (typeof o.field === 'string') err.field = o.field;
    return err;
  }
  return { code: 'internal', message: String(e) };
}

export type RunsQuery = Extract<CommandArgs<'scenario.runs'>[0], object>;

export function createApi(bridge: MakeTrayBridge) {
  const call = async <C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandReply<C>> => {
    try {
      return await bridge.invoke(channel, ...args);
    } catch (e) {
      throw toCommandError(e);
    }
  };
  return {
    getState: () => call('state.get', {}),
    refresh: (scope?: OrgKey | ScenarioKey) => call('refresh', scope ? { scope } : {}),
    toggle: (key: ScenarioKey, on: boolean) => call('scenario.toggle', { key, on }),
    run: (key: ScenarioKey, data: Record<string, unknown> | null) => call('scenario.run', data ? { key, data } : { key }),
    details: (key: ScenarioKey) => call('scenario.details', { key }),
    runs: (q: RunsQuery) => call('scenario.runs', q),
    execution: (key: ScenarioKey, executionId: string) => call('execution.detail', { key, executionId }),
    incomplete: async (key: ScenarioKey) => (await call('incomplete.list', { key })).items,
    retryIncomplete: (key: ScenarioKey, dlqId: string) => call('incomplete.retry', { key, dlqId }),
    looking: (looking: boolean, scenarioKeys?: ScenarioKey[]) =>
      call('ui.looking', scenarioKeys ? { looking, scenarioKeys } : { looking }),
    snooze: (until: Millis | null) => call('notifications.snooze', { until }),
    mute: (key: ScenarioKey, muted: boolean) => call('scenario.mute', { key, muted }),
    getSettings: () => call('settings.get', {}),
    setSettings: (patch: CommandArgs<'settings.set'>[0]) => call('settings.set', patch),
    connectToken: (req: { zone: string; token: string } | { baseUrl: string; token: string }) => call('accounts.connectToken', req),
    signOut: (accountId: AccountId) => call('accounts.signOut', { accountId }),
    openExternal: (url: string) => call('shell.openExternal', { url }),
    openMain: (key?: ScenarioKey) => call('window.openMain', key ? { key } : {}),
  };
}

export type Api = ReturnType<typeof createApi>;
