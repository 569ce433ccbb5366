/**
 * The node sweeper on AWS: a scheduled rule invokes it every few minutes (reserved concurrency 1: one sweep at a
 * time). It reads the sweep index and acts on the cases it names (functions/use-cases/node-watch.ts); cases left
 * over wait for the next run. Then it tells the command center of received matters (H1) gone overdue
 * (functions/use-cases/received-matters.ts), and of field officers overdue back (functions/use-cases/field.ts).
 * Logs counts and case ids only.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { approvalsWaiting, type MetricPoint } from '#domain/metrics/case-metrics.ts';
import { countWaitingApprovals } from '#use-cases/approval-backlog.ts';
import type { Deps } from '#use-cases/context.ts';
import { sweepFieldTrips } from '#use-cases/field.ts';
import { type SweepResult, sweepNodes } from '#use-cases/node-watch.ts';
import { sweepPreservations } from '#use-cases/preservations.ts';
import { sweepOverdueMatters } from '#use-cases/received-matters.ts';
import { SWEEP_USES } from './uses.ts';

export { SWEEP_USES };

export function createSweepHandler(
  deps: Pick<Deps, (typeof SWEEP_USES)[number]>,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'sweep-nodes' } }),
  /** Where the approvals-waiting gauge goes (Powertools Metrics on AWS). */
  recordPoints: (points: readonly MetricPoint[]) => void = () => {},
): (event: unknown, context: Context) => Promise<SweepResult> {
  const waiting = countWaitingApprovals(deps);
  const sweep = sweepNodes(deps);
  const matters = sweepOverdueMatters(deps);
  const field = sweepFieldTrips(deps);
  const preservations = sweepPreservations(deps);
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (): Promise<SweepResult> => {
      const result = await sweep();
      if (result.failed.length > 0) logger.warn('node sweep failed for some cases', { cases: result.failed });
      // Matters other courts entrusted to this one (H1) that went overdue: the command center is told once each.
      const alerted = await matters();
      // Field officers still out past their planned return (a safety matter), and positions past retention.
      const trips = await field();
      // The command center's gauge: approvals waiting for a decision, per court, as of this sweep.
      const backlog = await waiting();
      recordPoints(backlog.map((court) => approvalsWaiting(court.court, court.waiting)));
      // Preservations with no enforcement case filed yet, about to expire (诉执衔接): told once per expiry.
      const expiring = await preservations();
      logger.info('node sweep', {
        due: result.due,
        acted: result.acted,
        warned: result.warned,
        overdue: result.overdue,
        tasks: result.tasks,
        receivedOverdue: alerted.length,
        fieldOverdue: trips.alerted.length,
        fieldPurged: trips.purged.length,
        preservationsExpiring: expiring.length,
      });
      return result;
    });
  return handler as unknown as (event: unknown, context: Context) => Promise<SweepResult>;
}
