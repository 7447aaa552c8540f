// A built report: the period and overall totals, a note when numbers are partial, the exports, and one
// table per organization (a row per scenario, its total at the foot).
import { useTranslation } from 'react-i18next';
import type { ReportCountsView, ReportOrgSectionView } from '../../../../shared/contract-report';
import { useServices, useUi } from '../../app-context';
import { ErrorNote } from '../../components/ErrorNote';
import { formatNumber } from '../../i18n/format';
import { act } from '../../store/ui-store';
import { downloadText } from './download';
import { formatBytes } from './format-bytes';
import { exportFileName, startOfDay } from './report-range';
import { EXPORT_PLACE, type BuiltReport } from './use-report-build';

function CountCells({ c, lang }: { c: ReportCountsView; lang: string }) {
  return (
    <>
      <td className="n">{formatNumber(c.runs, lang)}</td>
      <td className={c.failures > 0 ? 'n bad-text' : 'n'}>{formatNumber(c.failures, lang)}</td>
      <td className={c.warnings > 0 ? 'n warn-text' : 'n'}>{formatNumber(c.warnings, lang)}</td>
      <td className="n">{formatNumber(c.operations, lang)}</td>
      <td className="n">{formatBytes(c.transfer, lang)}</td>
    </>
  );
}

function CountHeads() {
  const { t } = useTranslation();
  return (
    <>
      <th scope="col" className="n">{t('report.runs')}</th>
      <th scope="col" className="n">{t('report.failures')}</th>
      <th scope="col" className="n">{t('report.warnings')}</th>
      <th scope="col" className="n">{t('report.operations')}</th>
      <th scope="col" className="n">{t('report.transfer')}</th>
    </>
  );
}

function OrgTable({ org, lang }: { org: ReportOrgSectionView; lang: string }) {
  const { t } = useTranslation();
  const headingId = `report-org-${org.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <section className="report-org" aria-labelledby={headingId} data-testid="report-org-section" data-org-key={org.key}>
      <h3 id={headingId}>
        {org.name}
        {org.incomplete && <span className="badge partial">{t('report.partialMark')}</span>}
      </h3>
      <div className="report-table-wrap">
        <table className="report-table">
          <caption className="sr-only">{t('report.tableCaption', { org: org.name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.scenario')}</th>
              <th scope="col">{t('report.team')}</th>
              <CountHeads />
            </tr>
          </thead>
          <tbody>
            {org.scenarios.length === 0 ? (
              <tr>
                <td colSpan={7} className="muted">
                  {t('report.noScenarios')}
                </td>
              </tr>
            ) : (
              org.scenarios.map((s) => (
                <tr key={s.key} data-testid="report-row">
                  <th scope="row" className="report-name">
                    {s.name}
                    {s.incomplete && <span className="partial-mark"> ({t('report.partialMark')})</span>}
                  </th>
                  <td>{s.teamName ?? ''}</td>
                  <CountCells c={s} lang={lang} />
                </tr>
              ))
            )}
          </tbody>
          <tfoot>
            <tr className="report-total" data-testid="report-org-total">
              <th scope="row">{t('report.total')}</th>
              <td />
              <CountCells c={org.totals} lang={lang} />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function ReportResult({ built }: { built: BuiltReport }) {
  const { t, i18n } = useTranslation();
  const { api, ui } = useServices();
  const exporting = useUi((s) => s.busy[EXPORT_PLACE] === true);
  const lang = i18n.language;
  const { report, days, cancelled, requestId } = built;
  const dateFmt = new Intl.DateTimeFormat(lang, { dateStyle: 'medium' });
  const shownDay = (day: string) => {
    const ms = startOfDay(day);
    return ms === null ? day : dateFmt.format(ms);
  };

  const exportAs = (format: 'csv' | 'html') =>
    void act(ui, EXPORT_PLACE, async () => {
      const file = await api.invoke('report.export', {
        requestId,
        format,
        locale: lang.startsWith('ja') ? 'ja' : 'en',
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
      downloadText(file.text, file.mimeType, exportFileName(days, format));
    });

  return (
    <section className="report-result" aria-labelledby="report-result-title" data-testid="report-result">
      <div className="report-result-head">
        <h2 id="report-result-title">{t('report.builtFor', { from: shownDay(days.from), to: shownDay(days.to) })}</h2>
        <div className="row-gap" role="group" aria-label={t('report.exports')}>
          <button type="button" className="btn" disabled={exporting} onClick={() => exportAs('csv')} data-testid="report-export-csv">
            {t('report.exportCsv')}
          </button>
          <button type="button" className="btn" disabled={exporting} onClick={() => exportAs('html')} data-testid="report-export-html" aria-describedby="report-export-hint">
            {t('report.exportHtml')}
          </button>
        </div>
      </div>
      <p id="report-export-hint" className="hint">
        {t('report.exportHint')}
      </p>
      <ErrorNote place={EXPORT_PLACE} />
      {cancelled && (
        <p className="notice" role="note" data-testid="report-cancelled">
          {t('report.cancelled')}
        </p>
      )}
      {report.incomplete && (
        <p className="notice" role="note" data-testid="report-partial">
          {t('report.partial')}
        </p>
      )}
      <div className="report-table-wrap">
        <table className="report-table report-summary" data-testid="report-summary">
          <caption className="sr-only">{t('report.allOrgs')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('report.orgs')}</th>
              <CountHeads />
            </tr>
          </thead>
          <tbody>
            {report.orgs.map((o) => (
              <tr key={o.key}>
                <th scope="row">{o.name}</th>
                <CountCells c={o.totals} lang={lang} />
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr className="report-total" data-testid="report-grand-total">
              <th scope="row">{t('report.total')}</th>
              <CountCells c={report.totals} lang={lang} />
            </tr>
          </tfoot>
        </table>
      </div>
      {report.orgs.map((o) => (
        <OrgTable key={o.key} org={o} lang={lang} />
      ))}
    </section>
  );
}
