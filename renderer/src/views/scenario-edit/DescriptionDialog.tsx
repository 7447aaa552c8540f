// Edit a scenario's description (empty is allowed).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_SCENARIO_DESCRIPTION } from '../../../../shared/contract-scenario-edit';
import type { ScenarioState } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { FormDialog } from './FormDialog';

export function DescriptionDialog({ scenario, onClose }: { scenario: ScenarioState; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [description, setDescription] = useState(scenario.description);
  const id = useId();
  const place = errorPlace(scenario.key, 'edit-description');
  const submit = async () => {
    const r = await act(ui, place, () => api.invoke('scenarioEdit.setDescription', { key: scenario.key, description }));
    if (r) onClose();
  };
  return (
    <FormDialog title={t('scenarioEdit.describeTitle', { name: scenario.name })} place={place} submitLabel={t('scenarioEdit.save')} onSubmit={() => void submit()} onClose={onClose} testId="description-dialog">
      <div className="field">
        <label htmlFor={id}>{t('scenarioEdit.description')}</label>
        <textarea id={id} rows={5} value={description} maxLength={MAX_SCENARIO_DESCRIPTION} onChange={(e) => setDescription(e.target.value)} data-testid="description-input" data-autofocus />
      </div>
    </FormDialog>
  );
}
