// Edit a scenario's schedule with Make's types, previewing the next run times as the form changes.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { keepsAdvancedScheduling } from '../../../../shared/scheduling';
import { useProblemText } from '../../i18n/problem-text';
import { ProblemList } from './EditError';
import { FormDialog } from './FormDialog';
import { SCHEDULE_TYPES, draftOf, localTimeZone, previewOf, type ScheduleDraft } from './schedule-form';
import { ScheduleFields } from './ScheduleFields';

export function ScheduleDialog({ scenario, onClose }: { scenario: ScenarioState; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const problemWords = useProblemText();
  const { api, ui, now: clock } = useServices();
  const timeZone = useMemo(localTimeZone, []);
  const [now] = useState(clock);
  const [draft, setDraft] = useState<ScheduleDraft>(() => draftOf(scenario.scheduling, now, timeZone));
  const preview = useMemo(() => previewOf(draft, now, timeZone), [draft, now, timeZone]);
  const id = useId();
  const place = errorPlace(scenario.key, 'edit-schedule');
  // "Immediately" belongs to scenarios started by a webhook; others don't offer it.
  const types = SCHEDULE_TYPES.filter((type) => type !== 'immediately' || scenario.hookId !== null || scenario.scheduling?.type === 'immediately');
  const submit = async () => {
    const r = await act(ui, place, () => api.invoke('scenarioEdit.setSchedule', { key: scenario.key, scheduling: preview.scheduling }));
    if (r) onClose();
  };
  const lang = i18n.language;
  return (
    <FormDialog
      title={t('scenarioEdit.scheduleTitle', { name: scenario.name })}
      place={place}
      submitLabel={t('scenarioEdit.save')}
      onSubmit={() => void submit()}
      onClose={onClose}
      testId="schedule-dialog"
      canSubmit={preview.problems.length === 0}
    >
      <div className="field">
        <label htmlFor={`${id}-type`}>{t('scenarioEdit.schedule.type')}</label>
        <select id={`${id}-type`} value={draft.type} onChange={(e) => setDraft({ ...draft, type: e.target.value as ScheduleDraft['type'] })} data-testid="schedule-type" data-autofocus>
          {types.map((type) => (
            <option key={type} value={type}>
              {t(`scenarioEdit.schedule.types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <ScheduleFields draft={draft} onChange={(patch) => setDraft({ ...draft, ...patch })} />
      {preview.problems.length > 0 ? (
        <ProblemList intro={t('scenarioEdit.schedule.notYet')} problems={preview.problems.map(problemWords)} testId="schedule-problems" />
      ) : (
        <section className="schedule-preview" aria-labelledby={`${id}-preview`} aria-live="polite" data-testid="schedule-preview">
          <h3 id={`${id}-preview`}>{t('scenarioEdit.schedule.nextRuns')}</h3>
          {preview.nextRuns.length === 0 ? (
            <p className="muted">{t(draft.type === 'once' ? 'scenarioEdit.schedule.noRunsOnce' : 'scenarioEdit.schedule.noRuns')}</p>
          ) : (
            <ol>
              {preview.nextRuns.map((at) => (
                <li key={at}>
                  <time dateTime={new Date(at).toISOString()}>{formatRun(at, lang, timeZone)}</time>
                </li>
              ))}
            </ol>
          )}
          <p className="hint">
            {t('scenarioEdit.schedule.zoneNote', { zone: timeZone })}
            {draft.type === 'indefinitely' ? ` ${t('scenarioEdit.schedule.intervalNote')}` : ''}
            {draft.type === 'monthly' && draft.monthDays.some((d) => d > 28) ? ` ${t('scenarioEdit.schedule.monthNote')}` : ''}
          </p>
          {keepsAdvancedScheduling(draft.type, scenario.scheduling) && (
            <p className="hint" data-testid="schedule-advanced-kept">
              {t('scenarioEdit.schedule.advancedKept')}
            </p>
          )}
          {!scenario.isActive && preview.nextRuns.length > 0 && <p className="hint">{t('scenarioEdit.schedule.inactiveNote')}</p>}
        </section>
      )}
    </FormDialog>
  );
}

/** "Mon, Jan 20, 2025, 08:00": the weekday matters when checking a schedule. */
function formatRun(at: number, lang: string, timeZone: string): string {
  return new Intl.DateTimeFormat(lang, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', timeZone }).format(at);
}
