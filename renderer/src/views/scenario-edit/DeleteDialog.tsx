// Delete a scenario: asks first, names it, and deletes only after its name is typed back (main checks
// the name again: `confirmName`).
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../../shared/domain';
import { useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { FormDialog } from './FormDialog';

export function DeleteDialog({ scenario, onClose }: { scenario: ScenarioState; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [typed, setTyped] = useState('');
  const [asked, setAsked] = useState<string | null>(null);
  const id = useId();
  const place = errorPlace(scenario.key, 'edit-delete');
  const matches = typed.trim() === scenario.name.trim();
  const submit = async () => {
    setAsked(null);
    const r = await act(ui, place, () => api.invoke('scenarioEdit.delete', { key: scenario.key, confirmName: typed }));
    if (!r) return;
    if (r.kind === 'needs-confirmation') {
      setAsked(r.confirmation.message);
      return;
    }
    onClose();
    ui.getState().pushToast({ kind: 'success', message: t('scenarioEdit.deleted', { name: scenario.name }), error: null, key: null });
    if (ui.getState().selected === scenario.key) ui.getState().select(null);
  };
  return (
    <FormDialog
      title={t('scenarioEdit.deleteTitle', { name: scenario.name })}
      place={place}
      submitLabel={t('scenarioEdit.delete')}
      onSubmit={() => void submit()}
      onClose={onClose}
      testId="delete-dialog"
      canSubmit={matches}
      danger
      role="alertdialog"
      describedBy={`${id}-body`}
      footer={asked ? <p className="notice" role="status">{asked}</p> : null}
    >
      <p id={`${id}-body`}>{t('scenarioEdit.deleteBody')}</p>
      <div className="field">
        <label htmlFor={id}>{t('scenarioEdit.deleteTypeName', { name: scenario.name })}</label>
        <input id={id} type="text" value={typed} autoComplete="off" spellCheck={false} onChange={(e) => setTyped(e.target.value)} data-testid="delete-confirm-name" data-autofocus />
      </div>
    </FormDialog>
  );
}
