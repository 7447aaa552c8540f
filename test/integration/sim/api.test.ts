// The simulator's Make API over real HTTP: auth, scopes, listing, scheduled runs, runs and their
// detail, hooks, incomplete executions, members. Virtual clock, small seeded world.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SimulatorHandle } from '../../../electron/sim/simulator';
import type { VirtualClock } from '../../../shared/clock';
import { Client, blueprint, firstTeam, startSmall } from './sim-helpers';

let sim: SimulatorHandle;
let clock: VirtualClock;
let eu: Client;
let us: Client;
let orgId: number;
let teamId: number;

beforeAll(async () => {
  ({ sim, clock, eu, us } = await startSmall());
  ({ orgId, teamId } = await firstTeam(eu, sim.zones[0]!.host));
});
afterAll(async () => {
  await sim.close();
});

async function createScenario(name: string, scheduling: object, opts: Parameters<typeof blueprint>[1] = {}): Promise<number> {
  const r = await eu.post('/scenarios', { teamId, blueprint: blueprint(name, opts), scheduling: JSON.stringify(scheduling) });
  expect(r.status, JSON.stringify(r.body)).toBe(200);
  return r.body.scenario.id as number;
}

describe('auth', () => {
  test('missing and invalid credentials get 401 with a Make error body', async () => {
    const anon = new Client(eu.baseUrl, null);
    const a = await anon.get('/users/me');
    expect(a.status).toBe(401);
    expect(a.body).toMatchObject({ code: 'SC401', detail: expect.any(String), message: expect.any(String) });
    const b = await new Client(eu.baseUrl, '00000000-0000-4000-8000-000000000000').get('/users/me');
    expect(b.status).toBe(401);
    expect(b.body.code).toBe('IM102');
  });

  test('tokens are zone-specific', async () => {
    expect((await us.get('/users/me')).status).toBe(200);
    expect((await new Client(eu.baseUrl, sim.tokens.us1!).get('/users/me')).status).toBe(401);
  });

  test('a missing scope is 403 SC403; current-authorization lists the scopes', async () => {
    const token = sim.control.createToken({ scopes: ['scenarios:read'] });
    const ro = new Client(eu.baseUrl, token);
    const auth = await ro.get('/users/me/current-authorization');
    expect(auth.body.authorization).toEqual({ authUsed: 'token', scope: ['scenarios:read'] });
    const list = await ro.get(`/scenarios?teamId=${teamId}`);
    expect(list.status).toBe(200);
    const id = list.body.scenarios[0].id as number;
    const start = await ro.post(`/scenarios/${id}/start`);
    expect(start.status).toBe(403);
    expect(start.body.code).toBe('SC403');
    expect((await ro.post(`/scenarios/${id}/run`, {})).status).toBe(403);
    expect((await ro.get(`/hooks?teamId=${teamId}`)).status).toBe(403);
  });

  test('a revoked token stops working', async () => {
    const token = sim.control.createToken();
    const c = new Client(eu.baseUrl, token);
    expect((await c.get('/users/me')).status).toBe(200);
    sim.control.revokeToken(token);
    expect((await c.get('/users/me')).status).toBe(401);
  });
});

