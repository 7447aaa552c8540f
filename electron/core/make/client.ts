// The typed Make API v2 client. Plain Node (undici + zod); one instance per credential and zone.
// Every response is validated; every failure is a MakeApiError (see errors.ts).
import { parseBaseUrl, type ParsedBaseUrl } from './base-url';
import type { CredentialSource } from './credentials';
import { ENDPOINTS } from './endpoints';
import { MakeApiError } from './errors';
import { MakeHttp, type CallOptions, type RequestHooks } from './http';
import {
  toExecutionDetail,
  toRunResult,
  toScenarioLog,
  type ExecutionDetail,
  type RunResult,
  type ScenarioLog,
} from './mappers';
import { collectPages, toPage, type Page } from './pagination';
import type { ZonePools } from './zone-pools';
import { currentAuthorizationResponse, getMeResponse, type MakeAuthUser, type MakeAuthorization } from './schemas/users';
import {
  DEFAULT_ORGANIZATION_COLS,
  getOrganizationResponse,
  listOrganizationsResponse,
  type MakeOrganization,
  type MakeOrganizationSummary,
  type OrganizationColumn,
} from './schemas/organizations';
import { listTeamsResponse, type MakeTeam } from './schemas/teams';
import { listFoldersResponse, type MakeFolder } from './schemas/folders';
import {
  blueprintResponse,
  deleteScenarioResponse,
  getScenarioResponse,
  listScenariosResponse,
  runResponse,
  scenarioActivationResponse,
  scenarioInterfaceResponse,
  scenarioResponse,
  type MakeBlueprintResponse,
  type MakeScenario,
  type MakeScenarioActivation,
  type MakeScenarioInterface,
  type MakeScheduling,
  type ScenarioColumn,
} from './schemas/scenarios';
import { executionDetailSchema, getScenarioLogResponse, listScenarioLogsResponse } from './schemas/logs';
import { getDlqResponse, listDlqsResponse, retryDlqResponse, type MakeDlq, type MakeDlqSummary } from './schemas/dlqs';
import {
  deleteHookResponse,
  hookPingSchema,
  hookResponse,
  listHooksResponse,
  successResponse,
  type MakeHook,
  type MakeHookPing,
} from './schemas/hooks';
import {
  inviteResponse,
  listRolesResponse,
  listUserOrganizationRolesResponse,
  listUserTeamRolesResponse,
  listUsersResponse,
  removeFromOrganizationResponse,
  userOrganizationRoleResponse,
  userTeamRoleResponse,
  type MakeInviteResult,
  type MakeRole,
  type MakeUser,
  type MakeUserOrganizationRole,
  type MakeUserTeamRole,
} from './schemas/members';

export interface MakeClientOptions {
  /** `https://eu1.make.com/api/v2` (a bare origin gets `/api/v2`). Plain http only for loopback. */
  baseUrl: string;
  credentials: CredentialSource;
  /** Shared keep-alive pools; the caller owns and closes them. */
  pools: ZonePools;
  hooks?: RequestHooks;
  /** Time to wait for response headers. Default 30 s (responsive runs get at least 60 s). */
  headersTimeoutMs?: number;
  /** Max silence while receiving the body. Default 30 s. */
  bodyTimeoutMs?: number;
  /** Bodies above this fail with `too-large`. Default 8 MiB. */
  maxResponseBytes?: number;
  userAgent?: string;
  /** For `Retry-After` dates. Default Date.now. */
  now?: () => number;
}

/** Exactly one of organizationId / teamId (Make answers 400 otherwise). */
export type ScenarioScope = { organizationId: number; teamId?: undefined } | { teamId: number; organizationId?: undefined };

export type ScenarioListQuery<C extends ScenarioColumn = ScenarioColumn> = ScenarioScope & {
  folderId?: number;
  isActive?: boolean;
  ids?: readonly number[];
  cols?: readonly C[];
  offset?: number;
  limit?: number;
  sortBy?: string;
  sortDir?: 'asc' | 'desc';
};

