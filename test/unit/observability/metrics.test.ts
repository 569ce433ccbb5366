/** Business metrics: what a commit, a partner answer and a sweep yield, and how they are recorded. */
import { describe, expect, it } from 'vitest';
import { type MetricsTarget, recordMetrics } from '#commons/observability.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { approvalsWaiting, commitMetrics, METRIC_NAMES, partnerLatency } from '#domain/metrics/case-metrics.ts';

const event = (value: Record<string, unknown>) => value as unknown as CaseEvent;

describe('commit metrics', () => {
  it('counts a filing, a closure by its way, nodes gone overdue and a case needing attention', () => {
    // Prepare
    const events = [
      event({ type: 'case-filed' }),
      event({ type: 'node-overdue', node: 'n1', at: '2026-03-02T01:00:00Z' }),
      event({ type: 'node-overdue', node: 'n2', at: '2026-03-02T01:00:00Z' }),
      event({ type: 'needs-attention', error: 'E', cause: 'c', where: 'w' }),
      event({ type: 'case-closed', way: 'final-round-closure' }),
    ];

    // Act
    const points = commitMetrics(events);

    // Assess
    expect(points).toEqual([
      { name: 'CasesFiled', unit: 'Count', value: 1 },
      { name: 'NeedsAttention', unit: 'Count', value: 1 },
      { name: 'CasesClosed', unit: 'Count', value: 1, dimensions: { Way: 'final-round-closure' } },
      { name: 'NodesOverdue', unit: 'Count', value: 2 },
    ]);
  });

  it('yields nothing for a commit that files, closes and misses nothing', () => {
    expect(commitMetrics([event({ type: 'node-met', node: 'n1', at: '2026-03-02T01:00:00Z' })])).toEqual([]);
  });
});

describe('partner latency and approvals waiting', () => {
  it('measures a partner answer from the dispatch, per kind of request', () => {
    expect(partnerLatency('bank-inquiry', '2026-03-02T01:00:00Z', '2026-03-02T01:00:02.500Z')).toEqual({
      name: METRIC_NAMES.partnerLatency,
      unit: 'Milliseconds',
      value: 2500,
      dimensions: { Kind: 'bank-inquiry' },
    });
  });

  it('refuses an answer dated before its request or an unreadable time', () => {
    expect(partnerLatency('bank-inquiry', '2026-03-02T01:00:02Z', '2026-03-02T01:00:00Z')).toBeUndefined();
    expect(partnerLatency('bank-inquiry', 'not a time', '2026-03-02T01:00:00Z')).toBeUndefined();
  });

  it('reports approvals waiting per court', () => {
    expect(approvalsWaiting('HB0922', 4)).toEqual({
      name: 'ApprovalsWaiting',
      unit: 'Count',
      value: 4,
      dimensions: { Court: 'HB0922' },
    });
  });
});

describe('recording metrics', () => {
  it('adds undimensioned points to the invocation and publishes each dimensioned one on its own', () => {
    // Prepare
    const added: string[] = [];
    const target: MetricsTarget = {
      addMetric: (name, unit, value) => added.push(`invocation ${name} ${unit} ${value}`),
      singleMetric: () => {
        let dimensions = '';
        return {
          addDimensions: (d: Record<string, string>) => {
            dimensions = JSON.stringify(d);
          },
          addMetric: (name, unit, value) => added.push(`single ${dimensions} ${name} ${unit} ${value}`),
          singleMetric: () => {
            throw new Error('not nested');
          },
        };
      },
    };

    // Act
    recordMetrics(
      [
        { name: 'CasesFiled', unit: 'Count', value: 1 },
        { name: 'CasesClosed', unit: 'Count', value: 1, dimensions: { Way: 'withdrawal' } },
        { name: 'PartnerLatency', unit: 'Milliseconds', value: 30, dimensions: { Kind: 'service' } },
      ],
      target,
    );

    // Assess
    expect(added).toEqual([
      'invocation CasesFiled Count 1',
      'single {"Way":"withdrawal"} CasesClosed Count 1',
      'single {"Kind":"service"} PartnerLatency Milliseconds 30',
    ]);
  });
});
