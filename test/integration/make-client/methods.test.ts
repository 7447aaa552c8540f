// Every typed method against the recorded fixtures over real HTTP, and what the server saw.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MakeClient, MONITOR_SCENARIO_COLS, ZonePools, apiTokenCredential, flattenFolders, toScenarioFacts } from '../../../electron/core/make';
import { startFixtureServer, type FixtureServer, type RecordedRequest } from '../../support/fixture-server';

const TOKEN = '3f2b8c1e-5d4a-4b7e-9c2f-1a2b3c4d5e6f';
let srv: FixtureServer;
let pools: ZonePools;
let client: MakeClient;

beforeAll(async () => {
  srv = await startFixtureServer();
  pools = new ZonePools();
  client = new MakeClient({ baseUrl: srv.baseUrl, credentials: apiTokenCredential(TOKEN), pools });
});
afterAll(async () => {
  await pools.close();
  await srv.close();
});

const last = (): RecordedRequest => srv.requests[srv.requests.length - 1]!;
const bodyOf = (r: RecordedRequest): unknown => (r.body === '' ? undefined : JSON.parse(r.body));

describe('users and organizations', () => {
  it('getMe sends the token header and returns the user', async () => {
    const me = await client.getMe();
    expect(me).toMatchObject({ id: 1, name: 'Awesome Maker', email: 'noreply@make.com', timezone: 'Europe/Prague' });
    expect(last().headers['authorization']).toBe(`Token ${TOKEN}`);
    expect(last().headers['accept']).toBe('application/json');
    expect(last().path).toBe('/api/v2/users/me');
  });

  it('getCurrentAuthorization returns the scopes', async () => {
    expect(await client.getCurrentAuthorization()).toEqual({ authUsed: 'token', scope: ['scenarios:read', 'datastores:read'] });
  });

  it('listOrganizations asks for zone and license columns', async () => {
    srv.route({
      method: 'GET',
      path: '/organizations',
      reply: {
        kind: 'json',
        body: {
          organizations: [
            { id: 5, name: 'A', zone: 'eu1.make.com', license: { apiLimit: 240 }, isPaused: false, serviceName: 'teams' },
            { id: 6, name: 'B', zone: 'us1.make.com', license: null, isPaused: null, serviceName: null },
          ],
          pg: { sortBy: 'name', sortDir: 'asc', limit: 10000, offset: 0 },
        },
      },
    });
    const orgs = await client.listOrganizations();
    expect(orgs.map((o) => [o.id, o.zone, o.license?.apiLimit ?? null])).toEqual([
      [5, 'eu1.make.com', 240],
      [6, 'us1.make.com', null],
    ]);
    expect(last().query.getAll('cols[]')).toEqual(['id', 'name', 'zone', 'timezoneId', 'license', 'serviceName', 'isPaused']);
    expect(last().rawQuery).toContain('cols%5B%5D=zone');
  });

  it('collected lists always send pg[limit] and keep paging when Make omits pg.limit', async () => {
    // A server whose default page is 2 items and that never echoes pg.limit: without an explicit
    // pg[limit] the client would read one page and stop.
    const all = [1, 2, 3, 4, 5].map((id) => ({ id, name: `T${id}`, organizationId: 7 }));
    srv.route({
      method: 'GET',
      path: '/teams',
      reply: (req) => {
        if (req.query.get('organizationId') !== '7') return { kind: 'fixture', file: 'teams/list.json' };
        const offset = Number(req.query.get('pg[offset]') ?? '0');
        const limit = Number(req.query.get('pg[limit]') ?? '2');
        return { kind: 'json', body: { teams: all.slice(offset, offset + limit), pg: { offset } } };
      },
    });
    const before = srv.requests.length;
    const teams = await client.listTeams(7);
    expect(teams.map((t) => t.id)).toEqual([1, 2, 3, 4, 5]);
    const sent = srv.requests.slice(before);
    expect(sent.length).toBeGreaterThan(0);
    for (const r of sent) expect(r.query.get('pg[limit]')).not.toBeNull();
  });

  it('listOrganizations parses the recorded fixture when only id/name are asked for', async () => {
    srv.route({ method: 'GET', path: '/organizations', reply: { kind: 'fixture', file: 'organizations/list.json' } });
    const orgs = await client.listOrganizations({ cols: ['id', 'name'] });
    expect(orgs.map((o) => o.id)).toEqual([5, 6]);
  });

  it('getOrganization returns zone, teams, license and isPaused', async () => {
    const org = await client.getOrganization(10);
    expect(org).toMatchObject({ id: 10, zone: 'local.make.cloud', isPaused: false, teams: [{ id: 16, name: 'My Team' }] });
    expect(org.license?.interval).toBe(1);
    expect(org.operations).toBe(0); // "0" on the wire
    expect(last().path).toBe('/api/v2/organizations/10');
  });

  it('listTeams and listFolders', async () => {
    expect(await client.listTeams(5)).toEqual([{ id: 5, name: 'My Team', organizationId: 5 }]);
    expect(last().query.get('organizationId')).toBe('5');
    const folders = await client.listFolders(18);
    expect(last().query.get('teamId')).toBe('18');
    expect(flattenFolders(folders).map((f) => [f.id, f.parentId])).toEqual([
      [1576, null],
      [1577, 1576],
    ]);
  });
});