/** A scenario limited to the selected columns (plus `id`, always returned). */
export type ScenarioRow<C extends ScenarioColumn = ScenarioColumn> = Pick<MakeScenario, C | 'id'>;

export interface ScenarioLogQuery {
  /** Epoch ms. */
  from?: number;
  /** Epoch ms. */
  to?: number;
  status?: 1 | 2 | 3;
  limit?: number;
  offset?: number;
  /** Keyset paging: entries after this `imtId`. */
  last?: string;
  showLast?: boolean;
  showCheckRuns?: boolean;
  sortDir?: 'asc' | 'desc';
}

export interface RunScenarioInput {
  /** Scenario inputs. */
  data?: Record<string, unknown>;
  /** Wait (max 40 s on Make's side) for the outcome. Default false, as in the API. */
  responsive?: boolean;
  callbackUrl?: string;
}

export interface CreateScenarioInput {
  teamId: number;
  /** Sent as a JSON string, as Make requires. */
  blueprint: Record<string, unknown>;
  /** Sent as a JSON string, as Make requires. */
  scheduling: MakeScheduling | Record<string, unknown>;
  folderId?: number;
  /** Needed when the blueprint installs an app for the first time (else 406 IM004). */
  confirmed?: boolean;
}

export interface UpdateScenarioInput {
  name?: string;
  /** null moves the scenario out of any folder. */
  folderId?: number | null;
  description?: string;
  scheduling?: MakeScheduling | Record<string, unknown>;
  blueprint?: Record<string, unknown>;
  confirmed?: boolean;
}

export interface CreateHookInput {
  teamId: number;
  name: string;
  typeName: 'gateway-webhook';
  /** Pass the request method through to the scenario. */
  method?: boolean;
  /** Pass request headers through to the scenario. */
  headers?: boolean;
  /** JSON pass-through. */
  stringify?: boolean;
}

export type MemberScope = { organizationId: number; teamId?: undefined } | { teamId: number; organizationId?: undefined };

export interface ListRolesQuery {
  category: 'organization' | 'team';
  /** Include that organization's / team's custom roles. */
  organizationId?: number;
  teamId?: number;
}

export interface InviteInput {
  email: string;
  name: string;
  usersRoleId: number;
  /** Teams the invitee joins as a team member. */
  teamsId?: number[];
  note?: string;
}

const DEFAULTS = {
  headersTimeoutMs: 30_000,
  bodyTimeoutMs: 30_000,
  maxResponseBytes: 8 * 1024 * 1024,
  userAgent: 'make-tray/0.1',
};
const RESPONSIVE_RUN_HEADERS_TIMEOUT_MS = 60_000;
const DEFAULT_SCENARIO_PAGE = 500;
/** Page size sent with every other collected list, so paging never depends on Make echoing `pg.limit`. */
const DEFAULT_LIST_PAGE = 500;

function scopeQuery(scope: { organizationId?: number | undefined; teamId?: number | undefined }, endpoint: string) {
  const hasOrg = scope.organizationId !== undefined;
  const hasTeam = scope.teamId !== undefined;
  if (hasOrg === hasTeam) throw new TypeError(`${endpoint} needs exactly one of organizationId or teamId`);
  return hasOrg ? { organizationId: scope.organizationId } : { teamId: scope.teamId };
}

export class MakeClient {
  /** `https://eu1.make.com` */
  readonly origin: string;
  /** `eu1.make.com` (or `127.0.0.1:port`): the domain's ZoneHost. */
  readonly zone: string;
  /** `https://eu1.make.com/api/v2` */
  readonly baseUrl: string;
  readonly #http: MakeHttp;

