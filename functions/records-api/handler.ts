/**
 * Lambda entry point of the staff API's case-file routes (functions/api/records-api.ts): evidence, documents, the
 * journal and timeline; the one staff API function with access to the evidence bucket.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsDocumentObjects, awsEvidenceStore } from '#commons/aws-evidence.ts';
import { observed } from '#commons/observability.ts';
import { createApiFunction, RECORDS_API_FUNCTION_USES } from '../api/function.ts';
import { recordsApiHandlers } from '../api/handlers.ts';

export const handler = observed(
  createApiFunction(
    recordsApiHandlers(
      awsDependencies(RECORDS_API_FUNCTION_USES, { evidence: awsEvidenceStore, documentObjects: awsDocumentObjects }),
      // On AWS the bucket's Object Created event records evidence (record-evidence), not the completion call.
      { recordOnComplete: false },
    ),
    new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'records-api' } }),
  ),
);