describe('scenarios', () => {
  it('listScenariosPage parses the fixture and maps to facts', async () => {
    const page = await client.listScenariosPage({ teamId: 18, limit: 10 });
    expect(page.items).toHaveLength(2);
    expect(page.nextOffset).toBeNull();
    const facts = page.items.map(toScenarioFacts);
    expect(facts[0]).toMatchObject({ id: 418339, folderId: 99, hookId: 222895, operations: 5748, nextExec: null, isActive: false });
    expect(facts[1]).toMatchObject({ id: 723615, isActive: true, scheduling: { type: 'on-demand' } });
    expect(facts[0]!.lastEdit).toBe(Date.parse('2022-10-13T13:27:45.109Z'));
    expect(last().query.get('teamId')).toBe('18');
    expect(last().query.get('pg[limit]')).toBe('10');
    expect(last().query.get('pg[offset]')).toBe('0');
  });

  it('listScenariosPage sends cols[] and org scope', async () => {
    await client.listScenariosPage({ organizationId: 18, cols: MONITOR_SCENARIO_COLS, folderId: 99 });
    expect(last().query.get('organizationId')).toBe('18');
    expect(last().query.get('teamId')).toBeNull();
    expect(last().query.get('folderId')).toBe('99');
    expect(last().query.getAll('cols[]')).toEqual([...MONITOR_SCENARIO_COLS]);
  });

  it('refuses a query with both or neither scope before sending', async () => {
    const before = srv.requests.length;
    await expect(client.listScenariosPage({ teamId: 1, organizationId: 2 } as never)).rejects.toThrow(TypeError);
    await expect(client.listScenariosPage({} as never)).rejects.toThrow(/exactly one/);
    expect(srv.requests.length).toBe(before);
  });

  it('getScenario, startScenario, stopScenario', async () => {
    expect(await client.getScenario(925)).toMatchObject({ id: 925, name: 'New scenario', isActive: false, dlqCount: 0 });
    expect(await client.startScenario(5)).toEqual({ id: 5, isActive: true, islinked: true });
    expect(last()).toMatchObject({ method: 'POST', path: '/api/v2/scenarios/5/start', body: '' });
    expect(last().headers['content-type']).toBeUndefined();
    expect(await client.stopScenario(5)).toEqual({ id: 5, isActive: false, islinked: false });
    expect(last().path).toBe('/api/v2/scenarios/5/stop');
  });

  it('runScenario posts data and responsive=false by default', async () => {
    expect(await client.runScenario(18, { data: { name: 'x' } })).toEqual({ executionId: '9c4874979d974c3ebdef1e8aaa7dc452' });
    expect(bodyOf(last())).toEqual({ responsive: false, data: { name: 'x' } });
    expect(last().headers['content-type']).toBe('application/json');
  });

  it('runScenario maps a responsive status (number or word)', async () => {
    srv.route({ method: 'POST', path: '/scenarios/{id}/run', reply: { kind: 'json', body: { executionId: 'abc', status: 3, outputs: { a: 1 } } } });
    expect(await client.runScenario(18, { responsive: true })).toEqual({ executionId: 'abc', status: 3, outputs: { a: 1 } });
    expect(bodyOf(last())).toEqual({ responsive: true });
    srv.route({ method: 'POST', path: '/scenarios/{id}/run', reply: { kind: 'json', body: { executionId: 'abc', status: 'WARNING' } } });
    expect((await client.runScenario(18, { responsive: true })).status).toBe(2);
    srv.route({ method: 'POST', path: '/scenarios/{id}/run', reply: { kind: 'fixture', file: 'scenarios/run.json' } });
  });

  it('getScenarioInterface accepts a null output list', async () => {
    const itf = await client.getScenarioInterface(18);
    expect(itf.input?.[0]).toMatchObject({ name: 'email', type: 'text', required: false });
    expect(itf.output).toBeNull();
  });

  it('createScenario sends blueprint and scheduling as JSON strings', async () => {
    const blueprint = { name: 'Simple', flow: [], metadata: {} };
    const s = await client.createScenario({ teamId: 215, blueprint, scheduling: { type: 'indefinitely', interval: 900 }, folderId: 3 });
    expect(s.id).toBe(925);
    const sent = bodyOf(last()) as Record<string, unknown>;
    expect(sent).toEqual({ teamId: 215, blueprint: JSON.stringify(blueprint), scheduling: '{"type":"indefinitely","interval":900}', folderId: 3 });
    expect(last().rawQuery).toBe('');
    await client.createScenario({ teamId: 215, blueprint, scheduling: { type: 'on-demand' }, confirmed: true });
    expect(last().query.get('confirmed')).toBe('true');
  });

  it('updateScenario sends only the given fields and never metadata', async () => {
    await client.updateScenario(925, { name: 'Renamed' });
    expect(last()).toMatchObject({ method: 'PATCH', path: '/api/v2/scenarios/925' });
    expect(bodyOf(last())).toEqual({ name: 'Renamed' });
    await client.updateScenario(925, { folderId: null, description: 'd', scheduling: { type: 'on-demand' } });
    expect(bodyOf(last())).toEqual({ folderId: null, description: 'd', scheduling: '{"type":"on-demand"}' });
    await expect(client.updateScenario(925, {})).rejects.toThrow(TypeError);
  });

  it('deleteScenario and getBlueprint', async () => {
    srv.route({ method: 'DELETE', path: '/scenarios/{id}', reply: { kind: 'json', body: { scenario: 925 } } });
    await expect(client.deleteScenario(925)).resolves.toBeUndefined();
    expect(last().method).toBe('DELETE');
    const bp = await client.getBlueprint(123456, { draft: false });
    expect(bp.blueprint.name).toBe('Empty integration');
    expect(bp.scheduling).toEqual({ type: 'indefinitely', interval: 900 });
    expect(last().query.get('draft')).toBe('false');
  });
});