describe('listing', () => {
  test('pagination walks the whole org-wide list; team lists add up to it', async () => {
    const ids: number[] = [];
    for (let offset = 0; ; offset += 7) {
      const page = await eu.get(`/scenarios?organizationId=${orgId}&pg[limit]=7&pg[offset]=${offset}&cols[]=id`);
      expect(page.status).toBe(200);
      ids.push(...page.body.scenarios.map((s: { id: number }) => s.id));
      if (page.body.scenarios.length < 7) break;
    }
    expect(new Set(ids).size).toBe(ids.length);
    const teams = (await eu.get(`/teams?organizationId=${orgId}`)).body.teams as { id: number }[];
    let perTeam = 0;
    for (const t of teams) perTeam += (await eu.get(`/scenarios?teamId=${t.id}&pg[limit]=10000`)).body.scenarios.length;
    expect(perTeam).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(30);
  });

  test('default page size is 10; cols[] selects columns; bad parameters are 400s naming them', async () => {
    const page = await eu.get(`/scenarios?teamId=${teamId}`);
    expect(page.body.scenarios).toHaveLength(10);
    expect(page.body.pg).toMatchObject({ limit: 10, offset: 0, sortBy: 'proprietal', sortDir: 'desc' });
    const cols = await eu.get(`/scenarios?teamId=${teamId}&cols[]=id&cols[]=isinvalid&cols[]=nextExec`);
    expect(Object.keys(cols.body.scenarios[0]).sort()).toEqual(['id', 'isinvalid', 'nextExec']);
    const both = await eu.get(`/scenarios?teamId=${teamId}&organizationId=${orgId}`);
    expect(both.status).toBe(400);
    const neither = await eu.get('/scenarios');
    expect(neither.status).toBe(400);
    const bad = await eu.get(`/scenarios?teamId=abc`);
    expect(bad.status).toBe(400);
    expect(bad.body.detail).toContain('teamId');
    const badCol = await eu.get(`/scenarios?teamId=${teamId}&cols[]=nope`);
    expect(badCol.status).toBe(400);
    expect(badCol.body.detail).toContain('nope');
  });

  test('organizations list every zone with its host; another zone’s org has no license here', async () => {
    const orgs = (await eu.get('/organizations?cols[]=id&cols[]=zone&cols[]=license')).body.organizations as { zone: string; license: unknown }[];
    expect(orgs.map((o) => o.zone).sort()).toEqual([sim.zones[0]!.host, sim.zones[1]!.host].sort());
    const local = (await eu.get(`/organizations/${orgId}`)).body.organization;
    expect(local.license.apiLimit).toBe(60);
    expect(orgs.find((o) => o.zone === sim.zones[1]!.host)!.license).toBeNull();
  });

  test('unknown routes, wrong case and invalid JSON get Make error bodies', async () => {
    const a = await eu.get('/nope');
    expect(a.status).toBe(404);
    expect(a.body.code).toBe('SC404');
    expect((await eu.get('/Scenarios?teamId=1')).status).toBe(404);
    const j = await eu.call('POST', '/scenarios', undefined, '{"teamId": ');
    expect(j.status).toBe(400);
    expect(j.body.detail).toMatch(/JSON/);
    const t = await eu.post('/scenarios', { teamId: 'x', blueprint: '{}', scheduling: '{}' });
    expect(t.status).toBe(400);
    expect(t.body.detail).toContain('teamId');
  });
});

