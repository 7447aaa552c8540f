// Which management actions a credential's scopes allow (REFERENCE §4, §8.9, §8.10), so the UI hides
// what would only fail. Pure. Scopes say what the token may do; the user's role in the organization
// may still forbid an action, which Make then answers with a plain 403.

/** The scopes each member action needs. */
export const MEMBER_ACTION_SCOPES = {
  listOrganizationMembers: ['user:read', 'organizations:read'],
  listTeamMembers: ['user:read', 'teams:read'],
  invite: ['user:read', 'organizations:write'],
  changeOrganizationRole: ['user:read', 'user:write'],
  changeTeamRole: ['user:read', 'user:write'],
  remove: ['user:write'],
} as const satisfies Record<string, readonly string[]>;
export type MemberAction = keyof typeof MEMBER_ACTION_SCOPES;

export const HOOK_ACTION_SCOPES = {
  list: ['hooks:read'],
  create: ['hooks:write'],
  rename: ['hooks:write'],
  enableDisable: ['hooks:write'],
  delete: ['hooks:write'],
  ping: ['hooks:read'],
} as const satisfies Record<string, readonly string[]>;
export type HookAction = keyof typeof HOOK_ACTION_SCOPES;

export const SCENARIO_ACTION_SCOPES = {
  create: ['scenarios:write'],
  exportBlueprint: ['scenarios:read'],
  edit: ['scenarios:write'],
  delete: ['scenarios:write'],
  report: ['scenarios:read'],
} as const satisfies Record<string, readonly string[]>;
export type ScenarioAction = keyof typeof SCENARIO_ACTION_SCOPES;

export interface ActionPermission {
  allowed: boolean;
  /** Scopes the credential lacks for this action (empty when allowed or when scopes are unknown). */
  missing: string[];
}

/**
 * `scopes === null` means the app could not read them: everything is offered and Make decides.
 * A credential with `admin:write`-style scopes is not treated specially (those are white-label only).
 */
function permissions<A extends string>(table: Record<A, readonly string[]>, scopes: readonly string[] | null): Record<A, ActionPermission> {
  const have = scopes === null ? null : new Set(scopes);
  const out = {} as Record<A, ActionPermission>;
  for (const action of Object.keys(table) as A[]) {
    const missing = have === null ? [] : table[action].filter((s) => !have.has(s));
    out[action] = { allowed: missing.length === 0, missing };
  }
  return out;
}

export const allowedMemberActions = (scopes: readonly string[] | null): Record<MemberAction, ActionPermission> =>
  permissions(MEMBER_ACTION_SCOPES, scopes);

export const allowedHookActions = (scopes: readonly string[] | null): Record<HookAction, ActionPermission> =>
  permissions(HOOK_ACTION_SCOPES, scopes);

export const allowedScenarioActions = (scopes: readonly string[] | null): Record<ScenarioAction, ActionPermission> =>
  permissions(SCENARIO_ACTION_SCOPES, scopes);

/** The actions to show (allowed ones), in the table's order. */
export function visibleActions<A extends string>(perms: Record<A, ActionPermission>): A[] {
  return (Object.keys(perms) as A[]).filter((a) => perms[a].allowed);
}
