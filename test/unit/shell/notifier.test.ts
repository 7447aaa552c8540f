import { describe, expect, it } from 'vitest';
import type { NotificationSpec } from '../../../shared/domain';
import type { NotificationContent } from '../../../electron/core/tray';
import { notificationOptions } from '../../../electron/shell/electron-notification';
import { createShellNotifier, DecisionLog, notificationGate } from '../../../electron/shell/notifier';
import { org, scenario, stateWith } from '../tray/build-state';

const NOW = Date.UTC(2026, 2, 3, 5, 40);
const sc = scenario(42, 1, 'failing', { name: 'Sync invoices' });
const spec = (over: Partial<NotificationSpec> = {}): NotificationSpec => ({
  id: 'failure:x',
  kind: 'failure',
  scenarioKey: sc.key,
  executionId: 'abc',
  titleKey: 'notification.failure.title',
  bodyKey: 'notification.failure.body',
  params: { scenarioName: 'Sync invoices', orgName: 'Acme', errorMessage: 'Boom', errorModule: null, failedRuns: 1, runAt: NOW },
  at: NOW,
  ...over,
});

describe('the shell notifier', () => {
  it('shows what notificationContent says and records it', () => {
    const state = stateWith([org(1)], [sc]);
    const shown: NotificationContent[] = [];
    const log = new DecisionLog();
    const notifier = createShellNotifier({ state: () => state, locale: () => 'en', timeZone: () => 'Asia/Tokyo', now: () => NOW, show: (c) => shown.push(c), record: log.record });
    void notifier.notify(spec());
    expect(shown).toHaveLength(1);
    expect(shown[0]).toMatchObject({ title: 'Sync invoices', body: 'Acme · Failed at 14:40\nBoom', url: 'https://eu1.make.com/10/scenarios/42/logs/abc' });
    expect(log.decisions).toEqual([{ shown: true, spec: spec(), content: shown[0], at: NOW }]);
  });

  it('stays quiet while snoozed and for muted scenarios, and records why', () => {
    const shown: NotificationContent[] = [];
    const log = new DecisionLog();
    let state = stateWith([org(1)], [sc], { snoozedUntil: NOW + 1 });
    const notifier = createShellNotifier({ state: () => state, locale: () => 'ja', timeZone: () => 'UTC', now: () => NOW, show: (c) => shown.push(c), record: log.record });
    void notifier.notify(spec());
    state = stateWith([org(1)], [sc], { mutedScenarios: [sc.key] });
    void notifier.notify(spec());
    state = stateWith([org(1)], [sc], { snoozedUntil: NOW });
    void notifier.notify(spec({ id: 'after' }));
    expect(log.decisions.map((d) => (d.shown ? d.spec.id : d.reason))).toEqual(['snoozed', 'muted', 'after']);
    expect(shown.map((c) => c.id)).toEqual(['after']);
    expect(shown[0]?.body).toContain('失敗しました');
  });

  it('gates a summary on snooze only', () => {
    const summary = spec({ kind: 'summary', scenarioKey: null, executionId: null });
    expect(notificationGate(summary, stateWith([], [], { mutedScenarios: [sc.key] }), NOW)).toBeNull();
    expect(notificationGate(summary, stateWith([], [], { snoozedUntil: NOW + 10 }), NOW)).toBe('snoozed');
  });

  it('keeps a bounded log', () => {
    const log = new DecisionLog(3);
    for (let i = 0; i < 5; i++) log.record({ shown: false, spec: spec({ id: String(i) }), reason: 'muted', at: i });
    expect(log.decisions.map((d) => d.spec.id)).toEqual(['2', '3', '4']);
  });
});

describe('notificationOptions', () => {
  const content: NotificationContent = {
    id: 'x',
    title: 'T',
    body: 'B',
    url: null,
    scenarioKey: 'eu1.make.com/s1',
    actions: [{ id: 'run-again', label: 'Run again', action: { kind: 'command', command: { channel: 'scenario.run', payload: { key: 'eu1.make.com/s1' } } } }],
  };

  it('offers buttons on macOS only (Windows needs toast XML, Linux servers vary)', () => {
    expect(notificationOptions(content, 'darwin')).toEqual({ title: 'T', body: 'B', silent: false, actions: [{ type: 'button', text: 'Run again' }] });
    expect(notificationOptions(content, 'win32')).toEqual({ title: 'T', body: 'B', silent: false });
    expect(notificationOptions(content, 'linux')).toEqual({ title: 'T', body: 'B', silent: false });
    expect(notificationOptions({ ...content, actions: [] }, 'darwin')).not.toHaveProperty('actions');
  });
});
