// A new scenario from a blueprint file: the file (checked at once), the team, an optional folder and
// name. Main checks the file again; Make may ask for a confirmation (an app new to the organization).
// What was chosen and typed stays in the parent's draft across errors and closing.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confirmation } from '../../../../shared/contract-define';
import { MAX_SCENARIO_NAME } from '../../../../shared/contract-scenario-edit';
import { useEngine, useServices } from '../../app-context';
import { act, errorPlace } from '../../store/ui-store';
import { readBlueprintFile, type ChosenFile } from './blueprint-file';
import { useProblemText } from '../../i18n/problem-text';
import { ProblemList } from './EditError';
import { folderOptions } from './folder-options';
import { FolderSelect } from './FolderSelect';
import { FormDialog } from './FormDialog';
import type { TeamOption } from './team-options';

export interface CreateDraft {
  teamKey: string;
  folderKey: string;
  name: string;
  file: ChosenFile | null;
}

export const CREATE_PLACE = errorPlace('scenario-create', 'create');

interface Props {
  teams: readonly TeamOption[];
  draft: CreateDraft;
  setDraft: (patch: Partial<CreateDraft>) => void;
  onClose: () => void;
  onCreated: (key: string, name: string) => void;
}

export function CreateScenarioDialog({ teams, draft, setDraft, onClose, onCreated }: Props) {
  const { t } = useTranslation();
  const problemWords = useProblemText();
  const { api, ui } = useServices();
  const folders = useEngine((m) => m.engine.folders);
  const options = useMemo(() => folderOptions(folders, draft.teamKey || null), [folders, draft.teamKey]);
  const [asked, setAsked] = useState<Confirmation | null>(null);
  const [reading, setReading] = useState(false);
  const id = useId();
  const file = draft.file;

  const choose = async (f: File | undefined) => {
    setAsked(null);
    ui.getState().setError(CREATE_PLACE, null);
    if (!f) return setDraft({ file: null });
    setReading(true);
    try {
      setDraft({ file: await readBlueprintFile(f) });
    } finally {
      setReading(false);
    }
  };

  const submit = async () => {
    if (!file?.ok || !draft.teamKey) return;
    const confirmed = asked !== null;
    const name = draft.name.trim();
    const r = await act(ui, CREATE_PLACE, () =>
      api.invoke('scenarioEdit.create', {
        teamKey: draft.teamKey,
        blueprint: file.text,
        folderKey: draft.folderKey === '' ? null : draft.folderKey,
        ...(name !== '' ? { name } : {}),
        ...(confirmed ? { confirmed: true } : {}),
      }),
    );
    if (!r) return;
    if (r.kind === 'needs-confirmation') return setAsked(r.confirmation);
    setAsked(null);
    onCreated(r.value.key, r.value.name);
  };

  const fileProblems =
    file && !file.ok ? (file.reason === 'invalid' ? file.problems.map(problemWords) : [t(file.reason === 'too-large' ? 'scenarioEdit.create.tooLarge' : 'scenarioEdit.create.unreadable')]) : [];
  return (
    <FormDialog
      title={t('scenarioEdit.create.title')}
      place={CREATE_PLACE}
      submitLabel={asked ? t('scenarioEdit.create.confirm') : t('scenarioEdit.create.submit')}
      onSubmit={() => void submit()}
      onClose={onClose}
      testId="create-dialog"
      canSubmit={!reading && file?.ok === true && draft.teamKey !== ''}
      footer={
        asked ? (
          <p className="notice" role="status" data-testid="create-asked">
            {asked.message}
          </p>
        ) : null
      }
    >
      <div className="field">
        <label htmlFor={`${id}-file`}>{t('scenarioEdit.create.file')}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json"
          aria-invalid={fileProblems.length > 0 || undefined}
          aria-describedby={`${id}-file-status`}
          onChange={(e) => void choose(e.target.files?.[0])}
          data-testid="create-file"
          data-autofocus
        />
        <div id={`${id}-file-status`} aria-live="polite">
          {reading ? (
            <p className="hint">{t('scenarioEdit.create.reading')}</p>
          ) : file?.ok ? (
            <p className="hint" data-testid="create-file-ok">
              {t('scenarioEdit.create.fileOk', { file: file.fileName, name: file.name, count: file.moduleCount })}
            </p>
          ) : file ? (
            <ProblemList intro={t('scenarioEdit.create.notBlueprint', { file: file.fileName })} problems={fileProblems} testId="create-file-problems" />
          ) : (
            <p className="hint">{t('scenarioEdit.create.fileHint')}</p>
          )}
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-team`}>{t('scenarioEdit.create.team')}</label>
        <select id={`${id}-team`} value={draft.teamKey} onChange={(e) => setDraft({ teamKey: e.target.value, folderKey: '' })} data-testid="create-team">
          {teams.map((o) => (
            <option key={o.key} value={o.key}>
              {o.label}
            </option>
          ))}
        </select>
      </div>
      <FolderSelect id={`${id}-folder`} value={draft.folderKey} options={options} onChange={(folderKey) => setDraft({ folderKey })} testId="create-folder" />
      <div className="field">
        <label htmlFor={`${id}-name`}>{t('scenarioEdit.create.name')}</label>
        <input
          id={`${id}-name`}
          type="text"
          value={draft.name}
          maxLength={MAX_SCENARIO_NAME}
          placeholder={file?.ok ? file.name : ''}
          aria-describedby={`${id}-name-hint`}
          onChange={(e) => setDraft({ name: e.target.value })}
          data-testid="create-name"
        />
        <p id={`${id}-name-hint`} className="hint">
          {t('scenarioEdit.create.nameHint')}
        </p>
      </div>
      <p className="hint">{t('scenarioEdit.create.startsInactive')}</p>
    </FormDialog>
  );
}
