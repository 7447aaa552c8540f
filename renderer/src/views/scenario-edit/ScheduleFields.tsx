// The fields of one schedule type: interval, date and time, time of day, weekdays, days, months.
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { toggled, type ScheduleDraft } from './schedule-form';

interface Props {
  draft: ScheduleDraft;
  onChange: (patch: Partial<ScheduleDraft>) => void;
}

const range = (lo: number, hi: number) => Array.from({ length: hi - lo + 1 }, (_, i) => lo + i);
const weekdayName = (isoDay: number, lang: string) => new Intl.DateTimeFormat(lang, { weekday: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, 0, isoDay));
const monthName = (month: number, lang: string) => new Intl.DateTimeFormat(lang, { month: 'short', timeZone: 'UTC' }).format(Date.UTC(2024, month - 1, 1));

export function ScheduleFields({ draft: d, onChange }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const lang = i18n.language;
  const time = (
    <div className="field">
      <label htmlFor={`${id}-time`}>{t('scenarioEdit.schedule.time')}</label>
      <input id={`${id}-time`} type="time" value={d.time} onChange={(e) => onChange({ time: e.target.value })} data-testid="schedule-time" />
    </div>
  );
  const checks = (legend: string, values: number[], selected: number[], label: (n: number) => string, key: 'weekdays' | 'monthDays' | 'months', testId: string) => (
    <fieldset className={`check-grid ${key}`} data-testid={testId}>
      <legend>{legend}</legend>
      {values.map((n) => (
        <label key={n} className="check-cell">
          <input type="checkbox" checked={selected.includes(n)} onChange={() => onChange({ [key]: toggled(selected, n) })} />
          {label(n)}
        </label>
      ))}
    </fieldset>
  );
  switch (d.type) {
    case 'indefinitely':
      return (
        <div className="field">
          <label htmlFor={`${id}-interval`}>{t('scenarioEdit.schedule.intervalMinutes')}</label>
          <input
            id={`${id}-interval`}
            type="number"
            min={1}
            step={1}
            inputMode="numeric"
            value={d.intervalMinutes}
            onChange={(e) => onChange({ intervalMinutes: e.target.value })}
            data-testid="schedule-interval"
          />
        </div>
      );
    case 'once':
      return (
        <div className="field">
          <label htmlFor={`${id}-date`}>{t('scenarioEdit.schedule.date')}</label>
          <input id={`${id}-date`} type="datetime-local" value={d.date} onChange={(e) => onChange({ date: e.target.value })} data-testid="schedule-date" />
        </div>
      );
    case 'daily':
      return time;
    case 'weekly':
      return (
        <>
          {checks(t('scenarioEdit.schedule.weekdays'), range(1, 7), d.weekdays, (n) => weekdayName(n, lang), 'weekdays', 'schedule-weekdays')}
          {time}
        </>
      );
    case 'monthly':
      return (
        <>
          {checks(t('scenarioEdit.schedule.monthDays'), range(1, 31), d.monthDays, String, 'monthDays', 'schedule-days')}
          {time}
        </>
      );
    case 'yearly':
      return (
        <>
          {checks(t('scenarioEdit.schedule.months'), range(1, 12), d.months, (n) => monthName(n, lang), 'months', 'schedule-months')}
          {checks(t('scenarioEdit.schedule.monthDays'), range(1, 31), d.monthDays, String, 'monthDays', 'schedule-days')}
          {time}
        </>
      );
    default:
      return null;
  }
}
