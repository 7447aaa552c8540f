// Each recorded fixture against the schema the client uses for it (no HTTP).
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { readFixture } from '../../support/fixture-server';
import { currentAuthorizationResponse, getMeResponse } from '../../../electron/core/make/schemas/users';
import { getOrganizationResponse, listOrganizationsResponse } from '../../../electron/core/make/schemas/organizations';
import { listTeamsResponse, teamSchema } from '../../../electron/core/make/schemas/teams';
import { folderSchema, listFoldersResponse } from '../../../electron/core/make/schemas/folders';
import {
  blueprintResponse,
  getScenarioResponse,
  listScenariosResponse,
  runResponse,
  scenarioActivationResponse,
  scenarioInterfaceResponse,
  scenarioResponse,
  MONITOR_SCENARIO_COLS,
} from '../../../electron/core/make/schemas/scenarios';
import { executionDetailSchema, getScenarioLogResponse, listScenarioLogsResponse, scenarioLogSchema } from '../../../electron/core/make/schemas/logs';
import { getDlqResponse, listDlqsResponse } from '../../../electron/core/make/schemas/dlqs';
import { hookPingSchema, hookResponse, listHooksResponse, successResponse } from '../../../electron/core/make/schemas/hooks';

const cases: Array<[string, z.ZodType]> = [
  ['users/me.json', getMeResponse],
  ['users/current-authorization.json', currentAuthorizationResponse],
  ['organizations/list.json', listOrganizationsResponse(['id', 'name'])],
  ['organizations/get.json', getOrganizationResponse],
  ['organizations/create.json', getOrganizationResponse],
  ['organizations/update.json', getOrganizationResponse],
  ['teams/list.json', listTeamsResponse],
  ['folders/list.json', listFoldersResponse],
  ['folders/list-children.json', listFoldersResponse],
  ['scenarios/list.json', listScenariosResponse(undefined)],
  ['scenarios/list.json', listScenariosResponse(MONITOR_SCENARIO_COLS)],
  ['scenarios/get.json', getScenarioResponse(undefined)],
  ['scenarios/create.json', scenarioResponse],
  ['scenarios/update.json', scenarioResponse],
  ['scenarios/activate.json', scenarioActivationResponse],
  ['scenarios/deactivate.json', scenarioActivationResponse],
  ['scenarios/run.json', runResponse],
  ['scenarios/interface.json', scenarioInterfaceResponse],
  ['scenarios/update-interface.json', scenarioInterfaceResponse],
  ['blueprints/get.json', blueprintResponse],
  ['executions/list.json', listScenarioLogsResponse],
  ['executions/get.json', getScenarioLogResponse],
  ['executions/get-detail.json', executionDetailSchema],
  ['incomplete-executions/list.json', listDlqsResponse],
  ['incomplete-executions/get.json', getDlqResponse],
  ['hooks/list.json', listHooksResponse],
  ['hooks/get.json', hookResponse],
  ['hooks/create.json', hookResponse],
  ['hooks/update.json', hookResponse],
  ['hooks/ping.json', hookPingSchema],
  ['hooks/enable.json', successResponse],
  ['hooks/disable.json', successResponse],
];

describe('fixtures parse', () => {
  it.each(cases)('%s', (file, schema) => {
    const r = schema.safeParse(readFixture(file));
    expect(r.error?.issues ?? []).toEqual([]);
  });

  it('DLQ retry logs share the run-log shape', () => {
    for (const entry of (readFixture('executions/dlq-list.json') as { dlqLogs: unknown[] }).dlqLogs) {
      expect(scenarioLogSchema.safeParse(entry).success).toBe(true);
    }
    expect(scenarioLogSchema.safeParse((readFixture('executions/dlq-get.json') as { dlqLog: unknown }).dlqLog).success).toBe(true);
  });

  it('teams/get and create, folders/create* parse as single objects', () => {
    expect(teamSchema.safeParse((readFixture('teams/get.json') as { team: unknown }).team).success).toBe(true);
    expect(teamSchema.safeParse((readFixture('teams/create.json') as { team: unknown }).team).success).toBe(true);
    for (const f of ['folders/create.json', 'folders/create-nested.json', 'folders/update.json', 'folders/update-move.json']) {
      expect(folderSchema.safeParse((readFixture(f) as { scenarioFolder: unknown }).scenarioFolder).success).toBe(true);
    }
  });

  it('extra keys are kept, not rejected', () => {
    const r = getMeResponse.parse({ authUser: { id: 1, name: 'a', email: 'e', brandNew: 42 } });
    expect((r.authUser as Record<string, unknown>)['brandNew']).toBe(42);
  });
});

describe('strict where the app relies on it', () => {
  const base = { id: 1, name: 'S', teamId: 2, isActive: true, isinvalid: false, isPaused: false, dlqCount: 0 };
  const without = (key: string) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== key));

  it.each(['id', 'name', 'teamId', 'isActive', 'isinvalid', 'isPaused', 'dlqCount'])('a scenario without %s is rejected', (key) => {
    expect(listScenariosResponse(undefined).safeParse({ scenarios: [without(key)] }).success).toBe(false);
  });

  it('wrong types are rejected even for optional fields', () => {
    expect(listScenariosResponse(undefined).safeParse({ scenarios: [{ ...base, isActive: 'yes' }] }).success).toBe(false);
    expect(listScenariosResponse(undefined).safeParse({ scenarios: [{ ...base, nextExec: 5 }] }).success).toBe(false);
    expect(listScenariosResponse(undefined).safeParse({ scenarios: [{ ...base, dlqCount: -1 }] }).success).toBe(false);
  });

  it('cols[] decides which required fields must be present', () => {
    expect(listScenariosResponse(['id', 'name']).safeParse({ scenarios: [{ id: 1, name: 'a' }] }).success).toBe(true);
    expect(listScenariosResponse(['id', 'isPaused']).safeParse({ scenarios: [{ id: 1 }] }).success).toBe(false);
    expect(listScenariosResponse(['name']).safeParse({ scenarios: [{ name: 'a' }] }).success).toBe(false); // id always
    expect(listOrganizationsResponse(['id', 'name', 'zone']).safeParse({ organizations: [{ id: 1, name: 'o' }] }).success).toBe(false);
  });

  it('log status must be 0–3 and the timestamp a date', () => {
    const log = { id: 'a', status: 3, timestamp: '2021-09-23T04:35:44.497Z' };
    expect(scenarioLogSchema.safeParse(log).success).toBe(true);
    expect(scenarioLogSchema.safeParse({ ...log, status: 4 }).success).toBe(false);
    expect(scenarioLogSchema.safeParse({ ...log, status: '3' }).success).toBe(false);
    expect(scenarioLogSchema.safeParse({ ...log, timestamp: 'yesterday' }).success).toBe(false);
  });

  it('org counters arrive as strings and become numbers', () => {
    const r = getOrganizationResponse.parse(readFixture('organizations/get.json'));
    expect(r.organization.operations).toBe(0);
    expect(getOrganizationResponse.safeParse({ organization: { id: 1, name: 'o', zone: 'z', operations: 'lots' } }).success).toBe(false);
  });

  it('execution status is an upper-case word', () => {
    expect(executionDetailSchema.safeParse({ status: 'PAUSED' }).success).toBe(true);
    expect(executionDetailSchema.safeParse({ status: 2 }).success).toBe(false);
    expect(executionDetailSchema.safeParse({}).success).toBe(false);
  });
});
