/**
 * The staff API's routes served by the records-api function rather than the api function: the case file, i.e.
 * evidence (uploads, links, legal holds, checks), the issued documents and their PDFs, the journal, its
 * verification and the timeline. On AWS the route table's target stays `api` and the gateway sends these to
 * records-api (infra/constructs/staff-rest-api.ts, staff-api-oidc.ts); they alone touch the evidence bucket, so
 * the api function has no S3 access, and each bundle stays under 400 kB (issue 19). The embedded runtime serves
 * every route in one process.
 */
import type { OperationId } from './routes.ts';

export const RECORDS_API_OPERATIONS: readonly OperationId[] = [
  'issueEvidenceUpload',
  'completeEvidenceUpload',
  'listEvidence',
  'issueEvidenceLink',
  'setEvidenceLegalHold',
  'verifyEvidence',
  'listCaseDocuments',
  'getCaseDocumentPdf',
  'getCaseJournal',
  'verifyCase',
  'getCaseTimeline',
];

/** Whether records-api serves this operation (else its route's target says who does). */
export function servedByRecordsApi(operationId: string): boolean {
  return (RECORDS_API_OPERATIONS as readonly string[]).includes(operationId);
}
