import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NotificationSpec, RunSummary, ScenarioHealth } from '../../../shared/domain';
import {
  DEFAULT_NOTIFY_SETTINGS,
  decideNotifications,
  emptyPolicyMemory,
  policyMemorySchema,
} from '../../../electron/core/policy/notifications';
import type { NotifyOn, NotifySettings, PolicyMemory, ScenarioObservation } from '../../../electron/core/policy/notifications';
import { T0, run } from '../state/make-state';

const HEALTHS: ScenarioHealth[] = ['off-by-make', 'failing', 'warning', 'paused', 'ok', 'inactive', 'unknown'];
const ALL_ON: NotifyOn = { failure: true, warning: true, offByMake: true, fixed: true };
const KEY = 'eu1.make.com/s1';
const WATCH = T0;

const obs = (health: ScenarioHealth, runs: RunSummary[], key = KEY): ScenarioObservation => ({
  key,
  orgKey: 'eu1.make.com/o1',
  name: `Scenario ${key}`,
  orgName: 'Client',
  health,
  runs,
});

const settings = (over: Partial<NotifySettings> = {}): NotifySettings => ({ ...DEFAULT_NOTIFY_SETTINGS, ...over });

/** JSON round trip as the cache does, validated by the same schema. */
const restart = (m: PolicyMemory): PolicyMemory => policyMemorySchema.parse(JSON.parse(JSON.stringify(m)));

type Status = 1 | 2 | 3 | null;

/** The rules, written out independently of the implementation. */
function expectedKind(
  prevHealth: ScenarioHealth,
  nextHealth: ScenarioHealth,
  prevOutcome: Status,
  status: Status,
  on: NotifyOn,
): NotificationSpec['kind'] | null {
  const knownPrev = prevHealth !== 'unknown';
  if (on.offByMake && knownPrev && prevHealth !== 'off-by-make' && nextHealth === 'off-by-make') return 'off-by-make';
  if (on.failure && status === 3 && prevOutcome !== 3) return 'failure';
  if (on.warning && status === 2 && prevOutcome !== 2) return 'warning';
  if (on.fixed && status === 1 && prevOutcome === 3) return 'fixed';
  return null;
}

describe('decideNotifications: the transition space', () => {
  it('notifies exactly on transitions, respects mute/snooze, survives restarts, never repeats', () => {
    let cases = 0;
    const statuses: Status[] = [null, 1, 2, 3];
    for (const on of [DEFAULT_NOTIFY_SETTINGS.notifyOn, ALL_ON])
      for (const prevHealth of HEALTHS)
        for (const nextHealth of HEALTHS)
          for (const prevOutcome of statuses)
            for (const status of statuses)
              for (const muted of [false, true])
                for (const snoozed of [false, true])
                  for (const withRestart of [false, true]) {
                    cases++;
                    const history = prevOutcome === null ? [] : [run(1, prevOutcome, WATCH - 60_000)];
                    // Cold start: history before watching never notifies.
                    const first = decideNotifications({
                      memory: null,
                      observations: [obs(prevHealth, history)],
                      settings: settings({ notifyOn: on }),
                      now: WATCH + 1000,
                      watchingSince: WATCH,
                    });
                    expect(first.notifications).toEqual([]);
                    const memory = withRestart ? restart(first.memory) : first.memory;
                    const runs = status === null ? history : [run(2, status, WATCH + 30_000), ...history];
                    const s = settings({
                      notifyOn: on,
                      mutedScenarios: muted ? [KEY] : [],
                      snoozedUntil: snoozed ? WATCH + 3_600_000 : null,
                    });
                    const now = WATCH + 60_000;
                    const second = decideNotifications({ memory, observations: [obs(nextHealth, runs)], settings: s, now, watchingSince: WATCH });
                    const kind = muted || snoozed ? null : expectedKind(prevHealth, nextHealth, prevOutcome, status, on);
                    const ctx = JSON.stringify({ prevHealth, nextHealth, prevOutcome, status, muted, snoozed, withRestart, on });
                    expect(second.notifications.map((n) => n.kind), ctx).toEqual(kind ? [kind] : []);
                    if (kind === 'failure' || kind === 'warning' || kind === 'fixed') {
                      expect(second.notifications[0]!.executionId).toBe(run(2, 1, 0).id);
                      expect(second.notifications[0]!.scenarioKey).toBe(KEY);
                      expect(second.notifications[0]!.at).toBe(now);
                    }
                    // The same observation again (and after another restart) raises nothing.
                    const third = decideNotifications({
                      memory: restart(second.memory),
                      observations: [obs(nextHealth, runs)],
                      settings: settings({ notifyOn: on }),
                      now: now + 60_000,
                      watchingSince: now + 50_000,
                    });
                    expect(third.notifications, ctx).toEqual([]);
                  }
    expect(cases).toBe(2 * 7 * 7 * 4 * 4 * 2 * 2 * 2);
  });
});

