/**
 * Lambda entry point of the staff API (all routes but decisions and the case file's, functions/api/records-api.ts):
 * only the adapters of the ports it declares (API_FUNCTION_USES).
 */
import {
  awsAlerts,
  awsApprovals,
  awsCases,
  awsField,
  awsPorts,
  awsPreservations,
  awsQueries,
  awsReceived,
  awsStaff,
} from '#commons/aws-ports.ts';
import { observed } from '#commons/observability.ts';
import { API_FUNCTION_USES, createApiFunction } from './function.ts';
import { apiHandlers } from './handlers.ts';
import { openApiBeside } from './openapi-file.ts';

export const handler = observed(
  createApiFunction(
    apiHandlers(
      awsPorts(API_FUNCTION_USES, {
        cases: awsCases,
        queries: awsQueries,
        approvals: awsApprovals,
        staff: awsStaff,
        received: awsReceived,
        preservations: awsPreservations,
        alerts: awsAlerts,
        field: awsField,
      }),
      {
        // api/openapi.json, copied beside the bundle (infra: openApiDocument).
        openApi: openApiBeside(import.meta.url),
      },
    ),
  ),
);
