// A simulator on a virtual clock, a real Make client, governor and engine store filled the way the
// engine fills it (discovery, then scenario lists), and ManagementPorts over them, one per token.
import { VirtualClock } from '../../../shared/clock';
import { orgKey as makeOrgKey } from '../../../shared/domain';
import type { OrgKey } from '../../../shared/domain';
import { RateGovernor } from '../../../electron/core/governor';
import { MakeClient, MONITOR_SCENARIO_COLS, ZonePools, apiTokenCredential, isRateLimited, toScenarioFacts } from '../../../electron/core/make';
import { createStandalonePort, type ManagementPort, type ReportCounts, type ReportRange } from '../../../electron/core/management';
import { discoverAccount } from '../../../electron/core/poller/discovery';
import { toDomainFacts } from '../../../electron/core/poller/scenario-facts';
import { createEngineStore, type EngineStore } from '../../../electron/core/state';
import { startSimulator, type SimulatorHandle, type WorldSpec } from '../../../electron/sim/simulator';

export const T0 = Date.UTC(2026, 3, 14, 12, 0, 0);

export const managementWorld = (over: Partial<WorldSpec> = {}): WorldSpec => ({
  seed: 17,
  zones: ['eu1'],
  historyDays: 0,
  errorShare: 0.1,
  warningShare: 0.1,
  hookShare: 0.4,
  orgs: [
    { zone: 'eu1', name: 'Northwind Agency', plan: 'enterprise', teams: 2, scenarios: 10, members: 3 },
    { zone: 'eu1', name: 'さくらフーズ株式会社', plan: 'teams', teams: ['経理部'], scenarios: 5, members: 1 },
  ],
  ...over,
});

export interface ManagementRig {
  clock: VirtualClock;
  sim: SimulatorHandle;
  store: EngineStore;
  governor: RateGovernor;
  /** The agency user's port (all scopes). */
  port: ManagementPort;
  zone: string;
  orgKeys: OrgKey[];
  polls: OrgKey[];
  /** A port on the same store and governor whose token has only these scopes. */
  limited(scopes: string[]): ManagementPort;
  close(): Promise<void>;
}

export async function managementRig(world: WorldSpec = managementWorld()): Promise<ManagementRig> {
  const clock = new VirtualClock(T0);
  const sim = await startSimulator({ basePort: 0, mode: 'test', clock, world });
  const z = sim.zones[0]!;
  const pools = new ZonePools();
  const governor = new RateGovernor({ clock, isRateLimited });
  const store = createEngineStore();
  const polls: OrgKey[] = [];
  const clientFor = (token: string) => new MakeClient({ baseUrl: z.baseUrl, credentials: apiTokenCredential(token), pools, now: () => clock.now() });
  const client = clientFor(sim.tokens[z.name]!);

  const found = await discoverAccount(client, (orgKey, task) => governor.schedule(orgKey, 'visible', task));
  store.upsertAccount({
    id: 'acc',
    kind: 'token',
    baseUrl: client.baseUrl,
    zone: client.zone,
    userName: found.userName,
    email: found.email,
    scopes: found.scopes ?? [],
    status: 'ok',
    statusMessage: null,
    demo: false,
  });
  store.applyDiscovery('acc', found.orgs, found.teams, found.folders);
  const orgKeys: OrgKey[] = [];
  for (const o of found.orgs) {
    const key = makeOrgKey(o.zone, o.id);
    orgKeys.push(key);
    if (o.apiLimit) governor.setLimit(key, o.apiLimit);
    const rows = await client.listAllScenarios({ organizationId: o.id, cols: MONITOR_SCENARIO_COLS });
    store.applyScenarioList({ orgKey: key }, rows.map((r) => toDomainFacts(toScenarioFacts(r), client.zone, key)), clock.now());
  }

  const portWith = (c: MakeClient, scopes: readonly string[] | null) =>
    createStandalonePort({ clock, client: c, governor, store, scopes, onPollRequested: (k) => polls.push(k) });
  return {
    clock,
    sim,
    store,
    governor,
    port: portWith(client, found.scopes),
    zone: client.zone,
    orgKeys,
    polls,
    limited: (scopes) => portWith(clientFor(sim.control.createToken({ scopes })), scopes),
    async close() {
      governor.dispose();
      await pools.close();
      await sim.close();
    },
  };
}

/** An organization's run counts in a range, from the simulator's own records (what a report must say). */
export function simulatorCounts(rig: ManagementRig, orgId: number, range: ReportRange): ReportCounts {
  const c: ReportCounts = { runs: 0, successes: 0, warnings: 0, failures: 0, operations: 0, transfer: 0 };
  for (const e of rig.sim.control.executions({ zone: 'eu1' })) {
    if (e.organizationId !== orgId || e.status === 'running' || e.start < range.from || e.start >= range.to) continue;
    c.runs++;
    if (e.status === 1) c.successes++;
    if (e.status === 2) c.warnings++;
    if (e.status === 3) c.failures++;
    c.operations += e.operations;
    c.transfer += e.transfer;
  }
  return c;
}
