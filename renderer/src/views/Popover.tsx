// The tray popover: one line per organization, then failing and recently changed scenarios.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../shared/domain';
import { useEngine, useNow, useServices, useUi } from '../app-context';
import { ActiveSwitch } from '../components/ActiveSwitch';
import { ErrorNote } from '../components/ErrorNote';
import { Toasts } from '../components/Toasts';
import { StatusChip } from '../components/StatusChip';
import { describeError } from '../describe-error';
import { formatRelative, formatWhen } from '../i18n/format';
import { orgSummaries, popoverScenarios } from '../model/overview';
import { lastRunAt } from '../model/scenario-query';
import { openMainWindow } from '../open-main';
import { useScenarioActions } from '../scenario-actions';
import { act, errorPlace } from '../store/ui-store';
import { ConfirmOffDialog } from './ConfirmOffDialog';
import { RunDialog } from './RunDialog';
import { ConnectionStatus } from './StatusBar';
import { useLooking } from './use-looking';

const navigate = (url: string) => window.location.assign(url);

export function Popover() {
  const { t, i18n } = useTranslation();
  const { api, ui } = useServices();
  const now = useNow(10_000);
  const engine = useEngine((m) => m.engine);
  const loaded = useEngine((m) => m.loaded);
  const orgs = useMemo(() => orgSummaries(engine, now), [engine, now]);
  const list = useMemo(() => popoverScenarios(engine, now), [engine, now]);
  useLooking();
  const lang = i18n.language;

  return (
    <div className="popover" data-testid="popover">
      <header className="topbar">
        <h1 className="app-title">{t('app.title')}</h1>
        <ConnectionStatus />
        <button type="button" className="btn" onClick={() => void act(ui, errorPlace('app', 'refresh'), () => api.refresh())} data-testid="refresh">
          {t('app.refresh')}
        </button>
        <button type="button" className="btn primary" onClick={() => void openMainWindow(api, ui, undefined, navigate)} data-testid="open-main">
          {t('app.openMain')}
        </button>
      </header>
      <ErrorNote place={errorPlace('app', 'refresh')} />
      <ErrorNote place={errorPlace('app', 'openMain')} />
      <main>
        <section aria-labelledby="pop-orgs" className="org-summary">
          <h2 id="pop-orgs" className="sr-only">
            {t('popover.orgs')}
          </h2>
          <ul data-testid="org-summary">
            {orgs.map((o) => (
              <li key={o.org.key} className={`org-line cond-${o.condition}`} data-testid="org-summary-line" data-condition={o.condition} data-org={o.org.key}>
                <span className="org-name">{o.org.name}</span>
                <span className="org-cond">
                  {t(`popover.cond.${o.condition}`, {
                    count: o.failing,
                    time: o.rateLimitedUntil !== null ? formatWhen(o.rateLimitedUntil, lang, now) : '',
                  })}
                </span>
                <span className="muted">{t('popover.orgCounts', { ok: o.ok, failing: o.failing, total: o.total })}</span>
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="pop-list">
          <h2 id="pop-list" className="section-title">
            {t('popover.needsAttention')}
          </h2>
          {!loaded ? (
            <div className="skeleton-list" aria-busy="true">
              <div className="skeleton-row" />
              <div className="skeleton-row" />
              <div className="skeleton-row" />
            </div>
          ) : list.length === 0 ? (
            <p className="muted pad" data-testid="popover-all-good">
              {t('popover.allGood')}
            </p>
          ) : (
            <ul className="pop-list" data-testid="popover-list">
              {list.map((s) => (
                <PopoverRow key={s.key} scenario={s} now={now} />
              ))}
            </ul>
          )}
        </section>
      </main>
      <ConfirmOffDialog />
      <RunDialog />
      <Toasts />
    </div>
  );
}

function PopoverRow({ scenario: s, now }: { scenario: ScenarioState; now: number }) {
  const { t, i18n } = useTranslation();
  const { api, ui } = useServices();
  const actions = useScenarioActions();
  const progress = useEngine((m) => m.progress[s.key]);
  const err = useUi((st) => st.errors[errorPlace(s.key, 'toggle')] ?? st.errors[errorPlace(s.key, 'run')] ?? st.errors[errorPlace(s.key, 'open')]);
  const last = lastRunAt(s);
  const lastRun = s.recentRuns[0];
  return (
    <li className="pop-row" data-testid="popover-row" data-scenario-key={s.key}>
      <StatusChip health={s.health} running={s.pendingRun !== null || progress?.status === 'running'} />
      <span className="pop-main">
        <button type="button" className="link name" onClick={() => void openMainWindow(api, ui, s.key, navigate)}>
          {s.name}
        </button>
        <span className={err || lastRun?.errorMessage ? 'error-text ellipsis' : 'muted ellipsis'} role={err ? 'alert' : undefined}>
          {err ? describeError(err, t) : lastRun?.errorMessage ?? (last !== null ? formatRelative(last, i18n.language, now) : '')}
        </span>
      </span>
      <ActiveSwitch scenario={s} />
      <button type="button" className="btn small" aria-label={t('actions.runNamed', { name: s.name })} onClick={() => actions.openRun(s.key)} data-testid="popover-run">
        {t('actions.run')}
      </button>
      <button type="button" className="btn small" aria-label={`${t('actions.openInMake')}: ${s.name}`} onClick={() => actions.openInMake(s.key)} data-testid="popover-open-in-make">
        {t('actions.openInMake')}
      </button>
    </li>
  );
}