describe('runs and incomplete executions', () => {
  it('listScenarioLogs maps entries and sends the filters', async () => {
    const page = await client.listScenarioLogs(123456, { status: 3, from: 1000, to: 2000, limit: 50 });
    expect(page.items[0]).toEqual({
      id: 'da518adcd14b4b64ac6358823ccb80ca',
      imtId: '1632371744497_scenario.1229.auto.da518adcd14b4b64ac6358823ccb80ca',
      status: 1,
      timestamp: Date.parse('2021-09-23T04:35:44.497Z'),
      type: 'auto',
      instant: false,
      durationMs: 19979,
      operations: 10,
      centicredits: 1000,
      transfer: 3942,
      organizationId: 21,
      teamId: 27,
      scenarioId: null,
      authorId: null,
    });
    expect(page.pg?.last).toMatch(/^1632371803593/);
    const q = last().query;
    expect([q.get('status'), q.get('from'), q.get('to'), q.get('pg[limit]')]).toEqual(['3', '1000', '2000', '50']);
  });

  it('listScenarioLogs supports keyset paging', async () => {
    await client.listScenarioLogs(1, { last: '1632371803593_scenario.1229.auto.x', showLast: false });
    expect(last().query.get('pg[last]')).toBe('1632371803593_scenario.1229.auto.x');
    expect(last().query.get('pg[showLast]')).toBe('false');
  });

  it('getScenarioLog and getExecutionDetail', async () => {
    const log = await client.getScenarioLog(123456, 'cc1c49323b344687a324888762206003');
    expect(log).toMatchObject({ id: 'cc1c49323b344687a324888762206003', status: 1, instant: true, authorId: 5 });
    expect(last().path).toBe('/api/v2/scenarios/123456/logs/cc1c49323b344687a324888762206003');
    const detail = await client.getExecutionDetail(123456, 'cc1c49323b344687a324888762206003', { maxBytes: 512000 });
    expect(detail).toEqual({ status: 'SUCCESS', outputs: { output1: 'text output', output2: 123 }, error: null });
    expect(last().query.get('maxBytes')).toBe('512000');
  });

  it('getExecutionDetail reads an error with its module', async () => {
    srv.route({
      method: 'GET',
      path: '/scenarios/{id}/executions/{eid}',
      reply: {
        kind: 'json',
        body: { status: 'ERROR', error: { name: 'DataError', message: 'Bad field', causeModule: { name: 'HTTP 3', appName: 'http' } } },
      },
    });
    const d = await client.getExecutionDetail(1, 'abc');
    expect(d.error).toEqual({ name: 'DataError', message: 'Bad field', moduleName: 'HTTP 3', appName: 'http' });
  });

  it('listDlqs, getDlq, retryDlq', async () => {
    const list = await client.listDlqs(1);
    expect(list.map((d) => d.id)).toEqual(['ada87173334b44d1907270064edbd7dd', 'c29c4bf027c74bfc848e1803bf764447']);
    expect(last().query.get('scenarioId')).toBe('1');
    expect(await client.getDlq('a07e16f2ad134bf49cf83a00aa95c0a5')).toMatchObject({ scenarioId: 3, resolved: false, attempts: 2 });
    await expect(client.retryDlq('a07e16f2ad134bf49cf83a00aa95c0a5')).resolves.toBeUndefined();
    expect(last()).toMatchObject({ method: 'POST', path: '/api/v2/dlqs/a07e16f2ad134bf49cf83a00aa95c0a5/retry' });
  });
});

