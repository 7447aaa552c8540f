// Follows a run started from the app until Make reports its end: execution detail (status, error) first,
// then the log entry (duration, operations). Right after POST /run both may answer 404 for a moment.
import { sleep, type Clock } from '../../../shared/clock';
import type { RunSummary } from '../../../shared/domain';
import { isNotFound, runStatusOfExecution, toRunSummary } from '../make';
import type { ExecutionDetail, MakeClient } from '../make';

/** Waits between looks at a running execution: quick at first, then every 10 s. */
export const FOLLOW_DELAYS_MS = [1_000, 1_000, 2_000, 3_000, 5_000, 8_000, 10_000] as const;
/** Make stops executions after 40 min; give up following a little later. */
export const FOLLOW_MAX_MS = 45 * 60_000;
/** 404s tolerated in a row while the execution becomes visible. */
export const NOT_FOUND_TOLERANCE = 8;

export interface FollowRunInput {
  client: MakeClient;
  clock: Clock;
  scenarioId: number;
  executionId: string;
  startedAt: number;
  /** Runs one request under the governor. */
  governed: <T>(task: (signal: AbortSignal) => Promise<T>) => Promise<T>;
  signal?: AbortSignal;
}

export async function followRun(input: FollowRunInput): Promise<RunSummary | null> {
  const { client, clock, scenarioId, executionId, governed, signal } = input;
  let notFound = 0;
  for (let i = 0; clock.now() - input.startedAt < FOLLOW_MAX_MS; i++) {
    await sleep(clock, FOLLOW_DELAYS_MS[Math.min(i, FOLLOW_DELAYS_MS.length - 1)] as number, signal);
    let detail: ExecutionDetail;
    try {
      detail = await governed((s) => client.getExecutionDetail(scenarioId, executionId, {}, { signal: s }));
    } catch (err) {
      if (isNotFound(err) && ++notFound <= NOT_FOUND_TOLERANCE) continue;
      throw err;
    }
    notFound = 0;
    const status = runStatusOfExecution(detail.status);
    if (status === 'running' || status === null) continue;
    return finish(input, detail);
  }
  return null;
}

async function finish(input: FollowRunInput, detail: ExecutionDetail): Promise<RunSummary> {
  const { client, clock, scenarioId, executionId, governed, signal } = input;
  const status = runStatusOfExecution(detail.status);
  const errorMessage = detail.error?.message ?? null;
  const errorModule = detail.error ? (detail.error.moduleName ?? detail.error.appName) : null;
  for (let i = 0; i <= NOT_FOUND_TOLERANCE; i++) {
    try {
      const log = await governed((s) => client.getScenarioLog(scenarioId, executionId, { signal: s }));
      return { ...toRunSummary(log), errorMessage, errorModule };
    } catch (err) {
      if (!isNotFound(err)) throw err;
      await sleep(clock, FOLLOW_DELAYS_MS[Math.min(i, FOLLOW_DELAYS_MS.length - 1)] as number, signal);
    }
  }
  // The detail alone: the run is over even if its log entry never showed up.
  return {
    id: executionId,
    status: status === null || status === 'running' ? 3 : status,
    timestamp: input.startedAt,
    durationMs: null,
    operations: null,
    transfer: null,
    type: 'manual',
    errorMessage,
    errorModule,
  };
}
