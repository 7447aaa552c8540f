// The on-disk shape of one account's slice of EngineState (format version 3). The small tables
// (account, orgs, teams, folders) are JSON, validated with zod. Scenarios (10,000 and more) and their
// runs (100,000 and more) are binary columns: numbers in typed arrays, repeated strings (org/team/folder
// keys, health, run type, error text, scheduling, packages) as refs into per-column dictionaries kept in
// the JSON part, the other strings in one UTF-8 blob per table with their lengths. Integer columns are
// stored at the narrowest width that holds their largest value (u8, u16 or u32); a reader tells the
// width from the section's size. The binary part is checked against the JSON part (section sizes,
// counts, refs, enums) and by the file checksum.
import { z } from 'zod';
import {
  AccountStateSchema,
  FolderStateSchema,
  OrgStateSchema,
  ScenarioHealthSchema,
  SchedulingSchema,
  TeamStateSchema,
} from '../../../shared/contract-schemas';
import type { AccountState, FolderState, OrgState, TeamState } from '../../../shared/domain';

/** v2 had one dictionary per table and fixed-width columns; a v2 file is moved aside and refetched. */
export const CACHE_VERSION = 3;

// The same schemas the contract uses: the cache holds the same domain tables.
const accountSchema = AccountStateSchema satisfies z.ZodType<AccountState>;
const orgSchema = OrgStateSchema satisfies z.ZodType<OrgState>;
const teamSchema = TeamStateSchema satisfies z.ZodType<TeamState>;
const folderSchema = FolderStateSchema satisfies z.ZodType<FolderState>;
export const schedulingSchema = SchedulingSchema.loose();
export const HEALTHS = new Set<string>(ScenarioHealthSchema.options);

const texts = z.array(z.string());

/** The JSON part of the scenario columns: a count and the dictionaries refs point into (ref = index + 1, 0 = null). */
const scenariosHeader = z.object({
  count: z.number().int().nonnegative(),
  orgKeys: texts,
  teamKeys: texts,
  folderKeys: texts,
  healths: texts,
  /** Distinct scheduling objects and usedPackages arrays, as JSON texts. */
  scheduling: texts,
  packages: texts,
});

const runsHeader = z.object({
  count: z.number().int().nonnegative(),
  types: texts,
  errorMessages: texts,
  errorModules: texts,
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

/** The binary sections, in file order (texts last: they need no alignment). */
export const SECTIONS = [
  /** u8 per scenario: isActive | isinvalid << 1 | isPaused << 2 | has pendingRun << 3. */
  'scenarioFlags',
  /** f64 × S_NUM per scenario (NaN for null). */
  'scenarioNumbers',
  /** uint × S_REF per scenario: dictionary refs. */
  'scenarioRefs',
  /** uint × S_TEXT per scenario: UTF-16 length + 1 of each text in scenarioText (0 for null). */
  'scenarioTextLengths',
  /** uint per scenario: its number of runs (runs follow in scenario order). */
  'runCounts',
  /** u8 per run: 0 running, 1–3 Make's status. */
  'runStatus',
  /** f64 per run. */
  'runTimestamps',
  /** R_NUM per run: uint value + 1 (0 for null) when every value is a small whole number, else f64 (NaN for null). */
  'runNumbers',
  /** uint × R_REF per run. */
  'runRefs',
  /** uint per run: UTF-16 length of its id in runIds. */
  'runIdLengths',
  'scenarioText',
  'runIds',
] as const;
export type SectionName = (typeof SECTIONS)[number];
export const sectionIndex = (name: SectionName): number => SECTIONS.indexOf(name);

export const S_NUM = 8; // id, dlqCount, operations, transfer, nextExec, lastEdit, hookId, pendingRun.startedAt
export const S_REF = 6; // orgKey, teamKey, folderKey, health, scheduling, usedPackages
export const S_TEXT = 4; // key, name, description, pendingRun.executionId
export const R_NUM = 3; // durationMs, operations, transfer
export const R_REF = 3; // type, errorMessage, errorModule
