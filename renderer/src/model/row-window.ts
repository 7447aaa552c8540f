// Which rows of a fixed-row-height list are in (or near) the viewport: plain arithmetic, so the list
// never measures its rows (no forced layout on the first render) and never walks all 5,000 of them.
// Hand-written instead of @tanstack/react-virtual: with rows of one height the window is a division, and
// the library's per-row measurement cost ~15–20 ms of forced layout on the 5,000-row first render.

export interface RowWindow {
  /** First row index rendered (inclusive). */
  start: number;
  /** Last row index rendered (exclusive). */
  end: number;
}

export function rowWindow(scrollTop: number, viewportHeight: number, rowHeight: number, count: number, overscan: number): RowWindow {
  if (count <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const height = Math.max(0, viewportHeight);
  // The browser clamps the scroll position when the list gets shorter (a filter); so does this.
  const top = Math.min(Math.max(0, scrollTop), Math.max(0, count * rowHeight - height));
  const first = Math.floor(top / rowHeight);
  const last = Math.ceil((top + height) / rowHeight);
  return { start: Math.max(0, Math.min(count - 1, first - overscan)), end: Math.min(count, last + overscan) };
}

/** The scroll position that brings row `index` into view with the least movement (nothing if it is). */
export function scrollToShow(index: number, scrollTop: number, viewportHeight: number, rowHeight: number): number {
  const top = index * rowHeight;
  const bottom = top + rowHeight;
  if (top < scrollTop) return top;
  if (bottom > scrollTop + viewportHeight) return Math.max(0, bottom - viewportHeight);
  return scrollTop;
}
