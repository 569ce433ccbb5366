/** Lambda entry point of the staff API (all routes but decisions). */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsDocumentObjects, awsEvidenceStore } from '#commons/aws-evidence.ts';
import { observed } from '#commons/observability.ts';
import { API_FUNCTION_USES, createApiHandler } from './function.ts';
import { openApiBeside } from './openapi-file.ts';

export const handler = observed(
  createApiHandler(
    awsDependencies(API_FUNCTION_USES, { evidence: awsEvidenceStore, documentObjects: awsDocumentObjects }),
    undefined,
    // api/openapi.json, copied beside the bundle (infra: openApiDocument).
    { recordOnComplete: false, openApi: openApiBeside(import.meta.url) },
  ),
);
