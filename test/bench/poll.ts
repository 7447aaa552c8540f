// Poll benchmark: the engine against the simulator on a virtual clock, next to the naive loop of the
// popular Make API guide (read each scenario's logs in turn, round robin) at the same budget.
// `npm run bench -- poll --json` prints one JSON line per workload. Run alone: `npm exec -- tsx test/bench/poll.ts`.
// `BENCH_SEEDS=21,31,41 npm run bench -- poll --json` adds, per workload, the engine's figures pooled over those seeds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../shared/clock';
import type { EngineState } from '../../shared/domain';
import { createEngine, RecordingNotifier } from '../../electron/core/engine';
import { MakeClient, ZonePools, apiTokenCredential, toScenarioFacts } from '../../electron/core/make';
import { startSimulator, type ExecutionRecord, type SimulatorHandle, type WorldSpec } from '../../electron/sim/simulator';

export interface Workload {
  name: string;
  world: WorldSpec;
  /** Share of each org's apiLimit the app may spend. */
  share: number;
  durationMs: number;
}

const MIN = 60_000;
const START = Date.UTC(2025, 2, 3, 9, 0, 0);
/** Failures ending this close to the end are not counted as missed (they may legitimately be pending). */
const TAIL_MS = 2 * MIN;
/** Failures ending before the engine's first list are baseline, not news. */
const WARMUP_MS = 10_000;
const STEP_MS = 500;
const PLAN_LIMIT: Record<string, number> = { free: 60, core: 60, pro: 120, teams: 240, enterprise: 1000 };

export const WORKLOADS: Workload[] = [
  {
    name: 'W1',
    share: 0.5,
    durationMs: 60 * MIN,
    world: {
      seed: 11,
      zones: ['eu1'],
      runsPerMinute: 20,
      errorShare: 0.02,
      historyDays: 1,
      orgs: [{ zone: 'eu1', name: 'Core org', plan: 'core', teams: 5, scenarios: 1000 }],
    },
  },
  {
    // 20 runs/min per 1,000 scenarios in every org; scenarios split so each org sees W1's rate per scenario.
    name: 'W2',
    share: 0.5,
    durationMs: 60 * MIN,
    world: {
      seed: 12,
      zones: ['eu1'],
      runsPerMinute: 100,
      errorShare: 0.02,
      historyDays: 1,
      orgs: [
        { zone: 'eu1', name: 'Core org', plan: 'core', teams: 5, scenarios: 1000 },
        { zone: 'eu1', name: 'Pro org', plan: 'pro', teams: 5, scenarios: 1500 },
        { zone: 'eu1', name: 'Teams org', plan: 'teams', teams: 10, scenarios: 2500 },
      ],
    },
  },
];

export interface Figures {
  requestsPerMin: number;
  /** Highest requests counted by the simulator for one org within one minute, as a share of its limit. */
  peakOrgShareOfLimit: number;
  p50DetectionS: number | null;
  p95DetectionS: number | null;
  count429: number;
  missedFailures: number;
  duplicateNotifications: number;
  failures: number;
}

export interface PollRow extends Figures {
  workload: string;
  scenarios: number;
  orgs: number;
  teams: number;
  plan: string;
  apiLimitPerMin: number;
  budgetShare: number;
  runsPerMin: number;
  floorRequestsPerMin: number;
  baseline: Figures;
  realSeconds: number;
}

const quantile = (xs: number[], q: number): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor(q * s.length))]! / 100) / 10;
};
const round1 = (x: number) => Math.round(x * 10) / 10;

async function drive(clock: VirtualClock, durationMs: number, settle: () => Promise<void>, onMinute: (minute: number) => void): Promise<void> {
  const steps = Math.ceil(durationMs / STEP_MS);
  const perMinute = MIN / STEP_MS;
  for (let i = 1; i <= steps; i++) {
    await clock.advance(STEP_MS);
    await settle();
    if (i % perMinute === 0) onMinute(i / perMinute);
  }
}

/** Samples each org's counted requests at every virtual minute (the simulator's own sliding window). */
function orgSampler(sim: SimulatorHandle) {
  const orgIds = [...sim.world.orgs.keys()];
  let peak = 0;
  return {
    sample: () => {
      for (const id of orgIds) {
        const org = sim.world.orgs.get(id);
        if (!org) continue;
        peak = Math.max(peak, sim.control.rateLimitUsed(id) / (PLAN_LIMIT[org.plan] ?? 60));
      }
    },
    peak: () => Math.round(peak * 1000) / 1000,
  };
}

