/** Settle's own route list (functions/api/settle-routes.ts) is the route table's settle routes, request side. */
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { fromApiGateway } from '../../../functions/api/apigateway.ts';
import { requestFrom } from '../../../functions/api/gateway.ts';
import { ROUTES, type Route } from '../../../functions/api/routes.ts';
import { SETTLE_ROUTES } from '../../../functions/api/settle-routes.ts';

const tableRoutes = (ROUTES as readonly Route[]).filter((r) => r.target === 'settle');

const event = (method: string, resource: string): APIGatewayProxyEvent =>
  ({
    httpMethod: method,
    resource,
    body: '{}',
    isBase64Encoded: false,
    pathParameters: {},
    queryStringParameters: null,
    requestContext: { requestId: 'r1' },
  }) as unknown as APIGatewayProxyEvent;

describe("settle's route list", () => {
  it('has every settle route of the table once, with the same method, path, identity and contracts', () => {
    expect(tableRoutes.length).toBeGreaterThan(30);
    expect(SETTLE_ROUTES.map((r) => r.operationId).sort()).toEqual(tableRoutes.map((r) => r.operationId).sort());
    for (const route of tableRoutes) {
      const own = SETTLE_ROUTES.find((r) => r.operationId === route.operationId);
      expect(own, route.operationId).toBeDefined();
      expect([own?.method, own?.path, own?.target, own?.authenticated], route.operationId).toEqual([
        route.method,
        route.path,
        'settle',
        route.authenticated,
      ]);
      // The very same schema objects: settle parses exactly what the table (and so API Gateway and OpenAPI) says.
      expect(own?.params, `${route.operationId} params`).toBe(route.params);
      expect(own?.query, `${route.operationId} query`).toBe(route.query);
      expect(own?.body, `${route.operationId} body`).toBe(route.body);
    }
  });

  it('matches a settle route as the table does, and no route the API function serves', () => {
    const decision = requestFrom(event('POST', '/tasks/{approvalId}/decision'), SETTLE_ROUTES);
    expect(decision?.route.operationId).toBe('decideTask');
    expect(fromApiGateway(event('POST', '/tasks/{approvalId}/decision'), 'settle')?.route.operationId).toBe(
      'decideTask',
    );
    const apiRoute = (ROUTES as readonly Route[]).find((r) => r.target === 'api' && r.method === 'GET');
    expect(apiRoute).toBeDefined();
    expect(requestFrom(event('GET', apiRoute?.path ?? ''), SETTLE_ROUTES)).toBeUndefined();
    expect(requestFrom(event('POST', '/tasks/{approvalId}/decision'), [])).toBeUndefined();
  });
});
