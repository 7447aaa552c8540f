// One scenario: facts, run history (filtered, paged), execution detail, incomplete executions.
import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunSummary, ScenarioKey, ScenarioState } from '../../../shared/domain';
import type { ExecutionDetail, IncompleteExecution, ScenarioDetail as Details } from '../bridge/contract-types';
import { useEngine, useNow, useServices, useUi } from '../app-context';
import { ActiveSwitch } from '../components/ActiveSwitch';
import { ErrorNote } from '../components/ErrorNote';
import { StatusChip } from '../components/StatusChip';
import { describeSchedule, formatDateTime, formatDuration, formatNumber, formatRelative, formatWhen } from '../i18n/format';
import { useScenarioActions } from '../scenario-actions';
import { act, errorPlace } from '../store/ui-store';
import { ScenarioEditSection } from './scenario-edit/ScenarioEditSection';

export function ScenarioDetailPanel() {
  const key = useUi((s) => s.selected);
  const scenario = useEngine((m) => (key ? m.engine.scenarios[key] : undefined));
  if (!key || !scenario) return null;
  return <DetailFor key={key} scenario={scenario} />;
}

function DetailFor({ scenario: s }: { scenario: ScenarioState }) {
  const { t, i18n } = useTranslation();
  const { api, ui } = useServices();
  const now = useNow();
  const actions = useScenarioActions();
  const folder = useEngine((m) => (s.folderKey ? m.engine.folders[s.folderKey] : undefined));
  const team = useEngine((m) => m.engine.teams[s.teamKey]);
  const muted = useEngine((m) => m.engine.mutedScenarios.includes(s.key));
  const [details, setDetails] = useState<Details | null>(null);
  const headingId = useId();
  const lang = i18n.language;

  useEffect(() => {
    let live = true;
    void act(ui, errorPlace(s.key, 'details'), () => api.details(s.key)).then((d) => live && d && setDetails(d));
    return () => {
      live = false;
    };
  }, [api, ui, s.key]);

  const apps = details ? details.usedApps.map((a) => a.name) : s.usedPackages;
  const close = () => ui.getState().select(null);

  return (
    <aside
      className="detail"
      aria-labelledby={headingId}
      data-testid="scenario-detail"
      data-scenario-key={s.key}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !e.defaultPrevented) close();
      }}
    >
      <header className="detail-head">
        <h2 id={headingId} tabIndex={-1} data-testid="detail-title">
          {s.name}
        </h2>
        <button type="button" className="btn icon" onClick={close} aria-label={t('detail.close')} data-testid="detail-close">
          ×
        </button>
      </header>
      <div className="detail-actions">
        <StatusChip health={s.health} running={s.pendingRun !== null} />
        <ActiveSwitch scenario={s} />
        <button type="button" className="btn" onClick={() => actions.openRun(s.key)} data-testid="detail-run">
          {t('actions.run')}
        </button>
        <button type="button" className="btn" onClick={() => actions.openInMake(s.key)} data-testid="detail-open-in-make">
          {t('actions.openInMake')}
        </button>
        <button
          type="button"
          className="btn"
          aria-pressed={muted}
          onClick={() => void act(ui, errorPlace(s.key, 'mute'), () => api.mute(s.key, !muted))}
          data-testid="detail-mute"
        >
          {muted ? t('actions.unmute') : t('actions.mute')}
        </button>
      </div>
      {(['toggle', 'run', 'open', 'mute', 'details'] as const).map((a) => (
        <ErrorNote key={a} place={errorPlace(s.key, a)} />
      ))}
      <dl className="facts">
        <dt>{t('detail.schedule')}</dt>
        <dd data-testid="detail-schedule">{describeSchedule(s.scheduling, t, lang)}</dd>
        <dt>{t('detail.nextRun')}</dt>
        <dd>{s.nextExec !== null && s.isActive ? `${formatWhen(s.nextExec, lang, now)} (${formatRelative(s.nextExec, lang, now)})` : t('list.never')}</dd>
        <dt>{t('detail.apps')}</dt>
        <dd>{apps.length ? apps.join(', ') : t('list.never')}</dd>
        <dt>{t('detail.team')}</dt>
        <dd>{team?.name ?? t('list.never')}</dd>
        <dt>{t('detail.folder')}</dt>
        <dd>{folder?.name ?? t('detail.noFolder')}</dd>
        <dt>{t('detail.hook')}</dt>
        <dd>{details?.hook ? details.hook.name : s.hookId !== null ? `#${s.hookId}` : t('detail.noHook')}</dd>
        <dt>{t('detail.operations')}</dt>
        <dd>{formatNumber(s.operations, lang)}</dd>
        <dt>{t('detail.description')}</dt>
        <dd className={s.description ? undefined : 'muted'}>{s.description || t('detail.noDescription')}</dd>
      </dl>
      <ScenarioEditSection scenarioKey={s.key} />
      <RunHistory scenarioKey={s.key} newestRunId={s.recentRuns[0]?.id ?? null} />
      <IncompleteList scenarioKey={s.key} dlqCount={s.dlqCount} />
    </aside>
  );
}

