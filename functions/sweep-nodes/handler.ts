/** Lambda entry point for the scheduled node sweeper: only the adapters of the ports it declares (SWEEP_USES). */
import {
  awsAlerts,
  awsApprovals,
  awsCases,
  awsEngine,
  awsField,
  awsPayments,
  awsPorts,
  awsPreservations,
  awsQueries,
  awsReceived,
  awsStaff,
  awsWakes,
} from '#commons/aws-ports.ts';
import { observed, recordMetrics } from '#commons/observability.ts';
import { createSweepHandler, SWEEP_USES } from './function.ts';

export const handler = observed(
  createSweepHandler(
    awsPorts(SWEEP_USES, {
      cases: awsCases,
      queries: awsQueries,
      engine: awsEngine,
      alerts: awsAlerts,
      received: awsReceived,
      preservations: awsPreservations,
      staff: awsStaff,
      field: awsField,
      approvals: awsApprovals,
      payments: awsPayments,
      wakes: awsWakes,
    }),
    undefined,
    recordMetrics,
  ),
);