  constructor(options: MakeClientOptions);
  /** @internal used by withHooks */
  constructor(options: MakeClientOptions, http: MakeHttp);
  constructor(options: MakeClientOptions, http?: MakeHttp) {
    const base: ParsedBaseUrl = http?.settings.base ?? parseBaseUrl(options.baseUrl);
    this.origin = base.origin;
    this.zone = base.zone;
    this.baseUrl = `${base.origin}${base.basePath}`;
    this.#http =
      http ??
      new MakeHttp({
        base,
        credentials: options.credentials,
        pools: options.pools,
        hooks: options.hooks ?? {},
        headersTimeoutMs: options.headersTimeoutMs ?? DEFAULTS.headersTimeoutMs,
        bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULTS.bodyTimeoutMs,
        maxResponseBytes: options.maxResponseBytes ?? DEFAULTS.maxResponseBytes,
        userAgent: options.userAgent ?? DEFAULTS.userAgent,
        now: options.now ?? Date.now,
      });
  }

  /** The same client (credential, pools, settings) with other request hooks, e.g. one per organization. */
  withHooks(hooks: RequestHooks): MakeClient {
    return new MakeClient({} as MakeClientOptions, this.#http.withHooks(hooks));
  }

  /** Keeps `JSON.stringify(client)` and logs free of anything but the address. */
  toJSON(): Record<string, string> {
    return { baseUrl: this.baseUrl };
  }

  // ── Users ────────────────────────────────────────────────────────────────────────────────────

  async getMe(o?: CallOptions): Promise<MakeAuthUser> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.getMe, schema: getMeResponse }, o);
    return r.authUser;
  }

  /** What the credential may do: `authUsed` ('token' / 'oauth' …) and its `scope` list. */
  async getCurrentAuthorization(o?: CallOptions): Promise<MakeAuthorization> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.getCurrentAuthorization, schema: currentAuthorizationResponse }, o);
    return r.authorization;
  }

  // ── Organizations, teams, folders ────────────────────────────────────────────────────────────

  /**
   * Every organization the credential sees (all zones; `license`, `serviceName`, `isPaused` are filled
   * only for organizations of this client's zone). Asks for DEFAULT_ORGANIZATION_COLS unless told.
   */
  async listOrganizations(q: { cols?: readonly OrganizationColumn[]; zone?: string } = {}, o?: CallOptions): Promise<MakeOrganizationSummary[]> {
    const cols = q.cols ?? DEFAULT_ORGANIZATION_COLS;
    const schema = listOrganizationsResponse(cols);
    return collectPages(
      async (offset, limit) => {
        const r = await this.#http.call(
          { endpoint: ENDPOINTS.listOrganizations, query: { cols, zone: q.zone }, pg: pageParams(offset, limit), schema },
          o,
        );
        return toPage(r.organizations as unknown as MakeOrganizationSummary[], r.pg, offset, limit);
      },
      { endpoint: ENDPOINTS.listOrganizations, pageSize: DEFAULT_LIST_PAGE },
    );
  }

  /** One organization with `license` (→ `apiLimit`), `zone`, `teams`, `isPaused`. */
  async getOrganization(organizationId: number, o?: CallOptions): Promise<MakeOrganization> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.getOrganization, params: { organizationId }, schema: getOrganizationResponse },
      o,
    );
    return r.organization;
  }

  async listTeams(organizationId: number, o?: CallOptions): Promise<MakeTeam[]> {
    return collectPages(
      async (offset, limit) => {
        const r = await this.#http.call(
          { endpoint: ENDPOINTS.listTeams, query: { organizationId }, pg: pageParams(offset, limit), schema: listTeamsResponse },
          o,
        );
        return toPage(r.teams, r.pg, offset, limit);
      },
      { endpoint: ENDPOINTS.listTeams, pageSize: DEFAULT_LIST_PAGE },
    );
  }

  /** Folders of a team as Make returns them (may nest `children`; see `flattenFolders`). */
  async listFolders(teamId: number, o?: CallOptions): Promise<MakeFolder[]> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.listFolders, query: { teamId }, schema: listFoldersResponse }, o);
    return r.scenariosFolders;
  }

  // ── Scenarios ────────────────────────────────────────────────────────────────────────────────

  /** One page of scenarios. With `cols`, only those (and `id`) are returned and required. */
  async listScenariosPage<C extends ScenarioColumn = ScenarioColumn>(q: ScenarioListQuery<C>, o?: CallOptions): Promise<Page<ScenarioRow<C>>> {
    const offset = q.offset ?? 0;
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.listScenarios,
        query: {
          ...scopeQuery(q, ENDPOINTS.listScenarios),
          folderId: q.folderId,
          isActive: q.isActive,
          id: q.ids,
          cols: q.cols,
        },
        pg: { offset, ...(q.limit !== undefined ? { limit: q.limit } : {}), sortBy: q.sortBy, sortDir: q.sortDir },
        schema: listScenariosResponse(q.cols),
      },
      o,
    );
    return toPage(r.scenarios as unknown as ScenarioRow<C>[], r.pg, offset, q.limit);
  }

  /**
   * Every scenario of an organization or team, following pages (sorted by id so offsets stay stable
   * while scenarios change). `pageSize` defaults to 500.
   */
  async listAllScenarios<C extends ScenarioColumn = ScenarioColumn>(
    q: Omit<ScenarioListQuery<C>, 'offset' | 'limit'> & { pageSize?: number; maxPages?: number },
    o?: CallOptions,
  ): Promise<ScenarioRow<C>[]> {
    const { pageSize, maxPages, ...rest } = q;
    return collectPages(
      (offset, limit) =>
        this.listScenariosPage<C>(
          { sortBy: 'id', sortDir: 'asc', ...rest, offset, ...(limit !== undefined ? { limit } : {}) } as ScenarioListQuery<C>,
          o,
        ),
      { endpoint: ENDPOINTS.listScenarios, pageSize: pageSize ?? DEFAULT_SCENARIO_PAGE, ...(maxPages !== undefined ? { maxPages } : {}) },
    );
  }

  async getScenario(scenarioId: number, o?: CallOptions): Promise<MakeScenario> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.getScenario, params: { scenarioId }, schema: getScenarioResponse(undefined) },
      o,
    );
    return r.scenario as unknown as MakeScenario;
  }

  /** Activate. Interval-scheduled scenarios also run right away (Make's behaviour). */
  async startScenario(scenarioId: number, o?: CallOptions): Promise<MakeScenarioActivation> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.startScenario, params: { scenarioId }, schema: scenarioActivationResponse }, o);
    return r.scenario;
  }

  /** Deactivate (also stops a running execution, per docs). */
  async stopScenario(scenarioId: number, o?: CallOptions): Promise<MakeScenarioActivation> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.stopScenario, params: { scenarioId }, schema: scenarioActivationResponse }, o);
    return r.scenario;
  }

  /** Run now (scenario must be active). Exempt from the rate limit. */
  async runScenario(scenarioId: number, input: RunScenarioInput = {}, o?: CallOptions): Promise<RunResult> {
    const responsive = input.responsive ?? false;
    const body: Record<string, unknown> = { responsive };
    if (input.data !== undefined) body['data'] = input.data;
    if (input.callbackUrl !== undefined) body['callbackUrl'] = input.callbackUrl;
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.runScenario,
        params: { scenarioId },
        body,
        schema: runResponse,
        ...(responsive ? { headersTimeoutMs: Math.max(RESPONSIVE_RUN_HEADERS_TIMEOUT_MS, this.#http.settings.headersTimeoutMs) } : {}),
      },
      o,
    );
    return toRunResult(r);
  }

  async getScenarioInterface(scenarioId: number, o?: CallOptions): Promise<MakeScenarioInterface> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.getScenarioInterface, params: { scenarioId }, schema: scenarioInterfaceResponse },
      o,
    );
    return r.interface;
  }

  /** New scenarios start inactive. */
  async createScenario(input: CreateScenarioInput, o?: CallOptions): Promise<MakeScenario> {
    const body: Record<string, unknown> = {
      teamId: input.teamId,
      blueprint: JSON.stringify(input.blueprint),
      scheduling: JSON.stringify(input.scheduling),
    };
    if (input.folderId !== undefined) body['folderId'] = input.folderId;
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.createScenario, query: { confirmed: input.confirmed || undefined }, body, schema: scenarioResponse },
      o,
    );
    return r.scenario;
  }

  /** Changes only the given fields. Never sends `metadata` (the SDK does; REFERENCE §8.12). */
  async updateScenario(scenarioId: number, input: UpdateScenarioInput, o?: CallOptions): Promise<MakeScenario> {
    const body: Record<string, unknown> = {};
    if (input.name !== undefined) body['name'] = input.name;
    if (input.folderId !== undefined) body['folderId'] = input.folderId;
    if (input.description !== undefined) body['description'] = input.description;
    if (input.scheduling !== undefined) body['scheduling'] = JSON.stringify(input.scheduling);
    if (input.blueprint !== undefined) body['blueprint'] = JSON.stringify(input.blueprint);
    if (Object.keys(body).length === 0) throw new TypeError('updateScenario needs at least one field to change');
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.updateScenario,
        params: { scenarioId },
        query: { confirmed: input.confirmed || undefined },
        body,
        schema: scenarioResponse,
      },
      o,
    );
    return r.scenario;
  }

  async deleteScenario(scenarioId: number, o?: CallOptions): Promise<void> {
    await this.#http.call({ endpoint: ENDPOINTS.deleteScenario, params: { scenarioId }, schema: deleteScenarioResponse }, o);
  }

  /** The current blueprint (or an older version / the draft) with its scheduling. */
  async getBlueprint(scenarioId: number, q: { draft?: boolean; blueprintId?: number } = {}, o?: CallOptions): Promise<MakeBlueprintResponse> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.getBlueprint, params: { scenarioId }, query: { draft: q.draft, blueprintId: q.blueprintId }, schema: blueprintResponse },
      o,
    );
    return r.response;
  }

  // ── Runs ─────────────────────────────────────────────────────────────────────────────────────

  /** Run history, newest first. Filters are sent (unlike the SDK, which drops them). */
  async listScenarioLogs(scenarioId: number, q: ScenarioLogQuery = {}, o?: CallOptions): Promise<Page<ScenarioLog>> {
    const offset = q.offset ?? 0;
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.listScenarioLogs,
        params: { scenarioId },
        query: { from: q.from, to: q.to, status: q.status, showCheckRuns: q.showCheckRuns },
        pg: {
          ...(q.offset !== undefined ? { offset: q.offset } : {}),
          ...(q.limit !== undefined ? { limit: q.limit } : {}),
          ...(q.last !== undefined ? { last: q.last } : {}),
          ...(q.showLast !== undefined ? { showLast: q.showLast } : {}),
          ...(q.sortDir !== undefined ? { sortDir: q.sortDir } : {}),
        },
        schema: listScenarioLogsResponse,
      },
      o,
    );
    return toPage(r.scenarioLogs.map(toScenarioLog), r.pg, offset, q.limit);
  }

  async getScenarioLog(scenarioId: number, executionId: string, o?: CallOptions): Promise<ScenarioLog> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.getScenarioLog, params: { scenarioId, executionId }, schema: getScenarioLogResponse },
      o,
    );
    return toScenarioLog(r.scenarioLog);
  }

  /**
   * Status, outputs and error of one execution. Right after `runScenario` this may 404 for a moment:
   * check `isNotFoundYet(err)` and retry a bounded number of times.
   */
  async getExecutionDetail(scenarioId: number, executionId: string, q: { maxBytes?: number } = {}, o?: CallOptions): Promise<ExecutionDetail> {
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.getExecutionDetail,
        params: { scenarioId, executionId },
        query: { maxBytes: q.maxBytes },
        schema: executionDetailSchema,
      },
      o,
    );
    return toExecutionDetail(r);
  }

  // ── Incomplete executions ────────────────────────────────────────────────────────────────────

  async listDlqs(scenarioId: number, o?: CallOptions): Promise<MakeDlqSummary[]> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.listDlqs, query: { scenarioId }, schema: listDlqsResponse }, o);
    return r.dlqs;
  }

  async getDlq(dlqId: string, o?: CallOptions): Promise<MakeDlq> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.getDlq, params: { dlqId }, schema: getDlqResponse }, o);
    return r.dlq;
  }

  /** Queues a retry (with the blueprint from the time of failure). */
  async retryDlq(dlqId: string, o?: CallOptions): Promise<void> {
    await this.#http.call({ endpoint: ENDPOINTS.retryDlq, params: { dlqId }, schema: retryDlqResponse }, o);
  }

  // ── Hooks ────────────────────────────────────────────────────────────────────────────────────

  async listHooks(teamId: number, q: { typeName?: string; assigned?: boolean } = {}, o?: CallOptions): Promise<MakeHook[]> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.listHooks, query: { teamId, typeName: q.typeName, assigned: q.assigned }, schema: listHooksResponse },
      o,
    );
    return r.hooks;
  }

  async getHook(hookId: number, o?: CallOptions): Promise<MakeHook> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.getHook, params: { hookId }, schema: hookResponse }, o);
    return r.hook;
  }

  /** A custom webhook; it starts enabled and in learning mode. */
  async createHook(input: CreateHookInput, o?: CallOptions): Promise<MakeHook> {
    const body: Record<string, unknown> = { name: input.name, teamId: input.teamId, typeName: input.typeName };
    if (input.method !== undefined) body['method'] = input.method;
    if (input.headers !== undefined) body['headers'] = input.headers;
    if (input.stringify !== undefined) body['stringify'] = input.stringify;
    const r = await this.#http.call({ endpoint: ENDPOINTS.createHook, body, schema: hookResponse }, o);
    return r.hook;
  }

  async renameHook(hookId: number, name: string, o?: CallOptions): Promise<MakeHook> {
    const r = await this.#http.call({ endpoint: ENDPOINTS.renameHook, params: { hookId }, body: { name }, schema: hookResponse }, o);
    return r.hook;
  }

  async enableHook(hookId: number, o?: CallOptions): Promise<void> {
    await this.#success(ENDPOINTS.enableHook, hookId, o);
  }

  async disableHook(hookId: number, o?: CallOptions): Promise<void> {
    await this.#success(ENDPOINTS.disableHook, hookId, o);
  }

  /** `confirmed` is required by Make when the hook is attached to a scenario (else 406 IM004). */
  async deleteHook(hookId: number, q: { confirmed?: boolean } = {}, o?: CallOptions): Promise<void> {
    await this.#http.call(
      { endpoint: ENDPOINTS.deleteHook, params: { hookId }, query: { confirmed: q.confirmed || undefined }, schema: deleteHookResponse },
      o,
    );
  }

  async pingHook(hookId: number, o?: CallOptions): Promise<MakeHookPing> {
    return this.#http.call({ endpoint: ENDPOINTS.pingHook, params: { hookId }, schema: hookPingSchema }, o);
  }

  async #success(endpoint: string, hookId: number, o?: CallOptions): Promise<void> {
    const r = await this.#http.call({ endpoint, params: { hookId }, schema: successResponse }, o);
    if (!r.success) {
      throw new MakeApiError({ kind: 'invalid-response', endpoint, status: 200, message: `${endpoint} answered that the change did not succeed.` });
    }
  }

  // ── Members and roles ────────────────────────────────────────────────────────────────────────

  async listUsers(scope: MemberScope, o?: CallOptions): Promise<MakeUser[]> {
    const query = scopeQuery(scope, ENDPOINTS.listUsers);
    return collectPages(
      async (offset, limit) => {
        const r = await this.#http.call({ endpoint: ENDPOINTS.listUsers, query, pg: pageParams(offset, limit), schema: listUsersResponse }, o);
        return toPage(r.users, r.pg, offset, limit);
      },
      { endpoint: ENDPOINTS.listUsers, pageSize: DEFAULT_LIST_PAGE },
    );
  }

  /** Role definitions (id ↔ name); with organizationId/teamId, that scope's custom roles too. */
  async listRoles(q: ListRolesQuery, o?: CallOptions): Promise<MakeRole[]> {
    const r = await this.#http.call(
      {
        endpoint: ENDPOINTS.listRoles,
        query: { category: q.category, organizationId: q.organizationId, teamId: q.teamId },
        schema: listRolesResponse,
      },
      o,
    );
    return r.usersRoles;
  }

  async listOrganizationUserRoles(organizationId: number, o?: CallOptions): Promise<MakeUserOrganizationRole[]> {
    return collectPages(
      async (offset, limit) => {
        const r = await this.#http.call(
          {
            endpoint: ENDPOINTS.listOrganizationUserRoles,
            params: { organizationId },
            pg: pageParams(offset, limit),
            schema: listUserOrganizationRolesResponse,
          },
          o,
        );
        return toPage(r.userOrganizationRoles, r.pg, offset, limit);
      },
      { endpoint: ENDPOINTS.listOrganizationUserRoles, pageSize: DEFAULT_LIST_PAGE },
    );
  }

  async inviteToOrganization(organizationId: number, input: InviteInput, o?: CallOptions): Promise<MakeInviteResult> {
    const body: Record<string, unknown> = { email: input.email, name: input.name, usersRoleId: input.usersRoleId };
    if (input.teamsId !== undefined) body['teamsId'] = input.teamsId;
    if (input.note !== undefined) body['note'] = input.note;
    return this.#http.call({ endpoint: ENDPOINTS.inviteToOrganization, params: { organizationId }, body, schema: inviteResponse }, o);
  }

  async setOrganizationRole(userId: number, organizationId: number, usersRoleId: number, o?: CallOptions): Promise<MakeUserOrganizationRole> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.setOrganizationRole, params: { userId, organizationId }, body: { usersRoleId }, schema: userOrganizationRoleResponse },
      o,
    );
    return r.userOrganizationRole;
  }

  /** Removes the user from the organization: Make's role endpoint with an empty body, confirmed. */
  async removeFromOrganization(userId: number, organizationId: number, o?: CallOptions): Promise<void> {
    await this.#http.call(
      {
        endpoint: ENDPOINTS.removeFromOrganization,
        params: { userId, organizationId },
        query: { confirmed: true },
        body: {},
        schema: removeFromOrganizationResponse,
      },
      o,
    );
  }

  async listTeamUserRoles(teamId: number, o?: CallOptions): Promise<MakeUserTeamRole[]> {
    return collectPages(
      async (offset, limit) => {
        const r = await this.#http.call(
          { endpoint: ENDPOINTS.listTeamUserRoles, params: { teamId }, pg: pageParams(offset, limit), schema: listUserTeamRolesResponse },
          o,
        );
        return toPage(r.userTeamRoles, r.pg, offset, limit);
      },
      { endpoint: ENDPOINTS.listTeamUserRoles, pageSize: DEFAULT_LIST_PAGE },
    );
  }

  async setTeamRole(userId: number, teamId: number, usersRoleId: number, o?: CallOptions): Promise<MakeUserTeamRole> {
    const r = await this.#http.call(
      { endpoint: ENDPOINTS.setTeamRole, params: { userId, teamId }, body: { usersRoleId }, schema: userTeamRoleResponse },
      o,
    );
    return r.userTeamRole;
  }
}

/** `pg[offset]` only after the first page, `pg[limit]` only when chosen, so defaults stay Make's. */
function pageParams(offset: number, limit: number | undefined) {
  return { ...(offset > 0 ? { offset } : {}), ...(limit !== undefined ? { limit } : {}) };
}
