// The simulated world: plain records plus the indexes the routes need. The World owns the data; the
// Scheduler (scheduler.ts) moves it forward in time; routes read and mutate it through small helpers.
import type { Rng } from './rng';

export type Plan = 'free' | 'core' | 'pro' | 'teams' | 'enterprise';

export interface License {
  apiLimit: number;
  /** Minimum scheduling interval, minutes. */
  interval: number;
  operations: number;
  transfer: number;
  users: number;
  teams: number;
  retention: number;
  dslimit: number;
  dsslimit: number;
  fslimit: number;
  iolimit: number;
  fulltext: boolean;
  advsched: boolean;
  dlqStorage: number;
  executionTime: number;
  priority: boolean;
  customProperties: boolean;
  apps: string[];
}

const baseLicense = {
  transfer: 1073741824,
  dslimit: 20,
  dsslimit: 10485760,
  fslimit: 1073741824,
  iolimit: 5242880,
  fulltext: false,
  dlqStorage: 104857600,
  executionTime: 40,
  apps: [] as string[],
};

export const PLAN_LICENSES: Record<Plan, License> = {
  free: { ...baseLicense, apps: ['T1'], apiLimit: 60, interval: 15, operations: 1000, users: 2, teams: 1, retention: 7, advsched: false, priority: false, customProperties: false },
  core: { ...baseLicense, apps: ['T1'], apiLimit: 60, interval: 1, operations: 10000, users: 5, teams: 1, retention: 30, advsched: true, priority: false, customProperties: false },
  pro: { ...baseLicense, apps: ['T1', 'T2'], apiLimit: 120, interval: 1, operations: 40000, users: 10, teams: 1, retention: 30, advsched: true, fulltext: true, priority: true, customProperties: false },
  teams: { ...baseLicense, apps: ['T1', 'T2', 'T3'], apiLimit: 240, interval: 1, operations: 150000, users: 50, teams: 20, retention: 30, advsched: true, fulltext: true, priority: true, customProperties: true },
  enterprise: { ...baseLicense, apps: ['T1', 'T2', 'T3'], apiLimit: 1000, interval: 1, operations: 800000, users: 500, teams: 500, retention: 60, advsched: true, fulltext: true, priority: true, customProperties: true },
};

export const PLAN_PRODUCT_NAMES: Record<Plan, string> = { free: 'Free', core: 'Core', pro: 'Pro', teams: 'Teams', enterprise: 'Enterprise' };

export const ALL_SCOPES = [
  'scenarios:read', 'scenarios:write', 'scenarios:run', 'dlqs:read', 'dlqs:write', 'hooks:read', 'hooks:write',
  'teams:read', 'teams:write', 'organizations:read', 'organizations:write', 'user:read', 'user:write',
  'connections:read', 'connections:write', 'datastores:read', 'datastores:write',
];

export interface SimUser {
  id: number;
  name: string;
  email: string;
  language: string;
  timezoneId: number;
  localeId: number;
  countryId: number;
  timezone: string;
  locale: string;
  lastLogin: number;
}

export interface SimOrg {
  id: number;
  name: string;
  /** Zone name, e.g. 'eu1' (the served host comes from World.zoneHosts). */
  zone: string;
  plan: Plan;
  timezoneId: number;
  countryId: number;
  created: number;
  operations: number;
  transfer: number;
  lastReset: number;
  nextReset: number;
  isPaused: boolean;
}

export interface SimTeam {
  id: number;
  name: string;
  organizationId: number;
}

export interface SimFolder {
  id: number;
  name: string;
  teamId: number;
  parentId: number | null;
  position: number | null;
}

export interface SchedulingSpec {
  type: string;
  interval?: number;
  date?: string;
  time?: string;
  days?: number[];
  months?: number[];
  [k: string]: unknown;
}

export interface InterfaceField {
  name: string;
  type: string;
  default?: unknown;
  required?: boolean;
  multiline?: boolean;
  [k: string]: unknown;
}

export interface FailureProfile {
  /** Share of runs that end with an error (0..1). */
  errorShare: number;
  warningShare: number;
  /** From this instant every run fails (a broken connection, say). */
  brokenSince: number | null;
}

