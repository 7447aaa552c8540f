// Offline cache speed and size: save and load of a big state through the real disk adapter.
// Run alone: `npm exec -- tsx test/bench/cache.ts` (prints JSON).
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DiskCacheFile } from '../../electron/core/cache/disk-cache-file';
import { EngineCache } from '../../electron/core/cache/engine-cache';
import { bigState } from '../unit/state/make-state';

export interface BenchCacheOptions {
  scenarios?: number;
  runs?: number;
  accounts?: number;
  /** Timed repetitions after the first save and load; their median is reported. */
  repeat?: number;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** A full garbage collection, so heap figures are what is live, not what was not collected yet. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  return () => {
    gc();
    gc();
  };
}

export async function benchCache(opts: BenchCacheOptions = {}): Promise<Record<string, number | string>> {
  const scenarios = opts.scenarios ?? 10_000;
  const runs = opts.runs ?? 100_000;
  const accounts = opts.accounts ?? 1;
  const repeat = opts.repeat ?? 7;
  // Through JSON once, like the app's state (built from Make's parsed responses or a loaded cache): the
  // generator's padStart ids are V8 rope strings, which no real state holds and which encode 2–3× slower.
  const state = JSON.parse(JSON.stringify(bigState({ accounts, scenarios, runsPerScenario: Math.round(runs / scenarios) }))) as ReturnType<typeof bigState>;
  const gc = collector();
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
    // Heap of the cache itself: what a save holds at its end and what a load returns, above the
    // benchmark's own input state (measured after full collections, so garbage does not count).
    const heap = () => process.memoryUsage().heapUsed;
    gc();
    const baseHeap = heap();
    let peakHeap = 0;
    let loadHeap = 0;
    let loadedScenarios = 0;
    // The first save and load of a process also compile the encoder and decoder: reported on their own,
    // since the app saves after every sync and only its first save pays for that.
    const first = { saveMs: 0, loadMs: 0 };
    for (let i = -1; i < repeat; i++) {
      gc();
      let t = performance.now();
      let c = cpu();
      await cache.saveAll(state);
      if (i < 0) first.saveMs = performance.now() - t;
      else {
        saveMs.push(performance.now() - t);
        saveCpu.push(cpu() - c);
      }
      peakHeap = Math.max(peakHeap, heap() - baseHeap);
      gc();
      gc();
      t = performance.now();
      c = cpu();
      let loaded: Awaited<ReturnType<typeof cache.loadAll>> | null = await cache.loadAll();
      if (i < 0) first.loadMs = performance.now() - t;
      else {
        loadMs.push(performance.now() - t);
        loadCpu.push(cpu() - c);
      }
      peakHeap = Math.max(peakHeap, heap() - baseHeap);
      gc();
      loadHeap = Math.max(loadHeap, heap() - baseHeap);
      loadedScenarios = Object.keys(loaded.state.scenarios).length;
      if (loaded.problems.length > 0) throw new Error(loaded.problems[0]!.message);
      loaded = null;
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
      firstSaveMs: Math.round(first.saveMs * 10) / 10,
      firstLoadMs: Math.round(first.loadMs * 10) / 10,
      saveCpuMs: Math.round(median(saveCpu) * 10) / 10,
      loadCpuMs: Math.round(median(loadCpu) * 10) / 10,
      /** Heap right after a save or a load (uncollected garbage included), above the benchmark's own input. */
      heapUsedMB: Math.round(peakHeap / 1e5) / 10,
      /** Live heap of a loaded cache (the state it returns). */
      loadedStateHeapMB: Math.round(loadHeap / 1e5) / 10,
      inputStateHeapMB: Math.round(baseHeap / 1e5) / 10,
      bytes,
      encoding: 'binary scenario and run columns at narrowest width, per-column JSON dictionaries (v3)',
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await benchCache(), null, 2));
}
