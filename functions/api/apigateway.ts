/**
 * API Gateway to the HTTP layer and back (./gateway.ts), the routes taken from the route table by the function
 * that serves them.
 */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { requestFrom } from './gateway.ts';
import type { ApiRequest } from './router.ts';
import { ROUTES, type Route, type RouteTarget } from './routes.ts';

export * from './gateway.ts';

/** The request, or undefined when this function does not serve the route (misrouted: 404). */
export function fromApiGateway(event: APIGatewayProxyEvent, target: RouteTarget): ApiRequest | undefined {
  return requestFrom(
    event,
    (ROUTES as readonly Route[]).filter((r) => r.target === target),
  );
}
