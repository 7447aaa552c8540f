import { VirtualClock } from '../../shared/clock';
import { startSimulator } from '../../electron/sim/simulator';
import { createEngine, RecordingNotifier } from '../../electron/core/engine';
import { apiTokenCredential } from '../../electron/core/make';
import { WORKLOADS } from './poll';
const w = WORKLOADS[0]!;
const clock = new VirtualClock(Date.UTC(2025, 2, 3, 9, 0, 0));
const sim = await startSimulator({ seed: 11, basePort: 0, mode: 'test', clock, world: w.world });
const zone = sim.zones[0]!;
const notifier = new RecordingNotifier(clock);
const engine = createEngine({ clock, accounts: [{ id: 'a1', baseUrl: zone.baseUrl, credentials: apiTokenCredential(sim.tokens['eu1']!) }], cacheDir: null, notifier, settings: { summaryThreshold: 1e6 } });
await engine.start();
const pollers = (engine as any).pollers as Map<string, any>;
for (let m = 1; m <= 8; m++) {
  for (let i = 0; i < 120; i++) { await clock.advance(500); await engine.quiescent(); }
  const p = [...pollers.values()][0];
  console.log(m, 'pending', p.pending.length, p.pending.slice(0,3), 'budget', p.budget, 'act', p.activityPerMin.toFixed(1), JSON.stringify(engine.metrics().byEndpoint), 'totals', p.totals);
}
const t0 = Date.UTC(2025, 2, 3, 9, 0, 0);
const ex = sim.control.executions().filter(e => e.start >= t0);
console.log('runs', ex.length, 'distinct', new Set(ex.map(e=>e.scenarioId)).size);
await engine.stop(); await sim.close();
