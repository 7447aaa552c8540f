// Performance marks the benchmarks (test/bench/renderer.ts) read: each is set once per page load.
//   state-loaded  the first state snapshot reached the window's store
//   first-rows    the scenario list's first rows were committed and their frame painted
export const PERF_MARKS = { stateLoaded: 'state-loaded', firstRows: 'first-rows' } as const;

export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}

/** Marks `name` after the next frame is painted (a task queued from that frame's rAF runs after paint). */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return markOnce(name);
  requestAnimationFrame(() => setTimeout(() => markOnce(name), 0));
}
