// The on-disk shape of one account's slice of EngineState. Scenarios are JSON columns (one array per
// field); runs, the bulk (100,000 and more), are binary typed-array sections with a string dictionary,
// because as JSON objects they take hundreds of ms to parse and validate. The JSON part is validated
// with zod; the binary part is checked against it (lengths, indexes) and by the file checksum.
import { z } from 'zod';
import { sectionAs } from './container';
import type {
  AccountId,
  AccountState,
  EngineState,
  FolderState,
  OrgState,
  RunStatus,
  RunSummary,
  ScenarioState,
  TeamState,
} from '../../../shared/domain';

export const CACHE_VERSION = 1;

// -- entity schemas (small tables, stored as objects) ------------------------------------------

const connectivitySchema = z.object({
  state: z.enum(['online', 'offline', 'degraded', 'unknown']),
  lastOkAt: z.number().nullable(),
  message: z.string().nullable(),
});

const accountSchema = z.object({
  id: z.string(),
  kind: z.enum(['token', 'oauth']),
  baseUrl: z.string(),
  zone: z.string(),
  userName: z.string(),
  email: z.string(),
  scopes: z.array(z.string()),
  status: z.enum(['ok', 'checking', 'needs-sign-in', 'error']),
  statusMessage: z.string().nullable(),
  demo: z.boolean(),
}) satisfies z.ZodType<AccountState>;

const orgSchema = z.object({
  key: z.string(),
  id: z.number(),
  zone: z.string(),
  name: z.string(),
  productName: z.string().nullable(),
  accountIds: z.array(z.string()),
  monitored: z.boolean(),
  budget: z.object({
    limitPerMin: z.number(),
    share: z.number(),
    allowedPerMin: z.number(),
    usedLastMin: z.number(),
    rateLimitedUntil: z.number().nullable(),
    queued: z.number(),
  }),
  connectivity: connectivitySchema,
  lastSyncAt: z.number().nullable(),
  syncing: z.boolean(),
  problem: z.string().nullable(),
}) satisfies z.ZodType<OrgState>;

const teamSchema = z.object({
  key: z.string(),
  id: z.number(),
  orgKey: z.string(),
  name: z.string(),
  accountIds: z.array(z.string()),
}) satisfies z.ZodType<TeamState>;

const folderSchema = z.object({
  key: z.string(),
  id: z.number(),
  teamKey: z.string(),
  name: z.string(),
  parentKey: z.string().nullable(),
}) satisfies z.ZodType<FolderState>;

const schedulingSchema = z
  .object({
    type: z.string(),
    interval: z.number().optional(),
    date: z.string().optional(),
    time: z.string().optional(),
    days: z.array(z.number()).optional(),
    months: z.array(z.number()).optional(),
  })
  .loose();

const healthSchema = z.enum(['off-by-make', 'failing', 'warning', 'paused', 'ok', 'inactive', 'unknown']);

// -- column tables ------------------------------------------------------------------------------

const str = z.array(z.string());
const num = z.array(z.number());
const bool = z.array(z.boolean());
const numOrNull = z.array(z.number().nullable());
const strOrNull = z.array(z.string().nullable());

const scenarioColumns = z.object({
  key: str,
  id: num,
  orgKey: str,
  teamKey: str,
  folderKey: strOrNull,
  name: str,
  description: str,
  isActive: bool,
  isinvalid: bool,
  isPaused: bool,
  dlqCount: num,
  operations: num,
  transfer: num,
  nextExec: numOrNull,
  lastEdit: numOrNull,
  hookId: numOrNull,
  scheduling: z.array(schedulingSchema.nullable()),
  usedPackages: z.array(str),
  health: z.array(healthSchema),
  pendingRun: z.array(z.tuple([z.string(), z.number()]).nullable()),
});

/** Runs are binary sections (see RUN_SECTIONS); the JSON part holds their count and the string dictionary. */
const runsHeader = z.object({
  count: z.number().int().nonnegative(),
  /** Distinct `type` / `errorMessage` / `errorModule` strings; sections hold index + 1, 0 for null. */
  dict: z.array(z.string()),
});

const sameLengths = (cols: Record<string, unknown[]>): boolean => {
  const lengths = new Set(Object.values(cols).map((c) => c.length));
  return lengths.size <= 1;
};

export const accountSnapshotSchema = z
  .object({
    account: accountSchema,
    orgs: z.array(orgSchema),
    teams: z.array(teamSchema),
    folders: z.array(folderSchema),
    scenarios: scenarioColumns.refine(sameLengths, 'scenario columns differ in length'),
    runs: runsHeader,
  });

