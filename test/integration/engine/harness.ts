// One simulator and one engine on a shared VirtualClock, talking real HTTP on loopback.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VirtualClock } from '../../../shared/clock';
import type { EngineState, ScenarioKey } from '../../../shared/domain';
import { createEngine, RecordingNotifier, type Engine, type EngineSettings } from '../../../electron/core/engine';
import type { CredentialSource } from '../../../electron/core/make';
import { startSimulator, type SimulatorHandle, type WorldSpec } from '../../../electron/sim/simulator';
import type { SimScenario } from '../../../electron/sim/world/model';
import { dlqEnabled } from '../../../electron/sim/world/blueprint';

export const START = Date.UTC(2025, 4, 5, 8, 0, 0);

export const smallWorld = (over: Partial<WorldSpec> = {}): WorldSpec => ({
  seed: 5,
  zones: ['eu1'],
  runsPerMinute: 4,
  errorShare: 0,
  warningShare: 0,
  historyDays: 0,
  activeShare: 0.9,
  hookShare: 0,
  orgs: [{ zone: 'eu1', name: 'Acme', plan: 'core', teams: 2, scenarios: 24 }],
  ...over,
});

/** A credential whose token can be swapped (what a re-sign-in does). */
export class SwappableToken implements CredentialSource {
  constructor(public token: string) {}
  authorization(): Promise<string> {
    return Promise.resolve(`Token ${this.token}`);
  }
}

export interface Rig {
  clock: VirtualClock;
  sim: SimulatorHandle;
  engine: Engine;
  notifier: RecordingNotifier;
  credential: SwappableToken;
  zoneHost: string;
  cacheDir: string;
  /** Advances virtual time in steps, letting the engine finish what each step started. */
  tick(ms: number, step?: number): Promise<void>;
  /** Ticks until `pred` holds (or `maxMs` passed); returns whether it held. */
  until(pred: () => boolean, maxMs: number, step?: number): Promise<boolean>;
  state(): EngineState;
  key(scenarioId: number): ScenarioKey;
  /** A fresh engine on the same simulator, clock and cache directory (an app restart). */
  restart(): Promise<void>;
  close(): Promise<void>;
}

export async function rig(opts: { world?: WorldSpec; settings?: EngineSettings; cacheDir?: string } = {}): Promise<Rig> {
  const clock = new VirtualClock(START);
  const sim = await startSimulator({ seed: opts.world?.seed ?? 5, basePort: 0, mode: 'test', clock, world: opts.world ?? smallWorld() });
  const zone = sim.zones[0]!;
  const cacheDir = opts.cacheDir ?? (await mkdtemp(join(tmpdir(), 'make-tray-engine-')));
  const credential = new SwappableToken(sim.tokens[zone.name]!);
  const settings: EngineSettings = { http: { headersTimeoutMs: 2_000, bodyTimeoutMs: 2_000 }, saveDebounceMs: 5_000, ...opts.settings };
  const make = () => {
    const notifier = new RecordingNotifier(clock);
    const engine = createEngine({ clock, accounts: [{ id: 'acc', baseUrl: zone.baseUrl, credentials: credential }], cacheDir, notifier, settings });
    return { engine, notifier };
  };
  let { engine, notifier } = make();
  const r: Rig = {
    clock,
    sim,
    get engine() {
      return engine;
    },
    get notifier() {
      return notifier;
    },
    credential,
    zoneHost: zone.host,
    cacheDir,
    async tick(ms, step = 500) {
      for (let t = 0; t < ms; t += step) {
        await clock.advance(Math.min(step, ms - t));
        await engine.quiescent();
      }
    },
    async until(pred, maxMs, step = 500) {
      for (let t = 0; t < maxMs; t += step) {
        if (pred()) return true;
        await r.tick(step, step);
      }
      return pred();
    },
    state: () => engine.store.getState(),
    key: (id) => `${zone.host}/s${id}`,
    async restart() {
      await engine.stop();
      ({ engine, notifier } = make());
    },
    async close() {
      await engine.stop();
      await sim.close();
      if (!opts.cacheDir) await rm(cacheDir, { recursive: true, force: true });
    },
  } as Rig;
  return r;
}

/** Active scheduled scenarios without incomplete-execution storage, soonest next run first. */
export function scheduledScenarios(sim: SimulatorHandle): SimScenario[] {
  sim.control.catchUp();
  return [...sim.world.scenarios.values()]
    .filter((s) => s.isActive && !s.isPaused && s.hookId === null && s.nextExec !== null && !dlqEnabled(s.blueprint) && s.scheduling.type === 'indefinitely')
    .sort((a, b) => (a.nextExec ?? 0) - (b.nextExec ?? 0));
}

export const failureNotificationsFor = (notifier: RecordingNotifier, key: ScenarioKey) =>
  notifier.shown.map((s) => s.notification).filter((n) => n.scenarioKey === key && (n.kind === 'failure' || n.kind === 'off-by-make'));
