// Webhooks (Make "hooks") of a team: list, create a custom webhook, rename, enable/disable, delete
// (a hook that feeds a scenario needs a second, explicit confirmation) and ping. Every call runs under
// the organization's budget at user priority; failures come back as typed results in plain words.
import { scenarioKey as makeScenarioKey } from '../../../shared/domain';
import type { ScenarioKey, TeamKey } from '../../../shared/domain';
import { isConfirmationRequired, isMakeApiError, type MakeHook } from '../make';
import type { ManagementPort } from './ports';
import {
  attempt,
  failed,
  invalidInput,
  needsConfirmation,
  ok,
  toManagementError,
  type ManagementResult,
} from './results';
import { teamTarget, type TeamTarget } from './targets';

export type WebhookKind = 'webhook' | 'mailhook' | 'app';

export interface WebhookView {
  id: number;
  teamKey: TeamKey;
  name: string;
  /** The public address data is sent to (copy button). */
  url: string;
  typeName: string;
  kind: WebhookKind;
  enabled: boolean;
  /** Make says the hook was unused for long / expired. */
  gone: boolean;
  queueCount: number | null;
  queueLimit: number | null;
  /** The scenario it feeds (one per hook), named from the app's state when known. */
  attachedScenario: { id: number; key: ScenarioKey; name: string | null } | null;
}

export interface WebhookPing {
  address: string;
  attached: boolean;
  learning: boolean;
  gone: boolean;
}

export interface CreateWebhookInput {
  name: string;
  /** Pass the request method on to the scenario. */
  method?: boolean;
  /** Pass request headers on to the scenario. */
  headers?: boolean;
  /** JSON pass-through. */
  stringify?: boolean;
}

const SUBJECT = { thing: 'webhook' };
export const MAX_HOOK_NAME = 128;

export function checkHookName(name: string): string[] {
  const n = name.trim();
  if (n === '') return ['Give the webhook a name.'];
  if (n.length > MAX_HOOK_NAME) return [`A webhook name can have at most ${MAX_HOOK_NAME} characters (this one has ${n.length}).`];
  return [];
}

export function kindOf(typeName: string): WebhookKind {
  if (typeName === 'gateway-webhook') return 'webhook';
  if (typeName === 'gateway-mailhook') return 'mailhook';
  return 'app';
}

export class WebhookService {
  constructor(private readonly port: ManagementPort) {}

  async list(teamKey: TeamKey): Promise<ManagementResult<WebhookView[]>> {
    return this.withTeam(teamKey, async (t) => {
      const hooks = await this.port.governed(t.orgKey, 'user', (signal) => t.client.listHooks(t.teamId, {}, { signal }));
      return hooks.map((h) => this.view(t, h));
    });
  }

  async create(teamKey: TeamKey, input: CreateWebhookInput): Promise<ManagementResult<WebhookView>> {
    const problems = checkHookName(input.name);
    if (problems.length > 0) return invalidInput(problems, 'name');
    return this.withTeam(teamKey, async (t) => {
      const hook = await this.port.governed(t.orgKey, 'user', (signal) =>
        t.client.createHook(
          {
            teamId: t.teamId,
            name: input.name.trim(),
            typeName: 'gateway-webhook',
            ...(input.method !== undefined ? { method: input.method } : {}),
            ...(input.headers !== undefined ? { headers: input.headers } : {}),
            ...(input.stringify !== undefined ? { stringify: input.stringify } : {}),
          },
          { signal },
        ),
      );
      return this.view(t, hook);
    });
  }

  async rename(teamKey: TeamKey, hookId: number, name: string): Promise<ManagementResult<WebhookView>> {
    const problems = checkHookName(name);
    if (problems.length > 0) return invalidInput(problems, 'name');
    return this.withTeam(teamKey, async (t) => {
      const hook = await this.port.governed(t.orgKey, 'user', (signal) => t.client.renameHook(hookId, name.trim(), { signal }));
      return this.view(t, hook);
    });
  }

  async setEnabled(teamKey: TeamKey, hookId: number, enabled: boolean): Promise<ManagementResult<{ enabled: boolean }>> {
    return this.withTeam(teamKey, async (t) => {
      await this.port.governed(t.orgKey, 'user', (signal) =>
        enabled ? t.client.enableHook(hookId, { signal }) : t.client.disableHook(hookId, { signal }),
      );
      return { enabled };
    });
  }