describe('decideNotifications: rules in detail', () => {
  const base = { settings: settings(), watchingSince: WATCH };

  it('cold start: old history stays silent, runs after watching started do notify', () => {
    const r = decideNotifications({
      ...base,
      memory: null,
      observations: [obs('failing', [run(2, 3, WATCH + 5000), run(1, 3, WATCH - 5000)])],
      now: WATCH + 10_000,
    });
    // The newest run before watching failed already: still failing is not a transition.
    expect(r.notifications).toEqual([]);
    const r2 = decideNotifications({
      ...base,
      memory: null,
      observations: [obs('failing', [run(2, 3, WATCH + 5000), run(1, 1, WATCH - 5000)])],
      now: WATCH + 10_000,
    });
    expect(r2.notifications.map((n) => [n.kind, n.executionId])).toEqual([['failure', run(2, 3, 0).id]]);
  });

  it('an organization watched later (new account) treats its earlier runs as history', () => {
    const r = decideNotifications({
      ...base,
      memory: null,
      observations: [obs('failing', [run(2, 3, WATCH + 5000)])],
      orgWatchingSince: { 'eu1.make.com/o1': WATCH + 10_000 },
      now: WATCH + 11_000,
    });
    expect(r.notifications).toEqual([]);
  });

  it('still failing does not notify again; failing after a success does', () => {
    let m: PolicyMemory | null = null;
    const runs: RunSummary[] = [run(1, 1, WATCH - 1)];
    const step = (r: RunSummary, health: ScenarioHealth) => {
      runs.unshift(r);
      const out = decideNotifications({ ...base, memory: m, observations: [obs(health, runs)], now: r.timestamp + 1 });
      m = restart(out.memory);
      return out.notifications.map((n) => n.kind);
    };
    expect(step(run(1, 1, WATCH - 1), 'ok')).toEqual([]);
    expect(step(run(2, 3, WATCH + 10), 'failing')).toEqual(['failure']);
    expect(step(run(3, 3, WATCH + 20), 'failing')).toEqual([]);
    expect(step(run(4, 1, WATCH + 30), 'ok')).toEqual([]); // fixed is off by default
    expect(step(run(5, 3, WATCH + 40), 'failing')).toEqual(['failure']);
  });

  it('several failures of one scenario in one cycle are one notification with a count', () => {
    const m = decideNotifications({ ...base, memory: null, observations: [obs('ok', [])], now: WATCH }).memory;
    const r = decideNotifications({
      ...base,
      memory: m,
      observations: [obs('failing', [run(4, 3, WATCH + 40), run(3, 1, WATCH + 30), run(2, 3, WATCH + 20)])],
      now: WATCH + 50,
    });
    expect(r.notifications).toHaveLength(1);
    expect(r.notifications[0]).toMatchObject({ kind: 'failure', executionId: run(4, 3, 0).id, params: { failedRuns: 2 } });
    expect(r.notifications[0]!.titleKey).toBe('notification.failure.title');
    expect(r.notifications[0]!.params.errorMessage).toBe('Module failed #4');
  });

  it('switched off by Make carries the failing run and replaces the failure notification', () => {
    const m = decideNotifications({ ...base, memory: null, observations: [obs('ok', [])], now: WATCH }).memory;
    const r = decideNotifications({ ...base, memory: m, observations: [obs('off-by-make', [run(2, 3, WATCH + 20)])], now: WATCH + 50 });
    expect(r.notifications.map((n) => [n.kind, n.executionId])).toEqual([['off-by-make', run(2, 3, 0).id]]);
  });

  it('connectivity trouble (health unknown, no runs) is silent and does not reset what was known', () => {
    let m = decideNotifications({ ...base, memory: null, observations: [obs('ok', [])], now: WATCH }).memory;
    let r = decideNotifications({ ...base, memory: m, observations: [obs('off-by-make', [])], now: WATCH + 10 });
    expect(r.notifications.map((n) => n.kind)).toEqual(['off-by-make']);
    m = r.memory;
    r = decideNotifications({ ...base, memory: m, observations: [obs('unknown', [])], now: WATCH + 20 });
    expect(r.notifications).toEqual([]);
    r = decideNotifications({ ...base, memory: r.memory, observations: [obs('off-by-make', [])], now: WATCH + 30 });
    expect(r.notifications).toEqual([]);
  });

  it('snooze silences but memory advances: nothing floods in when it ends', () => {
    const keys = ['a', 'b', 'c', 'd', 'e'].map((k) => `eu1.make.com/s${k}`);
    let m = decideNotifications({ ...base, memory: null, observations: keys.map((k) => obs('ok', [], k)), now: WATCH }).memory;
    const failing = keys.map((k, i) => obs('failing', [run(100 + i, 3, WATCH + 100)], k));
    const snoozed = settings({ snoozedUntil: WATCH + 1000 });
    const r = decideNotifications({ ...base, settings: snoozed, memory: m, observations: failing, now: WATCH + 200 });
    expect(r.notifications).toEqual([]);
    m = restart(r.memory);
    const after = decideNotifications({ ...base, settings: snoozed, memory: m, observations: failing, now: WATCH + 2000 });
    expect(after.notifications).toEqual([]);
  });

  it('summary threshold edges: N notifications pass, N+1 become one summary', () => {
    const cycle = (n: number, threshold: number) => {
      const keys = Array.from({ length: n }, (_, i) => `eu1.make.com/s${i}`);
      const m = decideNotifications({ ...base, memory: null, observations: keys.map((k) => obs('ok', [], k)), now: WATCH }).memory;
      return decideNotifications({
        ...base,
        settings: settings({ summaryThreshold: threshold }),
        memory: m,
        observations: keys.map((k, i) => obs('failing', [run(10 + i, 3, WATCH + 10)], k)),
        now: WATCH + 20,
      });
    };
    expect(cycle(3, 3).notifications.map((n) => n.kind)).toEqual(['failure', 'failure', 'failure']);
    const four = cycle(4, 3);
    expect(four.notifications).toHaveLength(1);
    expect(four.notifications[0]).toMatchObject({ kind: 'summary', params: { count: 4, failures: 4, others: 3 } });
    // Every summarised execution counts as notified.
    expect(four.memory.notified).toHaveLength(4);
    expect(cycle(1, 0).notifications.map((n) => n.kind)).toEqual(['summary']);
    expect(cycle(1, 1).notifications.map((n) => n.kind)).toEqual(['failure']);
    expect(cycle(0, 0).notifications).toEqual([]);
  });

  it('muted scenarios are silent and do not count towards the summary', () => {
    const keys = ['x', 'y'].map((k) => `eu1.make.com/s${k}`);
    const m = decideNotifications({ ...base, memory: null, observations: keys.map((k) => obs('ok', [], k)), now: WATCH }).memory;
    const r = decideNotifications({
      ...base,
      settings: settings({ mutedScenarios: [keys[0]!], summaryThreshold: 1 }),
      memory: m,
      observations: keys.map((k, i) => obs('failing', [run(10 + i, 3, WATCH + 10)], k)),
      now: WATCH + 20,
    });
    expect(r.notifications.map((n) => n.scenarioKey)).toEqual([keys[1]]);
  });

  it('a run still going is ignored until it finishes, then judged once', () => {
    const m = decideNotifications({ ...base, memory: null, observations: [obs('ok', [])], now: WATCH }).memory;
    const going = decideNotifications({ ...base, memory: m, observations: [obs('ok', [run(5, 'running', WATCH + 10)])], now: WATCH + 20 });
    expect(going.notifications).toEqual([]);
    // A later run finished first; the long one then fails.
    const done = decideNotifications({
      ...base,
      memory: going.memory,
      observations: [obs('failing', [run(6, 1, WATCH + 30), run(5, 3, WATCH + 10)])],
      now: WATCH + 40,
    });
    expect(done.notifications.map((n) => [n.kind, n.executionId])).toEqual([['failure', run(5, 3, 0).id]]);
  });

  it('memory stays bounded', () => {
    let m: PolicyMemory = emptyPolicyMemory();
    const runs: RunSummary[] = [];
    for (let i = 0; i < 300; i++) {
      runs.unshift(run(i, i % 2 ? 3 : 1, WATCH + i * 1000));
      m = decideNotifications({ ...base, memory: m, observations: [obs('failing', runs.slice(0, 50))], now: WATCH + i * 1000 + 1 }).memory;
    }
    expect(m.scenarios[KEY]!.seen.length).toBeLessThanOrEqual(64);
    // A scenario not seen for over 30 days is forgotten.
    const later = decideNotifications({ ...base, memory: m, observations: [], now: WATCH + 31 * 24 * 3600_000 }).memory;
    expect(later.scenarios[KEY]).toBeUndefined();
  });
});

