// The agency report screen: choose organizations and a period, build (with progress, stoppable),
// read the tables, export CSV or a printable page.
import { useTranslation } from 'react-i18next';
import { ReportForm } from './ReportForm';
import { ReportResult } from './ReportResult';
import { useReportBuild } from './use-report-build';

export default function ReportView() {
  const { t } = useTranslation();
  const { running, progress, built, build, cancel } = useReportBuild();
  return (
    <main className="content report" aria-labelledby="report-title" aria-busy={running || undefined} data-testid="report-view">
      <div className="report-scroll">
        <h1 id="report-title">{t('report.title')}</h1>
        <p className="hint">{t('report.intro')}</p>
        <ReportForm running={running} progress={progress} hasReport={built !== null} onBuild={(input) => void build(input)} onCancel={cancel} />
        {built ? <ReportResult built={built} /> : !running && <p className="muted report-empty">{t('report.empty')}</p>}
      </div>
    </main>
  );
}
