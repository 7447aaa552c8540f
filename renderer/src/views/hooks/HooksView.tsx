// The webhooks screen: a team (from the sidebar's scope, or picked here), its webhooks with address,
// state, queue and the scenario each feeds, and creating, renaming, switching, checking and deleting.
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { HookView } from '../../../../shared/contract-hooks';
import type { TeamKey } from '../../../../shared/domain';
import { allowedHookActions } from '../../../../shared/management-scopes';
import { useEngine, useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { CreateHookForm } from './CreateHookForm';
import { DeleteHookDialog } from './DeleteHookDialog';
import { HookRow } from './HookRow';
import { defaultTeam, orgOptions, scopeKeyOf, scopesOfOrg } from './management-target';
import { HOOKS_LIST_PLACE, useHookList } from './use-hook-list';

export default function HooksView() {
  const { t } = useTranslation();
  const { ui } = useServices();
  const id = useId();
  const state = useEngine((m) => m.engine);
  const scope = useUi((s) => s.query.scope);
  const scopeKey = scopeKeyOf(scope);
  const orgs = useMemo(() => orgOptions(state), [state]);
  const [picked, setPicked] = useState<TeamKey | null>(null);
  useEffect(() => setPicked(null), [scopeKey]);
  const teamKey = picked && state.teams[picked] ? picked : defaultTeam(state, scope);
  const team = teamKey ? state.teams[teamKey] : undefined;
  const perms = useMemo(() => allowedHookActions(scopesOfOrg(state, team?.orgKey ?? null)), [state, team?.orgKey]);
  const list = useHookList(teamKey, perms.list.allowed);
  const busy = useUi((s) => HOOKS_LIST_PLACE in s.busy);
  const [creating, setCreating] = useState(false);
  const [deleting, setDeleting] = useState<HookView | null>(null);
  const titleRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => setCreating(false), [teamKey]);
  // A new webhook's next step is usually copying its address: focus goes to that button.
  const [focusCopyOf, setFocusCopyOf] = useState<number | null>(null);
  useEffect(() => {
    if (focusCopyOf === null) return;
    document.querySelector<HTMLElement>(`[data-hook-id="${focusCopyOf}"] [data-testid="hook-copy"]`)?.focus();
    setFocusCopyOf(null);
  }, [focusCopyOf]);

  const toast = (message: string) => ui.getState().pushToast({ kind: 'success', message, error: null, key: null });

  return (
    <main className="content manage" aria-labelledby={`${id}-title`} data-testid="hooks-view">
      <div className="toolbar">
        <h2 id={`${id}-title`} ref={titleRef} tabIndex={-1}>
          {t('hooks.title')}
        </h2>
        {orgs.some((o) => o.teams.length > 0) && (
          <label className="field-inline">
            {t('hooks.team')}
            <select value={teamKey ?? ''} onChange={(e) => setPicked(e.target.value)} data-testid="hooks-team">
              {orgs
                .filter((o) => o.teams.length > 0)
                .map((o) => (
                  <optgroup key={o.key} label={o.name}>
                    {o.teams.map((tm) => (
                      <option key={tm.key} value={tm.key}>
                        {tm.name}
                      </option>
                    ))}
                  </optgroup>
                ))}
            </select>
          </label>
        )}
        {teamKey && perms.list.allowed && (
          <button type="button" className="btn" disabled={busy} onClick={() => void list.reload()} data-testid="hooks-reload">
            {t('hooks.reload')}
          </button>
        )}
        {teamKey && perms.create.allowed && !creating && (
          <button type="button" className="btn primary" onClick={() => setCreating(true)} data-testid="hook-create">
            {t('hooks.create')}
          </button>
        )}
        {list.hooks && <span className="count muted">{t('hooks.count', { count: list.hooks.length })}</span>}
      </div>
      <div className="manage-body">
        {!teamKey && <p className="empty muted">{t('hooks.noTeams')}</p>}
        {teamKey && !perms.list.allowed && (
          <p className="notice" data-testid="hooks-cant-list">
            {t('hooks.cantList', { scopes: perms.list.missing.join('”, “') })}
          </p>
        )}
        {teamKey && perms.list.allowed && !perms.create.allowed && <p className="hint">{t('hooks.readOnly')}</p>}
        <ErrorNote place={HOOKS_LIST_PLACE} />
        {teamKey && creating && (
          <CreateHookForm
            teamKey={teamKey}
            onCancel={() => {
              setCreating(false);
              titleRef.current?.focus();
            }}
            onCreated={(hook) => {
              list.put(hook);
              setCreating(false);
              setFocusCopyOf(hook.id);
              toast(t('hooks.created', { name: hook.name }));
            }}
          />
        )}
        {teamKey && perms.list.allowed && list.hooks === null && busy && (
          <p className="empty muted" aria-busy="true">
            {t('hooks.loading')}
          </p>
        )}
        {list.hooks && list.hooks.length === 0 && <p className="empty muted" data-testid="hooks-empty">{t('hooks.empty')}</p>}
        {list.hooks && list.hooks.length > 0 && (
          <table className="manage-table" aria-label={t('hooks.tableLabel', { team: team?.name ?? '' })} aria-busy={busy || undefined} data-testid="hooks-table">
            <thead>
              <tr>
                <th scope="col">{t('hooks.col.name')}</th>
                <th scope="col">{t('hooks.col.url')}</th>
                <th scope="col">{t('hooks.col.enabled')}</th>
                <th scope="col" className="num">{t('hooks.col.queue')}</th>
                <th scope="col">{t('hooks.col.scenario')}</th>
                <th scope="col">{t('hooks.col.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {list.hooks.map((h) => (
                <HookRow key={h.id} hook={h} perms={perms} onChanged={(change) => list.patch(h.id, change)} onDelete={() => setDeleting(h)} />
              ))}
            </tbody>
          </table>
        )}
      </div>
      {deleting && (
        <DeleteHookDialog
          hook={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={() => {
            list.drop(deleting.id);
            setDeleting(null);
            toast(t('hooks.deleted', { name: deleting.name }));
            titleRef.current?.focus();
          }}
        />
      )}
    </main>
  );
}
