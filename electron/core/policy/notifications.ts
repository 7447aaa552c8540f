// Which notifications a poll cycle raises, CCMenu-style: on transitions only, never twice for one
// execution (memory is persisted across restarts), never for history the engine saw at first sight,
// summarised when many arrive at once. Pure: time is an argument, memory goes in and comes out.
import { z } from 'zod';
import type {
  EngineState,
  Millis,
  NotificationKind,
  NotificationSpec,
  OrgKey,
  RunSummary,
  ScenarioHealth,
  ScenarioKey,
} from '../../../shared/domain';

export interface NotifyOn {
  failure: boolean;
  warning: boolean;
  offByMake: boolean;
  fixed: boolean;
}

export const DEFAULT_NOTIFY_ON: NotifyOn = { failure: true, warning: false, offByMake: true, fixed: false };

export interface NotifySettings {
  notifyOn: NotifyOn;
  /** More than this many notifications in one cycle become one summary. */
  summaryThreshold: number;
  mutedScenarios: readonly ScenarioKey[];
  snoozedUntil: Millis | null;
}

export const DEFAULT_NOTIFY_SETTINGS: NotifySettings = {
  notifyOn: DEFAULT_NOTIFY_ON,
  summaryThreshold: 3,
  mutedScenarios: [],
  snoozedUntil: null,
};

/** One scenario as the engine sees it at the end of a cycle. */
export interface ScenarioObservation {
  key: ScenarioKey;
  orgKey: OrgKey;
  name: string;
  orgName: string | null;
  health: ScenarioHealth;
  /** Known runs, any order (the store keeps newest first). Runs still going are ignored. */
  runs: readonly RunSummary[];
}

export type RunOutcome = 'success' | 'warning' | 'error';

export interface ScenarioMemory {
  /** Runs at or before this instant are history: never notified. */
  floor: Millis;
  /** Finished runs already considered, `[executionId, timestamp]`, newest `SEEN_LIMIT` kept. */
  seen: [string, Millis][];
  /** Outcome of the newest run considered (or of the history at first sight). */
  lastOutcome: RunOutcome | null;
  /** Last known health ('unknown' never overwrites it). */
  lastHealth: ScenarioHealth | null;
  lastObservedAt: Millis;
}

export interface PolicyMemory {
  version: 1;
  scenarios: Record<ScenarioKey, ScenarioMemory>;
  /** Execution ids already notified, oldest first, bounded. */
  notified: string[];
}

export const SEEN_LIMIT = 64;
export const NOTIFIED_LIMIT = 2000;
/** Memory of a scenario not observed for this long is dropped. */
export const FORGET_AFTER_MS = 30 * 24 * 3600_000;

export const emptyPolicyMemory = (): PolicyMemory => ({ version: 1, scenarios: {}, notified: [] });

const healthSchema = z.enum(['off-by-make', 'failing', 'warning', 'paused', 'ok', 'inactive', 'unknown']);
export const policyMemorySchema = z.object({
  version: z.literal(1),
  scenarios: z.record(
    z.string(),
    z.object({
      floor: z.number(),
      seen: z.array(z.tuple([z.string(), z.number()])),
      lastOutcome: z.enum(['success', 'warning', 'error']).nullable(),
      lastHealth: healthSchema.nullable(),
      lastObservedAt: z.number(),
    }),
  ),
  notified: z.array(z.string()),
});

export interface DecideInput {
  memory: PolicyMemory | null;
  observations: readonly ScenarioObservation[];
  settings: NotifySettings;
  now: Millis;
  /** When the engine started watching; runs before it are history at a scenario's first sight. */
  watchingSince: Millis;
  /** Per organization, when it started being watched (an account added later), if later than `watchingSince`. */
  orgWatchingSince?: Readonly<Record<OrgKey, Millis>>;
}

export interface DecideResult {
  notifications: NotificationSpec[];
  memory: PolicyMemory;
}

