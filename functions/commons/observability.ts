/**
 * Metrics and traces of the Lambda functions (Powertools Metrics and Tracer), for the Lambda entry points only
 * (`handler.ts` files and aws-dependencies.ts): the embedded runtime never loads them, so the X-Ray SDK stays out
 * of the local server. Traces record no response and no event (payloads can carry task tokens and personal data),
 * only timings, the cold start and errors; metrics carry counts and durations, never ids.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { MetricUnit as MetricUnitValue } from '@aws-lambda-powertools/metrics/types';
import { Tracer } from '@aws-lambda-powertools/tracer';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { METRICS_NAMESPACE, METRICS_SERVICE, type MetricPoint } from '#domain/metrics/case-metrics.ts';

export const metrics = new Metrics({ namespace: METRICS_NAMESPACE, serviceName: METRICS_SERVICE });
export const tracer = new Tracer({ serviceName: METRICS_SERVICE, captureHTTPsRequests: true });

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

/** An SDK client whose calls appear in the trace as subsegments. */
export function traced<T>(client: T): T {
  return tracer.captureAWSv3Client(client);
}

type Handler<E, R> = (event: E, context: Context) => Promise<R>;

/**
 * A Lambda handler with a trace of its own (cold start and service annotated, errors recorded, the response not)
 * and its metrics published when it returns or fails. Stored metrics only: an invocation that recorded none
 * publishes nothing (and logs no warning).
 */
export function observed<E, R>(handler: Handler<E, R>): Handler<E, R> {
  const publish = () => {
    if (metrics.hasStoredMetrics()) metrics.publishStoredMetrics();
  };
  return middy(handler)
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use({ after: publish, onError: publish }) as unknown as Handler<E, R>;
}
