// The on-disk shape of one account's slice of EngineState. The small tables (account, orgs, teams,
// folders) are JSON, validated with zod. Scenarios (10,000 and more) and their runs (100,000 and more)
// are binary columns: numbers in Float64 rows, repeated strings (org/team/folder keys, health, run type,
// error text, scheduling, packages) as indexes into dictionaries kept in the JSON part, the other
// strings in one UTF-8 blob with their lengths. As JSON objects they take hundreds of ms to parse and
// validate; as columns a save or load is a few copies and one pass. The binary part is checked against
// the JSON part (section sizes, counts, indexes, enums) and by the file checksum.
import { z } from 'zod';
import { sectionView } from './container';
import {
  AccountStateSchema,
  FolderStateSchema,
  OrgStateSchema,
  ScenarioHealthSchema,
  SchedulingSchema,
  TeamStateSchema,
} from '../../../shared/contract-schemas';
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

export const CACHE_VERSION = 2;

// -- entity schemas (small tables, stored as objects) ------------------------------------------

// The same schemas the contract uses: the cache holds the same domain tables.
const accountSchema = AccountStateSchema satisfies z.ZodType<AccountState>;
const orgSchema = OrgStateSchema satisfies z.ZodType<OrgState>;
const teamSchema = TeamStateSchema satisfies z.ZodType<TeamState>;
const folderSchema = FolderStateSchema satisfies z.ZodType<FolderState>;
const schedulingSchema = SchedulingSchema.loose();
const healthSchema = ScenarioHealthSchema;

// -- header -------------------------------------------------------------------------------------

const HEALTHS = new Set<string>(healthSchema.options);

/** The JSON part of the scenario and run columns: counts and dictionaries (see SECTIONS). */
const scenariosHeader = z.object({
  count: z.number().int().nonnegative(),
  /** Distinct org/team/folder keys and health values; refs hold index + 1, 0 for null. */
  dict: z.array(z.string()),
  /** Distinct scheduling objects and usedPackages arrays, as JSON texts. */
  scheduling: z.array(z.string()),
  packages: z.array(z.string()),
});

const runsHeader = z.object({
  count: z.number().int().nonnegative(),
  /** Distinct `type` / `errorMessage` / `errorModule` strings; refs hold index + 1, 0 for null. */
  dict: z.array(z.string()),
});

