// The frame of every scenario-edit dialog: a form with its fields, the error where the user acted,
// and Cancel / submit. Enter submits; Escape and Cancel close without sending anything.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useUi } from '../../app-context';
import { Dialog } from '../../components/Dialog';
import type { ErrorPlace } from '../../store/ui-store';
import { EditError } from './EditError';

interface Props {
  title: string;
  place: ErrorPlace;
  submitLabel: string;
  onSubmit: () => void;
  onClose: () => void;
  children: ReactNode;
  testId: string;
  /** Submit stays off while the input can't be sent (the reason is shown next to the field). */
  canSubmit?: boolean;
  danger?: boolean;
  role?: 'dialog' | 'alertdialog';
  describedBy?: string;
  /** Shown before the buttons, e.g. a confirmation Make asked for. */
  footer?: ReactNode;
}

export function FormDialog({ title, place, submitLabel, onSubmit, onClose, children, testId, canSubmit = true, danger = false, role, describedBy, footer }: Props) {
  const { t } = useTranslation();
  const busy = useUi((s) => place in s.busy);
  return (
    <Dialog title={title} onClose={onClose} testId={testId} {...(role ? { role } : {})} {...(describedBy ? { describedBy } : {})}>
      <form
        className="edit-form"
        aria-busy={busy}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy && canSubmit) onSubmit();
        }}
      >
        {children}
        <EditError place={place} />
        {footer}
        <div className="dialog-actions">
          <button type="button" className="btn" onClick={onClose} data-testid={`${testId}-cancel`}>
            {t('app.cancel')}
          </button>
          <button type="submit" className={danger ? 'btn danger' : 'btn primary'} disabled={busy || !canSubmit} data-testid={`${testId}-submit`}>
            {busy ? t('scenarioEdit.saving') : submitLabel}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
