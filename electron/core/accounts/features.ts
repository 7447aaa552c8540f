// Which app features a credential's scopes allow, in plain words. Pure.
// Scope requirements follow REFERENCE §4 and the endpoints each feature calls (§8).

export type FeatureId =
  | 'watch-scenarios'
  | 'run-history'
  | 'toggle-scenarios'
  | 'run-scenarios'
  | 'incomplete-executions'
  | 'retry-incomplete-executions'
  | 'webhooks'
  | 'manage-webhooks'
  | 'team-members';

interface FeatureSpec {
  id: FeatureId;
  /** Verb phrase: "can't {does}", "can {does}". */
  does: string;
  needs: readonly string[];
  /** Without it nothing works; the account can still be saved but will show a problem. */
  essential?: boolean;
}

export const FEATURES: readonly FeatureSpec[] = [
  { id: 'watch-scenarios', does: 'watch scenarios', needs: ['organizations:read', 'teams:read', 'scenarios:read'], essential: true },
  { id: 'run-history', does: 'show run history', needs: ['scenarios:read'] },
  { id: 'toggle-scenarios', does: 'turn scenarios on or off', needs: ['scenarios:read', 'scenarios:write'] },
  // Make's docs list read + write + run on POST /scenarios/{id}/run.
  { id: 'run-scenarios', does: 'run scenarios', needs: ['scenarios:read', 'scenarios:write', 'scenarios:run'] },
  { id: 'incomplete-executions', does: 'show incomplete executions', needs: ['dlqs:read'] },
  { id: 'retry-incomplete-executions', does: 'retry or delete incomplete executions', needs: ['dlqs:read', 'dlqs:write'] },
  { id: 'webhooks', does: 'show webhooks', needs: ['hooks:read'] },
  { id: 'manage-webhooks', does: 'turn webhooks on or off', needs: ['hooks:read', 'hooks:write'] },
  { id: 'team-members', does: 'show team members', needs: ['teams:read', 'user:read'] },
];

export interface FeatureAccess {
  feature: FeatureId;
  ok: boolean;
  /** Scopes to add to the token for this feature; empty when ok. */
  missing: string[];
  /** "can run scenarios" / "can't run scenarios: add scenarios:run" */
  message: string;
  essential: boolean;
}

export function featuresFromScopes(scopes: readonly string[]): FeatureAccess[] {
  const have = new Set(scopes.map((s) => s.trim()));
  return FEATURES.map((f) => {
    const missing = f.needs.filter((s) => !have.has(s));
    const ok = missing.length === 0;
    return {
      feature: f.id,
      ok,
      missing,
      message: ok ? `can ${f.does}` : `can't ${f.does}: add ${missing.join(', ')}`,
      essential: f.essential === true,
    };
  });
}

/** Every scope the app can use, for the token-creation hint and the OAuth request. */
export const ALL_APP_SCOPES: readonly string[] = [...new Set(FEATURES.flatMap((f) => f.needs))];

/** What an OAuth sign-in asks for by default: OpenID plus every scope the app can use. */
export const DEFAULT_OAUTH_SCOPES: readonly string[] = ['openid', ...ALL_APP_SCOPES];

/** One line per missing feature, for a summary under the connect form; empty when everything works. */
export function missingFeatureLines(access: readonly FeatureAccess[]): string[] {
  return access.filter((a) => !a.ok).map((a) => a.message);
}
