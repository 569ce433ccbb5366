/** The console's code sign-in: Cognito's hosted sign-in on AWS global, the court's own provider on AWS China. */
import { describe, expect, it } from 'vitest';
import { codeSignInOf } from '../../../console/src/code-sign-in.ts';

describe('the console sign-in the configuration names', () => {
  it("uses the court provider's own endpoints in oidc mode", () => {
    // Prepare
    const oidc = {
      authorizationEndpoint: 'https://id.court.example.cn/realms/court/protocol/openid-connect/auth',
      tokenEndpoint: 'https://id.court.example.cn/realms/court/protocol/openid-connect/token',
      clientId: 'enforcement-console',
      redirectUri: 'https://enforce.court.example.cn/',
    };

    // Act
    const provider = codeSignInOf({ mode: 'oidc', apiBase: '/v1', oidc });

    // Assess
    expect(provider).toEqual(oidc);
  });

  it("builds Cognito's hosted sign-in endpoints from its domain, and none locally", () => {
    // Act
    const provider = codeSignInOf({
      mode: 'cognito',
      apiBase: '/v1',
      cognito: { domain: 'staff.auth.example.com', clientId: 'c', redirectUri: 'https://site/' },
    });

    // Assess
    expect(provider).toMatchObject({
      authorizationEndpoint: 'https://staff.auth.example.com/oauth2/authorize',
      tokenEndpoint: 'https://staff.auth.example.com/oauth2/token',
    });
    expect(codeSignInOf({ mode: 'local', apiBase: '' })).toBeUndefined();
    expect(codeSignInOf({ mode: 'oidc', apiBase: '/v1' })).toBeUndefined();
  });
});
