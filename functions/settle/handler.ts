/**
 * Lambda entry point for decisions and partner answers: only the adapters of the ports it declares (SETTLE_USES),
 * with its metrics (partner latency; traced by Lambda).
 */

import { awsDocumentIssuing } from '#commons/aws-issuing.ts';
import {
  awsAlerts,
  awsApprovals,
  awsCases,
  awsEngine,
  awsFiling,
  awsPartners,
  awsPayments,
  awsPorts,
  awsRequests,
  awsStaff,
} from '#commons/aws-ports.ts';
import { observed, recordMetrics } from '#commons/observability.ts';
import { createSettleHandler, SETTLE_USES } from './function.ts';

export const handler = observed(
  createSettleHandler(
    awsPorts(SETTLE_USES, {
      cases: awsCases,
      approvals: awsApprovals,
      staff: awsStaff,
      engine: awsEngine,
      requests: awsRequests,
      alerts: awsAlerts,
      filing: awsFiling,
      payments: awsPayments,
      partners: awsPartners,
      issuing: awsDocumentIssuing,
    }),
    undefined,
    recordMetrics,
  ),
);
