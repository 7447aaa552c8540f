// Calm toasts in a corner: main's `toast` events and failures of commands nobody awaited
// (`command.error`). Information fades on its own; errors stay until closed.
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useEngine, useServices, useUi } from '../app-context';
import { describeError } from '../describe-error';
import type { Toast } from '../store/ui-store';

/** How long a non-error toast stays. */
export const TOAST_MS = 6_000;

export function Toasts() {
  const { t } = useTranslation();
  const toasts = useUi((s) => s.toasts);
  return (
    <section className="toasts" aria-label={t('toast.region')} aria-live="polite" data-testid="toasts">
      {toasts.map((x) => (
        <ToastItem key={x.id} toast={x} />
      ))}
    </section>
  );
}

function ToastItem({ toast }: { toast: Toast }) {
  const { t } = useTranslation();
  const { ui } = useServices();
  const name = useEngine((m) => (toast.key ? m.engine.scenarios[toast.key]?.name : undefined));
  useEffect(() => {
    if (toast.kind === 'error') return;
    const id = setTimeout(() => ui.getState().dismissToast(toast.id), TOAST_MS);
    return () => clearTimeout(id);
  }, [ui, toast.id, toast.kind]);
  const text = toast.error ? describeError(toast.error, t) : (toast.message ?? '');
  return (
    <div className={`toast toast-${toast.kind}`} role={toast.kind === 'error' ? 'alert' : 'status'} data-testid="toast" data-kind={toast.kind}>
      <p>
        {name && <strong className="toast-subject">{name}: </strong>}
        {text}
      </p>
      <button type="button" className="btn icon" aria-label={t('toast.dismiss')} onClick={() => ui.getState().dismissToast(toast.id)} data-testid="toast-dismiss">
        ×
      </button>
    </div>
  );
}
