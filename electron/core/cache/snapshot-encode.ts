// EngineState slice of one account → the JSON part and binary sections of its cache file
// (layout in snapshot-format.ts). One pass over scenarios and runs, straight into typed arrays, in small
// per-row functions that stay optimized from one save to the next (see keep-shapes.ts).
import type { AccountId, EngineState, RunSummary, ScenarioState } from '../../../shared/domain';
import { addText, intern, internJson, narrow, newDict, newJsonDict, newTextColumn, textBytes } from './column-builders';
import type { Dict, JsonDict, TextColumn } from './column-builders';
import { keepShapes } from './keep-shapes';
import { R_NUM, R_REF, S_NUM, S_REF, S_TEXT } from './snapshot-format';
import type { AccountSnapshot } from './snapshot-format';

export interface EncodedAccount {
  data: AccountSnapshot;
  /** In SECTIONS order. */
  sections: ArrayBufferView[];
}

/** First guesses at the text blobs' sizes (execution ids are 32 hex characters); they grow when short. */
const TYPICAL_SCENARIO_TEXT_BYTES = 64;
const TYPICAL_RUN_ID_BYTES = 32;
/** Run numbers are stored as uint value + 1 (0 = null) while they all stay below this. */
const UINT_LIMIT = 0xffffffff;

interface Columns {
  flags: Uint8Array;
  sNum: Float64Array;
  sRef: Uint32Array;
  sLen: Uint32Array;
  runCounts: Uint32Array;
  sText: TextColumn;
  orgKeys: Dict;
  teamKeys: Dict;
  folderKeys: Dict;
  healths: Dict;
  scheduling: JsonDict;
  packages: JsonDict;
  rStatus: Uint8Array;
  rTime: Float64Array;
  /** Run numbers as uint value + 1 until one does not fit; from then on `rNumWide` (f64, NaN = null) holds them all. */
  rNum: Uint32Array;
  rNumWide: Float64Array | null;
  rRef: Uint32Array;
  rIdLen: Uint32Array;
  rIds: TextColumn;
  types: Dict;
  errorMessages: Dict;
  errorModules: Dict;
  maxTextLen: number;
  maxRunCount: number;
  maxIdLen: number;
  maxRunNumber: number;
}

const newColumns = (n: number, m: number): Columns => ({
  flags: new Uint8Array(n),
  sNum: new Float64Array(n * S_NUM),
  sRef: new Uint32Array(n * S_REF),
  sLen: new Uint32Array(n * S_TEXT),
  runCounts: new Uint32Array(n),
  sText: newTextColumn(n * TYPICAL_SCENARIO_TEXT_BYTES),
  orgKeys: newDict(),
  teamKeys: newDict(),
  folderKeys: newDict(),
  healths: newDict(),
  scheduling: newJsonDict(),
  packages: newJsonDict(),
  rStatus: new Uint8Array(m),
  rTime: new Float64Array(m),
  rNum: new Uint32Array(m * R_NUM),
  rNumWide: null,
  rRef: new Uint32Array(m * R_REF),
  rIdLen: new Uint32Array(m),
  rIds: newTextColumn(m * TYPICAL_RUN_ID_BYTES + 256),
  types: newDict(),
  errorMessages: newDict(),
  errorModules: newDict(),
  maxTextLen: 0,
  maxRunCount: 0,
  maxIdLen: 0,
  maxRunNumber: 0,
});
keepShapes(newColumns(0, 0));

/** The slice of `state` one account reaches: its orgs, teams, their folders and scenarios. */
export function encodeAccount(state: EngineState, accountId: AccountId): EncodedAccount | null {
  const account = state.accounts[accountId];
  if (!account) return null;
  const orgs = Object.values(state.orgs).filter((o) => o.accountIds.includes(accountId));
  const teams = Object.values(state.teams).filter((t) => t.accountIds.includes(accountId));
  const teamKeys = new Set(teams.map((t) => t.key));
  const folders = Object.values(state.folders).filter((f) => teamKeys.has(f.teamKey));
  const scenarios = scenariosOfTeams(state.scenarios, Object.keys(state.scenarios), teamKeys);
  const n = scenarios.length;
  const c = newColumns(n, countRuns(scenarios));
  encodeRows(c, scenarios);
  return { data: { account, orgs, teams, folders, ...dictionaries(c, n, c.rStatus.length) }, sections: sections(c) };
}

// The loops live in functions of their own that touch only long-lived shapes, so their optimized code
// is kept from one save to the next (see keep-shapes.ts).

/** Object.keys and a lookup per key: Object.values takes V8's slow path on a 10,000-key table, twice as long. */
function scenariosOfTeams(all: Readonly<Record<string, ScenarioState>>, keys: readonly string[], teamKeys: ReadonlySet<string>): ScenarioState[] {
  const out: ScenarioState[] = [];
  for (let i = 0; i < keys.length; i++) {
    const s = all[keys[i]!]!;
    if (teamKeys.has(s.teamKey)) out.push(s);
  }
  return out;
}

function countRuns(scenarios: readonly ScenarioState[]): number {
  let m = 0;
  for (let i = 0; i < scenarios.length; i++) m += scenarios[i]!.recentRuns.length;
  return m;
}

function encodeRows(c: Columns, scenarios: readonly ScenarioState[]): void {
  let j = 0;
  for (let i = 0; i < scenarios.length; i++) j = encodeScenario(c, i, j, scenarios[i]!);
}

