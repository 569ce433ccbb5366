/**
 * Metrics of the Lambda functions (Powertools Metrics), for the Lambda entry points only (`handler.ts` files): the
 * embedded runtime never loads them. Metrics carry counts and durations, never ids.
 *
 * Traces come from Lambda active tracing (`Tracing.ACTIVE` in infra/constructs/step-function.ts), with no SDK in the
 * bundle: Lambda records each invocation's segment (initialisation, invocation, overhead, errors) and links it to
 * the Step Functions or API Gateway trace that called it. Powertools Tracer is deliberately not bundled: it brings
 * the X-Ray SDK (about 115 KiB with semver and cls-hooked, which the nodejs24.x runtime does not provide) and its
 * initialisation into every function, for subsegments around each DynamoDB, SQS, Step Functions or EventBridge call
 * (see docs/cloud-efficiency.md). Traces record no payload: Lambda's segments carry none.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricUnit as MetricUnitValue } from '@aws-lambda-powertools/metrics/types';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { METRICS_NAMESPACE, METRICS_SERVICE, type MetricPoint } from '#domain/metrics/case-metrics.ts';

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });

/** What records a metric: Powertools Metrics, or a stand-in in tests. */
export interface MetricsTarget {
  addMetric(name: string, unit: MetricUnitValue, value: number): void;
  singleMetric(): MetricsTarget & { addDimensions(dimensions: Record<string, string>): void };
}

/**
 * Records points: those without a dimension go with the invocation's other metrics (published at its end); each
 * point with a dimension is published on its own, so that its dimension does not apply to the others.
 */
export function recordMetrics(points: readonly MetricPoint[], target: MetricsTarget = metrics): void {
  for (const point of points) {
    const unit = point.unit === 'Milliseconds' ? MetricUnit.Milliseconds : MetricUnit.Count;
    if (point.dimensions && Object.keys(point.dimensions).length > 0) {
      const single = target.singleMetric();
      single.addDimensions({ ...point.dimensions });
      single.addMetric(point.name, unit, point.value);
    } else {
      target.addMetric(point.name, unit, point.value);
    }
  }
}

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * A Lambda handler whose metrics are published when it returns or fails. Stored metrics only: an invocation that
 * recorded none publishes nothing (and logs no warning). Its trace is Lambda's own (active tracing).
 */
export function observed<E, R>(handler: Handler<E, R>): Handler<E, R> {
  const publish = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return middy(handler).use({ after: publish, onError: publish }) as unknown as Handler<E, R>;
}
