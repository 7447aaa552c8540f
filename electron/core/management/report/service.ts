// The agency report for chosen organizations and a date range: the scenarios the app knows, the run
// history it holds plus what it fetches within the budget, aggregated.
import type { OrgKey, ScenarioKey, TeamKey } from '../../../../shared/domain';
import type { ManagementPort } from '../ports';
import { failed, invalidInput, ok, type ManagementResult } from '../results';
import { buildAgencyReport, type AgencyReport, type ReportRange, type ReportRun, type ReportScenarioInput } from './aggregate';
import { fetchReportHistory, type FetchHistoryOptions } from './fetch-history';
import { ReportHistory } from './history';

export interface AgencyReportRequest extends FetchHistoryOptions {
  orgKeys: readonly OrgKey[];
  range: ReportRange;
  onlyWithRuns?: boolean;
}

export class AgencyReportService {
  /** Kept across reports, so an overlapping range fetches only what is new. */
  readonly history: ReportHistory;

  constructor(
    private readonly port: ManagementPort,
    history?: ReportHistory,
  ) {
    this.history = history ?? new ReportHistory();
  }

  async build(req: AgencyReportRequest): Promise<ManagementResult<AgencyReport>> {
    const { range } = req;
    if (!Number.isFinite(range.from) || !Number.isFinite(range.to) || range.from >= range.to) {
      return invalidInput(['The report needs a start date before its end date.'], 'range');
    }
    if (req.orgKeys.length === 0) return invalidInput(['Choose at least one organization.'], 'orgKeys');
    const state = this.port.getState();
    const orgs = [];
    for (const key of req.orgKeys) {
      const org = state.orgs[key];
      if (!org) return failed({ code: 'not-found', message: 'One of the chosen organizations is not known to the app (anymore).' });
      orgs.push({ key, name: org.name });
    }
    const wanted = new Set(req.orgKeys);
    const scenarios: ReportScenarioInput[] = Object.values(state.scenarios)
      .filter((s) => wanted.has(s.orgKey))
      .map((s) => ({ key: s.key, id: s.id, name: s.name, orgKey: s.orgKey, teamKey: s.teamKey }));
    const outcome = await fetchReportHistory(this.port, this.history, scenarios, range, req);
    if (outcome.error) return failed(outcome.error);
    const runsByScenario: Record<ScenarioKey, ReportRun[]> = {};
    for (const s of scenarios) runsByScenario[s.key] = this.history.runs(s.key, range);
    const teamNames: Record<TeamKey, string> = {};
    for (const t of Object.values(state.teams)) teamNames[t.key] = t.name;
    return ok(
      buildAgencyReport(runsByScenario, scenarios, orgs, range, {
        teamNames,
        incomplete: outcome.incomplete,
        ...(req.onlyWithRuns !== undefined ? { onlyWithRuns: req.onlyWithRuns } : {}),
      }),
    );
  }
}
