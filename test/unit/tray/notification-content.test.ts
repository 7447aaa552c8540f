import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../shared/contract';
import type { NotificationKind, NotificationSpec } from '../../../shared/domain';
import { MAX_MESSAGE_CHARS, TRAY_LOCALES, notificationContent, resolveTrayLocale } from '../../../electron/core/tray';
import { ZONE, org, run, scenario, stateWith } from './build-state';

const NOW = Date.UTC(2026, 2, 3, 5, 40); // 14:40 in Tokyo
const RUN_AT = Date.UTC(2026, 2, 3, 5, 32); // 14:32 in Tokyo
const EXEC = '0123456789abcdef0123456789abcdef';
const TZ = 'Asia/Tokyo';

const sc = scenario(42, 1, 'failing', { name: 'Sync invoices', recentRuns: [run(EXEC, 3, RUN_AT)] });
const state = stateWith([org(1, { name: 'Acme' })], [sc]);

function spec(kind: NotificationKind, over: Partial<NotificationSpec> = {}, params: NotificationSpec['params'] = {}): NotificationSpec {
  const summary = kind === 'summary';
  return {
    id: `${kind}:x`,
    kind,
    scenarioKey: summary ? null : sc.key,
    executionId: summary ? null : EXEC,
    titleKey: `notification.${kind}.title`,
    bodyKey: `notification.${kind}.body`,
    params: summary
      ? { count: 4, failures: 3, offByMake: 1, warnings: 0, fixed: 0, firstScenarioName: 'Sync invoices', others: 3, ...params }
      : { scenarioName: 'Sync invoices', orgName: 'Acme', errorMessage: 'Connection refused', errorModule: 'HTTP', failedRuns: 1, runAt: RUN_AT, ...params },
    at: NOW,
    ...over,
  };
}

const KINDS: NotificationKind[] = ['failure', 'warning', 'off-by-make', 'fixed', 'summary'];

