// "New custom webhook": a name, then Make gives it an address. What was typed stays on an error.
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { HookView } from '../../../../shared/contract-hooks';
import type { TeamKey } from '../../../../shared/domain';
import { useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { act, errorPlace } from '../../store/ui-store';

export const CREATE_HOOK_PLACE = errorPlace('hooks', 'create');

export function CreateHookForm({ teamKey, onCreated, onCancel }: { teamKey: TeamKey; onCreated(hook: HookView): void; onCancel(): void }) {
  const { t } = useTranslation();
  const { api, ui } = useServices();
  const id = useId();
  const [name, setName] = useState('');
  const busy = useUi((s) => CREATE_HOOK_PLACE in s.busy);
  const err = useUi((s) => s.errors[CREATE_HOOK_PLACE]);
  const cancel = () => {
    ui.getState().setError(CREATE_HOOK_PLACE, null);
    onCancel();
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await act(ui, CREATE_HOOK_PLACE, () => api.invoke('hooks.create', { teamKey, name }));
    if (r) onCreated(r.hook);
  };
  return (
    <section className="card manage-form" aria-labelledby={`${id}-title`} data-testid="hook-create-form">
      <h3 id={`${id}-title`}>{t('hooks.createTitle')}</h3>
      <form onSubmit={(e) => void submit(e)} onKeyDown={(e) => e.key === 'Escape' && cancel()}>
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('hooks.name')}</label>
          <input
            id={`${id}-name`}
            type="text"
            value={name}
            onChange={(e) => setName(e.target.value)}
            maxLength={128}
            required
            aria-invalid={err?.field === 'name' || undefined}
            aria-describedby={`${id}-hint${err ? ` ${id}-error` : ''}`}
            data-autofocus
            autoFocus
            data-testid="hook-create-name"
          />
          <span id={`${id}-hint`} className="hint">
            {t('hooks.nameHint')}
          </span>
        </div>
        <ErrorNote place={CREATE_HOOK_PLACE} id={`${id}-error`} />
        <div className="row-gap">
          <button type="submit" className="btn primary" disabled={busy} aria-busy={busy || undefined} data-testid="hook-create-submit">
            {t('hooks.createSubmit')}
          </button>
          <button type="button" className="btn" onClick={cancel}>
            {t('app.cancel')}
          </button>
        </div>
      </form>
    </section>
  );
}