type Range = '24h' | '7d' | '30d' | 'all';
const RANGE_MS: Record<Range, number | null> = { '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000, all: null };
const PAGE = 20;

function RunHistory({ scenarioKey, newestRunId }: { scenarioKey: ScenarioKey; newestRunId: string | null }) {
  const { t, i18n } = useTranslation();
  const { api, ui, now: clock } = useServices();
  const [status, setStatus] = useState<'' | '1' | '2' | '3'>('');
  const [range, setRange] = useState<Range>('7d');
  const [runs, setRuns] = useState<RunSummary[] | null>(null);
  const [hasMore, setHasMore] = useState(false);
  const [open, setOpen] = useState<string | null>(null);
  const place = errorPlace(scenarioKey, 'runs');
  const busy = useUi((s) => place in s.busy);
  const id = useId();

  const load = async (offset: number) => {
    const span = RANGE_MS[range];
    const page = await act(ui, place, () =>
      api.runs({
        key: scenarioKey,
        offset,
        limit: PAGE,
        ...(status ? { status: Number(status) as 1 | 2 | 3 } : {}),
        ...(span !== null ? { from: clock() - span } : {}),
      }),
    );
    if (!page) return;
    setRuns((prev) => (offset === 0 ? page.runs : [...(prev ?? []), ...page.runs]));
    setHasMore(page.hasMore);
  };

  // Reload the first page when the filters change or a new run arrives.
  useEffect(() => {
    void load(0);
  }, [scenarioKey, status, range, newestRunId]);

  const lang = i18n.language;
  const now = clock();
  return (
    <section className="history" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{t('detail.history')}</h3>
      <div className="toolbar">
        <label className="field-inline">
          <span>{t('detail.historyStatus')}</span>
          <select value={status} onChange={(e) => setStatus(e.target.value as typeof status)} data-testid="history-status">
            <option value="">{t('detail.anyStatus')}</option>
            <option value="1">{t('detail.success')}</option>
            <option value="2">{t('health.warning')}</option>
            <option value="3">{t('health.failing')}</option>
          </select>
        </label>
        <label className="field-inline">
          <span>{t('detail.historyRange')}</span>
          <select value={range} onChange={(e) => setRange(e.target.value as Range)} data-testid="history-range">
            <option value="24h">{t('detail.range24h')}</option>
            <option value="7d">{t('detail.range7d')}</option>
            <option value="30d">{t('detail.range30d')}</option>
            <option value="all">{t('detail.rangeAll')}</option>
          </select>
        </label>
      </div>
      <ErrorNote place={place} />
      {runs === null ? (
        <div className="skeleton-list" aria-busy="true">
          <div className="skeleton-row" />
          <div className="skeleton-row" />
        </div>
      ) : runs.length === 0 ? (
        <p className="muted">{t('detail.noRuns')}</p>
      ) : (
        <ul className="runs" data-testid="run-history">
          {runs.map((r) => (
            <li key={r.id} className="run">
              <button
                type="button"
                className="run-line"
                aria-expanded={open === r.id}
                onClick={() => setOpen(open === r.id ? null : r.id)}
                data-testid="run-history-item"
                data-status={String(r.status)}
              >
                <StatusChip health={r.status === 3 ? 'failing' : r.status === 2 ? 'warning' : 'ok'} running={r.status === 'running'} />
                <time dateTime={new Date(r.timestamp).toISOString()}>{formatWhen(r.timestamp, lang, now)}</time>
                <span className="muted">{formatDuration(r.durationMs, lang)}</span>
                {r.errorMessage && <span className="error-text ellipsis">{r.errorMessage}</span>}
              </button>
              {open === r.id && <ExecutionView scenarioKey={scenarioKey} run={r} />}
            </li>
          ))}
        </ul>
      )}
      {hasMore && (
        <button type="button" className="btn" disabled={busy} onClick={() => void load(runs?.length ?? 0)} data-testid="history-more">
          {t('detail.more')}
        </button>
      )}
    </section>
  );
}

function ExecutionView({ scenarioKey, run }: { scenarioKey: ScenarioKey; run: RunSummary }) {
  const { t, i18n } = useTranslation();
  const { api, ui } = useServices();
  const [detail, setDetail] = useState<ExecutionDetail | null>(null);
  const place = errorPlace(scenarioKey, `exec:${run.id}`);
  useEffect(() => {
    let live = true;
    void act(ui, place, () => api.execution(scenarioKey, run.id)).then((d) => live && d && setDetail(d));
    return () => {
      live = false;
    };
  }, [api, ui, scenarioKey, run.id, place]);
  const lang = i18n.language;
  // The summary from the list shows at once; the detail fills in what it adds.
  const d = detail ?? { ...run, errorName: null, errorApp: null, executionId: run.id };
  return (
    <div className="execution" data-testid="execution-detail">
      <ErrorNote place={place} />
      <dl className="facts">
        <dt>{t('detail.started')}</dt>
        <dd>{d.timestamp !== null ? formatDateTime(d.timestamp, lang) : t('list.never')}</dd>
        <dt>{t('detail.duration')}</dt>
        <dd>{formatDuration(d.durationMs, lang)}</dd>
        <dt>{t('detail.ops')}</dt>
        <dd>{formatNumber(d.operations, lang)}</dd>
        {d.type && (
          <>
            <dt>{t('detail.type')}</dt>
            <dd>{d.type}</dd>
          </>
        )}
        {d.errorMessage && (
          <>
            <dt>{t('detail.error')}</dt>
            <dd className="error-text" data-testid="execution-error">
              {d.errorName ? `${d.errorName}: ` : ''}
              {d.errorMessage}
            </dd>
          </>
        )}
        {d.errorModule && (
          <>
            <dt>{t('detail.module')}</dt>
            <dd>{d.errorApp ? `${d.errorModule} (${d.errorApp})` : d.errorModule}</dd>
          </>
        )}
      </dl>
    </div>
  );
}

function IncompleteList({ scenarioKey, dlqCount }: { scenarioKey: ScenarioKey; dlqCount: number }) {
  const { t, i18n } = useTranslation();
  const { api, ui, now } = useServices();
  const [items, setItems] = useState<IncompleteExecution[] | null>(null);
  const [retried, setRetried] = useState<Set<string>>(new Set());
  const id = useId();
  useEffect(() => {
    let live = true;
    void act(ui, errorPlace(scenarioKey, 'incomplete'), () => api.incomplete(scenarioKey)).then((d) => live && d && setItems(d));
    return () => {
      live = false;
    };
  }, [api, ui, scenarioKey, dlqCount]);
  const retry = async (dlqId: string) => {
    const ok = await act(ui, errorPlace(scenarioKey, `retry:${dlqId}`), () => api.retryIncomplete(scenarioKey, dlqId).then(() => true));
    if (ok) setRetried((s) => new Set(s).add(dlqId));
  };
  const open = (items ?? []).filter((x) => !x.resolved);
  return (
    <section className="incomplete" aria-labelledby={`${id}-h`} data-testid="incomplete-list">
      <h3 id={`${id}-h`}>{t('detail.incomplete')}</h3>
      <ErrorNote place={errorPlace(scenarioKey, 'incomplete')} />
      {items === null ? null : open.length === 0 ? (
        <p className="muted">{t('detail.noIncomplete')}</p>
      ) : (
        <ul className="runs">
          {open.map((x) => (
            <li key={x.id} className="incomplete-item" data-testid="incomplete-item">
              <span>{x.created !== null ? formatWhen(x.created, i18n.language, now()) : t('list.never')}</span>
              <span className="ellipsis">{x.reason ?? ''}</span>
              {x.attempts !== null && <span className="muted">{t('detail.attempts', { count: x.attempts })}</span>}
              {retried.has(x.id) ? (
                <span role="status">{t('detail.retried')}</span>
              ) : (
                <button type="button" className="btn small" onClick={() => void retry(x.id)} data-testid="incomplete-retry">
                  {t('actions.retry')}
                </button>
              )}
              <ErrorNote place={errorPlace(scenarioKey, `retry:${x.id}`)} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