function failuresToCount(truth: ExecutionRecord[], t0: number, end: number): ExecutionRecord[] {
  return truth.filter((e) => e.status === 3 && e.start >= t0 && e.end >= t0 + WARMUP_MS && e.end <= end - TAIL_MS);
}

/** The previous finished run of the same scenario failed too: the policy reports a failing streak once. */
function inFailingStreak(truth: ExecutionRecord[], f: ExecutionRecord): boolean {
  let prev: ExecutionRecord | undefined;
  for (const e of truth) {
    if (e.scenarioId !== f.scenarioId || e === f || e.status === 'running') continue;
    if (e.start < f.start && (!prev || e.start > prev.start)) prev = e;
  }
  return prev?.status === 3;
}

async function runEngine(w: Workload, log: (s: string) => void): Promise<{ figures: Figures; listPages: number; detections: number[]; sim: SimulatorHandle; truth: ExecutionRecord[] }> {
  const clock = new VirtualClock(START);
  const sim = await startSimulator({ seed: w.world.seed ?? 1, basePort: 0, mode: 'test', clock, world: w.world });
  const zone = sim.zones[0]!;
  const dir = await mkdtemp(join(tmpdir(), 'make-tray-bench-poll-'));
  const notifier = new RecordingNotifier(clock);
  const engine = createEngine({
    clock,
    accounts: [{ id: 'bench', baseUrl: zone.baseUrl, credentials: apiTokenCredential(sim.tokens[zone.name]!) }],
    cacheDir: dir,
    notifier,
    // Every notification names its run, so detection is measured per run (no summaries).
    settings: { budgetShare: w.share, summaryThreshold: 1_000_000, seed: 7 },
  });
  // First time the engine's state holds each failed run.
  const firstSeen = new Map<string, number>();
  engine.store.subscribe((state: EngineState, prev: EngineState) => {
    if (state.scenarios === prev.scenarios) return;
    for (const [k, s] of Object.entries(state.scenarios)) {
      if (prev.scenarios[k] === s) continue;
      for (const r of s.recentRuns) if (r.status === 3 && !firstSeen.has(r.id)) firstSeen.set(r.id, clock.now());
    }
  });
  const sampler = orgSampler(sim);
  const t0 = clock.now();
  try {
    await engine.start();
    await drive(clock, w.durationMs, () => engine.quiescent(), (m) => {
      sampler.sample();
      if (m % 10 === 0) log(`${w.name} engine: ${m} min, ${notifier.shown.length} notifications`);
    });
    const end = clock.now();
    sim.control.catchUp();
    const truth = [...sim.world.executions];
    const metrics = engine.metrics();

    const notifiedAt = new Map<string, number>();
    const counts = new Map<string, number>();
    const notifiedScenarioAt = new Set<string>();
    for (const { notification: n, at } of notifier.shown) {
      if (n.executionId === null) continue;
      counts.set(n.executionId, (counts.get(n.executionId) ?? 0) + 1);
      if (!notifiedAt.has(n.executionId)) notifiedAt.set(n.executionId, at);
      if (n.scenarioKey) notifiedScenarioAt.add(`${n.scenarioKey}@${at}`);
    }
    const duplicateNotifications = [...counts.values()].reduce((n, c) => n + (c - 1), 0);
    const detections: number[] = [];
    let missed = 0;
    const counted = failuresToCount(truth, t0, end);
    for (const f of counted) {
      const at = notifiedAt.get(f.id);
      const seen = firstSeen.get(f.id);
      const key = `${zone.host}/s${f.scenarioId}`;
      if (at !== undefined) detections.push(at - f.end);
      else if (seen !== undefined && (inFailingStreak(truth, f) || notifiedScenarioAt.has(`${key}@${seen}`))) detections.push(seen - f.end);
      else missed++;
    }
    const minutes = (end - t0) / MIN;
    return {
      figures: {
        requestsPerMin: round1(metrics.countedRequests / minutes),
        peakOrgShareOfLimit: sampler.peak(),
        p50DetectionS: quantile(detections, 0.5),
        p95DetectionS: quantile(detections, 0.95),
        count429: metrics.rateLimited,
        missedFailures: missed,
        duplicateNotifications,
        failures: counted.length,
      },
      listPages: metrics.byEndpoint['GET /scenarios'] ?? 0,
      detections,
      sim,
      truth,
    };
  } finally {
    await engine.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * The guide's loop: list the scenarios, then read one scenario's logs after another at the budget's
 * pace, and report every failed run not reported before.
 */
async function runBaseline(w: Workload, log: (s: string) => void): Promise<Figures> {
  const clock = new VirtualClock(START);
  const sim = await startSimulator({ seed: w.world.seed ?? 1, basePort: 0, mode: 'test', clock, world: w.world });
  const zone = sim.zones[0]!;
  const pools = new ZonePools();
  let counted = 0;
  let count429 = 0;
  const client = new MakeClient({
    baseUrl: zone.baseUrl,
    credentials: apiTokenCredential(sim.tokens[zone.name]!),
    pools,
    now: () => clock.now(),
    hooks: {
      afterResponse: (o) => {
        if (o.countsAgainstRateLimit) counted++;
        if (o.status === 429) count429++;
      },
    },
  });
  const t0 = clock.now();
  const notifiedAt = new Map<string, number>();
  let inFlight: Promise<unknown> = Promise.resolve();
  const loops: { stop: () => void }[] = [];
  const sampler = orgSampler(sim);
  try {
    const orgs = await client.listOrganizations();
    for (const org of orgs) {
      const limit = org.license?.apiLimit ?? 60;
      const intervalMs = MIN / Math.max(1, Math.floor(limit * w.share));
      let ids: number[] = [];
      let i = 0;
      let stopped = false;
      const seenFrom = new Map<number, number>();
      const tick = async () => {
        if (i >= ids.length) {
          ids = (await client.listAllScenarios({ organizationId: org.id, cols: ['id', 'name', 'teamId', 'isActive', 'isinvalid', 'isPaused', 'dlqCount'] })).map(
            (r) => toScenarioFacts(r).id,
          );
          i = 0;
          return;
        }
        const id = ids[i++]!;
        const page = await client.listScenarioLogs(id, { from: seenFrom.get(id) ?? t0, limit: 50 });
        for (const l of page.items) {
          if (l.status === 3 && l.timestamp >= t0 && !notifiedAt.has(l.id)) notifiedAt.set(l.id, clock.now());
          seenFrom.set(id, Math.max(seenFrom.get(id) ?? t0, l.timestamp));
        }
      };
      const schedule = () => {
        if (stopped) return;
        clock.setTimeout(() => {
          inFlight = tick().catch(() => undefined);
          schedule();
        }, intervalMs);
      };
      inFlight = tick().catch(() => undefined);
      schedule();
      loops.push({ stop: () => (stopped = true) });
    }
    await drive(clock, w.durationMs, async () => {
      await inFlight;
    }, (m) => {
      sampler.sample();
      if (m % 10 === 0) log(`${w.name} baseline: ${m} min`);
    });
    const end = clock.now();
    sim.control.catchUp();
    const truth = [...sim.world.executions];
    const failures = failuresToCount(truth, t0, end);
    const detections: number[] = [];
    let missed = 0;
    for (const f of failures) {
      const at = notifiedAt.get(f.id);
      if (at === undefined) missed++;
      else detections.push(at - f.end);
    }
    const minutes = (end - t0) / MIN;
    return {
      requestsPerMin: round1(counted / minutes),
      peakOrgShareOfLimit: sampler.peak(),
      p50DetectionS: quantile(detections, 0.5),
      p95DetectionS: quantile(detections, 0.95),
      count429,
      missedFailures: missed,
      duplicateNotifications: 0,
      failures: failures.length,
    };
  } finally {
    for (const l of loops) l.stop();
    await pools.close();
    await sim.close();
  }
}

/** Log reads a perfect poller could not avoid: per minute, each scenario that finished a run. */
function distinctRunningPerMin(truth: ExecutionRecord[], t0: number, end: number): number {
  const perMinute = new Map<number, Set<number>>();
  for (const e of truth) {
    if (e.status === 'running' || e.end < t0 || e.end > end) continue;
    const m = Math.floor((e.end - t0) / MIN);
    let set = perMinute.get(m);
    if (!set) perMinute.set(m, (set = new Set()));
    set.add(e.scenarioId);
  }
  const minutes = Math.max(1, Math.round((end - t0) / MIN));
  let total = 0;
  for (const s of perMinute.values()) total += s.size;
  return total / minutes;
}

export async function runWorkload(w: Workload, log: (s: string) => void = () => undefined): Promise<PollRow> {
  const t = performance.now();
  const engine = await runEngine(w, log);
  const end = START + w.durationMs;
  const runs = engine.truth.filter((e) => e.start >= START && e.start < end).length;
  const minutes = w.durationMs / MIN;
  const floor = engine.listPages / minutes + distinctRunningPerMin(engine.truth, START, end);
  await engine.sim.close();
  const baseline = await runBaseline(w, log);
  const orgs = w.world.orgs;
  return {
    workload: w.name,
    scenarios: orgs.reduce((n, o) => n + o.scenarios, 0),
    orgs: orgs.length,
    teams: orgs.reduce((n, o) => n + (typeof o.teams === 'number' ? o.teams : o.teams.length), 0),
    plan: orgs.map((o) => o.plan).join('+'),
    apiLimitPerMin: orgs.reduce((n, o) => n + (PLAN_LIMIT[o.plan] ?? 60), 0),
    budgetShare: w.share,
    runsPerMin: round1(runs / minutes),
    floorRequestsPerMin: round1(floor),
    ...engine.figures,
    baseline,
    realSeconds: Math.round((performance.now() - t) / 1000),
  };
}

/**
 * The engine on the same workload with other seeds (other run times, durations and failures): one p95
 * over a few dozen failures swings by seconds, so a sweep shows how steady the figures are.
 */
export interface SeedSweepRow {
  workload: string;
  seeds: number[];
  failures: number;
  p50DetectionS: number | null;
  p90DetectionS: number | null;
  p95DetectionS: number | null;
  p99DetectionS: number | null;
  worstSeedP95DetectionS: number;
  count429: number;
  missedFailures: number;
  duplicateNotifications: number;
}

async function sweepSeeds(w: Workload, seeds: number[], log: (s: string) => void): Promise<SeedSweepRow> {
  const detections: number[] = [];
  let failures = 0;
  let count429 = 0;
  let missed = 0;
  let dupes = 0;
  let worst = 0;
  for (const seed of seeds) {
    const r = await runEngine({ ...w, world: { ...w.world, seed } }, log);
    await r.sim.close();
    detections.push(...r.detections);
    failures += r.figures.failures;
    count429 += r.figures.count429;
    missed += r.figures.missedFailures;
    dupes += r.figures.duplicateNotifications;
    worst = Math.max(worst, r.figures.p95DetectionS ?? 0);
  }
  return {
    workload: `${w.name}-seeds`,
    seeds,
    failures,
    p50DetectionS: quantile(detections, 0.5),
    p90DetectionS: quantile(detections, 0.9),
    p95DetectionS: quantile(detections, 0.95),
    p99DetectionS: quantile(detections, 0.99),
    worstSeedP95DetectionS: worst,
    count429,
    missedFailures: missed,
    duplicateNotifications: dupes,
  };
}

export async function benchPoll(opts: { log?: (s: string) => void; workloads?: string[] } = {}): Promise<(PollRow | SeedSweepRow)[]> {
  const rows: (PollRow | SeedSweepRow)[] = [];
  // BENCH_SEEDS=21,31,… adds a row per workload pooling the engine's detections over those seeds.
  const seeds = (process.env.BENCH_SEEDS ?? '').split(',').filter((x) => x.trim() !== '').map(Number);
  for (const w of WORKLOADS) {
    if (opts.workloads && !opts.workloads.includes(w.name)) continue;
    // BENCH_MINUTES / BENCH_SHARE override the workload (quick looks, sensitivity); the targets use the defaults.
    const minutes = Number(process.env.BENCH_MINUTES ?? 0);
    const share = Number(process.env.BENCH_SHARE ?? 0);
    const workload = { ...w, ...(minutes > 0 ? { durationMs: minutes * MIN } : {}), ...(share > 0 ? { share } : {}) };
    rows.push(await runWorkload(workload, opts.log));
    if (seeds.length > 0) rows.push(await sweepSeeds(workload, seeds, opts.log ?? (() => undefined)));
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const rows = await benchPoll({ log: (s) => process.stderr.write(`${s}\n`), ...(only.length ? { workloads: only } : {}) });
  for (const r of rows) console.log(JSON.stringify(r));
}
