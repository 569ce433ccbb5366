/** The console's configuration (config.json) and the code sign-in it names; no DOM here. */

export interface ConsoleConfig {
  /**
   * `local`: development tokens from POST /auth/token; `cognito`: the hosted sign-in with PKCE; `oidc`: the court's
   * own OpenID Connect provider, authorization code with PKCE (AWS China, docs/deploy-aws-china.md).
   */
  readonly mode: 'local' | 'cognito' | 'oidc';
  /** Where the API is, relative to the console ('' locally, '/v1' behind CloudFront). */
  readonly apiBase: string;
  /** Local only: `virtual` (demos, tests: development tokens) or `real` (staff sign-in with a password). */
  readonly clock?: 'real' | 'virtual';
  readonly cognito?: { readonly domain: string; readonly clientId: string; readonly redirectUri: string };
  readonly oidc?: CodeSignIn;
}

/** An authorization-code sign-in with PKCE: the provider's endpoints and this console's client. */
export interface CodeSignIn {
  readonly authorizationEndpoint: string;
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly redirectUri: string;
}

/** The code sign-in the configuration names (Cognito's hosted sign-in or the court's provider), if any. */
export function codeSignInOf(config: ConsoleConfig): CodeSignIn | undefined {
  if (config.mode === 'oidc') return config.oidc;
  if (config.mode === 'cognito' && config.cognito) {
    const { domain, clientId, redirectUri } = config.cognito;
    return {
      authorizationEndpoint: `https://${domain}/oauth2/authorize`,
      tokenEndpoint: `https://${domain}/oauth2/token`,
      clientId,
      redirectUri,
    };
  }
  return undefined;
}