describe('decideNotifications: property', () => {
  it('never notifies one execution twice across any sequence of cycles, memory round-tripped through JSON', () => {
    const cycleArb = fc.record({
      newRuns: fc.array(fc.record({ scenario: fc.integer({ min: 0, max: 2 }), status: fc.constantFrom<RunSummary['status']>(1, 2, 3, 'running') }), { maxLength: 6 }),
      resolve: fc.array(fc.constantFrom<1 | 2 | 3>(1, 2, 3), { maxLength: 3 }),
      health: fc.array(fc.constantFrom(...HEALTHS), { minLength: 3, maxLength: 3 }),
      muted: fc.subarray(['s0', 's1', 's2']),
      snoozed: fc.boolean(),
      summary: fc.integer({ min: 0, max: 4 }),
      gapMs: fc.integer({ min: 1, max: 40 * 24 * 3600_000 }),
      window: fc.integer({ min: 1, max: 60 }),
    });
    fc.assert(
      fc.property(fc.array(cycleArb, { minLength: 1, maxLength: 25 }), (cycles) => {
        let memory: PolicyMemory | null = null;
        let now = WATCH;
        let n = 0;
        const all: RunSummary[][] = [[], [], []];
        const notified = new Set<string>();
        for (const c of cycles) {
          now += c.gapMs;
          for (const nr of c.newRuns) all[nr.scenario]!.unshift(run(++n, nr.status, now - 1));
          // Some runs still going finish (same id, same start time).
          let k = 0;
          for (const list of all)
            for (let i = 0; i < list.length && k < c.resolve.length; i++)
              if (list[i]!.status === 'running') list[i] = { ...list[i]!, status: c.resolve[k++]! };
          const out = decideNotifications({
            memory,
            observations: all.map((list, i) => obs(c.health[i]!, list.slice(0, c.window), `s${i}`)),
            settings: { notifyOn: ALL_ON, summaryThreshold: c.summary, mutedScenarios: c.muted, snoozedUntil: c.snoozed ? now + 1 : null },
            now,
            watchingSince: WATCH,
          });
          for (const spec of out.notifications) {
            if (spec.executionId === null) continue;
            if (notified.has(spec.executionId)) return false;
            notified.add(spec.executionId);
          }
          if (new Set(out.memory.notified).size !== out.memory.notified.length) return false;
          memory = restart(out.memory);
        }
        return true;
      }),
      { numRuns: 300, seed: 4242 },
    );
  });
});
