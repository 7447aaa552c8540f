// "New scenario" in the main window's top bar: hidden when no team allows creating one.
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngine, useServices } from '../../app-context';
import { CREATE_PLACE, CreateScenarioDialog, type CreateDraft } from './CreateScenarioDialog';
import { creatableTeams, preselect } from './team-options';

const EMPTY: CreateDraft = { teamKey: '', folderKey: '', name: '', file: null };

export function NewScenarioButton() {
  const { t } = useTranslation();
  const { ui, engine } = useServices();
  const orgs = useEngine((m) => m.engine.orgs);
  const teamsTable = useEngine((m) => m.engine.teams);
  const accounts = useEngine((m) => m.engine.accounts);
  const teams = useMemo(() => creatableTeams({ orgs, teams: teamsTable, accounts }), [orgs, teamsTable, accounts]);
  const [open, setOpen] = useState(false);
  const [draft, setDraftState] = useState<CreateDraft>(EMPTY);
  if (teams.length === 0) return null;

  const start = () => {
    // A team chosen before stays chosen; otherwise the sidebar's scope suggests one.
    if (!teams.some((o) => o.key === draft.teamKey)) {
      const s = engine.getState().engine;
      setDraftState({ ...draft, ...preselect(ui.getState().query.scope, s, teams) } as CreateDraft);
    }
    setOpen(true);
  };
  const close = () => {
    ui.getState().setError(CREATE_PLACE, null);
    setOpen(false);
  };
  return (
    <>
      <button type="button" className="btn" onClick={start} aria-haspopup="dialog" data-testid="new-scenario">
        {t('scenarioEdit.create.button')}
      </button>
      {open && (
        <CreateScenarioDialog
          teams={teams}
          draft={draft}
          setDraft={(patch) => setDraftState((d) => ({ ...d, ...patch }))}
          onClose={close}
          onCreated={(key, name) => {
            setOpen(false);
            setDraftState({ ...EMPTY, teamKey: draft.teamKey });
            ui.getState().pushToast({ kind: 'success', message: t('scenarioEdit.create.created', { name }), error: null, key });
            ui.getState().select(key);
          }}
        />
      )}
    </>
  );
}
