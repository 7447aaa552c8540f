// The agency report: per scenario runs, failures, warnings, operations and data transfer for a date
// range, with totals per organization and overall. Pure: the runs, scenarios and organizations in,
// the report out.
import type { Millis, OrgKey, RunStatus, ScenarioKey, TeamKey } from '../../../../shared/domain';

/** Half-open: `from` ≤ run start < `to` (epoch ms). */
export interface ReportRange {
  from: Millis;
  to: Millis;
}

/** The fields of a run the report reads (a RunSummary has them all). */
export interface ReportRun {
  id: string;
  status: RunStatus;
  timestamp: Millis;
  operations: number | null;
  transfer: number | null;
}

export interface ReportScenarioInput {
  key: ScenarioKey;
  id: number;
  name: string;
  orgKey: OrgKey;
  teamKey?: TeamKey;
}

export interface ReportOrgInput {
  key: OrgKey;
  name: string;
}

export interface ReportCounts {
  runs: number;
  successes: number;
  warnings: number;
  failures: number;
  operations: number;
  /** Bytes. */
  transfer: number;
}

export interface ReportScenarioRow extends ReportCounts {
  key: ScenarioKey;
  id: number;
  name: string;
  teamName: string | null;
  /** The history for the range could not be read completely: the numbers are a lower bound. */
  incomplete: boolean;
}

export interface ReportOrgSection {
  key: OrgKey;
  name: string;
  scenarios: ReportScenarioRow[];
  totals: ReportCounts;
  incomplete: boolean;
}

export interface AgencyReport {
  range: ReportRange;
  orgs: ReportOrgSection[];
  totals: ReportCounts;
  incomplete: boolean;
}

export interface BuildReportOptions {
  /** Team names for the rows. */
  teamNames?: Readonly<Record<TeamKey, string>>;
  /** Scenarios whose history could not be read completely. */
  incomplete?: ReadonlySet<ScenarioKey>;
  /** Leave out scenarios without a run in the range. Default false (every scenario is listed). */
  onlyWithRuns?: boolean;
}

export const emptyCounts = (): ReportCounts => ({ runs: 0, successes: 0, warnings: 0, failures: 0, operations: 0, transfer: 0 });

function add(into: ReportCounts, c: ReportCounts): void {
  into.runs += c.runs;
  into.successes += c.successes;
  into.warnings += c.warnings;
  into.failures += c.failures;
  into.operations += c.operations;
  into.transfer += c.transfer;
}

const count = (v: number | null): number => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : 0);

/** Finished runs in the range, each execution once; runs still going are left out. */
export function countRuns(runs: readonly ReportRun[], range: ReportRange): ReportCounts {
  const c = emptyCounts();
  const seen = new Set<string>();
  for (const r of runs) {
    if (r.status === 'running' || r.timestamp < range.from || r.timestamp >= range.to || seen.has(r.id)) continue;
    seen.add(r.id);
    c.runs++;
    if (r.status === 1) c.successes++;
    else if (r.status === 2) c.warnings++;
    else if (r.status === 3) c.failures++;
    c.operations += count(r.operations);
    c.transfer += count(r.transfer);
  }
  return c;
}

export function buildAgencyReport(
  runsByScenario: Readonly<Record<ScenarioKey, readonly ReportRun[]>>,
  scenarios: readonly ReportScenarioInput[],
  orgs: readonly ReportOrgInput[],
  range: ReportRange,
  opts: BuildReportOptions = {},
): AgencyReport {
  const totals = emptyCounts();
  const sections: ReportOrgSection[] = [];
  const seenOrgs = new Set<OrgKey>();
  for (const org of orgs) {
    if (seenOrgs.has(org.key)) continue;
    seenOrgs.add(org.key);
    const rows: ReportScenarioRow[] = [];
    const orgTotals = emptyCounts();
    const seenScenarios = new Set<ScenarioKey>();
    for (const s of scenarios) {
      if (s.orgKey !== org.key || seenScenarios.has(s.key)) continue;
      seenScenarios.add(s.key);
      const c = countRuns(runsByScenario[s.key] ?? [], range);
      if (opts.onlyWithRuns && c.runs === 0) continue;
      rows.push({
        key: s.key,
        id: s.id,
        name: s.name,
        teamName: s.teamKey ? (opts.teamNames?.[s.teamKey] ?? null) : null,
        incomplete: opts.incomplete?.has(s.key) ?? false,
        ...c,
      });
      add(orgTotals, c);
    }
    rows.sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
    add(totals, orgTotals);
    sections.push({ key: org.key, name: org.name, scenarios: rows, totals: orgTotals, incomplete: rows.some((r) => r.incomplete) });
  }
  return { range: { ...range }, orgs: sections, totals, incomplete: sections.some((s) => s.incomplete) };
}