export type RunStatusCode = 1 | 2 | 3;

export interface ForcedOutcome {
  status: RunStatusCode;
  durationMs?: number;
  errorMessage?: string;
}

export interface FlowModule {
  id: number;
  module: string;
}

export type Blueprint = Record<string, unknown> & { name?: unknown; flow?: unknown; metadata?: unknown };

export interface BlueprintVersion {
  version: number;
  created: number;
  blueprint: Blueprint;
  scheduling: SchedulingSpec;
}

export interface SimScenario {
  id: number;
  name: string;
  description: string;
  teamId: number;
  folderId: number | null;
  hookId: number | null;
  isActive: boolean;
  isinvalid: boolean;
  isPaused: boolean;
  islocked: boolean;
  concept: boolean;
  usedPackages: string[];
  created: number;
  lastEdit: number;
  createdByUserId: number;
  updatedByUserId: number;
  scheduling: SchedulingSpec;
  blueprint: Blueprint;
  versions: BlueprintVersion[];
  interfaceInput: InterfaceField[] | null;
  interfaceOutput: InterfaceField[] | null;
  customProperties: Record<string, string>;
  operations: number;
  transfer: number;
  nextExec: number | null;
  dlqCount: number;
  consecutiveErrors: number;
  /** Runs started so far; seeds the next run's outcome. */
  runCount: number;
  /** Bumped whenever the schedule changes so stale queued starts are ignored. */
  scheduleGen: number;
  profile: FailureProfile;
  forced: ForcedOutcome[];
  baseDurationMs: number;
  baseOperations: number;
  /** Mean arrivals per hour of outside traffic (webhook data, or manual runs of on-demand scenarios). */
  trafficPerHour: number;
  running: ExecutionRecord | null;
}

export type ExecutionTrigger = 'schedule' | 'manual' | 'hook' | 'activation' | 'dlq-retry';

export interface ExecutionError {
  name: string;
  message: string;
  causeModule: { name: string; appName: string };
}

/** Ground truth for one run; also what logs and execution detail are rendered from. */
export interface ExecutionRecord {
  id: string;
  scenarioId: number;
  organizationId: number;
  teamId: number;
  zone: string;
  trigger: ExecutionTrigger;
  type: 'auto' | 'manual';
  instant: boolean;
  authorId: number | null;
  start: number;
  end: number;
  /** Execution detail answers 404 before this instant (Make's short delay after /run). */
  visibleAt: number;
  status: 'running' | RunStatusCode;
  /** Decided at start, revealed at `end`. */
  outcome: RunStatusCode;
  operations: number;
  transfer: number;
  centicredits: number;
  error: ExecutionError | null;
  outputs: Record<string, unknown> | null;
  dlqId: string | null;
}

export interface DlqLog {
  id: string;
  start: number;
  duration: number;
  status: RunStatusCode;
  operations: number;
  transfer: number;
}

export interface SimDlq {
  id: string;
  scenarioId: number;
  executionId: string;
  reason: string;
  created: number;
  size: number;
  resolved: boolean;
  deleted: boolean;
  retry: boolean;
  attempts: number;
  index: number;
  failer: number;
  blueprint: Blueprint;
  bundle: Record<string, unknown>;
  logs: DlqLog[];
}

export interface SimHook {
  id: number;
  name: string;
  teamId: number;
  udid: string;
  typeName: string;
  type: 'web' | 'mail';
  packageName: string | null;
  theme: string;
  editable: boolean;
  enabled: boolean;
  learning: boolean;
  gone: boolean;
  data: Record<string, unknown>;
  queue: unknown[];
  queueLimit: number;
  dataStructure: unknown;
}

export interface SimToken {
  token: string;
  userId: number;
  zone: string;
  scopes: string[];
  label: string;
  revoked: boolean;
  created: number;
}

export interface SimRole {
  id: number;
  name: string;
  identifier: string;
  category: 'organization' | 'team';
  subsidiary: boolean;
  managementType: 'system_locked' | 'admin_managed' | 'custom_managed';
  permissions: string[];
}

