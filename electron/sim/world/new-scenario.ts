// A scenario as it is born, in the seed or through POST /scenarios: inactive, no runs, healthy.
import { usedPackagesOf } from './blueprint';
import type { Blueprint, SchedulingSpec, SimScenario, World } from './model';

export interface NewScenario {
  id: number;
  name: string;
  teamId: number;
  folderId: number | null;
  hookId: number | null;
  userId: number;
  blueprint: Blueprint;
  scheduling: SchedulingSpec;
  created: number;
  lastEdit: number;
  interfaceInput: SimScenario['interfaceInput'];
  interfaceOutput: SimScenario['interfaceOutput'];
  baseDurationMs: number;
  baseOperations: number;
}

export function newScenario(world: World, n: NewScenario): SimScenario {
  return {
    id: n.id,
    name: n.name,
    description: '',
    teamId: n.teamId,
    folderId: n.folderId,
    hookId: n.hookId,
    isActive: false,
    isinvalid: false,
    isPaused: false,
    islocked: false,
    concept: false,
    usedPackages: usedPackagesOf(n.blueprint),
    created: n.created,
    lastEdit: n.lastEdit,
    createdByUserId: n.userId,
    updatedByUserId: n.userId,
    scheduling: n.scheduling,
    blueprint: n.blueprint,
    versions: [{ version: 1, created: n.lastEdit, blueprint: structuredClone(n.blueprint), scheduling: n.scheduling }],
    interfaceInput: n.interfaceInput,
    interfaceOutput: n.interfaceOutput,
    customProperties: { owner: (world.users.get(n.userId)?.name ?? 'Unknown').split(' ')[0] ?? 'Unknown' },
    operations: 0,
    transfer: 0,
    nextExec: null,
    dlqCount: 0,
    consecutiveErrors: 0,
    runCount: 0,
    scheduleGen: 0,
    // Healthy until the seed's story or a test (control API) says otherwise.
    profile: { errorShare: 0, warningShare: 0, brokenSince: null },
    forced: [],
    baseDurationMs: n.baseDurationMs,
    baseOperations: n.baseOperations,
    trafficPerHour: 0,
    running: null,
  };
}
