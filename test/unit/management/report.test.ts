import { describe, expect, it } from 'vitest';
import {
  ReportHistory,
  buildAgencyReport,
  csvField,
  mergeSpan,
  missingSpans,
  toCsv,
  toPrintableHtml,
  type ReportRun,
} from '../../../electron/core/management';

const run = (id: string, status: ReportRun['status'], timestamp: number, operations: number | null = 2, transfer: number | null = 100): ReportRun => ({
  id,
  status,
  timestamp,
  operations,
  transfer,
});

const range = { from: 1000, to: 2000 };
const orgs = [
  { key: 'z/o1', name: 'さくらフーズ株式会社' },
  { key: 'z/o2', name: 'Acme, "Inc"' },
];
const scenarios = [
  { key: 'z/s1', id: 1, name: 'Orders → ERP', orgKey: 'z/o1', teamKey: 'z/t1' },
  { key: 'z/s2', id: 2, name: '経理 日次', orgKey: 'z/o1', teamKey: 'z/t1' },
  { key: 'z/s3', id: 3, name: '=HYPERLINK("x")', orgKey: 'z/o2', teamKey: 'z/t2' },
  { key: 'z/s4', id: 4, name: 'Other org not chosen', orgKey: 'z/o9' },
];
const runs = {
  'z/s1': [run('a', 1, 1000), run('b', 3, 1500, 5, 2048), run('b', 3, 1500, 5, 2048), run('c', 2, 1999), run('d', 1, 2000), run('e', 1, 999), run('f', 'running', 1600)],
  'z/s2': [run('g', 3, 1200, null, null)],
  'z/s3': [run('h', 1, 1800, 7, 10)],
  'z/s4': [run('i', 1, 1500)],
};

describe('buildAgencyReport', () => {
  const report = buildAgencyReport(runs, scenarios, orgs, range, { teamNames: { 'z/t1': '経理部' }, incomplete: new Set(['z/s2']) });

  it('counts finished runs once, in the half-open range', () => {
    const s1 = report.orgs[0]!.scenarios.find((s) => s.id === 1)!;
    expect(s1).toMatchObject({ runs: 3, successes: 1, failures: 1, warnings: 1, operations: 9, transfer: 2248, teamName: '経理部', incomplete: false });
  });

  it('totals per organization and overall, only for the chosen organizations', () => {
    expect(report.orgs.map((o) => [o.name, o.totals.runs, o.totals.failures, o.totals.operations, o.incomplete])).toEqual([
      ['さくらフーズ株式会社', 4, 2, 9, true],
      ['Acme, "Inc"', 1, 0, 7, false],
    ]);
    expect(report.totals).toEqual({ runs: 5, successes: 2, warnings: 1, failures: 2, operations: 16, transfer: 2258 });
    expect(report.incomplete).toBe(true);
  });

  it('can leave out scenarios without runs', () => {
    const r = buildAgencyReport({}, scenarios, orgs, range, { onlyWithRuns: true });
    expect(r.orgs.every((o) => o.scenarios.length === 0)).toBe(true);
    expect(buildAgencyReport({}, scenarios, orgs, range).orgs[0]!.scenarios).toHaveLength(2);
  });
});

describe('ReportHistory spans', () => {
  it('subtracts and merges half-open spans', () => {
    expect(missingSpans([], range)).toEqual([[1000, 2000]]);
    expect(missingSpans([[0, 1200], [1500, 1600], [1900, 5000]], range)).toEqual([[1200, 1500], [1600, 1900]]);
    expect(missingSpans([[1000, 2000]], range)).toEqual([]);
    expect(mergeSpan([[0, 10], [20, 30]], [10, 20])).toEqual([[0, 30]]);
  });

  it('answers runs for a range and what is still missing', () => {
    const h = new ReportHistory();
    h.add('k', [run('a', 1, 1100), run('r', 'running', 1150)], { from: 1000, to: 1500 });
    expect(h.missing('k', range)).toEqual([[1500, 2000]]);
    expect(h.runs('k', range).map((r) => r.id)).toEqual(['a']);
  });
});

