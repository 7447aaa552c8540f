// 日本語（hooks）。キーは en-hooks.ts と一致する必要がある（型で検査）。
import type { Resources } from './en';

export const jaHooks: Resources['hooks'] = {
  title: 'Webhook',
};
