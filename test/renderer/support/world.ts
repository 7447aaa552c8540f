// Deterministic engine states for renderer tests (seeded, no clock).
import { emptyEngineState, folderKey, orgKey, scenarioKey, teamKey, type EngineState, type ScenarioHealth, type ScenarioState, type Scheduling } from '../../../shared/domain';

export const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);
const FIXED_NOW = NOW;
const DEFAULT_ZONE = 'eu1.make.com';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const HEALTHS: ScenarioHealth[] = ['ok', 'ok', 'ok', 'ok', 'failing', 'warning', 'inactive', 'off-by-make', 'paused', 'unknown'];
const SCHEDULES: (Scheduling | null)[] = [
  { type: 'indefinitely', interval: 900 },
  { type: 'immediately' },
  { type: 'daily', time: '08:00' },
  { type: 'weekly', days: [1, 3], time: '09:30' },
  { type: 'on-demand' },
  null,
];

export function scenario(over: Partial<ScenarioState> & { id: number }, ZONE = DEFAULT_ZONE): ScenarioState {
  const key = scenarioKey(ZONE, over.id);
  return {
    key,
    orgKey: orgKey(ZONE, 1),
    teamKey: teamKey(ZONE, 10),
    folderKey: null,
    name: `Scenario ${over.id}`,
    description: '',
    isActive: true,
    isinvalid: false,
    isPaused: false,
    dlqCount: 0,
    operations: 0,
    transfer: 0,
    nextExec: null,
    lastEdit: null,
    hookId: null,
    scheduling: { type: 'indefinitely', interval: 900 },
    usedPackages: [],
    health: 'ok',
    recentRuns: [],
    pendingRun: null,
    ...over,
  };
}

export interface WorldOptions {
  /** Zone host in every key (default eu1.make.com). */
  zone?: string;
  /** The account's base URL (default https://<zone>/api/v2). */
  baseUrl?: string;
  /** What "now" is for run times and next runs (default the fixed NOW). */
  now?: number;
}

/** One account, two orgs, four teams, a folder per team, `n` scenarios spread over them. */
export function makeWorld(n: number, seed = 7, opts: WorldOptions = {}): EngineState {
  const r = rng(seed);
  const ZONE = opts.zone ?? DEFAULT_ZONE;
  const NOW = opts.now ?? FIXED_NOW;
  const st = emptyEngineState();
  st.accounts.a1 = {
    id: 'a1', kind: 'token', baseUrl: opts.baseUrl ?? `https://${ZONE}/api/v2`, zone: ZONE, userName: 'Aiko Tanaka', email: 'aiko@example.com',
    scopes: [], status: 'ok', statusMessage: null, demo: false,
  };
  for (const oid of [1, 2]) {
    const ok = orgKey(ZONE, oid);
    st.orgs[ok] = {
      key: ok, id: oid, zone: ZONE, name: oid === 1 ? 'Acme Corp' : 'Birch & Co', productName: null, accountIds: ['a1'], monitored: true,
      budget: { limitPerMin: 60, share: 0.5, allowedPerMin: 30, usedLastMin: 4, rateLimitedUntil: null, queued: 0 },
      connectivity: { state: 'online', lastOkAt: NOW, message: null }, lastSyncAt: NOW, syncing: false, problem: null,
    };
    for (const tid of [oid * 10, oid * 10 + 1]) {
      const tk = teamKey(ZONE, tid);
      st.teams[tk] = { key: tk, id: tid, orgKey: ok, name: `Team ${tid}`, accountIds: ['a1'] };
      const fk = folderKey(ZONE, tid * 100);
      st.folders[fk] = { key: fk, id: tid * 100, teamKey: tk, name: `Folder ${tid}`, parentKey: null };
    }
  }
  const teams = Object.values(st.teams);
  for (let i = 1; i <= n; i++) {
    const team = teams[Math.floor(r() * teams.length)]!;
    const health = HEALTHS[Math.floor(r() * HEALTHS.length)]!;
    const runs = Array.from({ length: Math.floor(r() * 6) }, (_, j) => ({
      id: `${i.toString(16).padStart(16, '0')}${j.toString(16).padStart(16, '0')}`,
      status: (health === 'failing' && j === 0 ? 3 : r() < 0.1 ? 2 : 1) as 1 | 2 | 3,
      timestamp: NOW - (j + 1) * 3_600_000 - Math.floor(r() * 3_000_000),
      durationMs: 1200, operations: 3, transfer: 10, type: 'auto', errorMessage: health === 'failing' && j === 0 ? 'Connection refused' : null, errorModule: null,
    }));
    st.scenarios[scenarioKey(ZONE, i)] = scenario({
      id: i,
      orgKey: team.orgKey,
      teamKey: team.key,
      folderKey: r() < 0.5 ? folderKey(ZONE, team.id * 100) : null,
      name: `${['Sync', 'Import', 'Notify', 'Backup', 'Report'][i % 5]} ${['orders', 'leads', 'invoices', 'tickets'][i % 4]} #${i}`,
      isActive: health !== 'inactive' && health !== 'off-by-make',
      isinvalid: health === 'off-by-make',
      health,
      scheduling: SCHEDULES[i % SCHEDULES.length]!,
      nextExec: r() < 0.7 ? NOW + Math.floor(r() * 86_400_000) : null,
      recentRuns: runs,
    }, ZONE);
  }
  return st;
}
