// The agency report as CSV (RFC 4180: comma-separated, CRLF line ends, fields with a comma, quote or
// line break quoted, quotes doubled), with a UTF-8 byte order mark so Excel reads Japanese and other
// non-Latin names correctly. Text that a spreadsheet would run as a formula is prefixed with `'`.
import type { AgencyReport, ReportCounts } from './aggregate';

export const CSV_HEADER = [
  'Organization',
  'Team',
  'Scenario',
  'Scenario ID',
  'Runs',
  'Successes',
  'Warnings',
  'Failures',
  'Operations',
  'Data transfer (bytes)',
  'Complete',
] as const;

const BOM = '\uFEFF';

/** One field, quoted when RFC 4180 needs it. */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  // A cell starting like a formula would be evaluated by Excel/Sheets (CSV injection).
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

const counts = (c: ReportCounts) => [c.runs, c.successes, c.warnings, c.failures, c.operations, c.transfer];
const line = (fields: (string | number | null)[]) => fields.map(csvField).join(',');

export function toCsv(report: AgencyReport): string {
  const lines = [line([...CSV_HEADER])];
  for (const org of report.orgs) {
    for (const s of org.scenarios) {
      lines.push(line([org.name, s.teamName, s.name, s.id, ...counts(s), s.incomplete ? 'no' : 'yes']));
    }
    lines.push(line([org.name, null, 'Total', null, ...counts(org.totals), org.incomplete ? 'no' : 'yes']));
  }
  lines.push(line(['All organizations', null, 'Total', null, ...counts(report.totals), report.incomplete ? 'no' : 'yes']));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}