describe('toCsv', () => {
  const report = buildAgencyReport(runs, scenarios, orgs, range, { teamNames: { 'z/t1': '経理部' } });
  const csv = toCsv(report);

  it('starts with a UTF-8 BOM and uses CRLF line ends', () => {
    expect(csv.startsWith('\uFEFFOrganization,Team,Scenario,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '').includes('\n')).toBe(false);
  });

  it('quotes per RFC 4180 and neutralizes formulas', () => {
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toContain('さくらフーズ株式会社,経理部,経理 日次,2,1,0,0,1,0,0,yes');
    expect(lines).toContain(`"Acme, ""Inc""",,"'=HYPERLINK(""x"")",3,1,1,0,0,7,10,yes`);
    expect(lines).toContain('All organizations,,Total,,5,2,1,2,16,2258,yes');
    expect(csvField('a\nb')).toBe('"a\nb"');
    expect(csvField('-1')).toBe("'-1");
    expect(csvField(-1)).toBe('-1');
  });

  it('round-trips through a strict RFC 4180 reader', () => {
    const rows = parseCsv(csv.slice(1));
    expect(rows[0]).toHaveLength(11);
    expect(rows.every((r) => r.length === 11)).toBe(true);
    expect(rows.find((r) => r[3] === '3')![0]).toBe('Acme, "Inc"');
  });
});

describe('toPrintableHtml', () => {
  const report = buildAgencyReport(runs, scenarios, [...orgs, { key: 'z/o3', name: '<script>alert(1)</script>' }], range);
  const logo = 'data:image/png;base64,iVBORw0KGgo=';

  it('is self-contained and escapes every text', () => {
    const html = toPrintableHtml(report, { agencyName: 'Tom & Jerry <Agency>', logoDataUrl: logo, generatedAt: 5000 });
    expect(html).toContain('<h1>Tom &amp; Jerry &lt;Agency&gt;</h1>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(html).toContain(`<img src="${logo}" alt="">`);
    expect(html).toContain("default-src 'none'; img-src data:");
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/(?:src|href)="(?!data:)/);
  });

  it('leaves out a logo that is not an image data URL', () => {
    for (const bad of ['https://evil.example/logo.png', 'data:text/html;base64,PHNjcmlwdD4=', 'data:image/png;base64,"onerror="x']) {
      expect(toPrintableHtml(report, { agencyName: 'A', logoDataUrl: bad })).not.toContain('<img');
    }
  });

  it('shows totals with the numbers of the report', () => {
    const html = toPrintableHtml(report, { agencyName: 'A', locale: 'en' });
    expect(html).toContain('<td class="n">16</td>');
    expect(html).toContain('2.2 KB');
    expect(html).toContain('No scenarios.');
  });

  it('is worded in Japanese for a Japanese window, numbers and dates included', () => {
    const html = toPrintableHtml(report, { agencyName: 'A', locale: 'ja', timeZone: 'Asia/Tokyo', generatedAt: Date.UTC(2025, 2, 3, 1, 0) });
    expect(html).toContain('<html lang="ja">');
    expect(html).toContain('<th>シナリオ</th><th>チーム</th><th class="n">実行数</th>');
    expect(html).toContain('<title>自動化レポート — A</title>');
    expect(html).toContain('<td>合計</td>');
    expect(html).toContain('シナリオはありません。');
    expect(html).toContain('2025/03/03 10:00 に作成。');
    expect(html).not.toMatch(/>(?:Scenario|Total|Runs|No scenarios\.)</);
  });
});

/** A strict RFC 4180 reader (test oracle). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else if (c === '"' || c === '\n' || c === '\r') throw new Error(`bare ${JSON.stringify(c)} at ${i}`);
    else field += c;
    i++;
  }
  return rows;
}