describe('time and runs', () => {
  test('scheduled runs appear after advancing the clock and counters move', async () => {
    const id = await createScenario('Every 15 minutes', { type: 'indefinitely', interval: 900 });
    const before = (await eu.get(`/scenarios/${id}?cols[]=operations&cols[]=nextExec&cols[]=isActive`)).body.scenario;
    expect(before).toMatchObject({ operations: 0, nextExec: null, isActive: false });
    expect((await eu.post(`/scenarios/${id}/start`)).body.scenario).toEqual({ id, isActive: true, islinked: true });
    await clock.advance(3_600_000);
    const after = (await eu.get(`/scenarios/${id}?cols[]=operations&cols[]=nextExec`)).body.scenario;
    expect(after.operations).toBeGreaterThan(0);
    expect(Date.parse(after.nextExec)).toBeGreaterThan(clock.now());
    const logs = (await eu.get(`/scenarios/${id}/logs`)).body.scenarioLogs as { status: number; imtId: string; timestamp: string }[];
    // Activation runs at once, then every 15 minutes: 0, 15, 30, 45 (60 may still be running).
    expect(logs.length).toBeGreaterThanOrEqual(4);
    expect(logs.every((l) => l.status === 1)).toBe(true);
    expect(logs[0]!.imtId > logs[1]!.imtId).toBe(true);
    expect(logs[0]!.imtId).toMatch(new RegExp(`^\\d{13}_scenario\\.${id}\\.auto\\.[0-9a-f]{32}$`));
    const truth = sim.control.executions({ scenarioId: id });
    expect(truth.filter((e) => e.status !== 'running')).toHaveLength(logs.length);
  });

  test('logs filter by status and page by key', async () => {
    const id = await createScenario('Mixed results', { type: 'indefinitely', interval: 600 });
    sim.control.forceNextOutcome(id, { status: 'error' });
    sim.control.forceNextOutcome(id, { status: 'warning' });
    await eu.post(`/scenarios/${id}/start`);
    await clock.advance(3_000_000);
    const errors = (await eu.get(`/scenarios/${id}/logs?status=3`)).body.scenarioLogs;
    expect(errors).toHaveLength(1);
    const all = (await eu.get(`/scenarios/${id}/logs`)).body.scenarioLogs as { imtId: string }[];
    const page1 = (await eu.get(`/scenarios/${id}/logs?pg[limit]=2`)).body;
    expect(page1.pg).toMatchObject({ sortBy: 'imtId', sortDir: 'desc', limit: 2, last: null });
    const page2 = (await eu.get(`/scenarios/${id}/logs?pg[limit]=2&pg[last]=${page1.scenarioLogs[1].imtId}`)).body.scenarioLogs;
    expect(page2.map((l: { imtId: string }) => l.imtId)).toEqual(all.slice(2, 4).map((l) => l.imtId));
  });

  test('consecutive errors switch a scenario off (isinvalid), as Make does', async () => {
    const id = await createScenario('Breaks', { type: 'indefinitely', interval: 900 });
    sim.control.setFailureProfile(id, { errorShare: 1 });
    await eu.post(`/scenarios/${id}/start`);
    await clock.advance(2 * 3_600_000);
    const s = (await eu.get(`/scenarios/${id}`)).body.scenario;
    expect(s).toMatchObject({ isActive: false, isinvalid: true, nextExec: null });
    expect(sim.control.executions({ scenarioId: id }).map((e) => e.status)).toEqual([3, 3, 3]);
  });

  test('errors of a scenario that stores incomplete executions become DLQ items and retries resolve them', async () => {
    const id = await createScenario('Stores incomplete', { type: 'indefinitely', interval: 900 }, { dlq: true });
    for (let i = 0; i < 4; i++) sim.control.forceNextOutcome(id, { status: 'error', errorMessage: 'Boom' });
    await eu.post(`/scenarios/${id}/start`);
    await clock.advance(3_600_000);
    const s = (await eu.get(`/scenarios/${id}?cols[]=dlqCount&cols[]=isActive`)).body.scenario;
    expect(s).toEqual({ dlqCount: 4, isActive: true });
    const dlqs = (await eu.get(`/dlqs?scenarioId=${id}`)).body.dlqs as { id: string; reason: string }[];
    expect(dlqs.map((d) => d.reason)).toEqual(['Boom', 'Boom', 'Boom', 'Boom']);
    const retried = await eu.post(`/dlqs/retry?scenarioId=${id}`, { all: true });
    expect(retried.body.dlqs).toHaveLength(4);
    await clock.advance(60_000);
    const logs = (await eu.get(`/dlqs/${dlqs[0]!.id}/logs`)).body.dlqLogs;
    expect(logs).toHaveLength(1);
    const left = (await eu.get(`/scenarios/${id}?cols[]=dlqCount`)).body.scenario.dlqCount as number;
    expect(left).toBe((await eu.get(`/dlqs?scenarioId=${id}`)).body.dlqs.length);
  });

  test('run on an inactive scenario fails like Make', async () => {
    const id = await createScenario('Off', { type: 'on-demand' });
    const r = await eu.post(`/scenarios/${id}/run`, {});
    expect(r.status).toBe(400);
    expect(r.body).toMatchObject({ detail: 'Scenario is not activated.', code: expect.any(String), message: expect.any(String) });
  });

  test('run and execution detail: 404 for a moment, RUNNING, then the result', async () => {
    const id = await createScenario('Runnable', { type: 'on-demand' });
    await eu.post(`/scenarios/${id}/start`);
    sim.control.forceNextOutcome(id, { status: 'error', durationMs: 5_000, errorMessage: 'Slack said no' });
    const run = await eu.post(`/scenarios/${id}/run`, { data: {}, responsive: false });
    expect(run.body.executionId).toMatch(/^[0-9a-f]{32}$/);
    const detail = `/scenarios/${id}/executions/${run.body.executionId}`;
    expect((await eu.get(detail)).status).toBe(404);
    await clock.advance(1_000);
    expect((await eu.get(detail)).body).toEqual({ status: 'RUNNING' });
    expect((await eu.post(`/scenarios/${id}/run`, {})).body.detail).toMatch(/already being executed/);
    await clock.advance(5_000);
    const done = (await eu.get(detail)).body;
    expect(done).toMatchObject({ status: 'ERROR', error: { message: 'Slack said no', causeModule: { name: expect.any(String), appName: expect.any(String) } } });
    const log = (await eu.get(`/scenarios/${id}/logs/${run.body.executionId}`)).body.scenarioLog;
    expect(log).toMatchObject({ status: 3, type: 'manual', authorId: sim.demoUserId });
  });

  test('a responsive run answers when the run finishes', async () => {
    const id = await createScenario('Responsive', { type: 'on-demand' });
    await eu.post(`/scenarios/${id}/start`);
    sim.control.forceNextOutcome(id, { status: 'success', durationMs: 3_000 });
    const pending = eu.post(`/scenarios/${id}/run`, { responsive: true });
    await new Promise((r) => setTimeout(r, 50));
    await clock.advance(3_000);
    const r = await pending;
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ executionId: expect.any(String), status: 1 });
  });
});