describe('hooks', () => {
  it('listHooks, getHook, pingHook', async () => {
    const hooks = await client.listHooks(4, { typeName: 'gateway-webhook' });
    expect(hooks.map((h) => [h.id, h.scenarioId, h.enabled])).toEqual([
      [11, 1, true],
      [58, 112, true],
    ]);
    expect(last().query.get('typeName')).toBe('gateway-webhook');
    expect((await client.getHook(58)).url).toBe('https://local.make.cloud/wh/d4ezzfwgyav7qaukv8dbh3l21eru0fld');
    expect(await client.pingHook(46)).toMatchObject({ attached: false, learning: false, gone: false });
  });

  it('createHook, renameHook, enable/disable, delete', async () => {
    const h = await client.createHook({ teamId: 4, name: 'in', typeName: 'gateway-webhook', method: true, headers: false });
    expect(h.id).toBe(46);
    expect(bodyOf(last())).toEqual({ name: 'in', teamId: 4, typeName: 'gateway-webhook', method: true, headers: false });
    expect((await client.renameHook(46, 'jotform hook 2')).name).toBe('jotform hook 2');
    expect(bodyOf(last())).toEqual({ name: 'jotform hook 2' });
    await client.enableHook(46);
    expect(last().path).toBe('/api/v2/hooks/46/enable');
    await client.disableHook(46);
    expect(last().path).toBe('/api/v2/hooks/46/disable');
    await client.deleteHook(46, { confirmed: true });
    expect(last()).toMatchObject({ method: 'DELETE', rawQuery: 'confirmed=true' });
    await client.deleteHook(46);
    expect(last().rawQuery).toBe('');
  });

  it('a hook toggle answering success:false is an error', async () => {
    srv.route({ method: 'POST', path: '/hooks/{id}/enable', reply: { kind: 'json', body: { success: false } } });
    await expect(client.enableHook(46)).rejects.toMatchObject({ kind: 'invalid-response' });
  });
});

