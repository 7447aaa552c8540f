// Column names of the agency report in the languages the window offers, so the window's tables and the
// printable page (made in main) say the same.
export interface ReportLabels {
  allOrgs: string;
  scenario: string;
  team: string;
  runs: string;
  failures: string;
  warnings: string;
  operations: string;
  transfer: string;
  total: string;
  partialMark: string;
}

export const REPORT_LABELS: Record<'en' | 'ja', ReportLabels> = {
  en: {
    allOrgs: 'All organizations',
    scenario: 'Scenario',
    team: 'Team',
    runs: 'Runs',
    failures: 'Failures',
    warnings: 'Warnings',
    operations: 'Operations',
    transfer: 'Data transfer',
    total: 'Total',
    partialMark: 'partial',
  },
  ja: {
    allOrgs: 'すべての組織',
    scenario: 'シナリオ',
    team: 'チーム',
    runs: '実行数',
    failures: '失敗',
    warnings: '警告',
    operations: 'オペレーション',
    transfer: 'データ転送量',
    total: '合計',
    partialMark: '一部のみ',
  },
};