describe('hooks', () => {
  test('data sent to a hook runs the attached scenario; a disabled hook rejects; delete needs confirmation', async () => {
    const hook = (await eu.post('/hooks?useDefaults=requiredOnly', { name: 'Orders in', teamId, typeName: 'gateway-webhook', method: true })).body.hook;
    expect(hook.url).toContain(`/hook/${hook.udid}`);
    const id = await createScenario('On webhook', { type: 'immediately' }, { hookId: hook.id });
    expect((await eu.get(`/scenarios/${id}?cols[]=hookId`)).body.scenario.hookId).toBe(hook.id);
    await eu.post(`/scenarios/${id}/start`);
    await eu.post(`/hooks/${hook.id}/learn-stop`);
    const post = await fetch(hook.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"order":1}' });
    expect(post.status).toBe(200);
    expect(await post.text()).toBe('Accepted');
    await clock.advance(60_000);
    const logs = (await eu.get(`/scenarios/${id}/logs`)).body.scenarioLogs;
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ type: 'auto', instant: true });
    await eu.post(`/hooks/${hook.id}/disable`);
    expect((await fetch(hook.url, { method: 'POST', body: 'x' })).status).toBe(400);
    const del = await eu.del(`/hooks/${hook.id}`);
    expect(del.status).toBe(406);
    expect(del.body.code).toBe('IM004');
    expect((await eu.del(`/hooks/${hook.id}?confirmed=true`)).status).toBe(200);
  });
});

describe('members and roles', () => {
  test('roles come from /users/roles; invite, change and remove a member', async () => {
    const roles = (await eu.get('/users/roles?category=organization')).body.usersRoles as { id: number; name: string }[];
    expect(roles.map((r) => r.name)).toEqual(['Owner', 'Admin', 'Member', 'Accountant', 'App developer']);
    const teamRoles = (await eu.get('/users/roles?category=team')).body.usersRoles as { name: string }[];
    expect(teamRoles.map((r) => r.name)).toContain('Team Monitoring');
    const member = roles.find((r) => r.name === 'Member')!.id;
    const accountant = roles.find((r) => r.name === 'Accountant')!.id;
    const inv = await eu.post(`/organizations/${orgId}/invite`, { email: 'new@client.example', name: 'New Person', usersRoleId: member, teamsId: [teamId] });
    expect(inv.status).toBe(200);
    const userId = inv.body.user.id as number;
    expect((await eu.get(`/teams/${teamId}/user-team-roles`)).body.userTeamRoles.some((m: { userId: number }) => m.userId === userId)).toBe(true);
    const changed = await eu.post(`/users/${userId}/user-organization-roles/${orgId}`, { usersRoleId: accountant });
    expect(changed.body.userOrganizationRole.usersRoleId).toBe(accountant);
    await eu.post(`/users/${userId}/user-organization-roles/${orgId}`, {});
    const left = (await eu.get(`/organizations/${orgId}/user-organization-roles`)).body.userOrganizationRoles as { userId: number }[];
    expect(left.some((m) => m.userId === userId)).toBe(false);
    const owner = await eu.post(`/users/${sim.demoUserId}/user-organization-roles/${orgId}`, { usersRoleId: member });
    expect(owner.status).toBe(403);
  });
});
