// Deleting a webhook asks first. When Make's side says the hook feeds a scenario, a second question
// names that scenario, and only a yes to it sends `confirmed: true`.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Confirmation } from '../../../../shared/contract-define';
import type { HookView } from '../../../../shared/contract-hooks';
import { useServices, useUi } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import { ErrorNote } from '../../components/ErrorNote';
import { act } from '../../store/ui-store';
import { hookPlace } from './HookRow';

export function DeleteHookDialog({ hook, onClose, onDeleted }: { hook: HookView; onClose(): void; onDeleted(): void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const [asked, setAsked] = useState<Confirmation | null>(null);
  const place = hookPlace(hook.id, 'delete');
  const busy = useUi((s) => place in s.busy);

  const close = () => {
    ui.getState().setError(place, null);
    onClose();
  };
  const send = async (confirmed: boolean) => {
    const request = confirmed ? { teamKey: hook.teamKey, hookId: hook.id, confirmed: true } : { teamKey: hook.teamKey, hookId: hook.id };
    const r = await act(ui, place, () => api.invoke('hooks.delete', request));
    if (!r) return;
    if (r.kind === 'needs-confirmation') setAsked(r.confirmation);
    else onDeleted();
  };

  if (asked) {
    const s = asked.scenario;
    const scenario = s ? (s.name ?? t('hooks.scenarioNumber', { id: s.id })) : (hook.attachedScenario?.name ?? null);
    return (
      <Dialog
        key="attached"
        title={scenario ? t('hooks.attachedTitle', { scenario }) : t('hooks.deleteTitle', { name: hook.name })}
        onClose={close}
        role="alertdialog"
        testId="hook-delete-attached"
        describedBy="hook-delete-attached-body"
      >
        <p id="hook-delete-attached-body">{scenario ? t('hooks.attachedBody') : asked.message}</p>
        <ErrorNote place={place} />
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={close} data-autofocus data-testid="hook-delete-cancel">
            {t('app.cancel')}
          </button>
          <button type="button" className="btn danger" disabled={busy} onClick={() => void send(true)} data-testid="hook-delete-confirm-attached">
            {t('hooks.attachedConfirm')}
          </button>
        </div>
      </Dialog>
    );
  }

  const feeds = hook.attachedScenario ? (hook.attachedScenario.name ?? t('hooks.scenarioNumber', { id: hook.attachedScenario.id })) : null;
  return (
    <Dialog key="ask" title={t('hooks.deleteTitle', { name: hook.name })} onClose={close} role="alertdialog" testId="hook-delete-dialog" describedBy="hook-delete-body">
      <p id="hook-delete-body">
        {t('hooks.deleteBody')}
        {feeds && <> {t('hooks.deleteAttachedBody', { scenario: feeds })}</>}
      </p>
      <ErrorNote place={place} />
      <div className="dialog-actions">
        <button type="button" className="btn" onClick={close} data-autofocus data-testid="hook-delete-cancel">
          {t('app.cancel')}
        </button>
        <button type="button" className="btn danger" disabled={busy} onClick={() => void send(false)} data-testid="hook-delete-confirm">
          {t('hooks.deleteConfirm')}
        </button>
      </div>
    </Dialog>
  );
}
