// Handlers of the contract area in shared/contract-report.ts: build (with progress events and
// cancelling), and the last reports built kept in memory so they can be exported as CSV or HTML.
import { CommandError, contractError } from '../../../../shared/contract';
import type { REPORT_COMMANDS } from '../../../../shared/contract-report';
import { isValidTimeZone, toCsv, toPrintableHtml, type AgencyReport } from '../../management';
import { managementOf, valueOf, type AreaHandlers } from '../area-handlers';
import type { CommandDeps } from '../ports';

/** Reports kept for export (the page exports the one it shows; older ones are dropped). */
const KEPT_REPORTS = 4;

export function buildReportHandlers(deps: CommandDeps): AreaHandlers<typeof REPORT_COMMANDS> {
  const running = new Map<string, AbortController>();
  const built = new Map<string, AgencyReport>();

  const keep = (requestId: string, report: AgencyReport) => {
    built.delete(requestId);
    built.set(requestId, report);
    for (const key of built.keys()) {
      if (built.size <= KEPT_REPORTS) break;
      built.delete(key);
    }
  };

  return {
    'report.build': async ({ requestId, orgKeys, from, to, onlyWithRuns, maxRequests }) => {
      if (running.has(requestId)) throw new CommandError(contractError('refused', 'This report is already being built.'));
      const controller = new AbortController();
      running.set(requestId, controller);
      let requests = 0;
      try {
        const result = await managementOf(deps).report.build({
          orgKeys,
          range: { from, to },
          signal: controller.signal,
          ...(onlyWithRuns !== undefined ? { onlyWithRuns } : {}),
          ...(maxRequests !== undefined ? { maxRequests } : {}),
          onProgress: (p) => {
            requests = p.requests;
            deps.host.emit?.('report.progress', { requestId, ...p });
          },
        });
        const report = valueOf(result);
        keep(requestId, report);
        return { report, cancelled: controller.signal.aborted, requests };
      } finally {
        running.delete(requestId);
      }
    },
    'report.cancel': ({ requestId }) => {
      running.get(requestId)?.abort();
      return null;
    },
    'report.export': ({ requestId, format, locale, timeZone }) => {
      const report = built.get(requestId);
      if (!report) throw new CommandError(contractError('refused', 'This report is no longer in memory. Build it again, then export it.'));
      if (format === 'csv') return { mimeType: 'text/csv;charset=utf-8', text: toCsv(report) };
      const { agency } = deps.settings.get();
      const text = toPrintableHtml(report, {
        agencyName: agency.name || 'Make Tray',
        logoDataUrl: agency.logo,
        locale: locale ?? 'en',
        timeZone: timeZone && isValidTimeZone(timeZone) ? timeZone : 'UTC',
        generatedAt: deps.engine.management?.().now() ?? Date.now(),
      });
      return { mimeType: 'text/html;charset=utf-8', text };
    },
  };
}
