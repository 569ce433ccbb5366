/** Lambda entry point for recording landed evidence: only the adapters of the ports it declares (RECORD_EVIDENCE_USES). */
import { awsEvidenceStore } from '#commons/aws-evidence.ts';
import { awsCases, awsPorts } from '#commons/aws-ports.ts';
import { observed } from '#commons/observability.ts';
import { createRecordEvidenceHandler, RECORD_EVIDENCE_USES } from './function.ts';

export const handler = observed(
  createRecordEvidenceHandler(awsPorts(RECORD_EVIDENCE_USES, { cases: awsCases, evidence: awsEvidenceStore })),
);
