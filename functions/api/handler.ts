/** Lambda entry point of the staff API (all routes but decisions and the case file's, functions/api/records-api.ts). */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { observed } from '#commons/observability.ts';
import { API_FUNCTION_USES, createApiFunction } from './function.ts';
import { apiHandlers } from './handlers.ts';
import { openApiBeside } from './openapi-file.ts';

export const handler = observed(
  createApiFunction(
    apiHandlers(awsDependencies(API_FUNCTION_USES, {}), {
      // api/openapi.json, copied beside the bundle (infra: openApiDocument).
      openApi: openApiBeside(import.meta.url),
    }),
  ),
);
