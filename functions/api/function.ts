/**
 * The staff API function: every route of the staff API except decisions (which API Gateway sends to settle, the
 * only function that may resume an execution). Reads, claims, assignments, case reads; no states:SendTask*.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Deps } from '#use-cases/context.ts';
import { FUNCTION_USES } from '../steps/manifest.ts';
import { fromApiGateway, isApiGatewayEvent, NOT_SERVED_HERE, toApiGateway } from './apigateway.ts';
import { type ApiOptions, apiHandlers } from './handlers.ts';
import { createRouter } from './router.ts';

export const API_FUNCTION_USES = FUNCTION_USES.api;

export function createApiHandler(
  deps: Pick<Deps, (typeof API_FUNCTION_USES)[number]>,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'api' } }),
  /**
   * On AWS the bucket's Object Created event records evidence (the embedded runtime records on completion), and
   * the OpenAPI document is the file beside the bundle (the embedded runtime generates it).
   */
  options: ApiOptions,
) {
  const route = createRouter(apiHandlers(deps, options), logger);
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: unknown): Promise<APIGatewayProxyResult> => {
      if (!isApiGatewayEvent(event)) return NOT_SERVED_HERE;
      const request = fromApiGateway(event, 'api');
      if (!request) return NOT_SERVED_HERE;
      return toApiGateway(await route(request));
    });
  return handler as unknown as (event: unknown, context: Context) => Promise<APIGatewayProxyResult>;
}
