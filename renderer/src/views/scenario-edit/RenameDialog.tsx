// Rename a scenario. What was typed stays when Make refuses.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCENARIO_NAME } from '../../../../shared/contract-scenario-edit';
import type { ScenarioState } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { FormDialog } from './FormDialog';

export function RenameDialog({ scenario, onClose }: { scenario: ScenarioState; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [name, setName] = useState(scenario.name);
  const id = useId();
  const place = errorPlace(scenario.key, 'edit-rename');
  const empty = name.trim() === '';
  const submit = async () => {
    const r = await act(ui, place, () => api.invoke('scenarioEdit.rename', { key: scenario.key, name }));
    if (r) onClose();
  };
  return (
    <FormDialog title={t('scenarioEdit.renameTitle', { name: scenario.name })} place={place} submitLabel={t('scenarioEdit.rename')} onSubmit={() => void submit()} onClose={onClose} testId="rename-dialog" canSubmit={!empty}>
      <div className="field">
        <label htmlFor={id}>{t('scenarioEdit.name')}</label>
        <input
          id={id}
          type="text"
          value={name}
          maxLength={MAX_SCENARIO_NAME}
          aria-invalid={empty || undefined}
          aria-describedby={empty ? `${id}-err` : undefined}
          onChange={(e) => setName(e.target.value)}
          data-testid="rename-input"
          data-autofocus
        />
        {empty && (
          <p id={`${id}-err`} className="field-error">
            {t('scenarioEdit.nameRequired')}
          </p>
        )}
      </div>
    </FormDialog>
  );
}
