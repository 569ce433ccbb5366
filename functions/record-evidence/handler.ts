/** Lambda entry point for recording landed evidence. */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsEvidenceStore } from '#commons/aws-evidence.ts';
import { createRecordEvidenceHandler, RECORD_EVIDENCE_USES } from './function.ts';

export const handler = createRecordEvidenceHandler(
  awsDependencies(RECORD_EVIDENCE_USES, { evidence: awsEvidenceStore }),
);
