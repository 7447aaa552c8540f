// Performance marks the benchmarks (test/bench/renderer.ts) read: each is set once per page load.
//   state-loaded  the first state snapshot reached the window's store
//   first-rows    the scenario list's first rows were committed and their frame painted
export const PERF_MARKS = { stateLoaded: 'state-loaded', firstRows: 'first-rows' } as const;

export function markOnce(name: string): void {
  if (typeof performance === 'undefined' || typeof performance.mark !== 'function') return;
  if (performance.getEntriesByName(name, 'mark').length > 0) return;
  performance.mark(name);
}

/** The Prioritized Task Scheduling API (Chromium); not in TypeScript's DOM library yet. */
type PostTask = (cb: () => void, opts: { priority: 'user-blocking' }) => Promise<unknown>;

/**
 * Marks `name` after the next frame is painted: a task queued from that frame's animation-frame
 * callback runs only once the frame's rendering (style, layout, paint) is done. The task is
 * user-blocking where the browser has priorities, so the mark is not held back behind unrelated
 * tasks already waiting (a socket message, a timer) and says when the paint happened.
 */
export function markAfterPaint(name: string): void {
  if (typeof requestAnimationFrame !== 'function') return markOnce(name);
  const postTask = (globalThis as { scheduler?: { postTask?: PostTask } }).scheduler?.postTask;
  requestAnimationFrame(() => {
    if (postTask) void postTask.call((globalThis as { scheduler?: unknown }).scheduler, () => markOnce(name), { priority: 'user-blocking' });
    else setTimeout(() => markOnce(name), 0);
  });
}
