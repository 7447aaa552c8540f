import './support/setup';
import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { resolveLang } from '../../renderer/src/i18n';
import { en } from '../../renderer/src/i18n/locales/en';
import { ja } from '../../renderer/src/i18n/locales/ja';
import { describeSchedule } from '../../renderer/src/i18n/format';
import { createI18n } from '../../renderer/src/i18n';
import { MainWindow } from '../../renderer/src/views/MainWindow';
import { Popover } from '../../renderer/src/views/Popover';
import { MemoryBridge } from './support/memory-bridge';
import { renderWith } from './support/render';
import { makeWorld } from './support/world';

const leaves = (o: object, prefix = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : leaves(v as object, `${prefix}${k}.`)));

describe('languages', () => {
  it('has the same keys in English and Japanese, none left empty or untranslated', () => {
    expect(leaves(ja).sort()).toEqual(leaves(en).sort());
    const get = (o: object, path: string) => path.split('.').reduce<unknown>((x, k) => (x as Record<string, unknown>)[k], o) as string;
    const same = leaves(en).filter((k) => get(en, k) === get(ja, k) && !/^[\s\S]*\{\{message\}\}$|^Make Tray$|—|Webhook/.test(get(en, k)));
    expect(same).toEqual([]);
  });

  it('follows the OS unless the user chose', () => {
    expect(resolveLang('system', ['ja-JP', 'en-US'])).toBe('ja');
    expect(resolveLang('system', ['de-DE', 'en-GB'])).toBe('en');
    expect(resolveLang('system', ['fr-FR'])).toBe('en');
    expect(resolveLang('en', ['ja-JP'])).toBe('en');
    expect(resolveLang('ja', [])).toBe('ja');
  });

  it('describes schedules in plain words in both languages', () => {
    const e = createI18n('en');
    const j = createI18n('ja');
    expect(describeSchedule({ type: 'indefinitely', interval: 900 }, e.t, 'en')).toBe('Every 15 minutes');
    expect(describeSchedule({ type: 'indefinitely', interval: 900 }, j.t, 'ja')).toBe('15 分ごと');
    expect(describeSchedule({ type: 'daily', time: '08:00' }, e.t, 'en')).toBe('Every day at 08:00');
    expect(describeSchedule({ type: 'weekly', days: [1, 3], time: '09:30' }, e.t, 'en')).toBe('Every week on Mon and Wed at 09:30');
    expect(describeSchedule(null, j.t, 'ja')).toBe('スケジュールなし');
  });

  it('switches the whole window when the language setting changes', async () => {
    const bridge = new MemoryBridge(makeWorld(5));
    renderWith(<MainWindow />, bridge, 'en');
    expect(await screen.findByRole('button', { name: 'Refresh' })).toBeTruthy();
    bridge.settings = { ...bridge.settings, language: 'ja' };
    bridge.emit('settings.changed', bridge.settings);
    expect(await screen.findByRole('button', { name: '更新' })).toBeTruthy();
    expect(screen.getByRole('searchbox', { name: 'シナリオを検索' })).toBeTruthy();
    await waitFor(() => expect(document.documentElement.lang).toBe('ja'));
  });

  it('applies the theme setting to the document', async () => {
    const bridge = new MemoryBridge(makeWorld(1));
    bridge.settings = { ...bridge.settings, theme: 'dark' };
    renderWith(<Popover />, bridge);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe('dark'));
    bridge.settings = { ...bridge.settings, theme: 'system' };
    bridge.emit('settings.changed', bridge.settings);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBeUndefined());
  });
});
