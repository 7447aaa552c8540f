// The report screen of the main window.
import { useTranslation } from 'react-i18next';

export default function ReportView() {
  const { t } = useTranslation();
  return (
    <main className="content" data-testid="report-view">
      <h2>{t('report.title')}</h2>
    </main>
  );
}
