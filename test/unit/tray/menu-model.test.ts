import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCommand } from '../../../shared/contract';
import { HEALTH_ORDER, teamKey, type EngineState, type ScenarioHealth } from '../../../shared/domain';
import {
  HOUR_MS,
  TRAY_LOCALES,
  failingScenarios,
  flattenMenu,
  tomorrowAt,
  trayMenuModel,
  trayTooltip,
  type MenuItemModel,
  type TrayLocale,
  type TrayMenuSettings,
} from '../../../electron/core/tray';
import { ZONE, account, org, run, scenario, stateWith } from './build-state';

const NOW = Date.UTC(2026, 2, 3, 5, 32); // 14:32 in Tokyo
const EN: TrayMenuSettings = { locale: 'en', timeZone: 'Asia/Tokyo' };
const settingsFor = (locale: TrayLocale): TrayMenuSettings => ({ locale, timeZone: 'Asia/Tokyo' });

const ids = (items: MenuItemModel[]) => items.map((i) => i.id);
const byId = (items: MenuItemModel[], id: string) => flattenMenu(items).find((i) => i.id === id);

/** Structural rules every menu keeps, whatever the state. Returns the first broken rule, or null. */
function menuProblems(menu: MenuItemModel[], state: EngineState, now: number): string | null {
  const all = flattenMenu(menu);
  const seen = new Set<string>();
  for (const i of all) {
    if (seen.has(i.id)) return `duplicate id ${i.id}`;
    seen.add(i.id);
    if (i.kind !== 'separator' && !i.label.trim()) return `empty label on ${i.id}`;
    if (/\{\w+\}/.test(i.label)) return `unfilled placeholder in ${i.id}: ${i.label}`;
    if (i.kind === 'submenu' && (!i.submenu || i.action !== null)) return `bad submenu ${i.id}`;
    if (i.kind !== 'submenu' && i.submenu) return `item with submenu ${i.id}`;
    if (i.action?.kind === 'command') {
      const parsed = parseCommand(i.action.command.channel, i.action.command.payload);
      if (!parsed.ok) return `${i.id}: ${parsed.error.message}`;
    }
    if (i.kind === 'item' && i.enabled && i.action === null) return `enabled item without action ${i.id}`;
  }
  // Top-level order: status first; failing scenarios; organizations; then the fixed tail.
  const top = ids(menu);
  if (top[0] !== 'status') return 'status is not first';
  const tail = ['sep:actions', 'refresh', 'pause', 'open', 'settings', 'sep:quit', 'quit'];
  if (top.slice(-tail.length).join() !== tail.join()) return `tail is ${top.slice(-tail.length).join()}`;
  const firstOrg = top.findIndex((id) => id.startsWith('org:'));
  const lastScenario = top.map((id) => id.startsWith('scenario:')).lastIndexOf(true);
  if (firstOrg !== -1 && lastScenario > firstOrg) return 'a scenario after the organizations';
  // Failing scenarios appear in failingScenarios order, each with its four actions.
  const listed = top.filter((id) => id.startsWith('scenario:')).map((id) => id.slice('scenario:'.length));
  const want = failingScenarios(state).map((s) => s.key);
  if (listed.join() !== want.slice(0, listed.length).join()) return 'failing scenarios out of order';
  for (const key of listed) {
    const sub = byId(menu, `scenario:${key}`)!.submenu!;
    if (ids(sub).join() !== ['run', 'toggle', 'open', 'mute'].map((a) => `scenario:${key}:${a}`).join()) return `actions of ${key}`;
    const sc = state.scenarios[key]!;
    const toggle = sub[1]!.action;
    if (toggle?.kind !== 'command' || toggle.command.channel !== 'scenario.toggle' || toggle.command.payload.on !== !sc.isActive) return `toggle of ${key}`;
    const mute = sub[3]!.action;
    if (mute?.kind !== 'command' || mute.command.channel !== 'scenario.mute' || mute.command.payload.muted !== !state.mutedScenarios.includes(key)) return `mute of ${key}`;
    if (sub[0]!.enabled !== (sc.isActive && !sc.isinvalid && sc.pendingRun === null)) return `run enabled of ${key}`;
  }
  const orgIds = top.filter((id) => id.startsWith('org:'));
  if (orgIds.length !== Object.keys(state.orgs).length) return 'not one line per organization';
  const snoozed = state.snoozedUntil !== null && state.snoozedUntil > now;
  if (byId(menu, 'pause:resume')!.enabled !== snoozed) return 'resume enabled while not snoozed (or the reverse)';
  return null;
}

