// What the report covers: organizations (checkboxes) and a period (presets, from/to days), and the
// button that builds it — or, while it builds, the progress and a stop button.
import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReportProgressEvent } from '../../../../shared/contract-report';
import type { OrgKey } from '../../../../shared/domain';
import { useEngine, useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { defaultReportOrgs } from './default-orgs';
import { PRESETS, presetRange, toMillisRange, type DayRange, type Preset } from './report-range';
import { BUILD_PLACE, CANCEL_PLACE, type BuildInput } from './use-report-build';

interface Props {
  running: boolean;
  progress: Omit<ReportProgressEvent, 'requestId'> | null;
  hasReport: boolean;
  onBuild(input: BuildInput): void;
  onCancel(): void;
}

export function ReportForm({ running, progress, hasReport, onBuild, onCancel }: Props) {
  const { t } = useTranslation();
  const { now } = useServices();
  const orgs = useEngine((m) => m.engine.orgs);
  const teams = useEngine((m) => m.engine.teams);
  const folders = useEngine((m) => m.engine.folders);
  const scope = useUi((s) => s.query.scope);
  const [picked, setPicked] = useState<ReadonlySet<OrgKey> | null>(null);
  const [days, setDays] = useState<DayRange>(() => presetRange('last7', now()));
  const [onlyWithRuns, setOnlyWithRuns] = useState(false);
  const [problem, setProblem] = useState<'chooseOrg' | 'badRange' | null>(null);

  const orgList = useMemo(() => Object.values(orgs).sort((a, b) => a.name.localeCompare(b.name)), [orgs]);
  // Until the user changes the choice, it follows the sidebar and the organizations as they load.
  const chosen = useMemo(() => picked ?? new Set(defaultReportOrgs({ orgs, teams, folders }, scope)), [picked, orgs, teams, folders, scope]);

  const toggle = (key: OrgKey, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    setPicked(next);
    setProblem(null);
  };
  const setDay = (which: keyof DayRange, value: string) => {
    setDays((d) => ({ ...d, [which]: value }));
    setProblem(null);
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (running) return;
    const orgKeys = orgList.filter((o) => chosen.has(o.key)).map((o) => o.key);
    const range = toMillisRange(days);
    if (orgKeys.length === 0) return setProblem('chooseOrg');
    if (!range) return setProblem('badRange');
    setProblem(null);
    onBuild({ orgKeys, range, days, onlyWithRuns });
  };

  const applyPreset = (p: Preset) => {
    setDays(presetRange(p, now()));
    setProblem(null);
  };

  return (
    <form className="card report-form" onSubmit={submit} aria-labelledby="report-setup" noValidate data-testid="report-form">
      <h2 id="report-setup">{t('report.setup')}</h2>
      <fieldset className="report-orgs" aria-describedby={problem === 'chooseOrg' ? 'report-problem' : undefined}>
        <legend>{t('report.orgs')}</legend>
        {orgList.length === 0 ? (
          <p className="muted">{t('report.noOrgs')}</p>
        ) : (
          <>
            <div className="row-gap">
              <button type="button" className="btn small" onClick={() => setPicked(new Set(orgList.map((o) => o.key)))} data-testid="report-orgs-all">
                {t('report.orgsAll')}
              </button>
              <button type="button" className="btn small" onClick={() => setPicked(new Set())} data-testid="report-orgs-none">
                {t('report.orgsNone')}
              </button>
            </div>
            <ul className="report-org-list">
              {orgList.map((o) => (
                <li key={o.key}>
                  <label className="field-check">
                    <input type="checkbox" checked={chosen.has(o.key)} onChange={(e) => toggle(o.key, e.target.checked)} data-testid="report-org" data-org-key={o.key} />
                    <span>{o.name}</span>
                    <span className="muted">
                      {o.zone}
                      {!o.monitored && ` · ${t('report.notMonitored')}`}
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>
      <fieldset className="report-period" aria-describedby={problem === 'badRange' ? 'report-problem' : undefined}>
        <legend>{t('report.period')}</legend>
        <div className="row-gap" role="group" aria-label={t('report.presets')}>
          {PRESETS.map((p) => (
            <button key={p} type="button" className="btn small" onClick={() => applyPreset(p)} data-testid={`report-preset-${p}`}>
              {t(`report.preset.${p}`)}
            </button>
          ))}
        </div>
        <div className="row-gap report-dates">
          <div className="field">
            <label htmlFor="report-from">{t('report.from')}</label>
            <input id="report-from" type="date" value={days.from} max={days.to || undefined} onChange={(e) => setDay('from', e.target.value)} data-testid="report-from" aria-invalid={problem === 'badRange' || undefined} />
          </div>
          <div className="field">
            <label htmlFor="report-to">{t('report.to')}</label>
            <input id="report-to" type="date" value={days.to} min={days.from || undefined} onChange={(e) => setDay('to', e.target.value)} data-testid="report-to" aria-invalid={problem === 'badRange' || undefined} />
          </div>
        </div>
      </fieldset>
      <label className="field-check">
        <input type="checkbox" checked={onlyWithRuns} onChange={(e) => setOnlyWithRuns(e.target.checked)} data-testid="report-only-with-runs" />
        <span>{t('report.onlyWithRuns')}</span>
      </label>
      {problem && (
        <p className="error-note" role="alert" id="report-problem" data-testid="report-problem">
          {t(`report.${problem}`)}
        </p>
      )}
      <div className="row-gap report-actions">
        <button type="submit" className="btn primary" disabled={running || orgList.length === 0} data-testid="report-build">
          {hasReport ? t('report.rebuild') : t('report.build')}
        </button>
        {running && (
          <button type="button" className="btn" onClick={onCancel} data-testid="report-cancel">
            {t('report.cancel')}
          </button>
        )}
      </div>
      {running && <BuildProgress progress={progress} />}
      <ErrorNote place={BUILD_PLACE} />
      <ErrorNote place={CANCEL_PLACE} />
    </form>
  );
}

function BuildProgress({ progress }: { progress: Props['progress'] }) {
  const { t } = useTranslation();
  const text = progress
    ? t('report.progress', { done: progress.scenariosDone, total: progress.scenariosTotal, requests: progress.requests })
    : t('report.starting');
  return (
    <div className="report-progress" data-testid="report-progress">
      <progress
        aria-label={t('report.progressLabel')}
        value={progress ? progress.scenariosDone : undefined}
        max={progress ? Math.max(1, progress.scenariosTotal) : undefined}
      />
      <p className="hint" role="status">
        {text}
      </p>
    </div>
  );
}