const outcomeOf = (r: RunSummary): RunOutcome | null =>
  r.status === 3 ? 'error' : r.status === 2 ? 'warning' : r.status === 1 ? 'success' : null;

const byTimeAsc = (a: RunSummary, b: RunSummary): number =>
  a.timestamp - b.timestamp || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function firstSight(obs: ScenarioObservation, floor: Millis, now: Millis): ScenarioMemory {
  let newestHistory: RunSummary | undefined;
  for (const r of obs.runs) {
    if (outcomeOf(r) === null || r.timestamp > floor) continue;
    if (!newestHistory || byTimeAsc(newestHistory, r) < 0) newestHistory = r;
  }
  return {
    floor,
    seen: [],
    lastOutcome: newestHistory ? outcomeOf(newestHistory) : null,
    lastHealth: null,
    lastObservedAt: now,
  };
}

function remember(mem: ScenarioMemory, runs: readonly RunSummary[]): ScenarioMemory {
  const seen = [...mem.seen, ...runs.map((r): [string, Millis] => [r.id, r.timestamp])];
  seen.sort((a, b) => a[1] - b[1]);
  let floor = mem.floor;
  while (seen.length > SEEN_LIMIT) {
    const evicted = seen.shift()!;
    floor = Math.max(floor, evicted[1]);
  }
  return { ...mem, seen, floor };
}

interface Candidate {
  kind: Exclude<NotificationKind, 'summary'>;
  obs: ScenarioObservation;
  run: RunSummary | null;
  /** Execution ids this notification stands for (marked notified even when muted or summarised). */
  covers: string[];
  failedRuns: number;
}

/** Per scenario and cycle: at most one notification, the strongest transition that happened. */
function scenarioCandidate(
  obs: ScenarioObservation,
  before: ScenarioMemory,
  fresh: RunSummary[],
  healthTurnedOffByMake: boolean,
  notified: ReadonlySet<string>,
  on: NotifyOn,
): Candidate | null {
  let outcome = before.lastOutcome;
  let failure: RunSummary | null = null;
  let warning: RunSummary | null = null;
  const failed: RunSummary[] = [];
  for (const r of fresh) {
    const o = outcomeOf(r)!;
    if (o === 'error') failed.push(r);
    if (o === 'error' && outcome !== 'error' && !notified.has(r.id)) failure = r;
    if (o === 'warning' && outcome !== 'warning' && !notified.has(r.id)) warning = r;
    outcome = o;
  }
  const lastFailed = failed.filter((r) => !notified.has(r.id)).at(-1) ?? null;
  if (healthTurnedOffByMake && on.offByMake) {
    return { kind: 'off-by-make', obs, run: lastFailed, covers: failed.map((r) => r.id), failedRuns: failed.length };
  }
  if (failure && on.failure) {
    return { kind: 'failure', obs, run: lastFailed, covers: failed.map((r) => r.id), failedRuns: failed.length };
  }
  if (warning && on.warning) {
    return { kind: 'warning', obs, run: warning, covers: [warning.id], failedRuns: 0 };
  }
  const last = fresh.at(-1);
  if (on.fixed && before.lastOutcome === 'error' && last && outcomeOf(last) === 'success' && !notified.has(last.id)) {
    return { kind: 'fixed', obs, run: last, covers: [last.id], failedRuns: 0 };
  }
  return null;
}

function toSpec(c: Candidate, now: Millis): NotificationSpec {
  const executionId = c.run?.id ?? null;
  return {
    id: `${c.kind}:${c.obs.key}:${executionId ?? now}`,
    kind: c.kind,
    scenarioKey: c.obs.key,
    executionId,
    titleKey: `notification.${c.kind}.title`,
    bodyKey: `notification.${c.kind}.body`,
    params: {
      scenarioName: c.obs.name,
      orgName: c.obs.orgName,
      errorMessage: c.run?.errorMessage ?? null,
      errorModule: c.run?.errorModule ?? null,
      failedRuns: c.failedRuns,
      runAt: c.run?.timestamp ?? null,
    },
    at: now,
  };
}

