import { describe, expect, it } from 'vitest';
import { VIEW_RECENT_RUNS, toViewState } from '../../../shared/contract-view';
import { diffState } from '../../../shared/state-patch';
import type { RunSummary } from '../../../shared/domain';
import { makeWorld, scenario } from '../../renderer/support/world';

const run = (j: number): RunSummary => ({
  id: j.toString(16).padStart(32, '0'), status: 1, timestamp: 1_000_000 - j, durationMs: 1, operations: 1, transfer: 0, type: 'auto', errorMessage: null, errorModule: null,
});

describe('toViewState', () => {
  it('keeps only the newest runs of each scenario and leaves the engine state alone', () => {
    const st = makeWorld(3);
    const long = scenario({ id: 99, recentRuns: Array.from({ length: 50 }, (_, j) => run(j)) });
    st.scenarios[long.key] = long;
    const view = toViewState(st);
    expect(view.scenarios[long.key]!.recentRuns).toHaveLength(VIEW_RECENT_RUNS);
    expect(view.scenarios[long.key]!.recentRuns[0]).toBe(long.recentRuns[0]);
    expect(long.recentRuns).toHaveLength(50);
    expect(st.scenarios[long.key]).toBe(long);
  });

  it('keeps identities, so a diff of two projections holds only the scenarios that changed', () => {
    const st = makeWorld(20);
    const long = scenario({ id: 99, recentRuns: Array.from({ length: 50 }, (_, j) => run(j)) });
    st.scenarios[long.key] = long;
    const a = toViewState(st);
    expect(toViewState(st)).toStrictEqual(a);
    expect(toViewState(st).scenarios).toBe(a.scenarios);
    const changed = { ...long, recentRuns: [run(-1), ...long.recentRuns] };
    const next = { ...st, scenarios: { ...st.scenarios, [long.key]: changed } };
    const patch = diffState(a, toViewState(next));
    expect(Object.keys(patch.scenarios?.upsert ?? {})).toEqual([long.key]);
    expect(patch.scenarios!.upsert![long.key]!.recentRuns[0]!.id).toBe(run(-1).id);
    expect(patch.scenarios!.upsert![long.key]!.recentRuns).toHaveLength(VIEW_RECENT_RUNS);
  });

  it('returns the state itself when no scenario has more runs than the view keeps', () => {
    const st = makeWorld(10);
    expect(toViewState(st)).toBe(st);
  });
});
