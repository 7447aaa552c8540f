// Windowing for a list of fixed-height rows: renders only the rows in (and just around) the scroll
// box. Nothing is measured synchronously: until a ResizeObserver has reported the box's height, the
// window's height stands in for it (no layout needed, and never too small). The box exists while the
// state is still loading (the list shows its skeleton in it), so by the time the rows come the real
// height is usually known and the first rows are exactly the ones that show.
import { useCallback, useEffect, useRef, useState } from 'react';
import { rowWindow, scrollToShow, type RowWindow } from '../model/row-window';

interface Viewport {
  top: number;
  height: number;
}

// jsdom and hidden windows report a 0 px viewport; render a screenful instead of nothing.
const FALLBACK_HEIGHT = 600;
const initialViewport = (): Viewport => ({ top: 0, height: (typeof window !== 'undefined' && window.innerHeight) || FALLBACK_HEIGHT });

export interface RowWindowControls extends RowWindow {
  /** Attach to the scroll box. */
  ref: (el: HTMLElement | null) => void;
  /** The scroll box, once attached. */
  box: () => HTMLElement | null;
  /** Scrolls the least needed to show row `index`, and renders that window at once. */
  show(index: number): void;
  /** Rows that fit in the viewport (for Page Up / Page Down). */
  pageRows(): number;
}

export function useRowWindow(count: number, rowHeight: number, overscan: number): RowWindowControls {
  const [view, setView] = useState(initialViewport);
  const win = rowWindow(view.top, view.height, rowHeight, count, overscan);
  const countRef = useRef(count);
  countRef.current = count;
  const [el, setEl] = useState<HTMLElement | null>(null);
  const elRef = useRef<HTMLElement | null>(null);
  const ref = useCallback((node: HTMLElement | null) => {
    elRef.current = node;
    setEl(node);
  }, []);
  const box = useCallback(() => elRef.current, []);

  useEffect(() => {
    if (!el) return;
    // Re-renders only when rows are missing, or when more than `overscan` rows are rendered for
    // nothing: scrolling within the window, or the box shrinking a little (the header and footer
    // fill in when the state comes), costs no render right after the first paint.
    const update = (top: number, measured: number) =>
      setView((v) => {
        const next = { top, height: measured > 0 ? measured : v.height };
        const now = rowWindow(v.top, v.height, rowHeight, countRef.current, overscan);
        const want = rowWindow(next.top, next.height, rowHeight, countRef.current, overscan);
        const covered = want.start >= now.start && want.end <= now.end;
        return covered && now.end - now.start - (want.end - want.start) <= overscan ? v : next;
      });
    const onScroll = () => update(el.scrollTop, el.clientHeight);
    el.addEventListener('scroll', onScroll, { passive: true });
    const ro = typeof ResizeObserver === 'function' ? new ResizeObserver((entries) => update(el.scrollTop, entries[0]?.contentRect.height ?? 0)) : null;
    ro?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      ro?.disconnect();
    };
  }, [el, rowHeight, overscan]);

  const show = useCallback(
    (index: number) => {
      const node = elRef.current;
      if (!node) return;
      const height = node.clientHeight || FALLBACK_HEIGHT;
      const top = scrollToShow(index, node.scrollTop, height, rowHeight);
      if (top !== node.scrollTop) node.scrollTop = top;
      setView({ top, height });
    },
    [rowHeight],
  );

  const pageRows = useCallback(() => Math.max(1, Math.floor((elRef.current?.clientHeight || FALLBACK_HEIGHT) / rowHeight) - 1), [rowHeight]);

  return { ...win, ref, box, show, pageRows };
}
