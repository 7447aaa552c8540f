// The virtualized scenario grid: arrow keys move between rows, Enter opens the detail,
// Tab reaches the row's switch and Run button.
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../shared/domain';
import { useEngine, useNow, useServices, useUi } from '../app-context';
import { ActiveSwitch } from '../components/ActiveSwitch';
import { Sparkline } from '../components/Sparkline';
import { StatusChip } from '../components/StatusChip';
import { describeError } from '../describe-error';
import { formatRelative, describeSchedule } from '../i18n/format';
import { lastRunAt, queryScenarios } from '../model/scenario-query';
import { PERF_MARKS, markAfterPaint } from '../perf-marks';
import { useScenarioActions } from '../scenario-actions';
import { errorPlace } from '../store/ui-store';
import { ScenarioToolbar } from './ScenarioToolbar';

const ROW_HEIGHT = 44;

// jsdom and hidden windows report a 0 px viewport; render a screenful instead of nothing.
const observeRect: typeof observeElementRect = (instance, cb) =>
  observeElementRect(instance, (r) => cb(r.height > 0 ? r : { width: r.width || 800, height: 600 }));

export function useVisibleScenarios(): ScenarioState[] {
  const scenarios = useEngine((m) => m.engine.scenarios);
  const teams = useEngine((m) => m.engine.teams);
  const folders = useEngine((m) => m.engine.folders);
  // A keystroke repaints the search field at once; the 5,000-row filter follows in a transition
  // React can interrupt when the next key comes.
  const query = useDeferredValue(useUi((s) => s.query));
  return useMemo(() => queryScenarios({ scenarios, teams, folders }, query), [scenarios, teams, folders, query]);
}

// Memoized (no props): opening a detail re-renders the window, not the whole list.
export const ScenarioList = memo(function ScenarioList() {
  const { t } = useTranslation();
  const rows = useVisibleScenarios();
  const loaded = useEngine((m) => m.loaded);
  const total = useEngine((m) => Object.keys(m.engine.scenarios).length);
  const selected = useUi((s) => s.selected);
  const { ui } = useServices();
  const scrollRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState(0);
  const wantFocus = useRef(false);

  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 8,
    observeElementRect: observeRect,
    // Rows in the very first render, before the scroll box has been measured (one frame sooner).
    initialRect: { width: 800, height: 600 },
    getItemKey: (i) => rows[i]?.key ?? i,
  });

  const index = Math.min(focusIndex, Math.max(0, rows.length - 1));

  const hasRows = loaded && rows.length > 0;
  useLayoutEffect(() => {
    if (hasRows) markAfterPaint(PERF_MARKS.firstRows);
  }, [hasRows]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    scrollRef.current?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
  });

  const moveTo = useCallback(
    (i: number, v: Virtualizer<HTMLDivElement, Element>) => {
      const next = Math.max(0, Math.min(rows.length - 1, i));
      setFocusIndex(next);
      v.scrollToIndex(next, { align: 'auto' });
      wantFocus.current = true;
    },
    [rows.length],
  );

  const onRowKeyNow = (e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => {
    if (e.target !== e.currentTarget) return; // keys inside the row's buttons are theirs
    const page = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 600) / ROW_HEIGHT) - 1);
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + page, PageUp: i - page, Home: 0, End: rows.length - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target, virtualizer);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      ui.getState().select(key);
    }
  };
  // Rows are memoized: hand them a handler whose identity never changes.
  const rowKeyRef = useRef(onRowKeyNow);
  rowKeyRef.current = onRowKeyNow;
  const onRowKey = useCallback((e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => rowKeyRef.current(e, i, key), []);

  if (!loaded) {
    return (
      <section className="list-pane" aria-label={t('list.label')} aria-busy="true">
        <div className="skeleton-list" data-testid="list-skeleton">
          {Array.from({ length: 8 }, (_, i) => (
            <div key={i} className="skeleton-row" />
          ))}
          <span className="sr-only">{t('app.loading')}</span>
        </div>
      </section>
    );
  }

  return (
    <section className="list-pane" aria-label={t('list.label')}>
      <ScenarioToolbar count={rows.length} />
      {rows.length === 0 ? (
        <p className="empty muted" data-testid="list-empty">
          {total === 0 ? t('list.emptyNone') : t('list.empty')}
        </p>
      ) : (
        <div
          className="grid"
          role="grid"
          aria-label={t('list.label')}
          aria-rowcount={rows.length + 1}
          aria-colcount={6}
          aria-describedby="grid-hint"
          data-testid="scenario-grid"
        >
          <div role="row" aria-rowindex={1} className="grid-head">
            <span role="columnheader" className="c-status">{t('list.colStatus')}</span>
            <span role="columnheader" className="c-name">{t('list.colName')}</span>
            <span role="columnheader" className="c-time">{t('list.colLastRun')}</span>
            <span role="columnheader" className="c-time">{t('list.colNextRun')}</span>
            <span role="columnheader" className="c-spark">{t('list.colRecent')}</span>
            <span role="columnheader" className="c-actions">{t('list.colActions')}</span>
          </div>
          <span id="grid-hint" className="sr-only">{t('list.rowHint')}</span>
          <div ref={scrollRef} className="grid-scroll" data-testid="scenario-scroll">
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }} role="presentation">
              {virtualizer.getVirtualItems().map((item) => {
                const s = rows[item.index];
                if (!s) return null;
                return (
                  <ScenarioRow
                    key={s.key}
                    scenario={s}
                    index={item.index}
                    top={item.start}
                    focusable={item.index === index}
                    selected={s.key === selected}
                    onKeyDown={onRowKey}
                    onFocusRow={setFocusIndex}
                  />
                );
              })}
            </div>
          </div>
        </div>
      )}
    </section>
  );
});