export interface OrgMembership {
  userId: number;
  organizationId: number;
  usersRoleId: number;
  invitation: string | null;
}

export interface TeamMembership {
  userId: number;
  teamId: number;
  usersRoleId: number;
  changeable: boolean;
  ssoPending: boolean;
}

export const ORG_ROLES: SimRole[] = [
  { id: 11, name: 'Owner', identifier: 'organization_owner', category: 'organization', subsidiary: false, managementType: 'system_locked', permissions: ['organization:manage', 'organization:billing', 'team:manage'] },
  { id: 12, name: 'Admin', identifier: 'organization_admin', category: 'organization', subsidiary: false, managementType: 'system_locked', permissions: ['organization:manage', 'team:manage'] },
  { id: 13, name: 'Member', identifier: 'organization_member', category: 'organization', subsidiary: false, managementType: 'system_locked', permissions: [] },
  { id: 14, name: 'Accountant', identifier: 'organization_accountant', category: 'organization', subsidiary: false, managementType: 'system_locked', permissions: ['organization:billing'] },
  { id: 15, name: 'App developer', identifier: 'organization_app_developer', category: 'organization', subsidiary: false, managementType: 'system_locked', permissions: ['sdk-apps:manage'] },
];

export const TEAM_ROLES: SimRole[] = [
  { id: 1, name: 'Team Admin', identifier: 'team_admin', category: 'team', subsidiary: false, managementType: 'system_locked', permissions: ['scenarios:write', 'scenarios:run', 'team:manage'] },
  { id: 2, name: 'Team Member', identifier: 'team_member', category: 'team', subsidiary: false, managementType: 'system_locked', permissions: ['scenarios:write', 'scenarios:run'] },
  { id: 3, name: 'Team Monitoring', identifier: 'team_monitoring', category: 'team', subsidiary: false, managementType: 'system_locked', permissions: ['scenarios:read'] },
  { id: 4, name: 'Team Operator', identifier: 'team_operator', category: 'team', subsidiary: false, managementType: 'system_locked', permissions: ['scenarios:read', 'scenarios:run'] },
  { id: 5, name: 'Team Restricted Member', identifier: 'team_restricted_member', category: 'team', subsidiary: false, managementType: 'system_locked', permissions: ['scenarios:write'] },
];

export const OWNER_ROLE_ID = 11;
export const ADMIN_ROLE_ID = 12;
export const MEMBER_ROLE_ID = 13;
export const TEAM_ADMIN_ROLE_ID = 1;
export const TEAM_MEMBER_ROLE_ID = 2;

export interface ZoneAddress {
  name: string;
  host: string;
  origin: string;
}

export interface WorldOptions {
  seed: number;
  zones: string[];
  executionDetailDelayMs: number;
}

export class World {
  readonly seed: number;
  readonly zones: string[];
  readonly executionDetailDelayMs: number;
  /** Filled by the server once each zone listens. */
  readonly zoneAddresses = new Map<string, ZoneAddress>();

  readonly users = new Map<number, SimUser>();
  readonly orgs = new Map<number, SimOrg>();
  readonly teams = new Map<number, SimTeam>();
  readonly folders = new Map<number, SimFolder>();
  readonly scenarios = new Map<number, SimScenario>();
  readonly hooks = new Map<number, SimHook>();
  readonly hooksByUdid = new Map<string, SimHook>();
  readonly dlqs = new Map<string, SimDlq>();
  readonly tokens = new Map<string, SimToken>();
  readonly roles: SimRole[] = [...ORG_ROLES, ...TEAM_ROLES];
  /** Key `${orgId}:${userId}`. */
  readonly orgMembers = new Map<string, OrgMembership>();
  /** Key `${teamId}:${userId}`. */
  readonly teamMembers = new Map<string, TeamMembership>();

  /** Every run ever started, in start order: the ground truth tests and benchmarks read. */
  readonly executions: ExecutionRecord[] = [];
  readonly executionsById = new Map<string, ExecutionRecord>();
  /** Finished runs per scenario in start order (what `/scenarios/{id}/logs` shows). */
  readonly logsByScenario = new Map<number, ExecutionRecord[]>();

