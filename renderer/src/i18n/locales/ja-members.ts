// 日本語（members）。キーは en-members.ts と一致する必要がある（型で検査）。
import type { Resources } from './en';

export const jaMembers: Resources['members'] = {
  title: 'メンバー',
};
