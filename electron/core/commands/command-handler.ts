// The one door: every command from a renderer (Electron IPC or the dashboard's WebSocket) comes in
// here as an untrusted (channel, payload), is validated against the contract, runs against the
// engine/accounts/settings, and leaves as a `CommandResult` whose reply is re-checked against the
// contract (which also strips anything the contract doesn't name, so no token can ride along).
import {
  CommandError,
  contractError,
  parseCommand,
  parseReply,
  type CommandChannel,
  type CommandHandlers,
  type CommandReply,
  type CommandResult,
} from '../../../shared/contract';
import { notAvailable } from './area-handlers';
import { describeForLog, toContractError } from './errors';
import { accountHosts, checkExternalUrl } from './external-url';
import { buildHookHandlers } from './handlers/hooks';
import { buildMemberHandlers } from './handlers/members';
import { buildReportHandlers } from './handlers/report';
import { buildScenarioEditHandlers } from './handlers/scenario-edit';
import type { CommandDeps } from './ports';

export interface CommandHandler {
  handle(channel: unknown, payload: unknown): Promise<CommandResult>;
}

function buildHandlers(deps: CommandDeps): CommandHandlers {
  const { engine, settings, host } = deps;
  const accounts = () => {
    if (!deps.accounts) throw notAvailable('Managing accounts');
    return deps.accounts;
  };
  const requireScenario = (key: string) => {
    if (!engine.store.getState().scenarios[key]) {
      throw new CommandError(contractError('not-found', 'Make Tray does not know this scenario (any more). Refresh and try again.'));
    }
  };

  return {
    'state.get': () => host.snapshot(),
    refresh: async ({ scope }) => {
      if (scope !== undefined && !engine.store.getState().scenarios[scope] && !engine.store.getState().orgs[scope]) {
        throw new CommandError(contractError('not-found', 'Make Tray does not know what to refresh here. Refresh everything instead.'));
      }
      await engine.refresh(scope === undefined ? undefined : /\/s\d+$/.test(scope) ? { scenarioKey: scope } : { orgKey: scope });
      return null;
    },
    'scenario.toggle': async ({ key, on }) => {
      requireScenario(key);
      const r = await engine.toggleScenario(key, on);
      return { isActive: r ? r.isActive : (engine.store.getState().scenarios[key]?.isActive ?? on) };
    },
    'scenario.run': async ({ key, data }) => {
      requireScenario(key);
      const r = await engine.runScenario(key, data);
      return { executionId: typeof r === 'string' ? r : r.executionId };
    },
    'scenario.details': async ({ key }) => {
      requireScenario(key);
      if (!engine.scenarioDetails) throw notAvailable('Scenario details');
      return engine.scenarioDetails(key);
    },
    'scenario.runs': async ({ key, ...query }) => {
      requireScenario(key);
      if (!engine.listRuns) throw notAvailable('Run history');
      return engine.listRuns(key, query);
    },
    'execution.detail': async ({ key, executionId }) => {
      requireScenario(key);
      if (!engine.executionDetail) throw notAvailable('Execution details');
      return engine.executionDetail(key, executionId);
    },
    'incomplete.list': async ({ key }) => {
      requireScenario(key);
      if (!engine.listIncomplete) throw notAvailable('Incomplete executions');
      return { items: await engine.listIncomplete(key) };
    },
    'incomplete.retry': async ({ key, dlqId }) => {
      requireScenario(key);
      await engine.retryIncomplete(key, dlqId);
      return null;
    },
    'ui.looking': async ({ looking, scenarioKeys }) => {
      await engine.setUserLooking(looking, scenarioKeys);
      return null;
    },
    'notifications.snooze': async ({ until }) => {
      await engine.snooze(until);
      return null;
    },
    'scenario.mute': async ({ key, muted }) => {
      await engine.mute(key, muted);
      return null;
    },
    'settings.get': () => settings.get(),
    'settings.set': async (patch) => {
      const next = await settings.set(patch);
      await engine.applySettings?.(next);
      return next;
    },
    'accounts.list': async () => ({ accounts: await accounts().list() }),
    'accounts.connectToken': async ({ zone, baseUrl, token }) => {
      const target = zone !== undefined ? { zone, token } : { baseUrl: baseUrl as string, token };
      return { account: await accounts().connectToken(target) };
    },
    'accounts.startOAuth': async ({ zone, baseUrl }) => {
      const a = accounts();
      if (!a.startOAuth) throw notAvailable('Signing in with Make in the browser');
      await a.startOAuth(zone !== undefined ? { zone } : { baseUrl: baseUrl as string });
      return { started: true };
    },
    'accounts.signOut': async ({ accountId }) => {
      await accounts().signOut(accountId);
      return null;
    },
    'accounts.setOrgMonitored': async ({ orgKey, monitored }) => {
      if (!engine.store.getState().orgs[orgKey]) throw new CommandError(contractError('not-found', 'Make Tray does not know this organization.'));
      if (deps.accounts?.setOrgMonitored) await deps.accounts.setOrgMonitored(orgKey, monitored);
      else if (engine.setOrgMonitored) await engine.setOrgMonitored(orgKey, monitored);
      else throw notAvailable('Choosing organizations to watch');
      return null;
    },
    'shell.openExternal': async ({ url }) => {
      const checked = checkExternalUrl(url, accountHosts(engine.store.getState()));
      if (!checked.ok) throw new CommandError(contractError('refused', checked.reason));
      await host.openExternal(checked.url);
      return null;
    },
    'window.openMain': async ({ key }) => {
      if (!host.openMainWindow) throw new CommandError(contractError('refused', 'This is already the main window.'));
      await host.openMainWindow(key);
      return null;
    },
    ...buildHookHandlers(deps),
    ...buildMemberHandlers(deps),
    ...buildScenarioEditHandlers(deps),
    ...buildReportHandlers(deps),
  };
}

/** Values in a request that must never be echoed in an error. */
const secretsOf = (payload: unknown): string[] =>
  payload && typeof payload === 'object' && typeof (payload as { token?: unknown }).token === 'string' ? [(payload as { token: string }).token] : [];

export function createCommandHandler(deps: CommandDeps): CommandHandler {
  const handlers = buildHandlers(deps);
  const log = deps.log ?? ((line: string) => console.error(line));
  return {
    async handle(channel, payload) {
      const parsed = parseCommand(channel, payload);
      if (!parsed.ok) return parsed;
      const secrets = secretsOf(payload);
      try {
        const run = handlers[parsed.channel] as (req: unknown, ctx: void) => Promise<unknown> | unknown;
        const value = await run(parsed.request);
        // The snapshot is built by main from the engine's own store; re-checking 5,000 scenarios on
        // every `state.get` would cost more than it guards.
        const reply = parsed.channel === 'state.get' ? value : parseReply(parsed.channel, value);
        return { ok: true, value: reply as CommandReply<CommandChannel> };
      } catch (err) {
        const error = toContractError(err, secrets);
        if (error.code === 'internal') log(`make-tray: command ${parsed.channel} failed: ${describeForLog(err, secrets)}`);
        return { ok: false, error };
      }
    },
  };
}
