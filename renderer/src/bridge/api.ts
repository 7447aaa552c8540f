// Typed calls the views use, one per contract channel; failures reject with the contract's plain
// `ContractError` object (so it can sit in a store), whatever the transport threw.
import type { AccountId, Millis, OrgKey, ScenarioKey } from '../../../shared/domain';
import {
  ContractErrorSchema,
  isCommandError,
  type CommandArgs,
  type CommandChannel,
  type CommandReply,
  type EventName,
  type EventPayload,
} from '../../../shared/contract';
import type { ContractError, MakeTrayBridge } from './contract-types';

/** The contract error a failed call carries; anything else becomes a plain `internal` one. */
export function toContractError(e: unknown): ContractError {
  if (isCommandError(e)) return { ...e.error };
  const parsed = ContractErrorSchema.safeParse(e);
  if (parsed.success) return parsed.data;
  const message = e instanceof Error ? e.message : typeof e === 'string' ? e : '';
  return { code: 'internal', message: message || 'Something went wrong inside Make Tray.' };
}

export type RunsQuery = Extract<CommandArgs<'scenario.runs'>[0], object>;

export function createApi(bridge: MakeTrayBridge) {
  const call = async <C extends CommandChannel>(channel: C, ...args: CommandArgs<C>): Promise<CommandReply<C>> => {
    try {
      return await bridge.invoke(channel, ...args);
    } catch (e) {
      throw toContractError(e);
    }
  };
  return {
    /** Any command by channel; the management areas (webhooks, members, …) call through this. */
    invoke: call,
    /** Listens to an event from main; returns the function that stops listening. */
    on: <E extends EventName>(event: E, handler: (payload: EventPayload<E>) => void) => bridge.on(event, handler),
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
    startOAuth: (target: { zone: string } | { baseUrl: string }) => call('accounts.startOAuth', target),
    setOrgMonitored: (orgKey: OrgKey, monitored: boolean) => call('accounts.setOrgMonitored', { orgKey, monitored }),
    signOut: (accountId: AccountId) => call('accounts.signOut', { accountId }),
    openExternal: (url: string) => call('shell.openExternal', { url }),
    openMain: (key?: ScenarioKey) => call('window.openMain', key ? { key } : {}),
  };
}

export type Api = ReturnType<typeof createApi>;
