// What moved between two scenario lists of one organization. Pure: snapshots in, changes out.
import type { ScenarioFacts, ScenarioKey } from '../../../shared/domain';

/** The columns of a scenario list the poller compares between cycles. */
export type ScenarioCounters = Pick<
  ScenarioFacts,
  'isActive' | 'isinvalid' | 'isPaused' | 'dlqCount' | 'operations' | 'transfer' | 'nextExec' | 'lastEdit'
>;

export type CounterField = keyof ScenarioCounters;

export const COUNTER_FIELDS: readonly CounterField[] = [
  'isActive',
  'isinvalid',
  'isPaused',
  'dlqCount',
  'operations',
  'transfer',
  'nextExec',
  'lastEdit',
];

export type ScenarioSnapshot = ReadonlyMap<ScenarioKey, ScenarioCounters>;

export interface ScenarioChange {
  key: ScenarioKey;
  /** Fields whose value differs, in COUNTER_FIELDS order. */
  moved: CounterField[];
  prev: ScenarioCounters;
  next: ScenarioCounters;
}

export interface SnapshotDiff {
  changed: ScenarioChange[];
  appeared: ScenarioKey[];
  disappeared: ScenarioKey[];
}

export function diffScenarioSnapshots(prev: ScenarioSnapshot, next: ScenarioSnapshot): SnapshotDiff {
  const changed: ScenarioChange[] = [];
  const appeared: ScenarioKey[] = [];
  const disappeared: ScenarioKey[] = [];
  for (const [key, n] of next) {
    const p = prev.get(key);
    if (!p) {
      appeared.push(key);
      continue;
    }
    const moved = COUNTER_FIELDS.filter((f) => p[f] !== n[f]);
    if (moved.length > 0) changed.push({ key, moved, prev: p, next: n });
  }
  for (const key of prev.keys()) if (!next.has(key)) disappeared.push(key);
  return { changed, appeared, disappeared };
}
