// Binary sections + checked JSON part of an account's cache file → entities (layout in
// snapshot-format.ts). Every ref, enum, count and length is checked against the file, so a file that
// passed the checksum but does not fit (a bug, a hand edit) is rejected with a reason, never half-read.
import { z } from 'zod';
import type { AccountState, FolderState, OrgState, RunStatus, RunSummary, ScenarioState, TeamState } from '../../../shared/domain';
import { sectionView, uintColumn } from './container';
import { keepShapes } from './keep-shapes';
import { HEALTHS, R_NUM, R_REF, S_NUM, S_REF, S_TEXT, SECTIONS, schedulingSchema, sectionIndex } from './snapshot-format';
import type { AccountSnapshot, SectionName } from './snapshot-format';

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

/** The run numbers column as f64 with NaN for null, whichever width it was stored at. */
function runNumbers(body: Uint8Array, at: [number, number], count: number): Float64Array | null {
  const f64 = at[1] === count * 8 ? sectionView(Float64Array, body, at) : null;
  if (f64) return f64;
  const stored = uintColumn(body, at, count);
  if (!stored) return null;
  const out = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = stored[i]!;
    out[i] = v === 0 ? NaN : v - 1;
  }
  return out;
}

/** Columns and dictionaries of one file, and how far decoding has read them. */
interface Reader {
  flags: Uint8Array;
  sNum: Float64Array;
  sRef: Uint32Array;
  sLen: Uint32Array;
  runCounts: Uint32Array;
  rStatus: Uint8Array;
  rTime: Float64Array;
  rNum: Float64Array;
  rRef: Uint32Array;
  rIdLen: Uint32Array;
  sText: string;
  idText: string;
  orgKeys: string[];
  teamKeys: string[];
  folderKeys: string[];
  healths: string[];
  scheduling: ScenarioState['scheduling'][];
  packages: string[][];
  types: string[];
  errorMessages: string[];
  errorModules: string[];
  runCount: number;
  /** Next scenario text, next run id, next run. */
  tp: number;
  ip: number;
  j: number;
}

/** Rebuilds entities; returns a reason string when the binary part does not fit the JSON part. */
export function decodeAccount(snap: AccountSnapshot, body: Uint8Array, descriptors: [number, number][]): DecodedAccount | string {
  const r = reader(snap, body, descriptors);
  if (typeof r === 'string') return r;
  const scenarios = decodeScenarios(r, snap.scenarios.count);
  if (scenarios === null) return 'has a scenario or run that does not fit the file';
  if (r.j !== r.runCount) return 'has runs that do not fit the file';
  if (r.tp !== r.sText.length || r.ip !== r.idText.length) return 'has texts that do not fit the file';
  return { account: snap.account, orgs: snap.orgs, teams: snap.teams, folders: snap.folders, scenarios };
}

function reader(snap: AccountSnapshot, body: Uint8Array, descriptors: [number, number][]): Reader | string {
  const sc = snap.scenarios;
  const rs = snap.runs;
  const n = sc.count;
  const m = rs.count;
  if (descriptors.length !== SECTIONS.length) return 'has the wrong number of sections';
  const d = (name: SectionName) => descriptors[sectionIndex(name)]!;
  const flags = sectionView(Uint8Array, body, d('scenarioFlags'));
  const sNum = sectionView(Float64Array, body, d('scenarioNumbers'));
  const sRef = uintColumn(body, d('scenarioRefs'), n * S_REF);
  const sLen = uintColumn(body, d('scenarioTextLengths'), n * S_TEXT);
  const runCounts = uintColumn(body, d('runCounts'), n);
  const rStatus = sectionView(Uint8Array, body, d('runStatus'));
  const rTime = sectionView(Float64Array, body, d('runTimestamps'));
  const rNum = runNumbers(body, d('runNumbers'), m * R_NUM);
  const rRef = uintColumn(body, d('runRefs'), m * R_REF);
  const rIdLen = uintColumn(body, d('runIdLengths'), m);
  if (
    flags?.length !== n || sNum?.length !== n * S_NUM || !sRef || !sLen || !runCounts ||
    rStatus?.length !== m || rTime?.length !== m || !rNum || !rRef || !rIdLen
  ) {
    return 'has columns of the wrong length';
  }
  const textOf = (name: SectionName): string => {
    const [off, len] = d(name);
    return Buffer.from(body.buffer, body.byteOffset + off, len).toString('utf8');
  };
  const scheduling = parseAll(sc.scheduling, schedulingSchema);
  const packages = parseAll(sc.packages, z.array(z.string()));
  if (!scheduling || !packages) return 'has scheduling or app lists that do not fit the file';
  if (!sc.healths.every((h) => HEALTHS.has(h))) return 'has an unknown scenario health';
  return newReader({
    flags, sNum, sRef, sLen, runCounts, rStatus, rTime, rNum, rRef, rIdLen,
    sText: textOf('scenarioText'),
    idText: textOf('runIds'),
    orgKeys: sc.orgKeys,
    teamKeys: sc.teamKeys,
    folderKeys: sc.folderKeys,
    healths: sc.healths,
    scheduling: scheduling as ScenarioState['scheduling'][],
    packages,
    types: rs.types,
    errorMessages: rs.errorMessages,
    errorModules: rs.errorModules,
    runCount: m,
  });
}

type Columns = Omit<Reader, 'tp' | 'ip' | 'j'>;

