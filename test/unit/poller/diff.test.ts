import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { COUNTER_FIELDS, diffScenarioSnapshots, type ScenarioCounters } from '../../../electron/core/poller/diff';
import { baseCounters as base, counters, snapshot } from './arbitraries';


describe('diffScenarioSnapshots', () => {
  test.each(COUNTER_FIELDS)('reports %s alone when only it moved', (field) => {
    const next = { ...base, [field]: typeof base[field] === 'boolean' ? !base[field] : (base[field] as number) + 1 };
    const d = diffScenarioSnapshots(new Map([['z/s1', base]]), new Map([['z/s1', next]]));
    expect(d.changed).toEqual([{ key: 'z/s1', moved: [field], prev: base, next }]);
    expect(d.appeared).toEqual([]);
    expect(d.disappeared).toEqual([]);
  });

  test('nextExec to null counts as a move', () => {
    const d = diffScenarioSnapshots(new Map([['z/s1', base]]), new Map([['z/s1', { ...base, nextExec: null }]]));
    expect(d.changed[0]?.moved).toEqual(['nextExec']);
  });

  test('appeared and disappeared', () => {
    const d = diffScenarioSnapshots(new Map([['z/s1', base]]), new Map([['z/s2', base]]));
    expect(d).toEqual({ changed: [], appeared: ['z/s2'], disappeared: ['z/s1'] });
  });

  test('identical snapshots have no diff', () => {
    fc.assert(
      fc.property(snapshot(), (s) => {
        const copy = new Map([...s].map(([k, v]) => [k, { ...v }]));
        expect(diffScenarioSnapshots(s, copy)).toEqual({ changed: [], appeared: [], disappeared: [] });
      }),
    );
  });

  test('partitions keys and lists exactly the differing fields', () => {
    fc.assert(
      fc.property(snapshot(), snapshot(), (a, b) => {
        const d = diffScenarioSnapshots(a, b);
        expect(new Set(d.appeared)).toEqual(new Set([...b.keys()].filter((k) => !a.has(k))));
        expect(new Set(d.disappeared)).toEqual(new Set([...a.keys()].filter((k) => !b.has(k))));
        for (const k of b.keys()) {
          const p = a.get(k);
          if (!p) continue;
          const n = b.get(k) as ScenarioCounters;
          const expected = COUNTER_FIELDS.filter((f) => p[f] !== n[f]);
          const change = d.changed.find((c) => c.key === k);
          if (expected.length === 0) expect(change).toBeUndefined();
          else expect(change?.moved).toEqual(expected);
        }
      }),
    );
  });

  test('counters generator covers every field (guards the property above)', () => {
    fc.assert(
      fc.property(counters(), (c) => {
        expect(Object.keys(c).sort()).toEqual([...COUNTER_FIELDS].sort());
      }),
    );
  });
});
