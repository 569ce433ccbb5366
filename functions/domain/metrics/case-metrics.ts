/**
 * The business metrics of the command center, as plain data (no AWS): which points a case commit, a partner
 * answer or a sweep yields. The Lambda functions publish them with Powertools Metrics
 * (functions/commons/observability.ts); the dashboard and alarms (infra/constructs/command-center-dashboard.ts)
 * read them by these names.
 */
import type { Instant } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';

/** The CloudWatch namespace and service dimension the functions publish under; the dashboard reads them. */
export const METRICS_NAMESPACE = 'CourtEnforcement';
export const METRICS_SERVICE = 'enforcement';

export const METRIC_NAMES = {
  casesFiled: 'CasesFiled',
  casesClosed: 'CasesClosed',
  nodesOverdue: 'NodesOverdue',
  needsAttention: 'NeedsAttention',
  approvalsWaiting: 'ApprovalsWaiting',
  partnerLatency: 'PartnerLatency',
} as const;
export type MetricName = (typeof METRIC_NAMES)[keyof typeof METRIC_NAMES];

/** Dimension names beyond the service: the way a case closed, the court, the kind of partner request. */
export const METRIC_DIMENSIONS = { way: 'Way', court: 'Court', kind: 'Kind' } as const;

export interface MetricPoint {
  readonly name: MetricName;
  readonly unit: 'Count' | 'Milliseconds';
  readonly value: number;
  readonly dimensions?: Readonly<Record<string, string>>;
}

/** What one commit of a case adds: a filing, a closure (by way), nodes gone overdue, a case needing attention. */
export function commitMetrics(events: readonly CaseEvent[]): MetricPoint[] {
  const points: MetricPoint[] = [];
  let overdue = 0;
  for (const event of events) {
    if (event.type === 'case-filed') points.push({ name: METRIC_NAMES.casesFiled, unit: 'Count', value: 1 });
    if (event.type === 'case-closed') {
      points.push({
        name: METRIC_NAMES.casesClosed,
        unit: 'Count',
        value: 1,
        dimensions: { [METRIC_DIMENSIONS.way]: event.way },
      });
    }
    if (event.type === 'needs-attention') points.push({ name: METRIC_NAMES.needsAttention, unit: 'Count', value: 1 });
    if (event.type === 'node-overdue') overdue += 1;
  }
  if (overdue > 0) points.push({ name: METRIC_NAMES.nodesOverdue, unit: 'Count', value: overdue });
  return points;
}

/** How long a partner took to answer one item of a request, from its dispatch (or creation) to the answer. */
export function partnerLatency(kind: string, sentAt: Instant, answeredAt: Instant): MetricPoint | undefined {
  const waited = Date.parse(answeredAt) - Date.parse(sentAt);
  if (!Number.isFinite(waited) || waited < 0) return undefined;
  return {
    name: METRIC_NAMES.partnerLatency,
    unit: 'Milliseconds',
    value: waited,
    dimensions: { [METRIC_DIMENSIONS.kind]: kind },
  };
}

/** Approvals waiting for a decision in one court now (a gauge, published by each sweep). */
export function approvalsWaiting(court: string, count: number): MetricPoint {
  return {
    name: METRIC_NAMES.approvalsWaiting,
    unit: 'Count',
    value: count,
    dimensions: { [METRIC_DIMENSIONS.court]: court },
  };
}