  private readonly counters = { user: 1, org: 1000, team: 2000, folder: 3000, hook: 4000, scenario: 100000, dlqIndex: 0 };

  constructor(opts: WorldOptions, readonly idRng: Rng) {
    this.seed = opts.seed;
    this.zones = opts.zones;
    this.executionDetailDelayMs = opts.executionDetailDelayMs;
  }

  nextId(kind: 'user' | 'org' | 'team' | 'folder' | 'hook' | 'scenario' | 'dlqIndex'): number {
    this.counters[kind] += 1;
    return this.counters[kind];
  }

  /** Host (e.g. `127.0.0.1:8787`) of a zone; the zone name until the server listens. */
  zoneHost(zone: string): string {
    return this.zoneAddresses.get(zone)?.host ?? zone;
  }

  zoneOrigin(zone: string): string {
    return this.zoneAddresses.get(zone)?.origin ?? `http://${zone}`;
  }

  orgOfTeam(teamId: number): SimOrg | undefined {
    const team = this.teams.get(teamId);
    return team ? this.orgs.get(team.organizationId) : undefined;
  }

  orgOfScenario(s: SimScenario): SimOrg | undefined {
    return this.orgOfTeam(s.teamId);
  }

  teamsOfOrg(orgId: number): SimTeam[] {
    return [...this.teams.values()].filter((t) => t.organizationId === orgId);
  }

  orgMembership(orgId: number, userId: number): OrgMembership | undefined {
    return this.orgMembers.get(`${orgId}:${userId}`);
  }

  teamMembership(teamId: number, userId: number): TeamMembership | undefined {
    return this.teamMembers.get(`${teamId}:${userId}`);
  }

  setOrgMembership(m: OrgMembership): void {
    this.orgMembers.set(`${m.organizationId}:${m.userId}`, m);
  }

  setTeamMembership(m: TeamMembership): void {
    this.teamMembers.set(`${m.teamId}:${m.userId}`, m);
  }

  /** The scenario a hook is attached to (one scenario per hook), if any. */
  scenarioOfHook(hookId: number): SimScenario | undefined {
    for (const s of this.scenarios.values()) if (s.hookId === hookId) return s;
    return undefined;
  }

  addHook(h: SimHook): void {
    this.hooks.set(h.id, h);
    this.hooksByUdid.set(h.udid, h);
  }

  deleteHook(id: number): void {
    const h = this.hooks.get(id);
    if (!h) return;
    this.hooks.delete(id);
    this.hooksByUdid.delete(h.udid);
  }

  dlqsOfScenario(scenarioId: number): SimDlq[] {
    return [...this.dlqs.values()].filter((d) => d.scenarioId === scenarioId && !d.deleted && !d.resolved);
  }

  /** Removes a scenario and everything hanging off it (control API: "delete a scenario"). */
  deleteScenario(id: number): boolean {
    const s = this.scenarios.get(id);
    if (!s) return false;
    s.scheduleGen += 1;
    this.scenarios.delete(id);
    this.logsByScenario.delete(id);
    for (const d of this.dlqs.values()) if (d.scenarioId === id) this.dlqs.delete(d.id);
    return true;
  }

  deleteOrganization(id: number): boolean {
    if (!this.orgs.has(id)) return false;
    for (const t of this.teamsOfOrg(id)) {
      for (const s of [...this.scenarios.values()]) if (s.teamId === t.id) this.deleteScenario(s.id);
      for (const f of [...this.folders.values()]) if (f.teamId === t.id) this.folders.delete(f.id);
      for (const h of [...this.hooks.values()]) if (h.teamId === t.id) this.deleteHook(h.id);
      for (const [k, m] of this.teamMembers) if (m.teamId === t.id) this.teamMembers.delete(k);
      this.teams.delete(t.id);
    }
    for (const [k, m] of this.orgMembers) if (m.organizationId === id) this.orgMembers.delete(k);
    this.orgs.delete(id);
    return true;
  }
}
