// Spawned by cache.test.ts: saves two different snapshots alternately, forever, until killed.
import { DiskCacheFile } from '../../../electron/core/cache/disk-cache-file';
import { EngineCache } from '../../../electron/core/cache/engine-cache';
import { bigState } from '../../unit/state/make-state';

const dir = process.argv[2]!;
const cache = new EngineCache(new DiskCacheFile(dir));
const a = bigState({ scenarios: 200, runsPerScenario: 10 });
const b = bigState({ scenarios: 2500, runsPerScenario: 10 });
let n = 0;
for (;;) {
  await cache.saveAll(n % 2 ? b : a);
  n++;
  process.stdout.write(`saved ${n}\n`);
}
