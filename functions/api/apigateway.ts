/**
 * API Gateway (REST, Lambda proxy integration) to the HTTP layer and back. The route comes from the resource
 * template API Gateway matched; the identity from the Cognito authorizer's claims in the request context.
 */
import type { APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import { identityFromClaims } from './identity.ts';
import type { ApiRequest, ApiResponse } from './router.ts';
import { errorBody } from './router.ts';
import { ROUTES, type Route, type RouteTarget } from './routes.ts';

export function isApiGatewayEvent(event: unknown): event is APIGatewayProxyEvent {
  return (
    typeof event === 'object' &&
    event !== null &&
    typeof (event as APIGatewayProxyEvent).httpMethod === 'string' &&
    typeof (event as APIGatewayProxyEvent).resource === 'string'
  );
}

/** The request, or undefined when this function does not serve the route (misrouted: 404). */
export function fromApiGateway(event: APIGatewayProxyEvent, target: RouteTarget): ApiRequest | undefined {
  const route = (ROUTES as readonly Route[]).find(
    (r) => r.path === event.resource && r.method === event.httpMethod && r.target === target,
  );
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
    identity: identityFromClaims(event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined),
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
