// 日本語（scenario-edit）。キーは en-scenario-edit.ts と一致する必要がある（型で検査）。
import type { Resources } from './en';

export const jaScenarioEdit: Resources['scenarioEdit'] = {
  title: 'シナリオを編集',
};
