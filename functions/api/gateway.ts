/**
 * API Gateway (REST, or HTTP API with payload format 1.0; Lambda proxy integration) to the HTTP layer and back, over
 * the routes a function serves: ./apigateway.ts takes them from the route table, settle from its own list so that it
 * bundles no other route (./settle-routes.ts). The route comes from the resource template API Gateway matched; the
 * identity from the authorizer's claims in the request context: the Cognito authorizer's (AWS global), or, when the
 * function runs with STAFF_SIGN_IN=oidc (AWS China), the JWT authorizer's claims of the court's OpenID Connect
 * provider, read against the staff directory.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { referenceData } from '#commons/reference-data.ts';
import { approvingRoles } from '#domain/approvals/approvers.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { DEFAULT_USER_CLAIM, identityFromOidcClaims } from '../auth/oidc-claims.ts';
import { identityFromClaims } from './identity.ts';
import type { ApiRequest, ApiResponse } from './router.ts';
import { errorBody } from './router.ts';
import type { RouteRequest } from './routes.ts';

export function isApiGatewayEvent(event: unknown): event is APIGatewayProxyEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof (event as APIGatewayProxyEvent).httpMethod === 'string' &&
    typeof (event as APIGatewayProxyEvent).resource === 'string'
  );
}

/** The environment variable that selects the sign-in mode, and the claim naming the user in `oidc` mode. */
export const SIGN_IN_ENV = 'STAFF_SIGN_IN';
export const OIDC_USER_CLAIM_ENV = 'OIDC_USER_CLAIM';

type IdentityOf = (claims: Record<string, unknown> | undefined) => Identity | undefined;

/** Cognito claims unless the environment says `oidc`; built once per execution environment. */
export function identityResolver(env: Readonly<Record<string, string | undefined>> = process.env): IdentityOf {
  if (env[SIGN_IN_ENV] !== 'oidc') return identityFromClaims;
  const data = referenceData();
  const policy = {
    staff: data.staff.document.staff,
    approving: approvingRoles(data.rules),
    userClaim: env[OIDC_USER_CLAIM_ENV] || DEFAULT_USER_CLAIM,
  };
  return (claims) => identityFromOidcClaims(claims, policy);
}

let resolver: IdentityOf | undefined;

function currentResolver(): IdentityOf {
  resolver ??= identityResolver();
  return resolver;
}

/** The request, or undefined when none of `routes` is the one API Gateway matched (misrouted: 404). */
export function requestFrom(event: APIGatewayProxyEvent, routes: readonly RouteRequest[]): ApiRequest | undefined {
  const route = routes.find((r) => r.path === event.resource && r.method === event.httpMethod);
  if (!route) return undefined;
  const body =
    event.body === null || event.body === undefined
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(event.body, 'base64').toString('utf8')
        : event.body;
  return {
    route,
    params: event.pathParameters ?? {},
    query: event.queryStringParameters ?? {},
    body,
    identity: currentResolver()(event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined),
    requestId: event.requestContext?.requestId ?? '',
  };
}

export const JSON_HEADERS = {
  'content-type': 'application/json; charset=utf-8',
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
} as const;

export function toApiGateway(response: ApiResponse): APIGatewayProxyResult {
  return { statusCode: response.status, headers: { ...JSON_HEADERS }, body: JSON.stringify(response.body) };
}

export const NOT_SERVED_HERE: APIGatewayProxyResult = toApiGateway({
  status: 404,
  body: errorBody('not-found', '没有该接口'),
});
