/** Lambda entry point: the step wired to AWS adapters (issuing its documents), with its metrics (traced by Lambda). */

import { awsDocumentIssuing } from '#commons/aws-issuing.ts';
import { awsCases, awsPorts, awsQueries, awsRequests, awsStaff } from '#commons/aws-ports.ts';
import { observed } from '#commons/observability.ts';
import { step } from './step.ts';

export const handler = observed(
  step.create(
    awsPorts(step.uses, {
      cases: awsCases,
      staff: awsStaff,
      issuing: awsDocumentIssuing,
      requests: awsRequests,
      queries: awsQueries,
    }),
  ),
);