describe('notificationContent', () => {
  it('says which scenario failed, where, when and why, and links to the run in Make', () => {
    const c = notificationContent(spec('failure'), 'en', NOW, { timeZone: TZ, state });
    expect(c).toEqual({
      id: 'failure:x',
      title: 'Sync invoices',
      body: 'Acme · Failed at 14:32\nHTTP: Connection refused',
      url: `https://${ZONE}/10/scenarios/42/logs/${EXEC}`,
      scenarioKey: sc.key,
      actions: [
        { id: 'run-again', label: 'Run again', action: { kind: 'command', command: { channel: 'scenario.run', payload: { key: sc.key } } } },
        { id: 'mute', label: 'Mute', action: { kind: 'command', command: { channel: 'scenario.mute', payload: { key: sc.key, muted: true } } } },
      ],
    });
    const ja = notificationContent(spec('failure'), 'ja', NOW, { timeZone: TZ, state });
    expect(ja.body).toBe('Acme · 14:32に失敗しました\nHTTP: Connection refused');
    expect(ja.actions.map((a) => a.label)).toEqual(['もう一度実行', 'ミュート']);
  });

  it('counts repeated failures and dates runs from another day', () => {
    const c = notificationContent(spec('failure', {}, { failedRuns: 3, runAt: RUN_AT - 24 * 3600_000 }), 'en', NOW, { timeZone: TZ, state });
    expect(c.body.split('\n')[0]).toBe('Acme · Failed 3 times, last on 2 Mar 14:32');
    const ja = notificationContent(spec('failure', {}, { failedRuns: 3, runAt: RUN_AT - 24 * 3600_000 }), 'ja', NOW, { timeZone: TZ, state });
    expect(ja.body.split('\n')[0]).toBe('Acme · 3 回失敗しました（最後は3月2日 14:32）');
  });

  it('uses the notification time when the run time is unknown, and points to the run history when the error text is not known (yet)', () => {
    const c = notificationContent(spec('failure', {}, { runAt: null, errorMessage: null, errorModule: null, orgName: null }), 'en', NOW, { timeZone: TZ });
    expect(c.body).toBe('Failed at 14:40\nSee the run history for details.');
    expect(c.url).toBeNull();
  });

  it('keeps error messages to one short line', () => {
    const long = `line one\n\tline two ${'x'.repeat(400)}`;
    const c = notificationContent(spec('failure', {}, { errorMessage: long, errorModule: null }), 'en', NOW, { timeZone: TZ, state });
    const message = c.body.split('\n')[1]!;
    expect(message.startsWith('line one line two x')).toBe(true);
    expect(message).toHaveLength(MAX_MESSAGE_CHARS);
    expect(message.endsWith('…')).toBe(true);
  });

  it('offers no "Run again" for a scenario Make turned off, and no buttons for good news or summaries', () => {
    const off = notificationContent(spec('off-by-make', {}, { errorMessage: null }), 'en', NOW, { timeZone: TZ, state });
    expect(off.body).toBe('Acme · Make turned this scenario off at 14:32\nFix it in Make, then turn it on again.');
    expect(off.actions.map((a) => a.id)).toEqual(['mute']);
    const fixed = notificationContent(spec('fixed'), 'en', NOW, { timeZone: TZ, state });
    expect(fixed).toMatchObject({ body: 'Acme · Ran successfully again at 14:32', actions: [] });
    const summary = notificationContent(spec('summary'), 'en', NOW, { timeZone: TZ, state });
    expect(summary).toMatchObject({ title: '4 scenarios need attention', body: 'Sync invoices and 3 more', url: null, scenarioKey: null, actions: [] });
    expect(notificationContent(spec('summary'), 'ja', NOW, { timeZone: TZ }).title).toBe('4 件のシナリオに対応が必要です');
  });

  it('links to the scenario page without an execution id, and to nothing without a known team', () => {
    expect(notificationContent(spec('off-by-make', { executionId: null }), 'en', NOW, { timeZone: TZ, state }).url).toBe(`https://${ZONE}/10/scenarios/42/edit`);
    const noTeam = { ...state, teams: {} };
    expect(notificationContent(spec('failure'), 'en', NOW, { timeZone: TZ, state: noTeam }).url).toBeNull();
    // A strange execution id is not pasted into a URL.
    expect(notificationContent(spec('failure', { executionId: '../../evil' }), 'en', NOW, { timeZone: TZ, state }).url).toBe(
      `https://${ZONE}/10/scenarios/42/edit`,
    );
  });

  it('links the demo simulator over plain http on loopback', () => {
    const local = '127.0.0.1:8787';
    const s = { ...scenario(7, 1, 'failing'), key: `${local}/s7`, orgKey: `${local}/o1`, teamKey: `${local}/t3` };
    const st = stateWith([], []);
    st.orgs[`${local}/o1`] = { ...org(1), key: `${local}/o1`, zone: local };
    st.teams[`${local}/t3`] = { key: `${local}/t3`, id: 3, orgKey: `${local}/o1`, name: 't', accountIds: [] };
    st.scenarios[s.key] = s;
    expect(notificationContent(spec('failure', { scenarioKey: s.key }), 'en', NOW, { timeZone: TZ, state: st }).url).toBe(
      `http://${local}/3/scenarios/7/logs/${EXEC}`,
    );
  });

  it('fills every text for every kind, language, and with or without names, messages and state', () => {
    const problems: string[] = [];
    for (const kind of KINDS)
      for (const locale of TRAY_LOCALES)
        for (const withState of [false, true])
          for (const names of [false, true])
            for (const message of [false, true])
              for (const failedRuns of [0, 1, 5]) {
                const params: NotificationSpec['params'] =
                  kind === 'summary'
                    ? names
                      ? {}
                      : { firstScenarioName: null, others: null, count: failedRuns }
                    : {
                        ...(names ? {} : { scenarioName: null, orgName: null }),
                        ...(message ? {} : { errorMessage: null, errorModule: null }),
                        failedRuns,
                      };
                const c = notificationContent(spec(kind, {}, params), locale, NOW, { timeZone: TZ, ...(withState ? { state } : {}) });
                const where = `${kind}/${locale}/${withState}/${names}/${message}/${failedRuns}`;
                if (!c.title.trim() || !c.body.trim()) problems.push(`${where}: empty`);
                if (/\{\w+\}/.test(c.title + c.body)) problems.push(`${where}: placeholder left`);
                if (locale === 'ja' && kind !== 'summary' && !/[\u3040-\u30ff\u4e00-\u9fff]/.test(c.body)) problems.push(`${where}: not Japanese`);
                if (c.url !== null && !(withState && kind !== 'summary')) problems.push(`${where}: url without state`);
                if (withState && kind !== 'summary' && c.url === null) problems.push(`${where}: no url`);
                for (const a of c.actions) {
                  if (a.action.kind !== 'command' || !parseCommand(a.action.command.channel, a.action.command.payload).ok) problems.push(`${where}: bad action`);
                }
                const wantActions = kind === 'failure' || kind === 'warning' ? 2 : kind === 'off-by-make' ? 1 : 0;
                if (c.actions.length !== wantActions) problems.push(`${where}: ${c.actions.length} actions`);
                // Names fall back to the state, then to a generic word.
                if (kind !== 'summary' && !names && withState && c.title !== 'Sync invoices') problems.push(`${where}: title ${c.title}`);
              }
    expect(problems.slice(0, 5)).toEqual([]);
  });
});

describe('resolveTrayLocale', () => {
  it('follows the setting, else the first system language it speaks, else English', () => {
    expect(resolveTrayLocale('ja', ['en-US'])).toBe('ja');
    expect(resolveTrayLocale('en', ['ja-JP'])).toBe('en');
    expect(resolveTrayLocale('system', ['fr-FR', 'ja_JP', 'en'])).toBe('ja');
    expect(resolveTrayLocale('system', ['EN-gb'])).toBe('en');
    expect(resolveTrayLocale('system', ['de'])).toBe('en');
    expect(resolveTrayLocale('system', [])).toBe('en');
  });
});
