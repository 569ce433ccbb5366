/**
 * Lambda entry point of the staff API's case-file routes (functions/api/records-api.ts): evidence, documents, the
 * journal and timeline; the one staff API function with access to the evidence bucket. Only the adapters of the
 * ports it declares (RECORDS_API_FUNCTION_USES).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { awsDocuments, awsEvidenceStore } from '#commons/aws-evidence.ts';
import { awsCases, awsPorts, awsStaff } from '#commons/aws-ports.ts';
import { observed } from '#commons/observability.ts';
import { createApiFunction, RECORDS_API_FUNCTION_USES } from '../api/function.ts';
import { recordsApiHandlers } from '../api/handlers.ts';

export const handler = observed(
  createApiFunction(
    recordsApiHandlers(
      awsPorts(RECORDS_API_FUNCTION_USES, {
        cases: awsCases,
        staff: awsStaff,
        evidence: awsEvidenceStore,
        documents: awsDocuments,
      }),
      // On AWS the bucket's Object Created event records evidence (record-evidence), not the completion call.
      { recordOnComplete: false },
    ),
    new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'records-api' } }),
  ),
);
