// "Manage" in a scenario's detail: rename, move, describe, schedule, export the blueprint, delete.
// Only the actions the credential's scopes allow are shown; each opens its own dialog.
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioKey } from '../../../../shared/domain';
import { useEngine, useServices, useUi } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { DeleteDialog } from './DeleteDialog';
import { DescriptionDialog } from './DescriptionDialog';
import { downloadText } from './download';
import { EditError } from './EditError';
import { MoveDialog } from './MoveDialog';
import { useScenarioPermissions } from './permissions';
import { RenameDialog } from './RenameDialog';
import { ScheduleDialog } from './ScheduleDialog';

const EDITORS = ['rename', 'move', 'description', 'schedule', 'delete'] as const;
type Editor = (typeof EDITORS)[number];

export function ScenarioEditSection({ scenarioKey }: { scenarioKey: ScenarioKey }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const scenario = useEngine((m) => m.engine.scenarios[scenarioKey]);
  const allowed = useScenarioPermissions(scenario?.orgKey ?? null);
  const [editor, setEditor] = useState<Editor | null>(null);
  const exportPlace = errorPlace(scenarioKey, 'edit-export');
  const exporting = useUi((s) => exportPlace in s.busy);
  const id = useId();
  if (!scenario || (!allowed.edit && !allowed.exportBlueprint && !allowed.delete)) return null;

  const exportBlueprint = async () => {
    const file = await act(ui, exportPlace, () => api.invoke('scenarioEdit.exportBlueprint', { key: scenarioKey }));
    if (file) downloadText(file.fileName, file.text);
  };
  const button = (e: Editor, label: string) => (
    <button type="button" className={e === 'delete' ? 'btn danger-outline' : 'btn'} aria-haspopup="dialog" onClick={() => setEditor(e)} data-testid={`edit-${e}`}>
      {label}
    </button>
  );
  const close = () => {
    // A closed dialog's error would greet the next opening; what was typed goes with the dialog.
    for (const e of EDITORS) ui.getState().setError(errorPlace(scenarioKey, `edit-${e}`), null);
    setEditor(null);
  };
  return (
    <section className="scenario-edit" aria-labelledby={`${id}-h`} data-testid="scenario-edit">
      <h3 id={`${id}-h`}>{t('scenarioEdit.title')}</h3>
      <div className="scenario-edit-actions">
        {allowed.edit && (
          <>
            {button('rename', t('scenarioEdit.rename'))}
            {button('move', t('scenarioEdit.move'))}
            {button('description', t('scenarioEdit.editDescription'))}
            {button('schedule', t('scenarioEdit.editSchedule'))}
          </>
        )}
        {allowed.exportBlueprint && (
          <button type="button" className="btn" disabled={exporting} onClick={() => void exportBlueprint()} data-testid="edit-export">
            {exporting ? t('scenarioEdit.exporting') : t('scenarioEdit.export')}
          </button>
        )}
        {allowed.delete && button('delete', t('scenarioEdit.delete'))}
      </div>
      <EditError place={exportPlace} />
      {editor === 'rename' && <RenameDialog scenario={scenario} onClose={close} />}
      {editor === 'move' && <MoveDialog scenario={scenario} onClose={close} />}
      {editor === 'description' && <DescriptionDialog scenario={scenario} onClose={close} />}
      {editor === 'schedule' && <ScheduleDialog scenario={scenario} onClose={close} />}
      {editor === 'delete' && <DeleteDialog scenario={scenario} onClose={close} />}
    </section>
  );
}
