/**
 * The staff API functions: every route of the staff API except decisions (which API Gateway sends to settle, the
 * only function that may resume an execution). On AWS two functions serve them: api (reads, claims, assignments,
 * case reads, field work, received matters; no S3, no states:SendTask*) and records-api (the case file: evidence,
 * documents, journal, timeline; ./records-api.ts). The embedded runtime serves both in one handler.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyResult, Context } from 'aws-lambda';
import type { Deps } from '#use-cases/context.ts';
import { fromApiGateway, isApiGatewayEvent, NOT_SERVED_HERE, toApiGateway } from './apigateway.ts';
import type { EvidenceRouteOptions } from './evidence-routes.ts';
import { type ApiOptions, apiHandlers, recordsApiHandlers } from './handlers.ts';
import { createRouter, type Handlers } from './router.ts';
import { API_FUNCTION_USES, RECORDS_API_FUNCTION_USES } from './uses.ts';

export { API_FUNCTION_USES, RECORDS_API_FUNCTION_USES };

/** A Lambda handler serving `handlers` (the routes of target api it has no handler for answer 404). */
export function createApiFunction(
  handlers: Handlers,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'api' } }),
) {
  const route = createRouter(handlers, logger);
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

/** Every route of target api in one handler: the embedded runtime's. */
export function createApiHandler(
  deps: Pick<Deps, (typeof API_FUNCTION_USES)[number] | (typeof RECORDS_API_FUNCTION_USES)[number]>,
  logger: Logger | undefined,
  /**
   * On AWS the bucket's Object Created event records evidence (the embedded runtime records on completion), and
   * the OpenAPI document is the file beside the bundle (the embedded runtime generates it).
   */
  options: ApiOptions & EvidenceRouteOptions,
) {
  return createApiFunction({ ...apiHandlers(deps, options), ...recordsApiHandlers(deps, options) }, logger);
}
