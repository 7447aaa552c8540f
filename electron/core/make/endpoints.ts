// Every endpoint the client calls, as `METHOD /path/{template}`. These strings are what errors carry
// and what the governor sees; they never contain ids or query values.

export const ENDPOINTS = {
  getMe: 'GET /users/me',
  getCurrentAuthorization: 'GET /users/me/current-authorization',
  listOrganizations: 'GET /organizations',
  getOrganization: 'GET /organizations/{organizationId}',
  listTeams: 'GET /teams',
  listFolders: 'GET /scenarios-folders',

  listScenarios: 'GET /scenarios',
  getScenario: 'GET /scenarios/{scenarioId}',
  createScenario: 'POST /scenarios',
  updateScenario: 'PATCH /scenarios/{scenarioId}',
  deleteScenario: 'DELETE /scenarios/{scenarioId}',
  startScenario: 'POST /scenarios/{scenarioId}/start',
  stopScenario: 'POST /scenarios/{scenarioId}/stop',
  runScenario: 'POST /scenarios/{scenarioId}/run',
  getScenarioInterface: 'GET /scenarios/{scenarioId}/interface',
  getBlueprint: 'GET /scenarios/{scenarioId}/blueprint',

  listScenarioLogs: 'GET /scenarios/{scenarioId}/logs',
  getScenarioLog: 'GET /scenarios/{scenarioId}/logs/{executionId}',
  getExecutionDetail: 'GET /scenarios/{scenarioId}/executions/{executionId}',

  listDlqs: 'GET /dlqs',
  getDlq: 'GET /dlqs/{dlqId}',
  retryDlq: 'POST /dlqs/{dlqId}/retry',

  listHooks: 'GET /hooks',
  getHook: 'GET /hooks/{hookId}',
  createHook: 'POST /hooks',
  renameHook: 'PATCH /hooks/{hookId}',
  enableHook: 'POST /hooks/{hookId}/enable',
  disableHook: 'POST /hooks/{hookId}/disable',
  deleteHook: 'DELETE /hooks/{hookId}',
  pingHook: 'GET /hooks/{hookId}/ping',

  listUsers: 'GET /users',
  listRoles: 'GET /users/roles',
  listOrganizationUserRoles: 'GET /organizations/{organizationId}/user-organization-roles',
  inviteToOrganization: 'POST /organizations/{organizationId}/invite',
  setOrganizationRole: 'POST /users/{userId}/user-organization-roles/{organizationId}',
  removeFromOrganization: 'POST /users/{userId}/user-organization-roles/{organizationId}',
  listTeamUserRoles: 'GET /teams/{teamId}/user-team-roles',
  setTeamRole: 'POST /users/{userId}/user-team-roles/{teamId}',
} as const;

export type EndpointName = keyof typeof ENDPOINTS;
export type Endpoint = (typeof ENDPOINTS)[EndpointName];
export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';

/** Make exempts only `POST /scenarios/{id}/run` from the per-organization request limit (REFERENCE §7). */
export function countsAgainstRateLimit(endpoint: string): boolean {
  return endpoint !== ENDPOINTS.runScenario;
}

export const isExecutionDetailEndpoint = (endpoint: string): boolean => endpoint === ENDPOINTS.getExecutionDetail;
export const isScenarioLogEndpoint = (endpoint: string): boolean => endpoint === ENDPOINTS.getScenarioLog;

export function methodOf(endpoint: string): HttpMethod {
  return endpoint.slice(0, endpoint.indexOf(' ')) as HttpMethod;
}

export type PathParams = Record<string, string | number>;

/**
 * Fills `{name}` placeholders. Numeric ids must be positive safe integers and string ids are
 * percent-encoded, so no value can change the path's shape (no `..`, no `//host`).
 */
export function fillPath(endpoint: string, params: PathParams = {}): string {
  const template = endpoint.slice(endpoint.indexOf(' ') + 1);
  return template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) throw new TypeError(`Missing path parameter ${name} for ${endpoint}`);
    if (typeof value === 'number') {
      if (!Number.isSafeInteger(value) || value < 0) throw new TypeError(`Path parameter ${name} must be a non-negative integer`);
      return String(value);
    }
    if (value.length === 0 || value === '.' || value === '..') throw new TypeError(`Path parameter ${name} is empty or a dot segment`);
    return encodeURIComponent(value);
  });
}
