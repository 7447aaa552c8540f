// Temporary diagnostic (H11): visibility latency of every run, not only failures.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../shared/clock';
import type { EngineState } from '../../shared/domain';
import { createEngine, RecordingNotifier } from '../../electron/core/engine';
import { apiTokenCredential } from '../../electron/core/make';
import { startSimulator } from '../../electron/sim/simulator';
import { WORKLOADS } from './poll';

const MIN = 60_000;
const name = process.argv[2] ?? 'W1';
const minutes = Number(process.argv[3] ?? 30);
const w = WORKLOADS.find((x) => x.name === name)!;
const share = Number(process.env.BENCH_SHARE ?? w.share);
const clock = new VirtualClock(Date.UTC(2025, 2, 3, 9, 0, 0));
const sim = await startSimulator({ seed: w.world.seed ?? 1, basePort: 0, mode: 'test', clock, world: w.world });
const dir = await mkdtemp(join(tmpdir(), 'h11-diag-'));
const notifier = new RecordingNotifier(clock);
const engine = createEngine({
  clock,
  accounts: sim.zones.map((z) => ({ id: z.name, baseUrl: z.baseUrl, credentials: apiTokenCredential(sim.tokens[z.name]!) })),
  cacheDir: dir,
  notifier,
  settings: { budgetShare: share, summaryThreshold: 1e6, seed: 7 },
});
const firstSeen = new Map<string, number>();
engine.store.subscribe((state: EngineState, prev: EngineState) => {
  if (state.scenarios === prev.scenarios) return;
  for (const [k, s] of Object.entries(state.scenarios)) {
    if (prev.scenarios[k] === s) continue;
    for (const r of s.recentRuns) if (!firstSeen.has(r.id)) firstSeen.set(r.id, clock.now());
  }
});
const reads: { key: string; since: number; at: number; reason: string }[] = [];
(globalThis as Record<string, unknown>).__h11reads = reads;
const t0 = clock.now();
await engine.start();
for (let i = 1; i <= minutes * 120; i++) {
  await clock.advance(500);
  await engine.quiescent();
}
const end = clock.now();
sim.control.catchUp();
const q = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? Math.round(s[Math.min(s.length - 1, Math.floor(p * s.length))]! / 100) / 10 : null;
};
const all: number[] = [];
const fails: number[] = [];
let missed = 0;
for (const e of sim.world.executions) {
  if (e.status === 'running' || e.start < t0 || e.end < t0 + 10_000 || e.end > end - 2 * MIN) continue;
  const seen = firstSeen.get(e.id);
  if (seen === undefined) { missed++; continue; }
  all.push(seen - e.end);
  if (e.status === 3) fails.push(seen - e.end);
}
const disc: number[] = [];
const queue: number[] = [];
const byKey = new Map<string, typeof reads>();
for (const r of reads) { const k = r.key.replace(/^.*\/s/, ''); if (!byKey.has(k)) byKey.set(k, []); byKey.get(k)!.push(r); }
for (const e of sim.world.executions) {
  if (e.status === 'running' || e.start < t0 || e.end < t0 + 10_000 || e.end > end - 2 * MIN) continue;
  const r = byKey.get(String(e.scenarioId))?.find((x) => x.at >= e.end);
  if (!r) continue;
  const seen = firstSeen.get(e.id);
  if (seen !== undefined && seen - e.end > 30_000 && Math.random() < 0.3) console.log(JSON.stringify({ sid: e.scenarioId, start: e.start - t0, end: e.end - t0, seen: seen - t0, reads: byKey.get(String(e.scenarioId))!.filter((x) => x.at >= e.start - 120_000 && x.at <= seen + 1000).map((x) => ({ ...x, key: undefined, since: x.since - t0, at: x.at - t0 })) }));
  disc.push(Math.max(0, r.since - e.end));
  queue.push(r.at - Math.max(r.since, e.end));
}
console.log(JSON.stringify({ disc: { p50: q(disc, 0.5), p95: q(disc, 0.95), max: q(disc, 1) }, queue: { p50: q(queue, 0.5), p95: q(queue, 0.95), max: q(queue, 1) } }));
const m = engine.metrics();
console.log(JSON.stringify({
  name, minutes, share,
  runs: all.length, missed,
  all: { p50: q(all, 0.5), p90: q(all, 0.9), p95: q(all, 0.95), p99: q(all, 0.99), max: q(all, 1) },
  fails: { n: fails.length, p50: q(fails, 0.5), p95: q(fails, 0.95), max: q(fails, 1) },
  reqPerMin: Math.round((m.countedRequests / minutes) * 10) / 10,
  byEndpoint: Object.fromEntries(Object.entries(m.byEndpoint).map(([k, v]) => [k, Math.round((v / minutes) * 10) / 10])),
  r429: m.rateLimited,
  notifications: notifier.shown.length,
  reasons: [...((engine as unknown as { pollers: Map<string, { readsByReason: Record<string, number> }> }).pollers.values())].map((p) => p.readsByReason),
}));
await engine.stop();
await sim.close();
await rm(dir, { recursive: true, force: true });
process.exit(0);
