// Addresses of pages in Make's web app. Make's web UI puts the team id first:
// `https://<zone>/<teamId>/scenarios/<scenarioId>/edit` for a scenario and
// `https://<zone>/<teamId>/scenarios/<scenarioId>/logs/<executionId>` for one run's log. This is read
// off the web app's addresses, not from the API reference (which documents no web URLs); where the
// team isn't known there is no address and the caller opens Make Tray instead.
import type { EngineState, ScenarioKey, ZoneHost } from '../../../shared/domain';
import { isLoopbackHost } from '../make/base-url';

/** The host name of a zone (`host[:port]`, IPv6 in brackets), or null when it is not one. */
function hostnameOf(zone: ZoneHost): string | null {
  try {
    return new URL(`http://${zone}`).hostname;
  } catch {
    return null;
  }
}

const isLoopbackZone = (zone: ZoneHost): boolean => {
  const hostname = hostnameOf(zone);
  return hostname !== null && isLoopbackHost(hostname);
};

/** The zone part of a key (`eu1.make.com/s42` → `eu1.make.com`). */
export const zoneOfKey = (key: string): ZoneHost => key.slice(0, Math.max(0, key.lastIndexOf('/')));

/** `https://zone` (plain http only for the simulator on loopback, which has no TLS). */
export const zoneOrigin = (zone: ZoneHost): string => `${isLoopbackZone(zone) ? 'http' : 'https'}://${zone}`;

function scenarioBase(state: EngineState, key: ScenarioKey): string | null {
  const s = state.scenarios[key];
  if (!s) return null;
  const team = state.teams[s.teamKey];
  if (!team) return null;
  const zone = state.orgs[s.orgKey]?.zone ?? zoneOfKey(key);
  if (!zone) return null;
  return `${zoneOrigin(zone)}/${team.id}/scenarios/${s.id}`;
}

/** The scenario's page in Make, or null when its team is unknown. */
export function scenarioPageUrl(state: EngineState, key: ScenarioKey): string | null {
  const base = scenarioBase(state, key);
  return base && `${base}/edit`;
}

/** One run's log in Make; the scenario's page without an execution id; null when the team is unknown. */
export function executionPageUrl(state: EngineState, key: ScenarioKey, executionId: string | null): string | null {
  if (executionId === null) return scenarioPageUrl(state, key);
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(executionId)) return scenarioPageUrl(state, key);
  const base = scenarioBase(state, key);
  return base && `${base}/logs/${executionId}`;
}
