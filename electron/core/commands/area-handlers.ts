// What the command areas (webhooks, members, scenario lifecycle, report) share: the handler map type
// of one area's command map, the engine's management services, and results turned into replies.
import type { z } from 'zod';
import { CommandError, contractError } from '../../../shared/contract';
import type { CommandSpec, Confirmation } from '../../../shared/contract-define';
import { createManagementServices, type ManagementResult, type ManagementServices } from '../management';
import type { CommandDeps } from './ports';

/** One function per command of an area's map; a missing channel is a compile error. */
export type AreaHandlers<M extends Record<string, CommandSpec>> = {
  [C in keyof M]: (request: z.output<M[C]['request']>) => Promise<z.output<M[C]['reply']>> | z.output<M[C]['reply']>;
};

export const notAvailable = (what: string): CommandError =>
  new CommandError(contractError('refused', `${what} is not available in this version of Make Tray.`));

const servicesByEngine = new WeakMap<object, ManagementServices>();

/** The management services of the engine behind `deps` (one set per engine). */
export function managementOf(deps: CommandDeps): ManagementServices {
  const { engine } = deps;
  let services = servicesByEngine.get(engine);
  if (!services) {
    if (!engine.management) throw notAvailable('Managing Make');
    services = createManagementServices(engine.management());
    servicesByEngine.set(engine, services);
  }
  return services;
}

/** The value of a management result, or the CommandError the renderer shows where the user acted. */
export function valueOf<T>(result: ManagementResult<T>): T {
  if (result.kind === 'ok') return result.value;
  if (result.kind === 'needs-confirmation') {
    // An action without a confirmation step in its contract answered "confirm first": say so plainly.
    throw new CommandError(contractError('refused', result.confirmation.message));
  }
  const { code, message, field, problems, scope, retryAfterMs } = result.error;
  throw new CommandError({
    code,
    message,
    ...(field !== undefined ? { field } : {}),
    ...(problems !== undefined ? { problems } : {}),
    ...(scope !== undefined ? { scope } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
  });
}

export type ConfirmableReply<T> = { kind: 'done'; value: T } | { kind: 'needs-confirmation'; confirmation: Confirmation };

/** For commands whose reply is `confirmable(...)`: done, or the confirmation to ask for. */
export function confirmableOf<T>(result: ManagementResult<T>): ConfirmableReply<T> {
  if (result.kind === 'needs-confirmation') return { kind: 'needs-confirmation', confirmation: result.confirmation };
  return { kind: 'done', value: valueOf(result) };
}
