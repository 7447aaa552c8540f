// Reading and building scenario blueprints (the JSON Make stores per scenario).
import { appOfModule } from './names';
import type { Blueprint, FlowModule, InterfaceField, SchedulingSpec } from './model';

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

export function flowModules(bp: Blueprint): FlowModule[] {
  const flow = Array.isArray(bp.flow) ? bp.flow : [];
  const out: FlowModule[] = [];
  for (const m of flow) {
    if (isRecord(m) && typeof m.module === 'string') out.push({ id: typeof m.id === 'number' ? m.id : out.length + 1, module: m.module });
  }
  return out;
}

function scenarioSettings(bp: Blueprint): Record<string, unknown> {
  const md = isRecord(bp.metadata) ? bp.metadata : {};
  return isRecord(md.scenario) ? md.scenario : {};
}

/** Consecutive errors after which Make switches the scenario off (`metadata.scenario.maxErrors`). */
export function maxErrorsOf(bp: Blueprint): number {
  const v = scenarioSettings(bp).maxErrors;
  return typeof v === 'number' && v >= 1 ? v : 3;
}

/** "Store incomplete executions" (`metadata.scenario.dlq`). */
export function dlqEnabled(bp: Blueprint): boolean {
  return scenarioSettings(bp).dlq === true;
}

export function usedPackagesOf(bp: Blueprint): string[] {
  return flowModules(bp).map((m) => appOfModule(m.module));
}

/** The hook id a blueprint's instant trigger (gateway:CustomWebHook / CustomMailHook) listens on. */
export function hookIdOf(bp: Blueprint): number | null {
  const flow = Array.isArray(bp.flow) ? bp.flow : [];
  const first = flow[0];
  if (!isRecord(first) || typeof first.module !== 'string' || !first.module.startsWith('gateway:Custom')) return null;
  const p = isRecord(first.parameters) ? first.parameters : {};
  return typeof p.hook === 'number' ? p.hook : null;
}

/** Scenario inputs/outputs carried in a blueprint's `io` section (as in the SDK's test blueprint). */
export function ioOf(bp: Blueprint): { input: InterfaceField[] | null; output: InterfaceField[] | null } {
  const io = isRecord(bp.io) ? bp.io : {};
  const list = (v: unknown): InterfaceField[] | null =>
    Array.isArray(v) ? v.filter((f): f is InterfaceField => isRecord(f) && typeof f.name === 'string' && typeof f.type === 'string') : null;
  return { input: list(io.input_spec), output: list(io.output_spec) };
}

export function buildBlueprint(opts: {
  name: string;
  modules: string[];
  maxErrors: number;
  dlq: boolean;
  hookId: number | null;
  zone: string;
}): Blueprint {
  return {
    name: opts.name,
    flow: opts.modules.map((module, i) => ({
      id: i + 1,
      module,
      version: 1,
      parameters: i === 0 && opts.hookId !== null ? { hook: opts.hookId, maxResults: 1 } : {},
      mapper: {},
      metadata: { designer: { x: i * 300, y: 0 } },
    })),
    metadata: {
      instant: opts.hookId !== null,
      version: 1,
      scenario: {
        roundtrips: 1,
        maxErrors: opts.maxErrors,
        autoCommit: true,
        autoCommitTriggerLast: true,
        sequential: false,
        slots: null,
        confidential: false,
        dataloss: false,
        dlq: opts.dlq,
        freshVariables: false,
      },
      designer: { orphans: [] },
      zone: opts.zone,
    },
  };
}

export const SCHEDULING_TYPES = ['immediately', 'indefinitely', 'once', 'daily', 'weekly', 'monthly', 'yearly', 'on-demand'] as const;

const DAY = 86_400_000;

function parseTime(time: string | undefined): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time ?? '00:00');
  if (!m) return 0;
  return (Number(m[1]) * 60 + Number(m[2])) * 60_000;
}

/**
 * The first scheduled instant strictly after `after` (times of day in UTC), or null when the
 * schedule has no next run (instant, on-demand, a past `once`).
 */
export function nextRunAfter(s: SchedulingSpec, after: number): number | null {
  switch (s.type) {
    case 'indefinitely': {
      const interval = typeof s.interval === 'number' && s.interval > 0 ? s.interval : 900;
      return after + interval * 1000;
    }
    case 'once': {
      const at = typeof s.date === 'string' ? Date.parse(s.date) : NaN;
      return Number.isFinite(at) && at > after ? at : null;
    }
    case 'daily':
    case 'weekly':
    case 'monthly':
    case 'yearly': {
      const tod = parseTime(s.time);
      const days = Array.isArray(s.days) ? s.days : null;
      const months = Array.isArray(s.months) ? s.months : null;
      const startDay = Math.floor(after / DAY) * DAY;
      for (let i = 0; i < 800; i++) {
        const day = startDay + i * DAY;
        const at = day + tod;
        if (at <= after) continue;
        const d = new Date(day);
        const isoWeekday = d.getUTCDay() === 0 ? 7 : d.getUTCDay();
        if (s.type === 'weekly' && days && !days.includes(isoWeekday)) continue;
        if ((s.type === 'monthly' || s.type === 'yearly') && days && !days.includes(d.getUTCDate())) continue;
        if (s.type === 'yearly' && months && !months.includes(d.getUTCMonth() + 1)) continue;
        return at;
      }
      return null;
    }
    default:
      return null;
  }
}
