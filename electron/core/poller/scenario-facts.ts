// Make's scenario rows as the domain's ScenarioFacts (addressed by zone-qualified keys), and the
// counters the poller diffs.
import { folderKey, scenarioKey, teamKey } from '../../../shared/domain';
import type { OrgKey, ScenarioFacts, ScenarioKey, ScenarioState, ZoneHost } from '../../../shared/domain';
import type { ScenarioFacts as WireFacts } from '../make';
import type { ScenarioCounters, ScenarioSnapshot } from './diff';

export function toDomainFacts(row: WireFacts, zone: ZoneHost, orgKey: OrgKey): ScenarioFacts {
  return {
    key: scenarioKey(zone, row.id),
    id: row.id,
    orgKey,
    teamKey: teamKey(zone, row.teamId),
    folderKey: row.folderId === null ? null : folderKey(zone, row.folderId),
    name: row.name,
    description: row.description,
    isActive: row.isActive,
    isinvalid: row.isinvalid,
    isPaused: row.isPaused,
    dlqCount: row.dlqCount,
    // A column Make leaves out reads as 0: no movement, so the safety sweep covers it.
    operations: row.operations ?? 0,
    transfer: row.transfer ?? 0,
    nextExec: row.nextExec,
    lastEdit: row.lastEdit,
    hookId: row.hookId,
    scheduling: row.scheduling,
    usedPackages: row.usedPackages,
  };
}

export function countersOf(s: ScenarioFacts | ScenarioState): ScenarioCounters {
  return {
    isActive: s.isActive,
    isinvalid: s.isinvalid,
    isPaused: s.isPaused,
    dlqCount: s.dlqCount,
    operations: s.operations,
    transfer: s.transfer,
    nextExec: s.nextExec,
    lastEdit: s.lastEdit,
  };
}

export function snapshotOf(scenarios: Iterable<ScenarioFacts | ScenarioState>): ScenarioSnapshot {
  const m = new Map<ScenarioKey, ScenarioCounters>();
  for (const s of scenarios) m.set(s.key, countersOf(s));
  return m;
}
