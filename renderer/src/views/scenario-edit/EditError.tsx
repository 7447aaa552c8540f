// A failed edit where the user acted: a blueprint's or schedule's problems as a list, anything else
// as the app's usual error note.
import { useTranslation } from 'react-i18next';
import { useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import type { ErrorPlace } from '../../store/ui-store';

export function EditError({ place, id }: { place: ErrorPlace; id?: string }) {
  const { t } = useTranslation();
  const err = useUi((s) => s.errors[place]);
  if (err?.code === 'invalid-input' && err.problems && err.problems.length > 0) {
    return <ProblemList id={id} intro={t('scenarioEdit.problemsIntro')} problems={err.problems} testId="edit-problems" />;
  }
  return <ErrorNote place={place} {...(id !== undefined ? { id } : {})} />;
}

export function ProblemList({ intro, problems, id, testId }: { intro: string; problems: readonly string[]; id?: string | undefined; testId: string }) {
  return (
    <div className="error-note problem-list" role="alert" id={id} data-testid={testId}>
      <p>{intro}</p>
      <ul>
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </div>
  );
}