export type AccountSnapshot = z.infer<typeof accountSnapshotSchema>;

export const engineMetaSchema = z.object({
  mutedScenarios: z.array(z.string()),
  snoozedUntil: z.number().nullable(),
  demo: z.boolean(),
});
export type EngineMeta = z.infer<typeof engineMetaSchema>;

export const envelopeSchema = z.object({
  version: z.number(),
  writtenAt: z.number(),
  data: z.unknown(),
});

/** Order of the binary run sections in the file. */
export const RUN_SECTIONS = [
  'scenario', 'status', 'timestamp', 'durationMs', 'operations', 'transfer', 'type', 'errorMessage', 'errorModule', 'idLength', 'ids',
] as const;

// -- split / encode -----------------------------------------------------------------------------

const statusCode = (s: RunStatus): 0 | 1 | 2 | 3 => (s === 'running' ? 0 : s);
const statusOf = (c: 0 | 1 | 2 | 3): RunStatus => (c === 0 ? 'running' : c);

export interface EncodedAccount {
  data: AccountSnapshot;
  sections: ArrayBufferView[];
}

/** The slice of `state` one account reaches: its orgs, teams, their folders and scenarios. */
export function encodeAccount(state: EngineState, accountId: AccountId): EncodedAccount | null {
  const account = state.accounts[accountId];
  if (!account) return null;
  const orgs = Object.values(state.orgs).filter((o) => o.accountIds.includes(accountId));
  const teams = Object.values(state.teams).filter((t) => t.accountIds.includes(accountId));
  const teamKeys = new Set(teams.map((t) => t.key));
  const folders = Object.values(state.folders).filter((f) => teamKeys.has(f.teamKey));
  const scenarios = Object.values(state.scenarios).filter((s) => teamKeys.has(s.teamKey));

  const sc: AccountSnapshot['scenarios'] = {
    key: [], id: [], orgKey: [], teamKey: [], folderKey: [], name: [], description: [], isActive: [], isinvalid: [],
    isPaused: [], dlqCount: [], operations: [], transfer: [], nextExec: [], lastEdit: [], hookId: [], scheduling: [],
    usedPackages: [], health: [], pendingRun: [],
  };
  let count = 0;
  for (const s of scenarios) count += s.recentRuns.length;
  const scenarioIdx = new Uint32Array(count);
  const status = new Uint8Array(count);
  const timestamp = new Float64Array(count);
  const durationMs = new Float64Array(count);
  const operations = new Float64Array(count);
  const transfer = new Float64Array(count);
  const type = new Uint32Array(count);
  const errorMessage = new Uint32Array(count);
  const errorModule = new Uint32Array(count);
  const idLength = new Uint32Array(count);
  const ids: string[] = new Array(count);
  const dict: string[] = [];
  const dictIndex = new Map<string, number>();
  const intern = (v: string | null): number => {
    if (v === null) return 0;
    let i = dictIndex.get(v);
    if (i === undefined) {
      i = dict.push(v);
      dictIndex.set(v, i);
    }
    return i;
  };
  let j = 0;
  scenarios.forEach((s, i) => {
    sc.key.push(s.key);
    sc.id.push(s.id);
    sc.orgKey.push(s.orgKey);
    sc.teamKey.push(s.teamKey);
    sc.folderKey.push(s.folderKey);
    sc.name.push(s.name);
    sc.description.push(s.description);
    sc.isActive.push(s.isActive);
    sc.isinvalid.push(s.isinvalid);
    sc.isPaused.push(s.isPaused);
    sc.dlqCount.push(s.dlqCount);
    sc.operations.push(s.operations);
    sc.transfer.push(s.transfer);
    sc.nextExec.push(s.nextExec);
    sc.lastEdit.push(s.lastEdit);
    sc.hookId.push(s.hookId);
    sc.scheduling.push(s.scheduling as AccountSnapshot['scenarios']['scheduling'][number]);
    sc.usedPackages.push(s.usedPackages);
    sc.health.push(s.health);
    sc.pendingRun.push(s.pendingRun ? [s.pendingRun.executionId, s.pendingRun.startedAt] : null);
    for (const r of s.recentRuns) {
      scenarioIdx[j] = i;
      status[j] = statusCode(r.status);
      timestamp[j] = r.timestamp;
      durationMs[j] = r.durationMs ?? NaN;
      operations[j] = r.operations ?? NaN;
      transfer[j] = r.transfer ?? NaN;
      type[j] = intern(r.type);
      errorMessage[j] = intern(r.errorMessage);
      errorModule[j] = intern(r.errorModule);
      idLength[j] = r.id.length;
      ids[j] = r.id;
      j++;
    }
  });
  const idBytes = Buffer.from(ids.join(''), 'utf8');
  return {
    data: { account, orgs, teams, folders, scenarios: sc, runs: { count, dict } },
    sections: [scenarioIdx, status, timestamp, durationMs, operations, transfer, type, errorMessage, errorModule, idLength, idBytes],
  };
}

