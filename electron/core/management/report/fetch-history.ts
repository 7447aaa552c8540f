// Fetches the run history a report is missing: per scenario, only the spans the ReportHistory lacks,
// every page of `GET /scenarios/{id}/logs?from&to` at background priority through the governor (user
// actions keep going first), within a request cap, reporting progress. What cannot be read within the
// cap is marked incomplete instead of being guessed.
import type { Millis, OrgKey, ScenarioKey } from '../../../../shared/domain';
import { isMakeApiError, isMissingScope, isNotFound, toRunSummary } from '../../make';
import type { ManagementPort } from '../ports';
import { toManagementError, type ManagementError } from '../results';
import type { ReportRange, ReportScenarioInput } from './aggregate';
import type { ReportHistory } from './history';

export interface ReportProgress {
  scenariosDone: number;
  scenariosTotal: number;
  /** Requests sent so far for this report. */
  requests: number;
}

export interface FetchHistoryOptions {
  /** Most requests this report may spend (it shares the organizations' budgets). Default 1000. */
  maxRequests?: number;
  /** Log entries per page. Default 100 (Make documents no maximum). */
  pageSize?: number;
  /** Scenarios read at the same time. Default 3. */
  concurrency?: number;
  /** A run started this close to now may still be going: that tail is never recorded as complete. */
  settleMs?: number;
  onProgress?: (p: ReportProgress) => void;
  signal?: AbortSignal;
}

export interface FetchHistoryOutcome {
  /** Scenarios whose history for the range could not be read completely. */
  incomplete: Set<ScenarioKey>;
  requests: number;
  /** A failure that stopped the whole fetch (e.g. a missing scope), if any. */
  error: ManagementError | null;
}

const DEFAULTS = { maxRequests: 1000, pageSize: 100, concurrency: 3, settleMs: 45 * 60_000 };

class StopFetch extends Error {
  constructor(readonly error: ManagementError) {
    super(error.message);
  }
}

export async function fetchReportHistory(
  port: ManagementPort,
  history: ReportHistory,
  scenarios: readonly ReportScenarioInput[],
  range: ReportRange,
  opts: FetchHistoryOptions = {},
): Promise<FetchHistoryOutcome> {
  const maxRequests = opts.maxRequests ?? DEFAULTS.maxRequests;
  const pageSize = opts.pageSize ?? DEFAULTS.pageSize;
  const settleMs = opts.settleMs ?? DEFAULTS.settleMs;
  const incomplete = new Set<ScenarioKey>();
  let requests = 0;
  let done = 0;
  let stop: ManagementError | null = null;
  const report = () => opts.onProgress?.({ scenariosDone: done, scenariosTotal: scenarios.length, requests });
  report();

  const fetchSpan = async (s: ReportScenarioInput, orgKey: OrgKey, from: Millis, to: Millis): Promise<boolean> => {
    const client = port.clientFor(orgKey);
    if (!client) throw new StopFetch({ code: 'refused', message: 'No signed-in account can reach this organization right now.' });
    const settledUntil = port.now() - settleMs;
    let offset = 0;
    for (;;) {
      if (stop || opts.signal?.aborted) return false;
      if (requests >= maxRequests) return false;
      requests++;
      const page = await port.governed(orgKey, 'background', (signal) =>
        // Make's `to` is taken as inclusive; the half-open range is applied again on the entries.
        client.listScenarioLogs(s.id, { from, to: to - 1, offset, limit: pageSize }, { signal }),
      );
      const runs = page.items.map((l) => toRunSummary(l));
      const finished = page.nextOffset === null || page.items.length === 0;
      const completeTo = Math.min(to, settledUntil);
      history.add(s.key, runs, finished && completeTo > from ? { from, to: completeTo } : undefined);
      if (finished) return true;
      offset = page.nextOffset!;
    }
  };

  const one = async (s: ReportScenarioInput): Promise<void> => {
    let complete = true;
    try {
      for (const [from, to] of history.missing(s.key, range)) {
        if (!(await fetchSpan(s, s.orgKey, from, to))) {
          complete = false;
          break;
        }
      }
    } catch (err) {
      complete = false;
      if (err instanceof StopFetch) stop ??= err.error;
      else if (isMissingScope(err) || (isMakeApiError(err) && err.status === 401)) stop ??= toManagementError(err, { thing: 'run history' });
      else if (isNotFound(err)) history.forget(s.key);
      // Other failures (rate limit after retries, network): this scenario stays incomplete.
    }
    if (!complete) incomplete.add(s.key);
    done++;
    report();
  };

  const queue = [...scenarios];
  const workers = Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? DEFAULTS.concurrency, queue.length)) }, async () => {
    for (let s = queue.shift(); s; s = queue.shift()) await one(s);
  });
  await Promise.all(workers);
  return { incomplete, requests, error: stop };
}