describe('trayMenuModel', () => {
  it('keeps its structure over every single-scenario state (health × on/off × running × muted × team known × snooze × demo × language)', () => {
    let checked = 0;
    const problems: string[] = [];
    for (const health of HEALTH_ORDER)
      for (const isActive of [false, true])
        for (const running of [false, true])
          for (const muted of [false, true])
            for (const teamKnown of [false, true])
              for (const snoozed of [false, true])
                for (const demo of [false, true])
                  for (const locale of TRAY_LOCALES) {
                    const s = scenario(1, 1, health, {
                      isActive,
                      pendingRun: running ? { executionId: 'e1', startedAt: NOW } : null,
                      recentRuns: health === 'failing' ? [run('abc123', 3, NOW - 60_000)] : [],
                    });
                    const state = stateWith([org(1)], [s], { mutedScenarios: muted ? [s.key] : [], snoozedUntil: snoozed ? NOW + HOUR_MS : null, demo });
                    if (!teamKnown) state.teams = {};
                    const menu = trayMenuModel(state, settingsFor(locale), NOW);
                    const p = menuProblems(menu, state, NOW);
                    if (p) problems.push(`${health}/${isActive}/${running}/${muted}/${teamKnown}/${snoozed}/${demo}/${locale}: ${p}`);
                    const listed = menu.some((i) => i.id === `scenario:${s.key}`);
                    if (listed !== (health === 'failing' || health === 'off-by-make')) problems.push(`${health}: listed=${listed}`);
                    if (menu.some((i) => i.id === 'demo') !== demo) problems.push('demo line');
                    checked++;
                  }
    expect(problems.slice(0, 5)).toEqual([]);
    expect(checked).toBe(7 * 2 * 2 * 2 * 2 * 2 * 2 * 2);
  });

  it('keeps its structure for random states with many scenarios and organizations', () => {
    const health = fc.constantFrom<ScenarioHealth>(...HEALTH_ORDER);
    const arbState = fc
      .record({
        orgs: fc.array(fc.record({ monitored: fc.boolean(), offline: fc.boolean(), syncing: fc.boolean() }), { minLength: 0, maxLength: 4 }),
        scenarios: fc.array(fc.record({ org: fc.nat(4), health, isActive: fc.boolean(), muted: fc.boolean(), lastRun: fc.integer({ min: 0, max: 1e6 }) }), {
          maxLength: 25,
        }),
        snoozed: fc.option(fc.integer({ min: -HOUR_MS, max: HOUR_MS })),
        maxFailing: fc.integer({ min: 0, max: 12 }),
      })
      .map((r) => {
        const orgs = r.orgs.map((o, i) =>
          org(i + 1, { monitored: o.monitored, syncing: o.syncing, connectivity: { state: o.offline ? 'offline' : 'online', lastOkAt: null, message: null } }),
        );
        const scenarios = r.scenarios.map((s, i) =>
          scenario(i + 1, (s.org % Math.max(1, orgs.length)) + 1, s.health, { isActive: s.isActive, recentRuns: [run(`r${i}`, 3, NOW - s.lastRun)] }),
        );
        const state = stateWith(orgs, scenarios, {
          mutedScenarios: r.scenarios.flatMap((s, i) => (s.muted ? [scenarios[i]!.key] : [])),
          snoozedUntil: r.snoozed === null ? null : NOW + r.snoozed,
        });
        return { state, maxFailing: r.maxFailing };
      });
    fc.assert(
      fc.property(arbState, ({ state, maxFailing }) => {
        const menu = trayMenuModel(state, { ...EN, maxFailing }, NOW);
        expect(menuProblems(menu, state, NOW)).toBeNull();
        const failing = failingScenarios(state);
        const listed = menu.filter((i) => i.id.startsWith('scenario:')).length;
        expect(listed).toBe(Math.min(maxFailing, failing.length));
        expect(menu.some((i) => i.id === 'failing:more')).toBe(failing.length > maxFailing);
      }),
      { numRuns: 150, seed: 42 },
    );
  });

  it('lists failing scenarios unmuted first, off-by-make before failing, newest failure first', () => {
    const a = scenario(1, 1, 'failing', { name: 'A', recentRuns: [run('a', 3, NOW - 5000)] });
    const b = scenario(2, 1, 'failing', { name: 'B', recentRuns: [run('b', 3, NOW - 1000)] });
    const c = scenario(3, 1, 'off-by-make', { name: 'C', recentRuns: [run('c', 3, NOW - 9000)] });
    const d = scenario(4, 1, 'off-by-make', { name: 'D' });
    const e = scenario(5, 1, 'failing', { name: 'E', recentRuns: [run('e', 3, NOW)] });
    const ok = scenario(6, 1, 'ok');
    const warn = scenario(7, 1, 'warning');
    const state = stateWith([org(1)], [a, b, c, d, e, ok, warn], { mutedScenarios: [e.key] });
    expect(failingScenarios(state).map((s) => s.name)).toEqual(['C', 'D', 'B', 'A', 'E']);
    const menu = trayMenuModel(state, EN, NOW);
    expect(menu.filter((i) => i.kind === 'submenu' && i.id.startsWith('scenario:')).map((i) => i.label)).toEqual([
      'C (turned off by Make)',
      'D (turned off by Make)',
      'B',
      'A',
      'E (muted)',
    ]);
  });

  it('maps each scenario action to its contract command', () => {
    const s = scenario(42, 1, 'failing', { isActive: true, recentRuns: [run('0123456789abcdef0123456789abcdef', 3, NOW - 1000)] });
    const state = stateWith([org(1)], [s]);
    const menu = trayMenuModel(state, EN, NOW);
    const key = s.key;
    expect(byId(menu, `scenario:${key}:run`)?.action).toEqual({ kind: 'command', command: { channel: 'scenario.run', payload: { key } } });
    expect(byId(menu, `scenario:${key}:toggle`)).toMatchObject({ label: 'Turn off', action: { command: { channel: 'scenario.toggle', payload: { key, on: false } } } });
    expect(byId(menu, `scenario:${key}:open`)?.action).toEqual({
      kind: 'command',
      command: { channel: 'shell.openExternal', payload: { url: `https://${ZONE}/10/scenarios/42/logs/0123456789abcdef0123456789abcdef` } },
    });
    expect(byId(menu, `scenario:${key}:mute`)?.action).toEqual({ kind: 'command', command: { channel: 'scenario.mute', payload: { key, muted: true } } });

    // Without a known team there is no Make address: open the app at the scenario instead.
    state.teams = {};
    expect(byId(trayMenuModel(state, EN, NOW), `scenario:${key}:open`)?.action).toEqual({
      kind: 'command',
      command: { channel: 'window.openMain', payload: { key } },
    });
  });

  it('has a line per organization with its worst condition, watched ones first', () => {
    const limited = { limitPerMin: 60, share: 0.5, allowedPerMin: 30, usedLastMin: 0, rateLimitedUntil: NOW + 60_000, queued: 0 };
    const state = stateWith(
      [
        org(1, { name: 'Zeta' }),
        org(2, { name: 'Alpha', monitored: false }),
        org(3, { name: 'Beta', budget: limited }),
        org(4, { name: 'Gamma', connectivity: { state: 'offline', lastOkAt: null, message: null } }),
        org(5, { name: 'Delta', syncing: true }),
        org(6, { name: 'Eta', problem: 'Missing permission' }),
      ],
      [scenario(1, 1, 'failing'), scenario(2, 1, 'off-by-make')],
    );
    const menu = trayMenuModel(state, EN, NOW);
    expect(menu.filter((i) => i.id.startsWith('org:')).map((i) => i.label)).toEqual([
      'Beta: rate-limited until 14:33',
      'Delta: syncing…',
      'Eta: Missing permission',
      'Gamma: offline',
      'Zeta: 2 failing',
      'Alpha: not watched',
    ]);
    const alpha = byId(menu, `org:${ZONE}/o2`)!;
    expect(alpha.submenu!.map((i) => [i.id, i.enabled, i.action])).toEqual([
      [`org:${ZONE}/o2:refresh`, false, { kind: 'command', command: { channel: 'refresh', payload: { scope: `${ZONE}/o2` } } }],
      [`org:${ZONE}/o2:monitor`, true, { kind: 'command', command: { channel: 'accounts.setOrgMonitored', payload: { orgKey: `${ZONE}/o2`, monitored: true } } }],
    ]);
  });

  it('offers pausing for an hour and until tomorrow morning on the user’s clock, and resuming while paused', () => {
    const state = stateWith([org(1)], []);
    const menu = trayMenuModel(state, EN, NOW);
    expect(byId(menu, 'pause')?.label).toBe('Pause notifications');
    expect(byId(menu, 'pause:1h')?.action).toEqual({ kind: 'command', command: { channel: 'notifications.snooze', payload: { until: NOW + HOUR_MS } } });
    // 2026-03-04 08:00 in Tokyo (UTC+9) = 2026-03-03 23:00 UTC.
    expect(byId(menu, 'pause:tomorrow')?.action).toEqual({
      kind: 'command',
      command: { channel: 'notifications.snooze', payload: { until: Date.UTC(2026, 2, 3, 23, 0) } },
    });
    expect(byId(menu, 'pause:resume')).toMatchObject({ enabled: false, action: { command: { payload: { until: null } } } });

    const paused = trayMenuModel({ ...state, snoozedUntil: NOW + HOUR_MS }, EN, NOW);
    expect(byId(paused, 'pause')?.label).toBe('Notifications paused until 15:32');
    expect(byId(paused, 'pause:resume')?.enabled).toBe(true);
    expect(paused[0]?.label).toBe('Notifications paused until 15:32');
  });

  it('says what is wrong in the status line, in English and Japanese', () => {
    const failing = stateWith([org(1)], [scenario(1, 1, 'failing'), scenario(2, 1, 'failing')]);
    expect(trayMenuModel(failing, EN, NOW)[0]?.label).toBe('2 failing');
    expect(trayMenuModel(failing, settingsFor('ja'), NOW)[0]?.label).toBe('2 件エラー');
    const none = { ...failing, accounts: {} };
    const menu = trayMenuModel(none, EN, NOW);
    expect(ids(menu).slice(0, 2)).toEqual(['status', 'connect']);
    expect(menu[0]?.label).toBe('Not signed in to Make');
    expect(byId(menu, 'connect')?.action).toEqual({ kind: 'app', action: 'open-settings' });
    expect(byId(menu, 'refresh')?.enabled).toBe(false);
    const expired = { ...failing, accounts: { 'acc-1': account({ status: 'needs-sign-in' }) } };
    expect(trayMenuModel(expired, EN, NOW)[0]?.label).toBe('Sign in again to keep watching');
    expect(trayTooltip(expired, EN, NOW)).toBe('Make Tray\nSign in again to keep watching\n2 failing');
    expect(trayTooltip(stateWith([org(1)], [], { demo: true }), EN, NOW)).toBe('Make Tray\nAll good\nDemo data');
  });

  it('ends with the app commands', () => {
    const menu = trayMenuModel(stateWith([], []), EN, NOW);
    expect(byId(menu, 'refresh')?.action).toEqual({ kind: 'command', command: { channel: 'refresh', payload: {} } });
    expect(byId(menu, 'open')?.action).toEqual({ kind: 'command', command: { channel: 'window.openMain', payload: {} } });
    expect(byId(menu, 'settings')?.action).toEqual({ kind: 'app', action: 'open-settings' });
    expect(byId(menu, 'quit')?.action).toEqual({ kind: 'app', action: 'quit' });
  });

  it('computes "tomorrow morning" across daylight-saving changes', () => {
    // Berlin springs forward on 2026-03-29: 08:00 the next day is UTC+2.
    expect(tomorrowAt(Date.UTC(2026, 2, 28, 21, 0), 'Europe/Berlin')).toBe(Date.UTC(2026, 2, 29, 6, 0));
    // New York falls back on 2026-11-01: 08:00 that day is UTC-5.
    expect(tomorrowAt(Date.UTC(2026, 9, 31, 15, 0), 'America/New_York')).toBe(Date.UTC(2026, 10, 1, 13, 0));
    // Just before midnight and just after it.
    expect(tomorrowAt(Date.UTC(2026, 0, 1, 14, 59), 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 1, 23, 0));
    expect(tomorrowAt(Date.UTC(2026, 0, 1, 15, 1), 'Asia/Tokyo')).toBe(Date.UTC(2026, 0, 2, 23, 0));
  });

  it('ignores scenarios of organizations the user does not watch', () => {
    const state = stateWith([org(1, { monitored: false })], [scenario(1, 1, 'failing')]);
    state.teams[teamKey(ZONE, 10)] = { key: teamKey(ZONE, 10), id: 10, orgKey: `${ZONE}/o1`, name: 't', accountIds: [] };
    expect(trayMenuModel(state, EN, NOW).some((i) => i.id.startsWith('scenario:'))).toBe(false);
  });
});
