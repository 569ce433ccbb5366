/**
 * The EMF writer the functions bundle writes what Powertools Metrics writes for the same calls (stored metrics
 * published at the invocation's end, repeated values, single metrics with their own dimensions), so that CloudWatch
 * and the command center dashboard see the same metrics.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { EmfMetrics } from '#commons/emf-metrics.ts';

const NOW = Date.parse('2026-03-02T01:00:00Z');

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

/** The JSON lines written to stdout while `act` runs. */
function stdoutLines(act: () => void): unknown[] {
  const lines: string[] = [];
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    lines.push(String(chunk));
    return true;
  });
  try {
    act();
  } finally {
    write.mockRestore();
  }
  return lines
    .flatMap((l) => l.split('\n'))
    .filter((l) => l.trim() !== '')
    .map((l) => JSON.parse(l) as unknown);
}

type Target = Pick<EmfMetrics, 'addMetric' | 'hasStoredMetrics' | 'publishStoredMetrics'> & {
  singleMetric(): { addDimensions(d: Record<string, string>): void; addMetric(n: string, u: never, v: number): void };
};

function invocation(target: Target): boolean[] {
  const stored: boolean[] = [target.hasStoredMetrics()];
  target.addMetric('CasesFiled', 'Count' as never, 1);
  target.addMetric('CasesFiled', 'Count' as never, 2);
  target.addMetric('StepMs', 'Milliseconds' as never, 35);
  const single = target.singleMetric();
  single.addDimensions({ Way: 'withdrawal' });
  single.addMetric('CasesClosed', 'Count' as never, 1);
  stored.push(target.hasStoredMetrics());
  target.publishStoredMetrics();
  stored.push(target.hasStoredMetrics());
  target.publishStoredMetrics();
  return stored;
}

describe('the EMF writer', () => {
  it('writes the same documents as Powertools Metrics', () => {
    vi.useFakeTimers({ now: NOW, toFake: ['Date'] });
    const options = { namespace: 'CourtEnforcement', serviceName: 'enforcement' };
    let ours: boolean[] = [];
    let theirs: boolean[] = [];

    const written = stdoutLines(() => {
      ours = invocation(new EmfMetrics(options) as unknown as Target);
    });
    const expected = stdoutLines(() => {
      theirs = invocation(new Metrics(options) as unknown as Target);
    });

    expect(MetricUnit.Count).toBe('Count');
    expect(written).toEqual(expected);
    expect(written).toHaveLength(2);
    expect(ours).toEqual(theirs);
    expect(ours).toEqual([false, true, false]);
  });

  it('publishes at 100 metrics, CloudWatch’s most in one document', () => {
    const lines: string[] = [];
    const metrics = new EmfMetrics({ namespace: 'N', serviceName: 's', write: (l) => lines.push(l), now: () => NOW });
    for (let i = 0; i < 100; i++) metrics.addMetric(`M${i}`, 'Count', i);
    expect(lines).toHaveLength(1);
    expect(metrics.hasStoredMetrics()).toBe(false);
    metrics.addMetric('M0', 'Count', 1);
    expect(metrics.hasStoredMetrics()).toBe(true);
  });
});
