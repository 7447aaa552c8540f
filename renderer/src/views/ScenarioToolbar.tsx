// Search, filters and sort for the scenario list.
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { HEALTH_ORDER } from '../../../shared/domain';
import { useServices, useUi } from '../app-context';
import { SCHEDULE_KINDS, type ActiveFilter, type HealthFilter, type ScheduleFilter, type SortKey } from '../model/scenario-query';

/** The count is null until the state has come. */
export function ScenarioToolbar({ count }: { count: number | null }) {
  return (
    <div className="toolbar" role="search">
      <Controls />
      <Count count={count} />
    </div>
  );
}

// Memoized apart: the list re-renders when it scrolls or its count changes; the controls (some
// forty translated labels) only when the query changes.
const Controls = memo(function Controls() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const q = useUi((s) => s.query);
  const set = ui.getState().setQuery;
  return (
    <>
      <input
        type="search"
        className="search"
        aria-label={t('list.search')}
        placeholder={t('list.searchPlaceholder')}
        value={q.text}
        onChange={(e) => set({ text: e.target.value })}
        data-testid="scenario-search"
      />
      <label className="field-inline">
        <span>{t('list.filterHealth')}</span>
        <select value={q.health} onChange={(e) => set({ health: e.target.value as HealthFilter })} data-testid="filter-health">
          <option value="all">{t('list.any')}</option>
          <option value="problems">{t('list.problems')}</option>
          {HEALTH_ORDER.map((h) => (
            <option key={h} value={h}>
              {t(`health.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('list.filterActive')}</span>
        <select value={q.active} onChange={(e) => set({ active: e.target.value as ActiveFilter })} data-testid="filter-active">
          <option value="all">{t('list.any')}</option>
          <option value="active">{t('list.active')}</option>
          <option value="inactive">{t('list.inactive')}</option>
        </select>
      </label>
      <label className="field-inline">
        <span>{t('list.filterSchedule')}</span>
        <select value={q.schedule} onChange={(e) => set({ schedule: e.target.value as ScheduleFilter })} data-testid="filter-schedule">
          <option value="all">{t('list.any')}</option>
          {SCHEDULE_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`schedule.kind.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="field-inline">
        <span>{t('list.sort')}</span>
        <select value={q.sort} onChange={(e) => set({ sort: e.target.value as SortKey })} data-testid="sort">
          <option value="severity">{t('list.sortSeverity')}</option>
          <option value="name">{t('list.sortName')}</option>
          <option value="lastRun">{t('list.sortLastRun')}</option>
          <option value="nextRun">{t('list.sortNextRun')}</option>
        </select>
      </label>
      <label className="field-inline">
        <input type="checkbox" checked={q.dir === 'desc'} onChange={(e) => set({ dir: e.target.checked ? 'desc' : 'asc' })} />
        <span>{t('list.sortDir')}</span>
      </label>
    </>
  );
});

const Count = memo(function Count({ count }: { count: number | null }) {
  const { t } = useTranslation();
  return (
    <span className="count muted" aria-live="polite" data-testid="scenario-count">
      {count === null ? '' : t('list.count', { count })}
    </span>
  );
});