  async ping(teamKey: TeamKey, hookId: number): Promise<ManagementResult<WebhookPing>> {
    return this.withTeam(teamKey, async (t) => {
      const p = await this.port.governed(t.orgKey, 'user', (signal) => t.client.pingHook(hookId, { signal }));
      return { address: p.address, attached: p.attached, learning: p.learning, gone: p.gone };
    });
  }

  /**
   * Without `confirmed`, a hook that feeds a scenario is not deleted: the answer names the scenario and
   * asks for confirmation. Only an explicit second call with `confirmed: true` sends Make's confirmation.
   */
  async delete(teamKey: TeamKey, hookId: number, opts: { confirmed?: boolean } = {}): Promise<ManagementResult<{ deleted: true }>> {
    const found = teamTarget(this.port, teamKey);
    if (found.error) return failed(found.error);
    const t = found.target;
    try {
      if (opts.confirmed !== true) {
        const hook = await this.port.governed(t.orgKey, 'user', (signal) => t.client.getHook(hookId, { signal }));
        if (hook.scenarioId !== null && hook.scenarioId !== undefined) return this.askToConfirm(t, hook.name, hook.scenarioId);
      }
      await this.port.governed(t.orgKey, 'user', (signal) =>
        t.client.deleteHook(hookId, opts.confirmed === true ? { confirmed: true } : {}, { signal }),
      );
    } catch (err) {
      // Attached between our look and the delete: Make asks, so do we.
      if (opts.confirmed !== true && isConfirmationRequired(err)) {
        const scenarioId = isMakeApiError(err) ? /scenario\s+(\d+)/i.exec(err.detail ?? '')?.[1] : undefined;
        return this.askToConfirm(t, null, scenarioId !== undefined ? Number(scenarioId) : null);
      }
      return failed(toManagementError(err, SUBJECT));
    }
    this.afterDelete(t, hookId);
    return ok({ deleted: true });
  }

  private askToConfirm(t: TeamTarget, hookName: string | null, scenarioId: number | null): ManagementResult<never> {
    const scenario = scenarioId === null ? null : this.scenarioRef(t, scenarioId);
    const which = hookName ? `The webhook "${hookName}"` : 'This webhook';
    const feeds = scenario ? `feeds the scenario "${scenario.name ?? `#${scenario.id}`}"` : 'feeds a scenario';
    return needsConfirmation({
      reason: 'hook-attached',
      message: `${which} ${feeds}. Deleting it leaves that scenario without its trigger (Make may switch it off). Delete anyway?`,
      ...(scenario ? { scenario } : {}),
    });
  }

  /** The scenario that used the hook has no trigger now; the next poll confirms the rest. */
  private afterDelete(t: TeamTarget, hookId: number): void {
    const state = this.port.getState();
    for (const s of Object.values(state.scenarios)) {
      if (s.orgKey === t.orgKey && s.hookId === hookId) this.port.patchScenario(s.key, { hookId: null });
    }
    this.port.requestPoll(t.orgKey);
  }

  private scenarioRef(t: TeamTarget, id: number): { id: number; key: ScenarioKey; name: string | null } {
    const key = makeScenarioKey(t.zone, id);
    return { id, key, name: this.port.getState().scenarios[key]?.name ?? null };
  }

  private view(t: TeamTarget, h: MakeHook): WebhookView {
    const scenarioId = h.scenarioId ?? null;
    return {
      id: h.id,
      teamKey: t.teamKey,
      name: h.name,
      url: h.url,
      typeName: h.typeName,
      kind: kindOf(h.typeName),
      enabled: h.enabled,
      gone: h.gone,
      queueCount: h.queueCount ?? null,
      queueLimit: h.queueLimit ?? null,
      attachedScenario: scenarioId === null ? null : this.scenarioRef(t, scenarioId),
    };
  }

  private async withTeam<T>(teamKey: TeamKey, task: (t: TeamTarget) => Promise<T>): Promise<ManagementResult<T>> {
    const found = teamTarget(this.port, teamKey);
    if (found.error) return failed(found.error);
    return attempt(SUBJECT, () => task(found.target));
  }
}
