// The printable report's words in the languages the window offers (its column names are the window's,
// shared/report-labels.ts). The CSV keeps English column names: spreadsheets and scripts want stable headers.
import { REPORT_LABELS, type ReportLabels } from '../../../../shared/report-labels';

export interface PrintableStrings extends ReportLabels {
  title: string;
  noScenarios: string;
  partialNote: string;
  generated: (date: string) => string;
  howCounted: string;
}

const EN: PrintableStrings = {
  ...REPORT_LABELS.en,
  title: 'Automation report',
  noScenarios: 'No scenarios.',
  partialNote: 'Some run history could not be read within the request budget; rows marked “partial” may be missing runs.',
  generated: (date) => `Generated ${date}. `,
  howCounted: 'Runs are counted by start time; runs still going are not counted. Data transfer as Make reports it.',
};

const JA: PrintableStrings = {
  ...REPORT_LABELS.ja,
  title: '自動化レポート',
  noScenarios: 'シナリオはありません。',
  partialNote: 'リクエストの上限内で読めなかった実行履歴があります。「一部のみ」と記された行には含まれない実行があるかもしれません。',
  generated: (date) => `${date} に作成。`,
  howCounted: '実行は開始時刻で数えています。実行中のものは含みません。データ転送量は Make の報告どおりです。',
};

export const printableStrings = (locale: string): PrintableStrings => (locale.toLowerCase().startsWith('ja') ? JA : EN);
