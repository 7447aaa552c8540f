// Wire → app: epoch milliseconds instead of ISO strings, plain nulls instead of missing keys.
import type { Millis, RunStatus, RunSummary, Scheduling } from '../../../shared/domain';
import type { MakeFolder } from './schemas/folders';
import type { LogStatus, MakeExecutionDetailWire, MakeScenarioLogWire } from './schemas/logs';
import type { MakeRunResponse, MakeScenario, MakeScheduling } from './schemas/scenarios';

/** ISO timestamp → epoch ms; null for null/absent/unreadable. */
export function parseMakeTime(value: string | null | undefined): Millis | null {
  if (value === null || value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? null : ms;
}

/** A scenario run as the app uses it (`GET /scenarios/{id}/logs` entry). */
export interface ScenarioLog {
  /** Execution id (hex). */
  id: string;
  /** `<ms>_scenario.<id>.<type>.<executionId>`; sortable; the key for `pg[last]`. */
  imtId: string | null;
  /** 0 pending (SDK only), 1 success, 2 warning, 3 error. */
  status: LogStatus;
  timestamp: Millis;
  type: string | null;
  instant: boolean | null;
  durationMs: number | null;
  operations: number | null;
  centicredits: number | null;
  transfer: number | null;
  organizationId: number | null;
  teamId: number | null;
  scenarioId: number | null;
  authorId: number | null;
}

export function toScenarioLog(wire: MakeScenarioLogWire): ScenarioLog {
  return {
    id: String(wire.id),
    imtId: wire.imtId ?? null,
    status: wire.status,
    timestamp: Date.parse(wire.timestamp),
    type: wire.type ?? null,
    instant: wire.instant ?? null,
    durationMs: wire.duration ?? null,
    operations: wire.operations ?? null,
    centicredits: wire.centicredits ?? null,
    transfer: wire.transfer ?? null,
    organizationId: wire.organizationId ?? null,
    teamId: wire.teamId ?? null,
    scenarioId: wire.scenarioId ?? null,
    authorId: wire.authorId ?? null,
  };
}

export type ExecutionStatus = 'RUNNING' | 'SUCCESS' | 'WARNING' | 'ERROR' | (string & {});

export interface ExecutionDetail {
  status: ExecutionStatus;
  outputs: unknown;
  error: { name: string | null; message: string | null; moduleName: string | null; appName: string | null } | null;
}

export function toExecutionDetail(wire: MakeExecutionDetailWire): ExecutionDetail {
  const e = wire.error;
  return {
    status: wire.status,
    outputs: wire.outputs ?? null,
    error: e
      ? {
          name: e.name ?? null,
          message: e.message ?? null,
          moduleName: e.causeModule?.name ?? null,
          appName: e.causeModule?.appName ?? null,
        }
      : null,
  };
}

/** RUNNING → 'running', SUCCESS/WARNING/ERROR → 1/2/3, anything else → null (unknown). */
export function runStatusOfExecution(status: ExecutionStatus): RunStatus | null {
  switch (status) {
    case 'RUNNING':
      return 'running';
    case 'SUCCESS':
      return 1;
    case 'WARNING':
      return 2;
    case 'ERROR':
      return 3;
    default:
      return null;
  }
}

export interface RunResult {
  executionId: string;
  /** Only for responsive runs that finished within Make's wait: 1 success, 2 warning, 3 error. */
  status?: 1 | 2 | 3;
  outputs?: unknown;
}

/** Responsive `status` arrives as 1/2/3 (docs) or a string (spec): accept both. */
export function toRunResult(wire: MakeRunResponse): RunResult {
  const out: RunResult = { executionId: wire.executionId };
  const s = wire.status;
  const mapped =
    s === 1 || s === '1' || s === 'SUCCESS' || s === 'success'
      ? 1
      : s === 2 || s === '2' || s === 'WARNING' || s === 'warning'
        ? 2
        : s === 3 || s === '3' || s === 'ERROR' || s === 'error'
          ? 3
          : undefined;
  if (mapped !== undefined) out.status = mapped;
  if (wire.outputs !== undefined) out.outputs = wire.outputs;
  return out;
}

/** A log entry as the domain's RunSummary; detail (if fetched) supplies the error text and module. */
export function toRunSummary(log: ScenarioLog, detail?: ExecutionDetail | null): RunSummary {
  return {
    id: log.id,
    status: log.status === 0 ? 'running' : log.status,
    timestamp: log.timestamp,
    durationMs: log.durationMs,
    operations: log.operations,
    transfer: log.transfer,
    type: log.type,
    errorMessage: detail?.error?.message ?? null,
    errorModule: detail?.error ? (detail.error.moduleName ?? detail.error.appName) : null,
  };
}

export function toDomainScheduling(s: MakeScheduling | null | undefined): Scheduling | null {
  if (!s) return null;
  const out: Scheduling = { type: s.type };
  if (s.interval !== undefined) out.interval = s.interval;
  if (s.date !== undefined) out.date = s.date;
  if (s.time !== undefined) out.time = s.time;
  const nums = (a: (number | string)[] | undefined) => a?.map(Number).filter((n) => Number.isFinite(n));
  const days = nums(s.days);
  const months = nums(s.months);
  if (days) out.days = days;
  if (months) out.months = months;
  return out;
}

/** The scenario fields monitoring tracks, with times as epoch ms and absent fields as null. */
export interface ScenarioFacts {
  id: number;
  name: string;
  teamId: number;
  folderId: number | null;
  description: string;
  isActive: boolean;
  isinvalid: boolean;
  isPaused: boolean;
  dlqCount: number;
  operations: number | null;
  transfer: number | null;
  nextExec: Millis | null;
  lastEdit: Millis | null;
  hookId: number | null;
  scheduling: Scheduling | null;
  usedPackages: string[];
}

type ScenarioFactsInput = Pick<MakeScenario, 'id' | 'name' | 'teamId' | 'isActive' | 'isinvalid' | 'isPaused' | 'dlqCount'> &
  Partial<Pick<MakeScenario, 'folderId' | 'description' | 'operations' | 'transfer' | 'nextExec' | 'lastEdit' | 'hookId' | 'scheduling' | 'usedPackages'>>;

export function toScenarioFacts(s: ScenarioFactsInput): ScenarioFacts {
  return {
    id: s.id,
    name: s.name,
    teamId: s.teamId,
    folderId: s.folderId ?? null,
    description: s.description ?? '',
    isActive: s.isActive,
    isinvalid: s.isinvalid,
    isPaused: s.isPaused,
    dlqCount: s.dlqCount,
    operations: s.operations ?? null,
    transfer: s.transfer ?? null,
    nextExec: parseMakeTime(s.nextExec),
    lastEdit: parseMakeTime(s.lastEdit),
    hookId: s.hookId ?? null,
    scheduling: toDomainScheduling(s.scheduling),
    usedPackages: s.usedPackages ?? [],
  };
}

/** One folder of a flattened tree. */
export interface FlatFolder {
  id: number;
  name: string;
  /** null = top level. */
  parentId: number | null;
  path: string | null;
  teamId: number | null;
  scenariosTotal: number | null;
}

/** A folder tree (as `GET /scenarios-folders` may nest `children`) as a flat list, parents first. */
export function flattenFolders(folders: readonly MakeFolder[]): FlatFolder[] {
  const out: FlatFolder[] = [];
  const seen = new Set<number>();
  const walk = (list: readonly MakeFolder[], parent: number | null) => {
    for (const f of list) {
      if (seen.has(f.id)) continue;
      seen.add(f.id);
      out.push({
        id: f.id,
        name: f.name,
        parentId: f.parentId ?? parent,
        path: f.path ?? null,
        teamId: f.teamId ?? null,
        scenariosTotal: f.scenariosTotal ?? null,
      });
      if (f.children) walk(f.children, f.id);
    }
  };
  walk(folders, null);
  return out;
}