describe('members and roles', () => {
  it('listUsers, listRoles, org/team role lists', async () => {
    srv.route(
      { method: 'GET', path: '/users', reply: { kind: 'json', body: { users: [{ id: 1, name: 'Ann', email: 'a@x' }], pg: { limit: 10000, offset: 0 } } } },
      {
        method: 'GET',
        path: '/users/roles',
        reply: { kind: 'json', body: { usersRoles: [{ id: 11, name: 'Owner', category: 'organization', managementType: 'system_locked' }] } },
      },
      {
        method: 'GET',
        path: '/organizations/{id}/user-organization-roles',
        reply: { kind: 'json', body: { userOrganizationRoles: [{ userId: 1, organizationId: 5, usersRoleId: 11, invitation: null }] } },
      },
      {
        method: 'GET',
        path: '/teams/{id}/user-team-roles',
        reply: { kind: 'json', body: { userTeamRoles: [{ usersRoleId: 1, userId: 1, teamId: 26, changeable: false }] } },
      },
    );
    expect((await client.listUsers({ organizationId: 5 }))[0]?.email).toBe('a@x');
    expect(last().query.get('organizationId')).toBe('5');
    expect((await client.listRoles({ category: 'organization', organizationId: 5 }))[0]?.name).toBe('Owner');
    expect(last().query.get('category')).toBe('organization');
    expect(await client.listOrganizationUserRoles(5)).toEqual([{ userId: 1, organizationId: 5, usersRoleId: 11, invitation: null }]);
    expect((await client.listTeamUserRoles(26))[0]?.teamId).toBe(26);
  });

  it('invite, set org role, remove, set team role', async () => {
    const role = { userId: 3, organizationId: 9, usersRoleId: 12, invitation: null };
    srv.route(
      { method: 'POST', path: '/organizations/{id}/invite', reply: { kind: 'json', body: { user: { id: 3, name: 'Bo', email: 'b@x' }, userOrganizationRole: role } } },
      { method: 'POST', path: '/users/{u}/user-organization-roles/{o}', reply: { kind: 'json', body: { userOrganizationRole: role } } },
      { method: 'POST', path: '/users/{u}/user-team-roles/{t}', reply: { kind: 'json', body: { userTeamRole: { usersRoleId: 2, userId: 3, teamId: 6, changeable: true } } } },
    );
    const inv = await client.inviteToOrganization(9, { email: 'b@x', name: 'Bo', usersRoleId: 12, teamsId: [6] });
    expect(inv.userOrganizationRole.usersRoleId).toBe(12);
    expect(bodyOf(last())).toEqual({ email: 'b@x', name: 'Bo', usersRoleId: 12, teamsId: [6] });
    expect((await client.setOrganizationRole(3, 9, 12)).organizationId).toBe(9);
    expect(last().path).toBe('/api/v2/users/3/user-organization-roles/9');
    expect(bodyOf(last())).toEqual({ usersRoleId: 12 });
    await client.removeFromOrganization(3, 9);
    expect(bodyOf(last())).toEqual({});
    expect(last().query.get('confirmed')).toBe('true');
    expect((await client.setTeamRole(3, 6, 2)).teamId).toBe(6);
    expect(bodyOf(last())).toEqual({ usersRoleId: 2 });
  });
});