export interface DecodedAccount {
  account: AccountState;
  orgs: OrgState[];
  teams: TeamState[];
  folders: FolderState[];
  scenarios: ScenarioState[];
}

const nullable = (v: number): number | null => (Number.isNaN(v) ? null : v);

/** Rebuilds entities; returns a reason string when the binary part does not fit the JSON part. */
export function decodeAccount(snap: AccountSnapshot, body: Uint8Array, descriptors: [number, number][]): DecodedAccount | string {
  const n = snap.runs.count;
  const nScenarios = snap.scenarios.key.length;
  if (descriptors.length !== RUN_SECTIONS.length) return 'has the wrong number of run sections';
  const d = (name: (typeof RUN_SECTIONS)[number]) => descriptors[RUN_SECTIONS.indexOf(name)]!;
  const f64 = (name: (typeof RUN_SECTIONS)[number]) => sectionAs(Float64Array, body, d(name));
  const u32 = (name: (typeof RUN_SECTIONS)[number]) => sectionAs(Uint32Array, body, d(name));
  const scenarioIdx = u32('scenario');
  const status = sectionAs(Uint8Array, body, d('status'));
  const timestamp = f64('timestamp');
  const durationMs = f64('durationMs');
  const operations = f64('operations');
  const transfer = f64('transfer');
  const type = u32('type');
  const errorMessage = u32('errorMessage');
  const errorModule = u32('errorModule');
  const idLength = u32('idLength');
  const cols = [scenarioIdx, status, timestamp, durationMs, operations, transfer, type, errorMessage, errorModule, idLength];
  if (cols.some((c) => c === null || c.length !== n)) return 'has run columns of the wrong length';
  const [ido, idl] = d('ids');
  const idText = Buffer.from(body.buffer, body.byteOffset + ido, idl).toString('utf8');
  const dict = snap.runs.dict;
  const str = (i: number): string | null | undefined => (i === 0 ? null : dict[i - 1]);

  const runs: RunSummary[][] = Array.from({ length: nScenarios }, () => []);
  let pos = 0;
  for (let j = 0; j < n; j++) {
    const si = scenarioIdx![j]!;
    const st = status![j]!;
    const len = idLength![j]!;
    const t = str(type![j]!);
    const em = str(errorMessage![j]!);
    const emod = str(errorModule![j]!);
    if (si >= nScenarios || st > 3 || pos + len > idText.length || t === undefined || em === undefined || emod === undefined) {
      return 'has a run that does not fit the file';
    }
    runs[si]!.push({
      id: idText.slice(pos, pos + len),
      status: statusOf(st as 0 | 1 | 2 | 3),
      timestamp: timestamp![j]!,
      durationMs: nullable(durationMs![j]!),
      operations: nullable(operations![j]!),
      transfer: nullable(transfer![j]!),
      type: t,
      errorMessage: em,
      errorModule: emod,
    });
    pos += len;
  }
  if (pos !== idText.length) return 'has run ids that do not fit the file';

  const sc = snap.scenarios;
  const scenarios: ScenarioState[] = sc.key.map((key, i) => {
    const pending = sc.pendingRun[i]!;
    return {
      key,
      id: sc.id[i]!,
      orgKey: sc.orgKey[i]!,
      teamKey: sc.teamKey[i]!,
      folderKey: sc.folderKey[i]!,
      name: sc.name[i]!,
      description: sc.description[i]!,
      isActive: sc.isActive[i]!,
      isinvalid: sc.isinvalid[i]!,
      isPaused: sc.isPaused[i]!,
      dlqCount: sc.dlqCount[i]!,
      operations: sc.operations[i]!,
      transfer: sc.transfer[i]!,
      nextExec: sc.nextExec[i]!,
      lastEdit: sc.lastEdit[i]!,
      hookId: sc.hookId[i]!,
      scheduling: sc.scheduling[i] as ScenarioState['scheduling'],
      usedPackages: sc.usedPackages[i]!,
      health: sc.health[i]!,
      recentRuns: runs[i]!,
      pendingRun: pending ? { executionId: pending[0], startedAt: pending[1] } : null,
    };
  });
  return { account: snap.account, orgs: snap.orgs, teams: snap.teams, folders: snap.folders, scenarios };
}
