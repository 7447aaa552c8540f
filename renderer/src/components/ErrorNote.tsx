// A command's error, in plain words, at the place the user acted.
import { useTranslation } from 'react-i18next';
import { useUi } from '../app-context';
import { describeError } from '../describe-error';
import type { ErrorPlace } from '../store/ui-store';

export function ErrorNote({ place, id }: { place: ErrorPlace; id?: string }) {
  const { t } = useTranslation();
  const err = useUi((s) => s.errors[place]);
  if (!err) return null;
  return (
    <p className="error-note" role="alert" id={id} data-testid="error-note" data-code={err.code}>
      {describeError(err, t)}
    </p>
  );
}
