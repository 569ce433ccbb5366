/** Lambda entry point for decisions and partner answers: with its metrics (traced by Lambda) (partner latency). */
import { awsDependencies } from '#commons/aws-dependencies.ts';
import { awsDocumentIssuing } from '#commons/aws-issuing.ts';
import { observed, recordMetrics } from '#commons/observability.ts';
import { createSettleHandler, SETTLE_USES } from './function.ts';

export const handler = observed(
  createSettleHandler(awsDependencies(SETTLE_USES, { issuing: awsDocumentIssuing }), undefined, recordMetrics),
);
