/** Lambda entry point for recording landed evidence. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsEvidenceStore } from '#commons/aws-evidence.ts';
import { observed } from '#commons/observability.ts';
import { createRecordEvidenceHandler, RECORD_EVIDENCE_USES } from './function.ts';

export const handler = observed(
  createRecordEvidenceHandler(awsDependencies(RECORD_EVIDENCE_USES, { evidence: awsEvidenceStore })),
);
