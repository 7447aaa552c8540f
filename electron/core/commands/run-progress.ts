// `run.progress` events derived from state changes, so every transport reports runs the same way and
// the engine needs no separate event channel: a pending run appearing means "started"; the run then
// showing up in `recentRuns` with an outcome means "finished". The tracker remembers runs it announced
// until they finish (or an hour passes), because the pending marker may clear before the run is listed.
import type { RunProgress } from '../../../shared/contract';
import type { EngineState, Millis, ScenarioKey } from '../../../shared/domain';

const FORGET_AFTER_MS = 60 * 60_000;

export interface RunProgressTracker {
  /** Events for the change from `prev` to `next`; `changed` = scenario keys whose entity changed. */
  update(prev: EngineState, next: EngineState, changed: Iterable<ScenarioKey>, at: Millis): RunProgress[];
  /** A run the app started (the `scenario.run` reply): its "started" event, unless already announced. */
  watch(key: ScenarioKey, executionId: string, at: Millis): RunProgress | null;
}

export function createRunProgressTracker(): RunProgressTracker {
  /** executionId → scenario key and when it started. */
  const watched = new Map<string, { key: ScenarioKey; since: Millis }>();
  return {
    watch(key, executionId, at) {
      if (watched.has(executionId)) return null;
      watched.set(executionId, { key, since: at });
      return { key, executionId, status: 'running', at, durationMs: null, errorMessage: null };
    },
    update(prev, next, changed, at) {
      const out: RunProgress[] = [];
      for (const [id, w] of watched) if (at - w.since > FORGET_AFTER_MS) watched.delete(id);
      for (const key of changed) {
        const before = prev.scenarios[key];
        const after = next.scenarios[key];
        if (!after || before === after) continue;
        const pending = after.pendingRun;
        if (pending && pending.executionId !== before?.pendingRun?.executionId && !watched.has(pending.executionId)) {
          watched.set(pending.executionId, { key, since: at });
          out.push({ key, executionId: pending.executionId, status: 'running', at, durationMs: null, errorMessage: null });
        }
        for (const run of after.recentRuns) {
          const w = watched.get(run.id);
          if (!w || w.key !== key || run.status === 'running') continue;
          watched.delete(run.id);
          out.push({ key, executionId: run.id, status: run.status, at, durationMs: run.durationMs, errorMessage: run.errorMessage });
        }
      }
      return out;
    },
  };
}
