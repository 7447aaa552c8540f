// Rate limits, injected faults and the control API over HTTP; plain mode hides the control API.
import { afterAll, afterEach, beforeAll, expect, test } from 'vitest';
import { startSimulator, type SimulatorHandle } from '../../../electron/sim/simulator';
import type { VirtualClock } from '../../../shared/clock';
import { Client, SMALL_WORLD, firstTeam, startSmall } from './sim-helpers';

let sim: SimulatorHandle;
let clock: VirtualClock;
let eu: Client;
let orgId: number;
let teamId: number;

beforeAll(async () => {
  ({ sim, clock, eu } = await startSmall());
  ({ orgId, teamId } = await firstTeam(eu, sim.zones[0]!.host));
});
afterAll(async () => {
  await sim.close();
});
afterEach(() => sim.control.clearFaults());

test('apiLimit requests per minute per organization, shared by tokens; /run is exempt; the window slides', async () => {
  await clock.advance(120_000); // a fresh window
  const limit = (await eu.get(`/organizations/${orgId}`)).body.organization.license.apiLimit as number;
  expect(limit).toBe(60);
  const other = new Client(eu.baseUrl, sim.control.createToken());
  // The org GET above counted once; use both tokens for the rest.
  for (let i = 1; i < limit; i++) {
    const r = await (i % 2 ? other : eu).get(`/teams/${teamId}`);
    expect(r.status, `request ${i}`).toBe(200);
  }
  const over = await eu.get(`/scenarios?teamId=${teamId}`);
  expect(over.status).toBe(429);
  expect(over.body).toEqual({
    detail: 'Requests limit for organization exceeded, please try again later.',
    message: 'Requests limit for organization exceeded, please try again later.',
    code: 'SC429',
  });
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(0);
  // Requests that belong to no organization are not limited.
  expect((await eu.get('/users/me')).status).toBe(200);
  // POST /run is exempt (an inactive scenario still answers its own 400, not 429).
  const id = sim.world.teamsOfOrg(orgId).flatMap((t) => [...sim.world.scenarios.values()].filter((s) => s.teamId === t.id))[0]!.id;
  expect((await eu.post(`/scenarios/${id}/run`, {})).status).not.toBe(429);
  await clock.advance(61_000);
  expect((await eu.get(`/scenarios?teamId=${teamId}`)).status).toBe(200);
});

test('faults: 5xx share, connection resets, malformed and truncated JSON, 429 storm, latency', async () => {
  sim.control.setFaults({ errorRate: 1 });
  const e = await eu.get('/users/me');
  expect(e.status).toBeGreaterThanOrEqual(500);
  expect(e.body.code).toMatch(/^SC5\d\d$/);

  sim.control.setFaults({ errorRate: 0, resetRate: 1 });
  await expect(eu.get('/users/me')).rejects.toThrow();

  sim.control.setFaults({ resetRate: 0, malformedRate: 1 });
  const m = await eu.get('/users/me');
  expect(m.status).toBe(200);
  expect(typeof m.body).toBe('string');

  sim.control.setFaults({ malformedRate: 0, truncatedRate: 1 });
  const t = await eu.get('/users/me');
  expect(typeof t.body).toBe('string');
  expect(() => JSON.parse(t.body as string)).toThrow();

  sim.control.setFaults({ truncatedRate: 0, storm429: true });
  expect((await eu.get('/users/me')).status).toBe(429);

  sim.control.setFaults({ storm429: false, latencyMs: 30 });
  const started = Date.now();
  expect((await eu.get('/users/me')).status).toBe(200);
  expect(Date.now() - started).toBeGreaterThanOrEqual(25);

  sim.control.clearFaults();
  expect((await eu.get('/users/me')).body.authUser.id).toBe(sim.demoUserId);
});

test('a share of 5xx is a share, in a seeded order', async () => {
  sim.control.setFaults({ errorRate: 0.5 });
  const statuses: number[] = [];
  for (let i = 0; i < 40; i++) statuses.push((await eu.get('/users/me')).status);
  const failed = statuses.filter((s) => s >= 500).length;
  expect(failed).toBeGreaterThan(5);
  expect(failed).toBeLessThan(35);
});

test('control API over HTTP: clock, faults, tokens, forced outcomes, ground truth, deletions', async () => {
  const origin = sim.zones[0]!.origin;
  const ctl = new Client(origin, null);
  expect((await ctl.get('/__sim/clock')).body.now).toBe(clock.now());
  // An external VirtualClock is advanced through the control API too.
  const before = clock.now();
  expect((await ctl.post('/__sim/clock/advance', { ms: 1000 })).body.now).toBe(before + 1000);
  expect((await ctl.post('/__sim/clock/freeze')).status).toBe(409);
  expect((await ctl.post('/__sim/faults', { storm429: true })).body.storm429).toBe(true);
  expect((await eu.get('/users/me')).status).toBe(429);
  await ctl.del('/__sim/faults');
  expect((await eu.get('/users/me')).status).toBe(200);
  const tok = await ctl.post('/__sim/tokens', { scopes: ['scenarios:read'], zone: 'us1' });
  const us = new Client(sim.zones[1]!.baseUrl, tok.body.token);
  expect((await us.get('/users/me/current-authorization')).body.authorization.scope).toEqual(['scenarios:read']);
  expect((await ctl.post('/__sim/tokens', { scopes: 'all' })).status).toBe(400);

  const list = (await eu.get(`/scenarios?teamId=${teamId}&isActive=true&pg[limit]=100&cols[]=id&cols[]=scheduling`)).body.scenarios as { id: number; scheduling: { type: string } }[];
  const scheduled = list.find((s) => s.scheduling.type === 'indefinitely')!;
  expect((await ctl.post(`/__sim/scenarios/${scheduled.id}/next-outcome`, { status: 'error', errorMessage: 'forced' })).status).toBe(200);
  await ctl.post('/__sim/clock/advance', { ms: 4 * 3_600_000 });
  const runs = (await ctl.get(`/__sim/executions?scenarioId=${scheduled.id}&since=${before}`)).body.executions as { status: number; error: { message: string } | null }[];
  expect(runs[0]).toMatchObject({ status: 3, error: { message: 'forced' } });
  expect(runs[0]).not.toHaveProperty('outcome');

  expect((await ctl.del(`/__sim/scenarios/${scheduled.id}`)).body.deleted).toBe(true);
  expect((await eu.get(`/scenarios/${scheduled.id}`)).status).toBe(404);
  expect((await ctl.get('/__sim/nope')).status).toBe(404);
});

test('plain mode serves no control API', async () => {
  const plain = await startSimulator({ basePort: 0, mode: 'plain', world: { ...SMALL_WORLD, historyDays: 0 } });
  try {
    const r = await fetch(`${plain.zones[0]!.origin}/__sim/clock`);
    expect(r.status).toBe(404);
    const me = await new Client(plain.zones[0]!.baseUrl, plain.demoToken).get('/users/me');
    expect(me.status).toBe(200);
  } finally {
    await plain.close();
  }
});
