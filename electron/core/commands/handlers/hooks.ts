// Handlers of the contract area in shared/contract-hooks.ts: each one a WebhookService call.
import type { HOOK_COMMANDS } from '../../../../shared/contract-hooks';
import { confirmableOf, managementOf, valueOf, type AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

export function buildHookHandlers(deps: CommandDeps): AreaHandlers<typeof HOOK_COMMANDS> {
  const hooks = () => managementOf(deps).hooks;
  return {
    'hooks.list': async ({ teamKey }) => ({ hooks: valueOf(await hooks().list(teamKey)) }),
    'hooks.create': async ({ teamKey, name, method, headers, stringify }) => ({
      hook: valueOf(
        await hooks().create(teamKey, {
          name,
          ...(method !== undefined ? { method } : {}),
          ...(headers !== undefined ? { headers } : {}),
          ...(stringify !== undefined ? { stringify } : {}),
        }),
      ),
    }),
    'hooks.rename': async ({ teamKey, hookId, name }) => ({ hook: valueOf(await hooks().rename(teamKey, hookId, name)) }),
    'hooks.setEnabled': async ({ teamKey, hookId, enabled }) => valueOf(await hooks().setEnabled(teamKey, hookId, enabled)),
    'hooks.ping': async ({ teamKey, hookId }) => valueOf(await hooks().ping(teamKey, hookId)),
    'hooks.delete': async ({ teamKey, hookId, confirmed }) =>
      confirmableOf(await hooks().delete(teamKey, hookId, confirmed === true ? { confirmed: true } : {})),
  };
}
