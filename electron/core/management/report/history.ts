// Run history the app holds for reports: per scenario, the runs and the time spans known to be
// complete. A report asks what is missing for its range and fetches only that. Spans that end too
// close to now are not recorded as complete: a run still going appears in Make's logs only later.
import type { Millis, ScenarioKey } from '../../../../shared/domain';
import type { ReportRange, ReportRun } from './aggregate';

type Span = [from: Millis, to: Millis];

interface ScenarioHistory {
  runs: Map<string, ReportRun>;
  /** Sorted, non-overlapping, half-open. */
  covered: Span[];
}

/** Subtracts sorted `covered` spans from [from, to). */
export function missingSpans(covered: readonly Span[], range: ReportRange): Span[] {
  const out: Span[] = [];
  let cursor = range.from;
  for (const [a, b] of covered) {
    if (b <= cursor) continue;
    if (a >= range.to) break;
    if (a > cursor) out.push([cursor, Math.min(a, range.to)]);
    cursor = Math.max(cursor, b);
    if (cursor >= range.to) break;
  }
  if (cursor < range.to) out.push([cursor, range.to]);
  return out;
}

export function mergeSpan(covered: readonly Span[], span: Span): Span[] {
  if (span[1] <= span[0]) return [...covered];
  const all = [...covered, span].sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const s of all) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

export class ReportHistory {
  private readonly byScenario = new Map<ScenarioKey, ScenarioHistory>();

  private entry(key: ScenarioKey): ScenarioHistory {
    let h = this.byScenario.get(key);
    if (!h) this.byScenario.set(key, (h = { runs: new Map(), covered: [] }));
    return h;
  }

  /** What must still be fetched for `range`. */
  missing(key: ScenarioKey, range: ReportRange): Span[] {
    return missingSpans(this.byScenario.get(key)?.covered ?? [], range);
  }

  /** Records runs; with `completeFor`, that span is known complete (every run in it is among them). */
  add(key: ScenarioKey, runs: readonly ReportRun[], completeFor?: ReportRange): void {
    const h = this.entry(key);
    for (const r of runs) if (r.status !== 'running') h.runs.set(r.id, r);
    if (completeFor) h.covered = mergeSpan(h.covered, [completeFor.from, completeFor.to]);
  }

  runs(key: ScenarioKey, range: ReportRange): ReportRun[] {
    const h = this.byScenario.get(key);
    if (!h) return [];
    return [...h.runs.values()].filter((r) => r.timestamp >= range.from && r.timestamp < range.to);
  }

  forget(key: ScenarioKey): void {
    this.byScenario.delete(key);
  }
}
