// The plan's shortest schedule interval (`license.interval`), read by discovery, guards schedule edits:
// a Free organization (15 minutes) gets a plain refusal before anything is sent to Make.
import { afterAll, beforeAll, expect, test } from 'vitest';
import { createManagementServices } from '../../../electron/core/management';
import { rig, smallWorld, type Rig } from './harness';

let r: Rig;

beforeAll(async () => {
  r = await rig({ world: smallWorld({ orgs: [{ zone: 'eu1', name: 'Tiny Co', plan: 'free', teams: 1, scenarios: 4 }] }) });
  await r.engine.start();
  await r.tick(5_000);
});
afterAll(() => r.close());

test('discovery keeps license.interval and the scenario service refuses a shorter schedule', async () => {
  const port = r.engine.management();
  const org = Object.values(r.state().orgs)[0]!;
  expect(port.minIntervalMinutes?.(org.key)).toBe(15);

  const { scenarios } = createManagementServices(port);
  const s = Object.values(r.state().scenarios)[0]!;
  const before = r.engine.metrics().byEndpoint['PATCH /scenarios/{scenarioId}'] ?? 0;
  const tooOften = await scenarios.setSchedule(s.key, { type: 'indefinitely', interval: 300 });
  expect(tooOften).toMatchObject({ kind: 'error', error: { code: 'invalid-input', field: 'scheduling' } });
  expect(r.engine.metrics().byEndpoint['PATCH /scenarios/{scenarioId}'] ?? 0).toBe(before);

  const allowed = await scenarios.setSchedule(s.key, { type: 'indefinitely', interval: 1800 });
  expect(allowed).toMatchObject({ kind: 'ok', value: { scheduling: { type: 'indefinitely', interval: 1800 } } });
  expect(r.sim.world.scenarios.get(s.id)!.scheduling).toMatchObject({ type: 'indefinitely', interval: 1800 });
});
