// Keys in, what a call needs out (organization for the budget, Make ids, a client), or a plain error.
import type { OrgKey, ScenarioKey, ScenarioState, TeamKey, ZoneHost } from '../../../shared/domain';
import type { MakeClient } from '../make';
import type { ManagementPort } from './ports';
import type { ManagementError } from './results';

export interface OrgTarget {
  orgKey: OrgKey;
  orgId: number;
  zone: ZoneHost;
  client: MakeClient;
}

export interface TeamTarget extends OrgTarget {
  teamKey: TeamKey;
  teamId: number;
}

export interface ScenarioTarget extends OrgTarget {
  scenario: ScenarioState;
}

type Found<T> = { target: T; error?: undefined } | { target?: undefined; error: ManagementError };

const noClient = (): ManagementError => ({ code: 'refused', message: 'No signed-in account can reach this organization right now.' });

export function orgTarget(port: ManagementPort, orgKey: OrgKey): Found<OrgTarget> {
  const org = port.getState().orgs[orgKey];
  if (!org) return { error: { code: 'not-found', message: 'This organization is not known to the app (anymore).' } };
  const client = port.clientFor(orgKey);
  if (!client) return { error: noClient() };
  return { target: { orgKey, orgId: org.id, zone: org.zone, client } };
}

export function teamTarget(port: ManagementPort, teamKey: TeamKey): Found<TeamTarget> {
  const team = port.getState().teams[teamKey];
  if (!team) return { error: { code: 'not-found', message: 'This team is not known to the app (anymore).' } };
  const org = orgTarget(port, team.orgKey);
  if (org.error) return org;
  return { target: { ...org.target, teamKey, teamId: team.id } };
}

export function scenarioTarget(port: ManagementPort, key: ScenarioKey): Found<ScenarioTarget> {
  const scenario = port.getState().scenarios[key];
  if (!scenario) return { error: { code: 'not-found', message: 'This scenario is not known to the app (it may have been deleted).' } };
  const org = orgTarget(port, scenario.orgKey);
  if (org.error) return org;
  return { target: { ...org.target, scenario } };
}