/** Writes scenario `i` and its runs from run `j` on; returns the index of the next run. */
function encodeScenario(c: Columns, i: number, j: number, s: ScenarioState): number {
  const pending = s.pendingRun;
  c.flags[i] = (s.isActive ? 1 : 0) | (s.isinvalid ? 2 : 0) | (s.isPaused ? 4 : 0) | (pending ? 8 : 0);
  const sNum = c.sNum;
  const b = i * S_NUM;
  sNum[b] = s.id;
  sNum[b + 1] = s.dlqCount;
  sNum[b + 2] = s.operations;
  sNum[b + 3] = s.transfer;
  sNum[b + 4] = s.nextExec ?? NaN;
  sNum[b + 5] = s.lastEdit ?? NaN;
  sNum[b + 6] = s.hookId ?? NaN;
  sNum[b + 7] = pending ? pending.startedAt : NaN;
  const sRef = c.sRef;
  const r = i * S_REF;
  sRef[r] = intern(c.orgKeys, s.orgKey);
  sRef[r + 1] = intern(c.teamKeys, s.teamKey);
  sRef[r + 2] = intern(c.folderKeys, s.folderKey);
  sRef[r + 3] = intern(c.healths, s.health);
  sRef[r + 4] = internJson(c.scheduling, s.scheduling);
  sRef[r + 5] = internJson(c.packages, s.usedPackages);
  const t = i * S_TEXT;
  scenarioText(c, t, s.key);
  scenarioText(c, t + 1, s.name);
  scenarioText(c, t + 2, s.description);
  if (pending) scenarioText(c, t + 3, pending.executionId);

  const runs = s.recentRuns;
  c.runCounts[i] = runs.length;
  if (runs.length > c.maxRunCount) c.maxRunCount = runs.length;
  prefetchRuns(runs);
  for (let k = 0; k < runs.length; k++) encodeRun(c, j + k, runs[k]!);
  return j + runs.length;
}

function scenarioText(c: Columns, at: number, v: string): void {
  c.sLen[at] = v.length + 1;
  if (v.length + 1 > c.maxTextLen) c.maxTextLen = v.length + 1;
  addText(c.sText, v);
}

/** Where prefetchRuns leaves its result, so the loads are not optimized away. */
const SINK = new Float64Array(1);

/**
 * Reads what encodeRun will read from each run, in a loop small enough that the CPU keeps many of these
 * cache misses in flight at once (the runs lie scattered over the heap); encodeRun's longer body would
 * otherwise wait for them one by one.
 */
function prefetchRuns(runs: readonly RunSummary[]): void {
  let x = 0;
  for (let k = 0; k < runs.length; k++) {
    const run = runs[k]!;
    x += run.timestamp + run.id.length;
  }
  SINK[0] = x;
}

function encodeRun(c: Columns, j: number, run: RunSummary): void {
  const status = run.status;
  c.rStatus[j] = status === 'running' ? 0 : status;
  c.rTime[j] = run.timestamp;
  const rb = j * R_NUM;
  runNumber(c, rb, run.durationMs);
  runNumber(c, rb + 1, run.operations);
  runNumber(c, rb + 2, run.transfer);
  const rRef = c.rRef;
  const rr = j * R_REF;
  rRef[rr] = intern(c.types, run.type);
  rRef[rr + 1] = intern(c.errorMessages, run.errorMessage);
  rRef[rr + 2] = intern(c.errorModules, run.errorModule);
  const id = run.id;
  c.rIdLen[j] = id.length;
  if (id.length > c.maxIdLen) c.maxIdLen = id.length;
  addText(c.rIds, id);
}

function runNumber(c: Columns, at: number, v: number | null): void {
  const wide = c.rNumWide;
  if (wide !== null) wide[at] = v ?? NaN;
  else if (v === null) return; // stays 0
  else if (Number.isInteger(v) && v >= 0 && v < UINT_LIMIT) {
    c.rNum[at] = v + 1;
    if (v > c.maxRunNumber) c.maxRunNumber = v;
  } else widenRunNumbers(c)[at] = v;
}

/** A run number that is not a small whole number: every run number goes to f64 from now on. */
function widenRunNumbers(c: Columns): Float64Array {
  const narrowed = c.rNum;
  const wide = new Float64Array(narrowed.length);
  for (let i = 0; i < narrowed.length; i++) wide[i] = narrowed[i] === 0 ? NaN : narrowed[i]! - 1;
  c.rNumWide = wide;
  return wide;
}

function dictionaries(c: Columns, n: number, m: number): Pick<AccountSnapshot, 'scenarios' | 'runs'> {
  return {
    scenarios: {
      count: n,
      orgKeys: c.orgKeys.values,
      teamKeys: c.teamKeys.values,
      folderKeys: c.folderKeys.values,
      healths: c.healths.values,
      scheduling: c.scheduling.texts.values,
      packages: c.packages.texts.values,
    },
    runs: { count: m, types: c.types.values, errorMessages: c.errorMessages.values, errorModules: c.errorModules.values },
  };
}

/** The binary sections in SECTIONS order, integer columns at their narrowest width. */
function sections(c: Columns): ArrayBufferView[] {
  const longest = (...dicts: Dict[]) => Math.max(0, ...dicts.map((d) => d.values.length));
  const scenarioDicts = longest(c.orgKeys, c.teamKeys, c.folderKeys, c.healths, c.scheduling.texts, c.packages.texts);
  return [
    c.flags,
    c.sNum,
    narrow(c.sRef, scenarioDicts),
    narrow(c.sLen, c.maxTextLen),
    narrow(c.runCounts, c.maxRunCount),
    c.rStatus,
    c.rTime,
    c.rNumWide ?? narrow(c.rNum, c.maxRunNumber + 1),
    narrow(c.rRef, longest(c.types, c.errorMessages, c.errorModules)),
    narrow(c.rIdLen, c.maxIdLen),
    textBytes(c.sText),
    textBytes(c.rIds),
  ];
}
