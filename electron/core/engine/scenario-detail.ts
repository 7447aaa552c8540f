// What the scenario view shows beyond the list's facts: the run form's inputs, the outputs, the apps of
// the blueprint in flow order, whether failed runs are stored as incomplete executions, and the
// instant-trigger hook. Pure: Make's answers in, the contract's ScenarioDetail out.
import type { InterfaceParam, ScenarioDetail } from '../../../shared/contract-schemas';
import type { Millis, ScenarioKey } from '../../../shared/domain';
import type { MakeBlueprint, MakeHook, MakeScenarioInterface } from '../make';

export interface ScenarioDetailSources {
  blueprint: MakeBlueprint | null;
  iface: MakeScenarioInterface | null;
  hook: MakeHook | null;
}

export function toScenarioDetail(key: ScenarioKey, src: ScenarioDetailSources, now: Millis): ScenarioDetail {
  const dlq = (src.blueprint?.metadata as { scenario?: { dlq?: unknown } } | undefined)?.scenario?.dlq;
  return {
    key,
    inputs: paramsOf(src.iface?.input),
    outputs: paramsOf(src.iface?.output),
    usedApps: src.blueprint ? usedAppsOf(src.blueprint.flow) : [],
    storesIncomplete: typeof dlq === 'boolean' ? dlq : null,
    hook: src.hook ? { id: src.hook.id, name: src.hook.name, url: src.hook.url || null, enabled: src.hook.enabled } : null,
    fetchedAt: now,
  };
}

/** Apps (the part of a module id before `:`) in the order the flow first uses them, routers included. */
export function usedAppsOf(flow: readonly unknown[]): { name: string; modules: number }[] {
  const counts = new Map<string, number>();
  const walk = (modules: readonly unknown[], depth: number): void => {
    if (depth > 32) return;
    for (const m of modules) {
      if (typeof m !== 'object' || m === null) continue;
      const { module, routes } = m as { module?: unknown; routes?: unknown };
      if (typeof module === 'string' && module !== '') {
        const app = module.split(':')[0]!;
        counts.set(app, (counts.get(app) ?? 0) + 1);
      }
      if (Array.isArray(routes)) {
        for (const r of routes) {
          const sub = (r as { flow?: unknown } | null)?.flow;
          if (Array.isArray(sub)) walk(sub, depth + 1);
        }
      }
    }
  };
  walk(flow, 0);
  return [...counts].map(([name, modules]) => ({ name, modules }));
}

/** Make's interface fields (loosely typed, with optional label/options/spec) as the contract's params. */
export function paramsOf(fields: readonly unknown[] | null | undefined, depth = 0): InterfaceParam[] {
  if (!Array.isArray(fields) || depth > 8) return [];
  const out: InterfaceParam[] = [];
  for (const f of fields) {
    if (typeof f !== 'object' || f === null) continue;
    const o = f as Record<string, unknown>;
    if (typeof o['name'] !== 'string' || typeof o['type'] !== 'string') continue;
    const options = Array.isArray(o['options'])
      ? (o['options'] as unknown[]).flatMap((x) => {
          const opt = x as { value?: unknown; label?: unknown } | null;
          if (opt === null || typeof opt !== 'object' || opt.value === undefined || opt.value === null) return [];
          return [{ value: String(opt.value), label: typeof opt.label === 'string' ? opt.label : null }];
        })
      : null;
    out.push({
      name: o['name'],
      type: o['type'],
      label: typeof o['label'] === 'string' ? o['label'] : null,
      required: o['required'] === true,
      default: o['default'] ?? null,
      multiline: o['multiline'] === true,
      options,
      spec: Array.isArray(o['spec']) ? paramsOf(o['spec'] as unknown[], depth + 1) : null,
    });
  }
  return out;
}
