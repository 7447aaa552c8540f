// The virtualized scenario grid: arrow keys move between rows, Enter opens the detail,
// Tab reaches the row's switch and Run button.
import { memo, useCallback, useDeferredValue, useEffect, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { ScenarioState } from '../../../shared/domain';
import { useEngine, useNow, useServices, useUi } from '../app-context';
import { ActiveSwitch } from '../components/ActiveSwitch';
import { SparklineBars, sparklineLabels, type SparklineLabels } from '../components/Sparkline';
import { Chip, chipKind } from '../components/StatusChip';
import { describeError } from '../describe-error';
import { formatRelative, describeSchedule } from '../i18n/format';
import { lastRunAt, queryScenarios, scenarioCount, warmSearchKeys } from '../model/scenario-query';
import { PERF_MARKS, markAfterPaint } from '../perf-marks';
import { useScenarioActions } from '../scenario-actions';
import { errorPlace } from '../store/ui-store';
import { ScenarioToolbar } from './ScenarioToolbar';
import { useRowWindow } from './use-row-window';

// Every row is exactly this tall (styles.css .grid-row): rows are placed by arithmetic, never measured.
const ROW_HEIGHT = 44;
// Rows beyond the viewport cost render time on every scroll; a few are enough for smooth scrolling
// with the arrow keys. The first paint has none: they are added once the page is idle.
const OVERSCAN = 4;

/** What every row shows the same way, translated once per language rather than once per row. */
interface RowLabels {
  t: TFunction;
  lang: string;
  now: number;
  never: string;
  run: string;
  runNamed: (name: string) => string;
  spark: SparklineLabels;
  health: (kind: string) => string;
}

/** A translated sentence around a name, filled by concatenation: the same words as
 * `t(key, { name })` without i18next's interpolation for every row. */
function withName(t: TFunction, key: string): (name: string) => string {
  const mark = '\u0000';
  const [before, after, extra] = t(key, { name: mark }).split(mark);
  if (before === undefined || after === undefined || extra !== undefined) return (name) => t(key, { name });
  return (name) => before + name + after;
}

export function useVisibleScenarios(): readonly ScenarioState[] {
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
  const { t, i18n } = useTranslation();
  const rows = useVisibleScenarios();
  const loaded = useEngine((m) => m.loaded);
  const total = useEngine((m) => scenarioCount(m.engine.scenarios));
  const table = useEngine((m) => m.engine.scenarios);
  const selected = useUi((s) => s.selected);
  const { ui } = useServices();
  const [focusIndex, setFocusIndex] = useState(0);
  const wantFocus = useRef(false);

  const [overscan, setOverscan] = useState(0);
  const rowWindow = useRowWindow(rows.length, ROW_HEIGHT, overscan);
  const { box, show, pageRows } = rowWindow;
  const now = useNow();
  const lang = i18n.language;
  const labels = useMemo<RowLabels>(() => {
    const health = new Map<string, string>();
    return {
      t,
      lang,
      now,
      never: t('list.never'),
      run: t('actions.run'),
      runNamed: withName(t, 'actions.runNamed'),
      spark: sparklineLabels(t),
      health: (kind) => {
        let label = health.get(kind);
        if (label === undefined) {
          label = t(`health.${kind}`);
          health.set(kind, label);
        }
        return label;
      },
    };
  }, [t, lang, now]);

  const index = Math.min(focusIndex, Math.max(0, rows.length - 1));

  const hasRows = loaded && rows.length > 0;
  useLayoutEffect(() => {
    if (hasRows) markAfterPaint(PERF_MARKS.firstRows);
  }, [hasRows]);

  // What the first paint does without is done when the page is idle: the rows just outside the
  // viewport, and the search keys (so the first keystroke filters at once).
  useEffect(() => {
    if (!loaded) return;
    const idle = globalThis.requestIdleCallback ?? ((cb: () => void) => setTimeout(cb, 200));
    const cancel = globalThis.cancelIdleCallback ?? clearTimeout;
    const id = idle(() => {
      setOverscan(OVERSCAN);
      warmSearchKeys(table);
    });
    return () => cancel(id as number);
  }, [loaded, table]);

  useEffect(() => {
    if (!wantFocus.current) return;
    wantFocus.current = false;
    box()?.querySelector<HTMLElement>(`[data-row-index="${index}"]`)?.focus();
  });

  const moveTo = useCallback(
    (i: number) => {
      const next = Math.max(0, Math.min(rows.length - 1, i));
      setFocusIndex(next);
      show(next);
      wantFocus.current = true;
    },
    [rows.length, show],
  );

  const onRowKeyNow = (e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => {
    if (e.target !== e.currentTarget) return; // keys inside the row's buttons are theirs
    const page = pageRows();
    const moves: Record<string, number> = { ArrowDown: i + 1, ArrowUp: i - 1, PageDown: i + page, PageUp: i - page, Home: 0, End: rows.length - 1 };
    const target = moves[e.key];
    if (target !== undefined) {
      e.preventDefault();
      moveTo(target);
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      ui.getState().select(key);
    }
  };
  // Rows are memoized: hand them a handler whose identity never changes.
  const rowKeyRef = useRef(onRowKeyNow);
  rowKeyRef.current = onRowKeyNow;
  const onRowKey = useCallback((e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => rowKeyRef.current(e, i, key), []);

  // The toolbar and the column heads do not wait for the state: they are laid out (and their words
  // translated) while it is on its way, and stay the same elements once the rows come.
  return (
    <section className="list-pane" aria-label={t('list.label')} aria-busy={loaded ? undefined : true}>
      <ScenarioToolbar count={loaded ? rows.length : null} />
      {loaded && rows.length === 0 ? (
        <p className="empty muted" data-testid="list-empty">
          {total === 0 ? t('list.emptyNone') : t('list.empty')}
        </p>
      ) : (
        <div
          className="grid"
          role="grid"
          aria-label={t('list.label')}
          aria-busy={loaded ? undefined : true}
          aria-rowcount={loaded ? rows.length + 1 : -1}
          aria-colcount={6}
          aria-describedby="grid-hint"
          data-testid={loaded ? 'scenario-grid' : undefined}
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
          <div ref={rowWindow.ref} className="grid-scroll" data-testid="scenario-scroll">
            {loaded ? (
              <div style={{ height: rows.length * ROW_HEIGHT, position: 'relative' }} role="presentation">
                {rows.slice(rowWindow.start, rowWindow.end).map((s, k) => {
                  const i = rowWindow.start + k;
                  return (
                    <ScenarioRow
                      key={s.key}
                      scenario={s}
                      index={i}
                      focusable={i === index}
                      selected={s.key === selected}
                      labels={labels}
                      onKeyDown={onRowKey}
                      onFocusRow={setFocusIndex}
                    />
                  );
                })}
              </div>
            ) : (
              <div className="skeleton-list" data-testid="list-skeleton">
                {Array.from({ length: 8 }, (_, i) => (
                  <div key={i} className="skeleton-row" />
                ))}
                <span className="sr-only">{t('app.loading')}</span>
              </div>
            )}
          </div>
        </div>
      )}
    </section>
  );
});

interface RowProps {
  scenario: ScenarioState;
  index: number;
  focusable: boolean;
  selected: boolean;
  labels: RowLabels;
  onKeyDown: (e: KeyboardEvent<HTMLDivElement>, i: number, key: string) => void;
  onFocusRow: (i: number) => void;
}

const ScenarioRow = memo(function ScenarioRow({ scenario: s, index, focusable, selected, labels, onKeyDown, onFocusRow }: RowProps) {
  const { t, lang, now } = labels;
  const { ui } = useServices();
  const actions = useScenarioActions();
  const running = useEngine((m) => m.progress[s.key]);
  const err = useUi((st) => st.errors[errorPlace(s.key, 'toggle')] ?? st.errors[errorPlace(s.key, 'run')] ?? st.errors[errorPlace(s.key, 'open')]);
  const last = lastRunAt(s);
  const kind = chipKind(s.health, s.pendingRun !== null || running?.status === 'running');
  const inner = focusable ? 0 : -1;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      tabIndex={focusable ? 0 : -1}
      className={`grid-row${selected ? ' selected' : ''}`}
      style={{ transform: `translateY(${index * ROW_HEIGHT}px)` }}
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
        <Chip kind={kind} label={labels.health(kind)} />
      </span>
      <span role="gridcell" className="c-name">
        <span className="name" title={s.name}>{s.name}</span>
        {err ? (
          <span className="row-error" role="alert" data-testid="row-error">{describeError(err, t)}</span>
        ) : (
          <span className="sub muted">{describeSchedule(s.scheduling, t, lang)}</span>
        )}
      </span>
      <span role="gridcell" className="c-time">
        {last === null ? labels.never : <time dateTime={new Date(last).toISOString()}>{formatRelative(last, lang, now)}</time>}
      </span>
      <span role="gridcell" className="c-time">
        {s.nextExec === null || !s.isActive ? labels.never : <time dateTime={new Date(s.nextExec).toISOString()}>{formatRelative(s.nextExec, lang, now)}</time>}
      </span>
      <span role="gridcell" className="c-spark">
        <SparklineBars runs={s.recentRuns} labels={labels.spark} />
      </span>
      <span role="gridcell" className="c-actions">
        <ActiveSwitch scenario={s} tabIndex={inner} />
        <button
          type="button"
          className="btn small"
          tabIndex={inner}
          aria-label={labels.runNamed(s.name)}
          data-testid="scenario-run"
          onClick={() => actions.openRun(s.key)}
        >
          {labels.run}
        </button>
      </span>
    </div>
  );
});
