export { AccountRegistry, ACCOUNTS_FILE } from './account-registry';
export type {
  AccountCachePort,
  AccountEvent,
  AccountRegistryOptions,
  ConnectProblem,
  ConnectResult,
  EngineAccountsPort,
  OrganizationChoice,
  SignOutResult,
} from './account-registry';
export { accountIdFor, isOrgMonitored, toAccountState } from './account-record';
export type { AccountRecord, OAuthAccountSettings } from './account-record';
export { checkCredential, explainFailure } from './check-credential';
export type { CheckProblem, CheckedUser, CredentialCheck } from './check-credential';
export { ALL_APP_SCOPES, DEFAULT_OAUTH_SCOPES, FEATURES, featuresFromScopes, missingFeatureLines } from './features';
export type { FeatureAccess, FeatureId } from './features';
export { OAuthCredentialSource, SignInRequiredError, isSignInRequired } from './oauth-credential-source';
export type { OAuthCredentialSourceOptions } from './oauth-credential-source';
export { OAuthError } from './oauth-errors';
export type { OAuthProblem } from './oauth-errors';
export { buildAuthorizeUrl, interpretCallback, runOAuthFlow } from './oauth-flow';
export type { OAuthClientSettings, OAuthFlowOptions, OAuthFlowResult } from './oauth-flow';
export { discoverEndpoints, exchangeCode, refreshTokens, revokeToken } from './oauth-server';
export type { OAuthEndpoints, OAuthTokenSet } from './oauth-server';
export { openLoopbackRedirect } from './loopback-redirect';
export { createPkcePair, randomState, s256Challenge } from './pkce';
export { MAKE_ZONES, resolveZoneInput } from './zones';
export type { KnownZone, ResolvedZone } from './zones';
export { DemoHandover } from './demo-handover';
export type { DemoHandoverOptions, EngineAccount } from './demo-handover';
export { OAUTH_SETTINGS_FILE, parseOAuthSettings, readOAuthSettings } from './oauth-settings-file';
export type { OAuthSettingsRead } from './oauth-settings-file';
