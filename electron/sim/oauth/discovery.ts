// The OpenID Connect discovery document, with Make's values (REFERENCE §3) and endpoints on the
// simulator's own origin.

export const OAUTH_PATHS = {
  authorize: '/oauth/v2/authorize',
  token: '/oauth/v2/token',
  revoke: '/oauth/v2/revoke',
  userinfo: '/oauth/v2/oidc/userinfo',
  jwks: '/oauth/v2/oidc/jwks',
  rename: '/oauth/v2/rename',
  discovery: '/.well-known/openid-configuration',
} as const;

export function discoveryDocument(issuer: string): Record<string, unknown> {
  return {
    issuer,
    authorization_endpoint: issuer + OAUTH_PATHS.authorize,
    token_endpoint: issuer + OAUTH_PATHS.token,
    revocation_endpoint: issuer + OAUTH_PATHS.revoke,
    userinfo_endpoint: issuer + OAUTH_PATHS.userinfo,
    jwks_uri: issuer + OAUTH_PATHS.jwks,
    rename_connection_endpoint: issuer + OAUTH_PATHS.rename,
    response_types_supported: ['code'],
    // Make advertises only authorization_code although confidential clients get refresh tokens.
    grant_types_supported: ['authorization_code'],
    token_endpoint_auth_methods_supported: ['client_secret_post'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
  };
}
