// Smoke test against the simulator over real HTTP: orgs → teams → scenarios → logs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MONITOR_SCENARIO_COLS, MakeClient, ZonePools, apiTokenCredential } from '../../../electron/core/make';
import { startSimulator, type SimulatorHandle } from '../../../electron/sim/simulator';

describe('Make client against the simulator', () => {
  let sim: SimulatorHandle;
  let pools: ZonePools;
  let client: MakeClient;

  beforeAll(async () => {
    sim = await startSimulator({ basePort: 0, mode: 'test' });
    pools = new ZonePools();
    client = new MakeClient({ baseUrl: sim.zones[0]!.baseUrl, credentials: apiTokenCredential(sim.demoToken), pools });
  });
  afterAll(async () => {
    await pools?.close();
    await sim?.close();
  });

  it('lists organizations, teams, scenarios and logs', async () => {
    const me = await client.getMe();
    expect(me.id).toBeGreaterThan(0);
    const orgs = await client.listOrganizations();
    expect(orgs.length).toBeGreaterThan(0);
    const here = orgs.filter((o) => o.zone === client.zone);
    expect(here.length).toBeGreaterThan(0);
    const org = await client.getOrganization(here[0]!.id);
    const teams = await client.listTeams(org.id);
    expect(teams.length).toBeGreaterThan(0);
    const scenarios = await client.listAllScenarios({ organizationId: org.id, cols: MONITOR_SCENARIO_COLS, pageSize: 7 });
    expect(scenarios.length).toBeGreaterThan(0);
    expect(new Set(scenarios.map((s) => s.id)).size).toBe(scenarios.length);
    const logs = await client.listScenarioLogs(scenarios[0]!.id, { limit: 5 });
    expect(Array.isArray(logs.items)).toBe(true);
  });
});