interface RowProps {
  scenario: ScenarioState;
  index: number;
  top: number;
  focusable: boolean;
  selected: boolean;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => void;
  onFocusRow: (i: number) => void;
}

const ScenarioRow = memo(function ScenarioRow({ scenario: s, index, top, focusable, selected, onKeyDown, onFocusRow }: RowProps) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const { ui } = useServices();
  const actions = useScenarioActions();
  const running = useEngine((m) => m.progress[s.key]);
  const err = useUi((st) => st.errors[errorPlace(s.key, 'toggle')] ?? st.errors[errorPlace(s.key, 'run')] ?? st.errors[errorPlace(s.key, 'open')]);
  const last = lastRunAt(s);
  const isRunning = s.pendingRun !== null || running?.status === 'running';
  const inner = focusable ? 0 : -1;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className={`grid-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      data-row-index={index}
      data-scenario-key={s.key}
      data-testid="scenario-row"
      onKeyDown={(e) => onKeyDown(e, index, s.key)}
      onFocus={() => onFocusRow(index)}
      onClick={(e) => {
        if ((e.target as HTMLElement).closest('button')) return;
        ui.getState().select(s.key);
      }}
    >
      <span role="gridcell" className="c-status">
        <StatusChip health={s.health} running={isRunning} />
      </span>
      <span role="gridcell" className="c-name">
        <span className="name" title={s.name}>{s.name}</span>
        {err ? (
          <span className="row-error" role="alert" data-testid="row-error">{describeError(err, t)}</span>
        ) : (
          <span className="sub muted">{describeSchedule(s.scheduling, t, i18n.language)}</span>
        )}
      </span>
      <span role="gridcell" className="c-time">
        {last === null ? t('list.never') : <time dateTime={new Date(last).toISOString()}>{formatRelative(last, i18n.language, now)}</time>}
      </span>
      <span role="gridcell" className="c-time">
        {s.nextExec === null || !s.isActive ? t('list.never') : <time dateTime={new Date(s.nextExec).toISOString()}>{formatRelative(s.nextExec, i18n.language, now)}</time>}
      </span>
      <span role="gridcell" className="c-spark">
        <Sparkline runs={s.recentRuns} />
      </span>
      <span role="gridcell" className="c-actions">
        <ActiveSwitch scenario={s} tabIndex={inner} />
        <button
          type="button"
          className="btn small"
          tabIndex={inner}
          aria-label={t('actions.runNamed', { name: s.name })}
          data-testid="scenario-run"
          onClick={() => actions.openRun(s.key)}
        >
          {t('actions.run')}
        </button>
      </span>
    </div>
  );
});
