// Offline cache speed and size: save and load of a big state through the real disk adapter.
// Run alone: `npm exec -- tsx test/bench/cache.ts` (prints JSON).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskCacheFile } from '../../electron/core/cache/disk-cache-file';
import { EngineCache } from '../../electron/core/cache/engine-cache';
import { bigState } from '../unit/state/make-state';

export interface BenchCacheOptions {
  scenarios?: number;
  runs?: number;
  accounts?: number;
  /** Repetitions; the median is reported. */
  repeat?: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

export async function benchCache(opts: BenchCacheOptions = {}): Promise<Record<string, number | string>> {
  const scenarios = opts.scenarios ?? 10_000;
  const runs = opts.runs ?? 100_000;
  const accounts = opts.accounts ?? 1;
  const repeat = opts.repeat ?? 5;
  const state = bigState({ accounts, scenarios, runsPerScenario: Math.round(runs / scenarios) });
  const dir = await mkdtemp(join(tmpdir(), 'make-tray-bench-cache-'));
  try {
    const cache = new EngineCache(new DiskCacheFile(dir));
    const saveMs: number[] = [];
    const loadMs: number[] = [];
    const saveCpu: number[] = [];
    const loadCpu: number[] = [];
    // CPU time of this process: steadier than wall time on a shared machine (excludes waiting for the CPU).
    const cpu = () => {
      const u = process.cpuUsage();
      return (u.user + u.system) / 1000;
    };
    let heapPeak = 0;
    let loadedScenarios = 0;
    for (let i = 0; i < repeat; i++) {
      let t = performance.now();
      let c = cpu();
      await cache.saveAll(state);
      saveMs.push(performance.now() - t);
      saveCpu.push(cpu() - c);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      t = performance.now();
      c = cpu();
      const loaded = await cache.loadAll();
      loadMs.push(performance.now() - t);
      loadCpu.push(cpu() - c);
      heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      loadedScenarios = Object.keys(loaded.state.scenarios).length;
      if (loaded.problems.length > 0) throw new Error(loaded.problems[0]!.message);
    }
    let bytes = 0;
    for (const name of await readdir(dir)) bytes += (await stat(join(dir, name))).size;
    return {
      scenarios,
      runs: Object.values(state.scenarios).reduce((n, s) => n + s.recentRuns.length, 0),
      accounts,
      loadedScenarios,
      saveMs: Math.round(median(saveMs) * 10) / 10,
      loadMs: Math.round(median(loadMs) * 10) / 10,
      saveCpuMs: Math.round(median(saveCpu) * 10) / 10,
      loadCpuMs: Math.round(median(loadCpu) * 10) / 10,
      heapUsedMB: Math.round(heapPeak / 1e5) / 10,
      bytes,
      encoding: 'scenario JSON columns + binary run columns (v1)',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCache(), null, 2));
}