function summarize(specs: NotificationSpec[], now: Millis): NotificationSpec {
  const count = (k: NotificationKind) => specs.filter((s) => s.kind === k).length;
  return {
    id: `summary:${now}`,
    kind: 'summary',
    scenarioKey: null,
    executionId: null,
    titleKey: 'notification.summary.title',
    bodyKey: 'notification.summary.body',
    params: {
      count: specs.length,
      failures: count('failure'),
      offByMake: count('off-by-make'),
      warnings: count('warning'),
      fixed: count('fixed'),
      firstScenarioName: (specs[0]?.params.scenarioName as string | undefined) ?? null,
      others: specs.length - 1,
    },
    at: now,
  };
}

export function decideNotifications(input: DecideInput): DecideResult {
  const { settings, now } = input;
  const prev = input.memory ?? emptyPolicyMemory();
  const scenarios: Record<ScenarioKey, ScenarioMemory> = {};
  for (const [key, mem] of Object.entries(prev.scenarios)) {
    if (now - mem.lastObservedAt <= FORGET_AFTER_MS) scenarios[key] = mem;
  }
  const notifiedSet = new Set(prev.notified);
  const newlyNotified: string[] = [];
  const muted = new Set(settings.mutedScenarios);
  const candidates: Candidate[] = [];

  for (const obs of input.observations) {
    // A forgotten scenario has not been seen for FORGET_AFTER_MS: what it ran before is history.
    const since = Math.max(input.orgWatchingSince?.[obs.orgKey] ?? input.watchingSince, input.watchingSince);
    const known = scenarios[obs.key];
    const before = known ?? firstSight(obs, Math.max(since, now - FORGET_AFTER_MS), now);
    const seenIds = new Set(before.seen.map(([id]) => id));
    const fresh = obs.runs
      .filter((r) => outcomeOf(r) !== null && r.timestamp > before.floor && !seenIds.has(r.id))
      .sort(byTimeAsc);
    // Dedupe ids within one observation (a run listed twice).
    const unique = fresh.filter((r, i) => i === 0 || fresh[i - 1]!.id !== r.id);

    const turnedOffByMake =
      obs.health === 'off-by-make' && before.lastHealth !== null && before.lastHealth !== 'off-by-make';
    const candidate = scenarioCandidate(obs, before, unique, turnedOffByMake, notifiedSet, settings.notifyOn);

    const mem = remember(before, unique);
    const last = unique.at(-1);
    if (last) mem.lastOutcome = outcomeOf(last);
    if (obs.health !== 'unknown') mem.lastHealth = obs.health;
    mem.lastObservedAt = now;
    scenarios[obs.key] = mem;

    if (!candidate) continue;
    for (const id of candidate.covers) {
      if (!notifiedSet.has(id)) {
        notifiedSet.add(id);
        newlyNotified.push(id);
      }
    }
    if (!muted.has(obs.key)) candidates.push(candidate);
  }

  const snoozed = settings.snoozedUntil !== null && now < settings.snoozedUntil;
  let notifications = snoozed ? [] : candidates.map((c) => toSpec(c, now));
  if (notifications.length > Math.max(0, settings.summaryThreshold)) notifications = [summarize(notifications, now)];

  const notified = [...prev.notified, ...newlyNotified];
  return {
    notifications,
    memory: { version: 1, scenarios, notified: notified.slice(Math.max(0, notified.length - NOTIFIED_LIMIT)) },
  };
}

/** One observation per scenario in the state. */
export function observationsFromState(state: EngineState): ScenarioObservation[] {
  return Object.values(state.scenarios).map((s) => ({
    key: s.key,
    orgKey: s.orgKey,
    name: s.name,
    orgName: state.orgs[s.orgKey]?.name ?? null,
    health: s.health,
    runs: s.recentRuns,
  }));
}
