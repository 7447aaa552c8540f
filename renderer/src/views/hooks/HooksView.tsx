// The hooks screen of the main window.
import { useTranslation } from 'react-i18next';

export default function HooksView() {
  const { t } = useTranslation();
  return (
    <main className="content" data-testid="hooks-view">
      <h2>{t('hooks.title')}</h2>
    </main>
  );
}
