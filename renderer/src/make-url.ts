// Where a scenario lives in Make's web app. Main validates the host before opening it.
import type { EngineState, ScenarioState } from '../../shared/domain';

const isLoopback = (zone: string) => /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/.test(zone);

export function scenarioUrl(state: EngineState, s: ScenarioState): string {
  const zone = state.orgs[s.orgKey]?.zone ?? s.key.slice(0, s.key.lastIndexOf('/'));
  const teamId = state.teams[s.teamKey]?.id;
  const scheme = isLoopback(zone) ? 'http' : 'https';
  return teamId === undefined ? `${scheme}://${zone}/scenarios/${s.id}/edit` : `${scheme}://${zone}/${teamId}/scenarios/${s.id}/edit`;
}
