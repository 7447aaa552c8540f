// With MAKE_TRAY_TEST_HOOKS=1 main exposes `globalThis.__makeTrayTestHooks`, which end-to-end tests read
// through Playwright's `electronApp.evaluate`: the notifications main decided to show (or held back), the
// tray's model, and a way to click a tray item. Off by default; nothing else changes when it is on.
import type { EngineState } from '../../shared/domain';
import type { TrayAction } from '../core/tray';
import { flattenMenu } from '../core/tray';
import type { NotificationDecision } from './notifier';
import type { TrayView } from './tray';

export const TEST_HOOKS_ENV = 'MAKE_TRAY_TEST_HOOKS';
export const TEST_HOOKS_GLOBAL = '__makeTrayTestHooks';

export const testHooksEnabled = (env: NodeJS.ProcessEnv): boolean => env[TEST_HOOKS_ENV] === '1';

export interface TestHooks {
  notifications(): NotificationDecision[];
  tray(): Pick<TrayView, 'status' | 'menu' | 'tooltip' | 'iconFile'>;
  /** Clicks a tray menu item by id, as the user would; false when there is none or it is disabled. */
  clickTrayItem(id: string): boolean;
  /** Whether the demo world is what is being watched. */
  demo(): boolean;
  /** A copy of the engine's state (e.g. to find the demo world's zone and scenarios). */
  state(): EngineState;
}

export interface TestHookDeps {
  decisions(): NotificationDecision[];
  trayView(): TrayView;
  run(action: TrayAction, id: string): void;
  demo(): boolean;
  state(): EngineState;
}

export function createTestHooks(deps: TestHookDeps): TestHooks {
  return {
    notifications: () => structuredClone(deps.decisions()),
    tray: () => {
      const v = deps.trayView();
      return structuredClone({ status: v.status, menu: v.menu, tooltip: v.tooltip, iconFile: v.iconFile });
    },
    clickTrayItem(id) {
      const item = flattenMenu(deps.trayView().menu).find((i) => i.id === id);
      if (!item?.enabled || !item.action) return false;
      deps.run(item.action, id);
      return true;
    },
    demo: deps.demo,
    state: () => structuredClone(deps.state()),
  };
}

export function installTestHooks(target: object, hooks: TestHooks): void {
  Object.defineProperty(target, TEST_HOOKS_GLOBAL, { value: Object.freeze(hooks), configurable: false, enumerable: false, writable: false });
}
