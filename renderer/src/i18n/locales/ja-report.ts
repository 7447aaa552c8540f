// 日本語（report）。キーは en-report.ts と一致する必要がある（型で検査）。
import type { Resources } from './en';

export const jaReport: Resources['report'] = {
  title: 'レポート',
};
