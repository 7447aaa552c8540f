// Builders for realistic EngineStates in tests and benchmarks (deterministic).
import { emptyEngineState, folderKey, orgKey, scenarioKey, teamKey } from '../../../shared/domain';
import type { AccountState, EngineState, RunSummary, ScenarioFacts, ScenarioState } from '../../../shared/domain';
import { budgetDefaults } from '../../../electron/core/state/defaults';

export const ZONE = 'eu1.make.com';
export const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);

export function account(id: string, zone = ZONE): AccountState {
  return {
    id,
    kind: 'token',
    baseUrl: `https://${zone}/api/v2`,
    zone,
    userName: `User ${id}`,
    email: `${id}@example.com`,
    scopes: ['scenarios:read', 'scenarios:write', 'scenarios:run'],
    status: 'ok',
    statusMessage: null,
    demo: false,
  };
}

export const hexId = (n: number): string => n.toString(16).padStart(32, '0');

export function run(n: number, status: RunSummary['status'], timestamp: number): RunSummary {
  return {
    id: hexId(n),
    status,
    timestamp,
    durationMs: 1200 + (n % 97),
    operations: 3 + (n % 5),
    transfer: 1024 + n,
    type: 'auto',
    errorMessage: status === 3 ? `Module failed #${n}` : null,
    errorModule: status === 3 ? 'http:ActionSendData' : null,
  };
}

export function facts(id: number, org: number, team: number, over: Partial<ScenarioFacts> = {}, zone = ZONE): ScenarioFacts {
  return {
    key: scenarioKey(zone, id),
    id,
    orgKey: orgKey(zone, org),
    teamKey: teamKey(zone, team),
    folderKey: null,
    name: `Scenario ${id}`,
    description: '',
    isActive: true,
    isinvalid: false,
    isPaused: false,
    dlqCount: 0,
    operations: 0,
    transfer: 0,
    nextExec: null,
    lastEdit: T0 - 86_400_000,
    hookId: null,
    scheduling: { type: 'indefinitely', interval: 900 },
    usedPackages: ['http', 'json'],
    ...over,
  };
}

/** A big state: `accounts` accounts, each with its own org and team(s), scenarios spread evenly. */
export function bigState(opts: { accounts?: number; scenarios: number; runsPerScenario: number; teamsPerOrg?: number }): EngineState {
  const s = emptyEngineState();
  const nAcc = opts.accounts ?? 1;
  const teamsPerOrg = opts.teamsPerOrg ?? 4;
  let runN = 1;
  for (let a = 0; a < nAcc; a++) {
    const acc = account(`acc-${a}`);
    s.accounts[acc.id] = acc;
    const oKey = orgKey(ZONE, 1000 + a);
    s.orgs[oKey] = {
      key: oKey, id: 1000 + a, zone: ZONE, name: `Client ${a}`, productName: 'Pro', accountIds: [acc.id], monitored: true,
      budget: budgetDefaults(120), connectivity: { state: 'online', lastOkAt: T0, message: null }, lastSyncAt: T0, syncing: false, problem: null,
    };
    for (let t = 0; t < teamsPerOrg; t++) {
      const tId = (1000 + a) * 100 + t;
      const tKey = teamKey(ZONE, tId);
      s.teams[tKey] = { key: tKey, id: tId, orgKey: oKey, name: `Team ${t}`, accountIds: [acc.id] };
      const fKey = folderKey(ZONE, tId);
      s.folders[fKey] = { key: fKey, id: tId, teamKey: tKey, name: `Folder ${t}`, parentKey: null };
    }
  }
  const accIds = Object.keys(s.accounts);
  for (let i = 0; i < opts.scenarios; i++) {
    const a = i % nAcc;
    const t = Math.floor(i / nAcc) % teamsPerOrg;
    const tId = (1000 + a) * 100 + t;
    const f = facts(10_000 + i, 1000 + a, tId, { folderKey: i % 3 === 0 ? folderKey(ZONE, tId) : null, operations: i * 7 });
    const recentRuns: RunSummary[] = [];
    for (let r = 0; r < opts.runsPerScenario; r++) {
      const status = (runN % 17 === 0 ? 3 : runN % 29 === 0 ? 2 : 1) as 1 | 2 | 3;
      recentRuns.push(run(runN++, status, T0 - r * 900_000 - i));
    }
    const sc: ScenarioState = { ...f, health: 'ok', recentRuns, pendingRun: null };
    s.scenarios[sc.key] = sc;
  }
  void accIds;
  return s;
}
