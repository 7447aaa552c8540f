// The agency report as one self-contained, printable HTML page for clients: no external resource, no
// script (a CSP forbids both), every text escaped, the logo only as an image data URL.
import { isSafeLogoDataUrl } from '../../../../shared/agency-logo';
import type { AgencyReport, ReportCounts } from './aggregate';
import { printableStrings } from './printable-strings';

export { isSafeLogoDataUrl };

export interface PrintableOptions {
  agencyName: string;
  /** `data:image/png;base64,…` (png, jpeg, gif, webp or svg+xml). Anything else is left out. */
  logoDataUrl?: string | null;
  /** BCP 47, for the words (English or Japanese), numbers and dates. Default 'en'. */
  locale?: string;
  /** IANA zone the range is shown in. Default 'UTC'. */
  timeZone?: string;
  /** When the report was made (shown in the footer). */
  generatedAt?: number;
  title?: string;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c]!);


export function formatBytes(bytes: number, locale = 'en'): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  const n = new Intl.NumberFormat(locale, { maximumFractionDigits: i === 0 ? 0 : 1 }).format(v);
  return `${n} ${units[i]}`;
}

const CSS = `
  :root { color-scheme: light; }
  * { box-sizing: border-box; }
  body { font: 10.5pt/1.4 system-ui, -apple-system, "Segoe UI", "Hiragino Sans", "Noto Sans JP", "Noto Sans", sans-serif; color: #1d1d1f; margin: 24px; }
  header { display: flex; align-items: center; gap: 16px; border-bottom: 2px solid #6d00cc; padding-bottom: 12px; margin-bottom: 16px; }
  header img { max-height: 56px; max-width: 200px; }
  h1 { font-size: 16pt; margin: 0; }
  .sub { color: #555; margin: 2px 0 0; }
  h2 { font-size: 12.5pt; margin: 20px 0 6px; }
  table { width: 100%; border-collapse: collapse; margin-bottom: 8px; }
  th, td { padding: 4px 6px; border-bottom: 1px solid #ddd; text-align: left; vertical-align: top; }
  th { background: #f3effa; font-weight: 600; }
  td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
  tr.total td { font-weight: 600; border-top: 2px solid #999; }
  .bad { color: #b00020; }
  .warn { color: #8a5a00; }
  .note { color: #8a5a00; font-size: 9pt; }
  footer { margin-top: 24px; color: #777; font-size: 8.5pt; }
  @page { size: A4; margin: 14mm; }
  @media print {
    body { margin: 0; }
    thead { display: table-header-group; }
    tr, .summary { break-inside: avoid; page-break-inside: avoid; }
    section { break-inside: auto; }
    th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  }
`;

export function toPrintableHtml(report: AgencyReport, opts: PrintableOptions): string {
  const locale = opts.locale ?? 'en';
  const w = printableStrings(locale);
  const timeZone = opts.timeZone ?? 'UTC';
  const num = new Intl.NumberFormat(locale);
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone });
  const e = escapeHtml;
  const cells = (c: ReportCounts) =>
    `<td class="n">${num.format(c.runs)}</td>` +
    `<td class="n${c.failures > 0 ? ' bad' : ''}">${num.format(c.failures)}</td>` +
    `<td class="n${c.warnings > 0 ? ' warn' : ''}">${num.format(c.warnings)}</td>` +
    `<td class="n">${num.format(c.operations)}</td>` +
    `<td class="n">${e(formatBytes(c.transfer, locale))}</td>`;
  const numberHeads = [w.runs, w.failures, w.warnings, w.operations, w.transfer].map((h) => `<th class="n">${e(h)}</th>`).join('');
  const head = (first: string, second: string) => `<thead><tr><th>${e(first)}</th><th>${e(second)}</th>${numberHeads}</tr></thead>`;
  const totalRow = (c: ReportCounts) => `<tr class="total"><td>${e(w.total)}</td><td></td>${cells(c)}</tr>`;

  const sections = report.orgs
    .map((org) => {
      const rows = org.scenarios
        .map((s) => `<tr><td>${e(s.name)}${s.incomplete ? ` <span class="note">(${e(w.partialMark)})</span>` : ''}</td><td>${e(s.teamName ?? '')}</td>${cells(s)}</tr>`)
        .join('');
      const empty = org.scenarios.length === 0 ? `<tr><td colspan="7">${e(w.noScenarios)}</td></tr>` : '';
      return `<section><h2>${e(org.name)}</h2><table>${head(w.scenario, w.team)}<tbody>${rows}${empty}${totalRow(org.totals)}</tbody></table></section>`;
    })
    .join('');

  const logo = opts.logoDataUrl && isSafeLogoDataUrl(opts.logoDataUrl) ? `<img src="${e(opts.logoDataUrl)}" alt="">` : '';
  const title = opts.title ?? w.title;
  const range = `${date.format(report.range.from)} – ${date.format(report.range.to)} (${timeZone})`;
  const summary = `<table class="summary">${head(w.allOrgs, '')}<tbody>${totalRow(report.totals)}</tbody></table>`;
  const partial = report.incomplete ? `<p class="note">${e(w.partialNote)}</p>` : '';
  const generated = opts.generatedAt !== undefined ? e(w.generated(date.format(opts.generatedAt))) : '';

  return (
    `<!DOCTYPE html>\n<html lang="${e(locale)}"><head><meta charset="utf-8">` +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src data:; style-src 'unsafe-inline'">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<title>${e(`${title} — ${opts.agencyName}`)}</title><style>${CSS}</style></head><body>` +
    `<header>${logo}<div><h1>${e(opts.agencyName)}</h1><p class="sub">${e(title)}: ${e(range)}</p></div></header>` +
    `${summary}${partial}${sections}` +
    `<footer>${generated}${e(w.howCounted)}</footer>` +
    `</body></html>\n`
  );
}
