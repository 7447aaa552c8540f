// The printable report's words in the languages the window offers. The CSV keeps English column names:
// it is read by spreadsheets and scripts, which want stable headers.

export interface PrintableStrings {
  title: string;
  scenario: string;
  team: string;
  runs: string;
  failures: string;
  warnings: string;
  operations: string;
  transfer: string;
  total: string;
  allOrganizations: string;
  partial: string;
  noScenarios: string;
  partialNote: string;
  generated: (date: string) => string;
  howCounted: string;
}

const EN: PrintableStrings = {
  title: 'Automation report',
  scenario: 'Scenario',
  team: 'Team',
  runs: 'Runs',
  failures: 'Failures',
  warnings: 'Warnings',
  operations: 'Operations',
  transfer: 'Data transfer',
  total: 'Total',
  allOrganizations: 'All organizations',
  partial: '(partial)',
  noScenarios: 'No scenarios.',
  partialNote: 'Some run history could not be read within the request budget; rows marked “partial” may be missing runs.',
  generated: (date) => `Generated ${date}. `,
  howCounted: 'Runs are counted by start time; runs still going are not counted. Data transfer as Make reports it.',
};

const JA: PrintableStrings = {
  title: '自動化レポート',
  scenario: 'シナリオ',
  team: 'チーム',
  runs: '実行回数',
  failures: '失敗',
  warnings: '警告',
  operations: 'オペレーション',
  transfer: 'データ転送量',
  total: '合計',
  allOrganizations: 'すべての組織',
  partial: '（一部）',
  noScenarios: 'シナリオはありません。',
  partialNote: 'リクエストの上限内で読めなかった実行履歴があります。「一部」と記された行には含まれない実行があるかもしれません。',
  generated: (date) => `${date} に作成。`,
  howCounted: '実行は開始時刻で数えています。実行中のものは含みません。データ転送量は Make の報告どおりです。',
};

export const printableStrings = (locale: string): PrintableStrings => (locale.toLowerCase().startsWith('ja') ? JA : EN);
