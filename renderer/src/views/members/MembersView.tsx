// The members screen of the main window.
import { useTranslation } from 'react-i18next';

export default function MembersView() {
  const { t } = useTranslation();
  return (
    <main className="content" data-testid="members-view">
      <h2>{t('members.title')}</h2>
    </main>
  );
}
