/**
 * The partner queue's consumer (Powertools Batch): a message a retry may fix is reported back for redelivery, one
 * that can never succeed is dropped, the rest are deleted; an answer records the partner's latency.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import type { Context, SQSEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { MetricPoint } from '#domain/metrics/case-metrics.ts';
import { createSettleHandler } from '../../../functions/settle/function.ts';

const silent = new Logger({ logLevel: 'SILENT' });
const context = { functionName: 'enforcement-settle', awsRequestId: 'req-1' } as unknown as Context;

function sqs(...bodies: string[]): SQSEvent {
  return { Records: bodies.map((body, i) => ({ messageId: `m${i}`, body })) } as unknown as SQSEvent;
}

const answer = (requestId: string) => JSON.stringify({ requestId, itemId: 'item-1', outcome: 'failed', result: {} });

/** Just enough of the dependencies for partner answers: request r…a is unreachable, r…b is unknown, r…c answers. */
function deps() {
  const request = {
    requestId: 'rccccccccccc',
    kind: 'bank-inquiry',
    items: [{ itemId: 'item-1' }],
    answers: [],
    status: 'open',
    createdAt: '2026-03-02T01:00:00.000Z',
    dispatchedAt: '2026-03-02T01:00:01.000Z',
  };
  return {
    clock: { now: () => '2026-03-02T01:00:04.000Z' },
    requests: {
      get: async (id: string) => {
        if (id === 'raaaaaaaaaaa') throw new Error('throttled');
        return id === 'rccccccccccc' ? request : undefined;
      },
      addAnswer: async () => ({ request: { ...request, status: 'answered' }, token: undefined }),
      clearToken: async () => {},
    },
  };
}

describe('the partner queue consumer', () => {
  it('reports only the message a retry may fix, drops the unfixable and records the latency of an answer', async () => {
    // Prepare
    const points: MetricPoint[] = [];
    const handler = createSettleHandler(deps() as never, silent, (p) => points.push(...p));

    // Act
    const result = await handler(
      sqs(answer('raaaaaaaaaaa'), '{not json', answer('rbbbbbbbbbbb'), answer('rccccccccccc')),
      context,
    );

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }] });
    expect(points).toEqual([
      { name: 'PartnerLatency', unit: 'Milliseconds', value: 3000, dimensions: { Kind: 'bank-inquiry' } },
    ]);
  });

  it('reports every message of a batch that fails whole, rather than throwing', async () => {
    // Prepare
    const handler = createSettleHandler(deps() as never, silent);

    // Act
    const result = await handler(sqs(answer('raaaaaaaaaaa'), answer('raaaaaaaaaaa')), context);

    // Assess
    expect(result).toEqual({ batchItemFailures: [{ itemIdentifier: 'm0' }, { itemIdentifier: 'm1' }] });
  });
});