// One literal site, so every Reader has the one shape keepShapes holds on to.
const newReader = (c: Columns): Reader => ({
  flags: c.flags,
  sNum: c.sNum,
  sRef: c.sRef,
  sLen: c.sLen,
  runCounts: c.runCounts,
  rStatus: c.rStatus,
  rTime: c.rTime,
  rNum: c.rNum,
  rRef: c.rRef,
  rIdLen: c.rIdLen,
  sText: c.sText,
  idText: c.idText,
  orgKeys: c.orgKeys,
  teamKeys: c.teamKeys,
  folderKeys: c.folderKeys,
  healths: c.healths,
  scheduling: c.scheduling,
  packages: c.packages,
  types: c.types,
  errorMessages: c.errorMessages,
  errorModules: c.errorModules,
  runCount: c.runCount,
  tp: 0,
  ip: 0,
  j: 0,
});

const noUints = new Uint32Array(0);
const noFloats = new Float64Array(0);
const noBytes = new Uint8Array(0);
keepShapes(
  newReader({
    flags: noBytes, sNum: noFloats, sRef: noUints, sLen: noUints, runCounts: noUints, rStatus: noBytes, rTime: noFloats,
    rNum: noFloats, rRef: noUints, rIdLen: noUints, sText: '', idText: '', orgKeys: [], teamKeys: [], folderKeys: [],
    healths: [], scheduling: [], packages: [], types: [], errorMessages: [], errorModules: [], runCount: 0,
  }),
);

/** The loop in a function of its own that touches only long-lived shapes (see keep-shapes.ts). */
function decodeScenarios(r: Reader, n: number): ScenarioState[] | null {
  const scenarios: ScenarioState[] = new Array<ScenarioState>(n);
  for (let i = 0; i < n; i++) {
    const s = decodeScenario(r, i);
    if (s === null) return null;
    scenarios[i] = s;
  }
  return scenarios;
}

/** Scenario `i` with its runs; null when a ref, flag, length or count does not fit. */
function decodeScenario(r: Reader, i: number): ScenarioState | null {
  const f = r.flags[i]!;
  const sRef = r.sRef;
  const at = i * S_REF;
  const org = sRef[at]!;
  const team = sRef[at + 1]!;
  const folder = sRef[at + 2]!;
  const health = sRef[at + 3]!;
  const sched = sRef[at + 4]!;
  const pkgs = sRef[at + 5]!;
  const t = i * S_TEXT;
  const keyLen = r.sLen[t]!;
  const nameLen = r.sLen[t + 1]!;
  const descLen = r.sLen[t + 2]!;
  const pendingLen = r.sLen[t + 3]!;
  const hasPending = (f & 8) !== 0;
  if (
    f > 15 || org === 0 || org > r.orgKeys.length || team === 0 || team > r.teamKeys.length || folder > r.folderKeys.length ||
    health === 0 || health > r.healths.length || sched > r.scheduling.length || pkgs === 0 || pkgs > r.packages.length ||
    keyLen === 0 || nameLen === 0 || descLen === 0 || hasPending !== (pendingLen !== 0)
  ) {
    return null;
  }
  const key = nextText(r, keyLen - 1);
  const name = nextText(r, nameLen - 1);
  const description = nextText(r, descLen - 1);
  const pendingId = hasPending ? nextText(r, pendingLen - 1) : '';
  if (key === null || name === null || description === null || pendingId === null) return null;
  const runs = decodeRuns(r, r.runCounts[i]!);
  if (runs === null) return null;
  const sNum = r.sNum;
  const b = i * S_NUM;
  return {
    key,
    id: sNum[b]!,
    orgKey: r.orgKeys[org - 1]!,
    teamKey: r.teamKeys[team - 1]!,
    folderKey: folder === 0 ? null : r.folderKeys[folder - 1]!,
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
    scheduling: sched === 0 ? null : r.scheduling[sched - 1]!,
    usedPackages: r.packages[pkgs - 1]!,
    health: r.healths[health - 1] as ScenarioState['health'],
    recentRuns: runs,
    pendingRun: hasPending ? { executionId: pendingId, startedAt: sNum[b + 7]! } : null,
  };
}

/** The next scenario text of `len` UTF-16 units; null when the blob is shorter. */
function nextText(r: Reader, len: number): string | null {
  const tp = r.tp;
  if (tp + len > r.sText.length) return null;
  r.tp = tp + len;
  return r.sText.slice(tp, tp + len);
}

/** The next `count` runs; null when one does not fit. */
function decodeRuns(r: Reader, count: number): RunSummary[] | null {
  const { rStatus, rTime, rNum, rRef, rIdLen, idText, types, errorMessages, errorModules } = r;
  let j = r.j;
  let ip = r.ip;
  if (j + count > r.runCount) return null;
  const runs: RunSummary[] = new Array<RunSummary>(count);
  for (let k = 0; k < count; k++, j++) {
    const st = rStatus[j]!;
    const rr = j * R_REF;
    const type = rRef[rr]!;
    const msg = rRef[rr + 1]!;
    const mod = rRef[rr + 2]!;
    const len = rIdLen[j]!;
    if (st > 3 || type > types.length || msg > errorMessages.length || mod > errorModules.length || ip + len > idText.length) {
      return null;
    }
    const rb = j * R_NUM;
    runs[k] = {
      id: idText.slice(ip, ip + len),
      status: RUN_STATUS[st]!,
      timestamp: rTime[j]!,
      durationMs: nullable(rNum[rb]!),
      operations: nullable(rNum[rb + 1]!),
      transfer: nullable(rNum[rb + 2]!),
      type: type === 0 ? null : types[type - 1]!,
      errorMessage: msg === 0 ? null : errorMessages[msg - 1]!,
      errorModule: mod === 0 ? null : errorModules[mod - 1]!,
    };
    ip += len;
  }
  r.j = j;
  r.ip = ip;
  return runs;
}
