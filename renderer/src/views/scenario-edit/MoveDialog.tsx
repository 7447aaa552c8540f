// Move a scenario to one of its team's folders, or out of any folder.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScenarioState } from '../../../../shared/domain';
import { useEngine, useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { folderOptions } from './folder-options';
import { FolderSelect } from './FolderSelect';
import { FormDialog } from './FormDialog';

export function MoveDialog({ scenario, onClose }: { scenario: ScenarioState; onClose: () => void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const folders = useEngine((m) => m.engine.folders);
  const options = useMemo(() => folderOptions(folders, scenario.teamKey), [folders, scenario.teamKey]);
  const [folderKey, setFolderKey] = useState<string>(scenario.folderKey ?? '');
  const id = useId();
  const place = errorPlace(scenario.key, 'edit-move');
  const submit = async () => {
    const r = await act(ui, place, () => api.invoke('scenarioEdit.move', { key: scenario.key, folderKey: folderKey === '' ? null : folderKey }));
    if (r) onClose();
  };
  return (
    <FormDialog title={t('scenarioEdit.moveTitle', { name: scenario.name })} place={place} submitLabel={t('scenarioEdit.move')} onSubmit={() => void submit()} onClose={onClose} testId="move-dialog" canSubmit={folderKey !== (scenario.folderKey ?? '')}>
      <FolderSelect id={id} value={folderKey} options={options} onChange={setFolderKey} testId="move-folder" autoFocus />
    </FormDialog>
  );
}
