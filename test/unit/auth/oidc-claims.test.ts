/**
 * The court's OpenID Connect provider on AWS China: the JWT authorizer vouches for the token, the function makes
 * the caller from its claims and the staff directory (functions/auth/oidc-claims.ts, functions/api/apigateway.ts).
 */
import { describe, expect, it } from 'vitest';
import { referenceData } from '#commons/reference-data.ts';
import { approvingRoles } from '#domain/approvals/approvers.ts';
import { fromApiGateway, identityResolver } from '../../../functions/api/apigateway.ts';
import { amrValues, identityFromOidcClaims, provesSecondFactor } from '../../../functions/auth/oidc-claims.ts';

const data = referenceData();
const policy = { staff: data.staff.document.staff, approving: approvingRoles(data.rules) };
// zhou-ting: handling-officer and panel-member (an approving role).
const member = data.staff.document.staff.find((m) => m.userId === 'zhou-ting');

describe('identity from the OIDC claims', () => {
  it('takes roles and court from the directory, all of them with a second factor in amr', () => {
    // Act
    const identity = identityFromOidcClaims({ preferred_username: 'zhou-ting', amr: ['pwd', 'otp'] }, policy);

    // Assess
    expect(identity).toEqual({ userId: 'zhou-ting', roles: member?.roles, court: member?.court });
  });

  it('withholds the approving roles without a second factor, and ignores roles and court in the token', () => {
    // Act
    const identity = identityFromOidcClaims(
      { preferred_username: 'zhou-ting', amr: ['pwd'], court: 'XX0000', roles: ['president'] },
      policy,
    );

    // Assess
    expect(identity?.court).toBe(member?.court);
    expect(identity?.roles).toEqual(member?.roles.filter((r) => !policy.approving.has(r)));
    expect(identity?.roles).toEqual(['handling-officer']);
    // Only approving roles and no second factor: refused.
    expect(identityFromOidcClaims({ preferred_username: 'tang-jie', amr: ['pwd'] }, policy)).toBeUndefined();
  });

  it('refuses unknown users, a missing user claim, and claims of another configured claim name', () => {
    // Assess
    expect(identityFromOidcClaims({ preferred_username: 'nobody', amr: ['mfa'] }, policy)).toBeUndefined();
    expect(identityFromOidcClaims({ sub: 'huang-lei', amr: ['mfa'] }, policy)).toBeUndefined();
    expect(identityFromOidcClaims({ sub: 'huang-lei', amr: ['mfa'] }, { ...policy, userClaim: 'sub' })?.userId).toBe(
      'huang-lei',
    );
    expect(identityFromOidcClaims(undefined, policy)).toBeUndefined();
  });

  it('reads amr as a token array, as API Gateway renders it ([pwd mfa]) or comma-separated', () => {
    // Assess
    expect(amrValues('[pwd mfa]')).toEqual(['pwd', 'mfa']);
    expect(amrValues('pwd,hwk')).toEqual(['pwd', 'hwk']);
    expect(provesSecondFactor('[pwd mfa]')).toBe(true);
    expect(provesSecondFactor(['pwd', 'kba'])).toBe(false);
    expect(provesSecondFactor(undefined)).toBe(false);
  });
});

describe('the API Gateway adapter in each sign-in mode', () => {
  const event = (claims: Record<string, unknown>) =>
    ({
      httpMethod: 'GET',
      resource: '/tasks',
      pathParameters: null,
      queryStringParameters: null,
      body: null,
      isBase64Encoded: false,
      requestContext: { requestId: 'r1', authorizer: { claims } },
    }) as unknown as Parameters<typeof fromApiGateway>[0];

  it('uses the OIDC claims with STAFF_SIGN_IN=oidc and the Cognito claims otherwise', () => {
    // Prepare
    const oidc = identityResolver({ STAFF_SIGN_IN: 'oidc' });
    const cognito = identityResolver({});
    const claims = { preferred_username: 'huang-lei', amr: '[pwd otp]' };

    // Act
    const fromOidc = oidc(claims);
    const fromCognito = cognito(claims);

    // Assess
    expect(fromOidc?.userId).toBe('huang-lei');
    expect(fromCognito).toBeUndefined();
    expect(fromApiGateway(event({ 'cognito:username': 'a', 'custom:court': 'HB0922' }), 'api')?.identity?.userId).toBe(
      'a',
    );
  });
});
