import { describe, expect, it } from 'vitest';
import { flattenMenu, trayMenuModel, type TrayAction } from '../../../electron/core/tray';
import { autostartDesktopEntry, loginItemSettings, startedHidden } from '../../../electron/shell/lifecycle';
import { createTestHooks, installTestHooks, TEST_HOOKS_GLOBAL, testHooksEnabled } from '../../../electron/shell/test-hooks';
import { leftClickOpensMenu, toMenuTemplate, trayView } from '../../../electron/shell/tray';
import { mainPageUrl } from '../../../electron/shell/windows';
import { org, scenario, stateWith } from '../tray/build-state';

const NOW = Date.UTC(2026, 2, 3, 5, 32);
const SETTINGS = { locale: 'en' as const, timeZone: 'UTC' };
const state = stateWith([org(1)], [scenario(1, 1, 'failing')]);

describe('toMenuTemplate', () => {
  it('mirrors the model, and a click runs the item’s action', () => {
    const model = trayMenuModel(state, SETTINGS, NOW);
    const clicks: [TrayAction, string][] = [];
    const template = toMenuTemplate(model, (a, id) => clicks.push([a, id]));
    type T = (typeof template)[number];
    const flat = (items: T[]): T[] => items.flatMap((i) => [i, ...flat((i.submenu as T[] | undefined) ?? [])]);
    const items = flat(template);
    expect(items.map((i) => i.id)).toEqual(flattenMenu(model).map((i) => i.id));
    for (const [i, m] of items.map((i, n) => [i, flattenMenu(model)[n]!] as const)) {
      if (m.kind === 'separator') expect(i.type).toBe('separator');
      else expect([i.label, i.enabled]).toEqual([m.label, m.enabled]);
      expect(typeof i.click === 'function').toBe(m.kind === 'item' && m.action !== null);
    }
    const quit = items.find((i) => i.id === 'quit')!;
    (quit.click as () => void)();
    expect(clicks).toEqual([[{ kind: 'app', action: 'quit' }, 'quit']]);
  });

  it('opens the menu on left click only on Linux', () => {
    expect(leftClickOpensMenu('linux')).toBe(true);
    expect(leftClickOpensMenu('darwin')).toBe(false);
    expect(leftClickOpensMenu('win32')).toBe(false);
  });

  it('builds the whole view: icon file, tooltip and menu', () => {
    const v = trayView(state, SETTINGS, NOW, 'darwin', false);
    expect(v.status.icon).toBe('failing');
    expect(v.iconFile).toBe('failingTemplate.png');
    expect(v.tooltip).toBe('Make Tray\n1 failing');
    expect(trayView(state, SETTINGS, NOW, 'linux', true).iconFile).toBe('failing-dark-32.png');
  });
});

describe('test hooks', () => {
  it('are on only with MAKE_TRAY_TEST_HOOKS=1', () => {
    expect(testHooksEnabled({ MAKE_TRAY_TEST_HOOKS: '1' })).toBe(true);
    expect(testHooksEnabled({ MAKE_TRAY_TEST_HOOKS: 'true' })).toBe(false);
    expect(testHooksEnabled({})).toBe(false);
  });

  it('return copies of the tray model and click items by id', () => {
    const ran: string[] = [];
    const hooks = createTestHooks({
      decisions: () => [],
      trayView: () => trayView(state, SETTINGS, NOW, 'linux', false),
      run: (_a, id) => ran.push(id),
      demo: () => true,
      state: () => state,
    });
    const view = hooks.tray();
    expect(view.status.icon).toBe('failing');
    view.menu.length = 0;
    expect(hooks.tray().menu.length).toBeGreaterThan(0);
    expect(hooks.clickTrayItem('refresh')).toBe(true);
    expect(hooks.clickTrayItem('pause:resume')).toBe(false); // disabled while not snoozed
    expect(hooks.clickTrayItem('nope')).toBe(false);
    expect(ran).toEqual(['refresh']);
    expect(hooks.state()).toEqual(state);
    expect(hooks.state()).not.toBe(state);
    const target = {};
    installTestHooks(target, hooks);
    expect((target as Record<string, unknown>)[TEST_HOOKS_GLOBAL]).toBe(hooks);
    expect(() => installTestHooks(target, { ...hooks })).toThrow();
  });
});

describe('lifecycle', () => {
  it('starts at login hidden, only when asked', () => {
    expect(loginItemSettings(true)).toEqual({ openAtLogin: true, args: ['--hidden'] });
    expect(loginItemSettings(false)).toEqual({ openAtLogin: false, args: [] });
    expect(startedHidden(['/usr/bin/make-tray', '--hidden'])).toBe(true);
    expect(startedHidden(['/usr/bin/make-tray'])).toBe(false);
  });

  it('writes a quoted XDG autostart entry on Linux', () => {
    expect(autostartDesktopEntry('/opt/Make Tray/make-tray', null)).toContain('Exec="/opt/Make Tray/make-tray" --hidden\n');
    expect(autostartDesktopEntry('/usr/bin/electron', '/home/a/app"$x')).toContain('Exec="/usr/bin/electron" "/home/a/app\\"\\$x" --hidden');
  });

  it('addresses the main page with where to start', () => {
    expect(mainPageUrl()).toBe('app://make-tray/index.html');
    expect(mainPageUrl({ scenario: 'eu1.make.com/s1' })).toBe('app://make-tray/index.html#scenario=eu1.make.com%2Fs1');
    expect(mainPageUrl({ view: 'settings' })).toBe('app://make-tray/index.html#view=settings');
  });
});
