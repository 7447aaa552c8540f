// Always visible: connectivity, stale/cached marker, first-sync progress, demo badge, snooze,
// and each organization's API budget.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { useEngine, useNow } from '../app-context';
import { formatPercent, formatWhen } from '../i18n/format';
import { firstSyncProgress, staleSince } from '../model/overview';

export function ConnectionStatus() {
  const { t, i18n } = useTranslation();
  const now = useNow(15_000);
  const link = useEngine((m) => m.link);
  const loaded = useEngine((m) => m.loaded);
  const connectivity = useEngine((m) => m.engine.connectivity);
  const stale = useEngine((m) => staleSince(m.engine));
  const demo = useEngine((m) => m.engine.demo);
  const sync = useEngine(useShallow((m) => firstSyncProgress(m.engine)));
  const snoozed = useEngine((m) => m.engine.snoozedUntil);
  const lang = i18n.language;
  // Before the first snapshot a missing link is simply "connecting"; after it, the data shown is stale.
  const lost = link !== 'open' && loaded;
  const state = lost ? 'offline' : link !== 'open' ? 'unknown' : connectivity.state;
  return (
    <div className="conn" data-testid="connection-status" data-state={state}>
      <span role="status" className={`conn-dot conn-${state}`}>
        {lost ? t('status.bridgeDown') : t(`status.${state}`)}
      </span>
      {stale !== null && (
        <span className="stale" data-testid="stale-marker">
          {t('status.cachedFrom', { time: formatWhen(stale, lang, now) })}
        </span>
      )}
      {sync.syncing > 0 && (
        <span className="syncing" data-testid="sync-progress">
          <progress max={sync.total} value={sync.total - sync.syncing} aria-label={t('status.syncing', { done: sync.total - sync.syncing, total: sync.total })} />
          {t('status.syncing', { done: sync.total - sync.syncing, total: sync.total })}
        </span>
      )}
      {snoozed !== null && snoozed > now && <span className="muted">{t('status.snoozedUntil', { time: formatWhen(snoozed, lang, now) })}</span>}
      {demo && (
        <span className="badge demo" title={t('app.demoHint')} data-testid="demo-badge">
          {t('app.demo')}
        </span>
      )}
    </div>
  );
}

export function BudgetBar() {
  const { t, i18n } = useTranslation();
  const now = useNow(5_000);
  const orgs = useEngine((m) => m.engine.orgs);
  const list = Object.values(orgs)
    .filter((o) => o.monitored)
    .sort((a, b) => a.name.localeCompare(b.name));
  const lang = i18n.language;
  return (
    <footer className="budgets" aria-label={t('status.regionLabel')} data-testid="budget-bar">
      {list.map((o) => {
        const b = o.budget;
        const limited = b.rateLimitedUntil !== null && b.rateLimitedUntil > now;
        const full = t('status.budget', {
          org: o.name,
          used: b.usedLastMin,
          allowed: b.allowedPerMin,
          share: formatPercent(b.share, lang),
          limit: b.limitPerMin,
        });
        return (
          <span key={o.key} className={`budget${limited ? ' limited' : ''}`} data-testid="org-budget" data-org={o.key} data-rate-limited={limited}>
            <span className="budget-name">{o.name}</span>
            <meter min={0} max={Math.max(1, b.allowedPerMin)} value={b.usedLastMin} aria-label={full} title={full} />
            <span className="muted">{t('status.budgetShort', { used: b.usedLastMin, allowed: b.allowedPerMin })}</span>
            {limited && <span className="bad-text">{t('status.rateLimitedUntil', { time: formatWhen(b.rateLimitedUntil!, lang, now) })}</span>}
            {o.problem && <span className="bad-text">{o.problem}</span>}
          </span>
        );
      })}
    </footer>
  );
}
