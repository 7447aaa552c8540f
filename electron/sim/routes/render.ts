// How world records look on the wire. One function per Make object, keys in Make's order.
import type { ExecutionRecord, SimFolder, SimHook, SimScenario, World } from '../world/model';
import { PLAN_LICENSES } from '../world/model';
import { iso, userRef } from './common';

export function renderScenario(world: World, s: SimScenario): Record<string, unknown> {
  const org = world.orgOfScenario(s);
  const customProps = org && PLAN_LICENSES[org.plan].customProperties ? s.customProperties : null;
  return {
    id: s.id,
    name: s.name,
    teamId: s.teamId,
    hookId: s.hookId,
    deviceId: null,
    deviceScope: null,
    concept: s.concept,
    description: s.description,
    folderId: s.folderId,
    isinvalid: s.isinvalid,
    islinked: s.isActive,
    isActive: s.isActive,
    islocked: s.islocked,
    isPaused: s.isPaused,
    usedPackages: s.usedPackages,
    lastEdit: iso(s.lastEdit),
    scheduling: s.scheduling,
    iswaiting: false,
    dlqCount: s.dlqCount,
    createdByUser: userRef(world, s.createdByUserId),
    updatedByUser: userRef(world, s.updatedByUserId),
    nextExec: s.nextExec === null ? null : iso(s.nextExec),
    created: iso(s.created),
    operations: s.operations,
    transfer: s.transfer,
    customProperties: customProps,
    scenarioVersion: s.versions.length,
    moduleSequenceId: Array.isArray(s.blueprint.flow) ? s.blueprint.flow.length + 1 : 1,
    type: 'scenario',
  };
}

export const SCENARIO_COLS = [
  'id', 'name', 'teamId', 'hookId', 'deviceId', 'deviceScope', 'concept', 'description', 'folderId', 'isinvalid', 'islinked', 'isActive',
  'islocked', 'isPaused', 'usedPackages', 'lastEdit', 'scheduling', 'iswaiting', 'dlqCount', 'createdByUser', 'updatedByUser', 'nextExec',
  'created', 'operations', 'transfer', 'customProperties', 'scenarioVersion', 'moduleSequenceId', 'type',
];

/** Columns of `GET /scenarios` without `cols[]` (as recorded). */
export const SCENARIO_LIST_DEFAULT = SCENARIO_COLS.filter((c) => !['created', 'scenarioVersion', 'moduleSequenceId', 'type'].includes(c));
/** Columns of a single scenario (get, create, update). */
export const SCENARIO_GET_DEFAULT = SCENARIO_COLS.filter((c) => !['operations', 'transfer', 'customProperties', 'scenarioVersion', 'moduleSequenceId', 'type'].includes(c));

export const imtIdOf = (e: ExecutionRecord): string => `${e.start}_scenario.${e.scenarioId}.${e.type}.${e.id}`;

export function renderLog(e: ExecutionRecord): Record<string, unknown> {
  return {
    imtId: imtIdOf(e),
    duration: e.end - e.start,
    operations: e.operations,
    centicredits: e.centicredits,
    transfer: e.transfer,
    organizationId: e.organizationId,
    teamId: e.teamId,
    id: e.id,
    type: e.type,
    authorId: e.authorId,
    instant: e.instant,
    timestamp: iso(e.start),
    status: e.status,
  };
}

export function hookUrl(world: World, h: SimHook): string {
  const org = world.orgOfTeam(h.teamId);
  return `${world.zoneOrigin(org?.zone ?? '')}/hook/${h.udid}`;
}

export function renderHook(world: World, h: SimHook): Record<string, unknown> {
  const attached = world.scenarioOfHook(h.id);
  const url = hookUrl(world, h);
  const gateway = h.typeName.startsWith('gateway-');
  const out: Record<string, unknown> = {
    id: h.id,
    name: h.name,
    teamId: h.teamId,
    udid: h.udid,
    type: h.type,
    packageName: h.packageName,
    theme: h.theme,
    editable: h.editable,
    queueCount: h.queue.length,
    queueLimit: h.queueLimit,
    enabled: h.enabled,
    gone: h.gone,
    typeName: h.typeName,
    data: gateway ? { ...h.data } : { ...h.data, url },
  };
  if (attached) out.scenarioId = attached.id;
  out.url = url;
  return out;
}

export function folderPath(world: World, f: SimFolder): string {
  const names: string[] = [];
  let cur: SimFolder | undefined = f;
  for (let guard = 0; cur && guard < 100; guard++) {
    names.unshift(cur.name);
    cur = cur.parentId === null ? undefined : world.folders.get(cur.parentId);
  }
  return names.join('/');
}

export function folderChildren(world: World, f: SimFolder): SimFolder[] {
  return [...world.folders.values()].filter((c) => c.parentId === f.id).sort((a, b) => a.id - b.id);
}

export function folderDescendants(world: World, f: SimFolder): SimFolder[] {
  const out: SimFolder[] = [];
  const stack = [f];
  for (let cur = stack.pop(); cur; cur = stack.pop()) {
    for (const c of folderChildren(world, cur)) {
      if (out.includes(c) || c === f) continue;
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}

export function renderFolder(world: World, f: SimFolder): Record<string, unknown> {
  const count = (id: number) => [...world.scenarios.values()].filter((s) => s.folderId === id).length;
  const subtree = [f, ...folderDescendants(world, f)].reduce((n, x) => n + count(x.id), 0);
  return {
    id: f.id,
    name: f.name,
    path: folderPath(world, f),
    parentId: f.parentId,
    position: f.position,
    scenariosTotal: count(f.id),
    scenariosSubtreeTotal: subtree,
    hasChildren: folderChildren(world, f).length > 0,
  };
}