export const accountSnapshotSchema = z.object({
  account: accountSchema,
  orgs: z.array(orgSchema),
  teams: z.array(teamSchema),
  folders: z.array(folderSchema),
  scenarios: scenariosHeader,
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

/** The binary sections, in file order. */
export const SECTIONS = [
  /** u8 per scenario: isActive | isinvalid << 1 | isPaused << 2 | has pendingRun << 3. */
  'scenarioFlags',
  /** f64 × S_NUM per scenario (NaN for null). */
  'scenarioNumbers',
  /** u32 × S_REF per scenario: dictionary refs. */
  'scenarioRefs',
  /** u32 × S_TEXT per scenario: UTF-16 lengths of the texts in scenarioText (NO_TEXT for null). */
  'scenarioTextLengths',
  'scenarioText',
  /** u32 per scenario: its number of runs (runs follow in scenario order). */
  'runCounts',
  /** u8 per run: 0 running, 1–3 Make's status. */
  'runStatus',
  /** f64 × R_NUM per run. */
  'runNumbers',
  /** u32 × R_REF per run. */
  'runRefs',
  'runIdLengths',
  'runIds',
] as const;

const S_NUM = 8; // id, dlqCount, operations, transfer, nextExec, lastEdit, hookId, pendingRun.startedAt
const S_REF = 6; // orgKey, teamKey, folderKey, health (dict); scheduling, usedPackages (their own lists)
const S_TEXT = 4; // key, name, description, pendingRun.executionId
const R_NUM = 4; // timestamp, durationMs, operations, transfer
const R_REF = 3; // type, errorMessage, errorModule
const NO_TEXT = 0xffffffff;

// -- encode -------------------------------------------------------------------------------------

const statusCode = (s: RunStatus): number => (s === 'running' ? 0 : s);
const num = (v: number | null): number => (v === null ? NaN : v);

/** Assigns index + 1 to each distinct value; 0 stands for null. */
class Interner {
  readonly values: string[] = [];
  private readonly index = new Map<string, number>();
  /** Runs mostly repeat the previous value (`auto`, the same org): skip the map for those. */
  private last: string | null = null;
  private lastRef = 0;
  ref(v: string | null): number {
    if (v === null) return 0;
    if (v === this.last) return this.lastRef;
    let i = this.index.get(v);
    if (i === undefined) {
      i = this.values.push(v);
      this.index.set(v, i);
    }
    this.last = v;
    this.lastRef = i;
    return i;
  }
}

/** Interns objects by their JSON text, remembering the text of objects already seen. */
class JsonInterner {
  readonly texts = new Interner();
  private readonly seen = new Map<object, number>();
  ref(v: object | null): number {
    if (v === null) return 0;
    let i = this.seen.get(v);
    if (i === undefined) {
      i = this.texts.ref(JSON.stringify(v));
      this.seen.set(v, i);
    }
    return i;
  }
}

/** UTF-8 bytes of `text`; plain ASCII (run ids, keys, most names) is copied without transcoding. */
const utf8 = (text: string): Buffer => Buffer.from(text, Buffer.byteLength(text, 'utf8') === text.length ? 'latin1' : 'utf8');

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

  const n = scenarios.length;
  let m = 0;
  for (const s of scenarios) m += s.recentRuns.length;
  const flags = new Uint8Array(n);
  const sNum = new Float64Array(n * S_NUM);
  const sRef = new Uint32Array(n * S_REF);
  const sLen = new Uint32Array(n * S_TEXT);
  const sText: string[] = [];
  const runCounts = new Uint32Array(n);
  const rStatus = new Uint8Array(m);
  const rNum = new Float64Array(m * R_NUM);
  const rRef = new Uint32Array(m * R_REF);
  const rIdLen = new Uint32Array(m);
  const rIds: string[] = new Array<string>(m);
  const dict = new Interner();
  const scheduling = new JsonInterner();
  const packages = new JsonInterner();
  const runDict = new Interner();
  const text = (i: number, k: number, v: string | null) => {
    if (v === null) sLen[i * S_TEXT + k] = NO_TEXT;
    else {
      sLen[i * S_TEXT + k] = v.length;
      sText.push(v);
    }
  };

  let j = 0;
  for (let i = 0; i < n; i++) {
    const s = scenarios[i]!;
    flags[i] = (s.isActive ? 1 : 0) | (s.isinvalid ? 2 : 0) | (s.isPaused ? 4 : 0) | (s.pendingRun ? 8 : 0);
    const b = i * S_NUM;
    sNum[b] = s.id;
    sNum[b + 1] = s.dlqCount;
    sNum[b + 2] = s.operations;
    sNum[b + 3] = s.transfer;
    sNum[b + 4] = num(s.nextExec);
    sNum[b + 5] = num(s.lastEdit);
    sNum[b + 6] = num(s.hookId);
    sNum[b + 7] = s.pendingRun ? s.pendingRun.startedAt : NaN;
    const r = i * S_REF;
    sRef[r] = dict.ref(s.orgKey);
    sRef[r + 1] = dict.ref(s.teamKey);
    sRef[r + 2] = dict.ref(s.folderKey);
    sRef[r + 3] = dict.ref(s.health);
    sRef[r + 4] = scheduling.ref(s.scheduling);
    sRef[r + 5] = packages.ref(s.usedPackages);
    text(i, 0, s.key);
    text(i, 1, s.name);
    text(i, 2, s.description);
    text(i, 3, s.pendingRun ? s.pendingRun.executionId : null);
    runCounts[i] = s.recentRuns.length;
    for (const run of s.recentRuns) {
      rStatus[j] = statusCode(run.status);
      const rb = j * R_NUM;
      rNum[rb] = run.timestamp;
      rNum[rb + 1] = num(run.durationMs);
      rNum[rb + 2] = num(run.operations);
      rNum[rb + 3] = num(run.transfer);
      const rr = j * R_REF;
      rRef[rr] = runDict.ref(run.type);
      rRef[rr + 1] = runDict.ref(run.errorMessage);
      rRef[rr + 2] = runDict.ref(run.errorModule);
      rIdLen[j] = run.id.length;
      rIds[j] = run.id;
      j++;
    }
  }
  return {
    data: {
      account,
      orgs,
      teams,
      folders,
      scenarios: { count: n, dict: dict.values, scheduling: scheduling.texts.values, packages: packages.texts.values },
      runs: { count: m, dict: runDict.values },
    },
    sections: [
      flags, sNum, sRef, sLen, utf8(sText.join('')),
      runCounts, rStatus, rNum, rRef, rIdLen, utf8(rIds.join('')),
    ],
  };
}

// -- decode -------------------------------------------------------------------------------------

export interface DecodedAccount {
  account: AccountState;
  orgs: OrgState[];
  teams: TeamState[];
  folders: FolderState[];
  scenarios: ScenarioState[];
}

const nullable = (v: number): number | null => (v !== v ? null : v);
const RUN_STATUS: readonly RunStatus[] = ['running', 1, 2, 3];

/** Parses each distinct JSON text once; null when one does not fit `schema`. */
function parseAll<T>(texts: readonly string[], schema: z.ZodType<T>): T[] | null {
  const out: T[] = [];
  for (const t of texts) {
    let v: unknown;
    try {
      v = JSON.parse(t);
    } catch {
      return null;
    }
    const r = schema.safeParse(v);
    if (!r.success) return null;
    out.push(r.data);
  }
  return out;
}

/** Rebuilds entities; returns a reason string when the binary part does not fit the JSON part. */
export function decodeAccount(snap: AccountSnapshot, body: Uint8Array, descriptors: [number, number][]): DecodedAccount | string {
  const n = snap.scenarios.count;
  const m = snap.runs.count;
  if (descriptors.length !== SECTIONS.length) return 'has the wrong number of sections';
  const d = (name: (typeof SECTIONS)[number]) => descriptors[SECTIONS.indexOf(name)]!;
  const flags = sectionView(Uint8Array, body, d('scenarioFlags'));
  const sNum = sectionView(Float64Array, body, d('scenarioNumbers'));
  const sRef = sectionView(Uint32Array, body, d('scenarioRefs'));
  const sLen = sectionView(Uint32Array, body, d('scenarioTextLengths'));
  const runCounts = sectionView(Uint32Array, body, d('runCounts'));
  const rStatus = sectionView(Uint8Array, body, d('runStatus'));
  const rNum = sectionView(Float64Array, body, d('runNumbers'));
  const rRef = sectionView(Uint32Array, body, d('runRefs'));
  const rIdLen = sectionView(Uint32Array, body, d('runIdLengths'));
  if (
    flags?.length !== n || sNum?.length !== n * S_NUM || sRef?.length !== n * S_REF || sLen?.length !== n * S_TEXT ||
    runCounts?.length !== n || rStatus?.length !== m || rNum?.length !== m * R_NUM || rRef?.length !== m * R_REF || rIdLen?.length !== m
  ) {
    return 'has columns of the wrong length';
  }
  const textOf = (name: (typeof SECTIONS)[number]): string => {
    const [off, len] = d(name);
    return Buffer.from(body.buffer, body.byteOffset + off, len).toString('utf8');
  };
  const sText = textOf('scenarioText');
  const idText = textOf('runIds');

  const dict = snap.scenarios.dict;
  const scheduling = parseAll(snap.scenarios.scheduling, schedulingSchema);
  const packages = parseAll(snap.scenarios.packages, z.array(z.string()));
  if (!scheduling || !packages) return 'has scheduling or app lists that do not fit the file';
  const runDict = snap.runs.dict;
  const dictLen = dict.length;
  const runDictLen = runDict.length;

  const scenarios: ScenarioState[] = new Array<ScenarioState>(n);
  let tp = 0;
  let ip = 0;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const f = flags[i]!;
    const r = i * S_REF;
    const org = sRef[r]!;
    const team = sRef[r + 1]!;
    const folder = sRef[r + 2]!;
    const health = sRef[r + 3]!;
    const sched = sRef[r + 4]!;
    const pkgs = sRef[r + 5]!;
    if (
      f > 15 || org === 0 || org > dictLen || team === 0 || team > dictLen || folder > dictLen || health === 0 || health > dictLen ||
      !HEALTHS.has(dict[health - 1]!) || sched > scheduling.length || pkgs === 0 || pkgs > packages.length
    ) {
      return 'has a scenario that does not fit the file';
    }
    const texts: (string | null)[] = [null, null, null, null];
    for (let k = 0; k < S_TEXT; k++) {
      const len = sLen[i * S_TEXT + k]!;
      if (len === NO_TEXT) continue;
      if (tp + len > sText.length) return 'has scenario texts that do not fit the file';
      texts[k] = sText.slice(tp, tp + len);
      tp += len;
    }
    const [key, name, description, pendingId] = texts;
    const hasPending = (f & 8) !== 0;
    if (key == null || name == null || description == null || hasPending !== (pendingId != null)) {
      return 'has a scenario that does not fit the file';
    }
    const c = runCounts[i]!;
    if (j + c > m) return 'has runs that do not fit the file';
    const runs: RunSummary[] = new Array<RunSummary>(c);
    for (let k = 0; k < c; k++, j++) {
      const st = rStatus[j]!;
      const rr = j * R_REF;
      const type = rRef[rr]!;
      const msg = rRef[rr + 1]!;
      const mod = rRef[rr + 2]!;
      const len = rIdLen[j]!;
      if (st > 3 || type > runDictLen || msg > runDictLen || mod > runDictLen || ip + len > idText.length) {
        return 'has a run that does not fit the file';
      }
      const rb = j * R_NUM;
      runs[k] = {
        id: idText.slice(ip, ip + len),
        status: RUN_STATUS[st]!,
        timestamp: rNum[rb]!,
        durationMs: nullable(rNum[rb + 1]!),
        operations: nullable(rNum[rb + 2]!),
        transfer: nullable(rNum[rb + 3]!),
        type: type === 0 ? null : runDict[type - 1]!,
        errorMessage: msg === 0 ? null : runDict[msg - 1]!,
        errorModule: mod === 0 ? null : runDict[mod - 1]!,
      };
      ip += len;
    }
    const b = i * S_NUM;
    scenarios[i] = {
      key,
      id: sNum[b]!,
      orgKey: dict[org - 1]!,
      teamKey: dict[team - 1]!,
      folderKey: folder === 0 ? null : dict[folder - 1]!,
      name,
      description,
      isActive: (f & 1) !== 0,
      isinvalid: (f & 2) !== 0,
      isPaused: (f & 4) !== 0,
      dlqCount: sNum[b + 1]!,
      operations: sNum[b + 2]!,
      transfer: sNum[b + 3]!,
      nextExec: nullable(sNum[b + 4]!),
      lastEdit: nullable(sNum[b + 5]!),
      hookId: nullable(sNum[b + 6]!),
      scheduling: sched === 0 ? null : (scheduling[sched - 1] as ScenarioState['scheduling']),
      usedPackages: packages[pkgs - 1]!,
      health: dict[health - 1] as ScenarioState['health'],
      recentRuns: runs,
      pendingRun: pendingId != null ? { executionId: pendingId, startedAt: sNum[b + 7]! } : null,
    };
  }
  if (j !== m) return 'has runs that do not fit the file';
  if (tp !== sText.length || ip !== idText.length) return 'has texts that do not fit the file';
  return { account: snap.account, orgs: snap.orgs, teams: snap.teams, folders: snap.folders, scenarios };
}
