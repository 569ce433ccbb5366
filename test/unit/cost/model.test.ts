/** The cost model on a small usage whose every line is worked out by hand (round prices, to follow the sums). */
import { describe, expect, it } from 'vitest';
import { type CostAssumptions, costOf, PRICE_KEYS, type PriceKey, type PriceList } from '../../../local/cost/model.ts';
import { loadPrices } from '../../../local/cost/pricing.ts';
import { emptyUsage, type Usage } from '../../../local/runtime/usage.ts';

const ROUND_PRICES: Record<PriceKey, number> = {
  'stepFunctions.transition': 0.001,
  'lambda.request': 0.01,
  'lambda.armGbSecond': 0.1,
  'dynamodb.writeRequestUnit': 0.001,
  'dynamodb.readRequestUnit': 0.0001,
  's3.standardGbMonth': 1,
  's3.putRequest': 0.01,
  's3.getRequest': 0.001,
  'eventbridge.customEvent': 0.1,
  'sqs.request': 0.01,
  'apiGateway.restRequest': 0.01,
  'cloudwatchLogs.ingestGb': 1,
  'xray.traceRecorded': 0.001,
};

const prices: PriceList = {
  region: 'test-1',
  regionName: 'Test',
  currency: 'USD',
  readAt: '2026-11-26',
  file: 'test.json',
  prices: Object.fromEntries(
    PRICE_KEYS.map((k) => [k, { price: ROUND_PRICES[k], unit: 'unit', source: 'test' }]),
  ) as PriceList['prices'],
};

const assumptions: CostAssumptions = {
  awsRequestMs: 10,
  coldStartShare: 0.5,
  initMs: 200,
  lambdaPlatformLogBytes: 100_000,
  stepFunctionsLogBytesPerTransition: 0,
  sqsRequestsPerMessage: 3,
  evidence: { filesPerCase: 2, averageMiB: 512, retentionMonths: 12, viewsPerFile: 1, recordMs: 500 },
};

function usage(): Usage {
  const u = emptyUsage();
  u.executions = { service: 2 };
  u.transitions = { service: 10, investigation: 5 };
  u.lambda = {
    intake: { invocations: 1, ms: 100, calls: 2 },
    triage: { invocations: 4, ms: 300, calls: 8 },
  };
  u.dynamodb = {
    cases: { reads: 3, writes: 5, readUnits: 6, writeUnits: 20, indexWriteUnits: 8 },
    runtime: { reads: 40, writes: 90, readUnits: 50, writeUnits: 100, indexWriteUnits: 0 },
  };
  u.sqsMessages = 3;
  u.events = 2;
  u.apiRequests = 4;
  u.logBytes = 300_000;
  return u;
}

describe('costOf', () => {
  it('prices every line as worked out by hand', () => {
    const cost = costOf(usage(), prices, { memoryMb: 2048, billedTables: ['cases'], assumptions });
    const byItem = Object.fromEntries(cost.lines.map((l) => [`${l.service}: ${l.item}`, [l.quantity, l.cost]]));
    expect(byItem).toEqual({
      // 15 transitions x 0.001
      'Step Functions: state transitions (Standard)': [15, expect.closeTo(0.015, 12)],
      // 1 + 4 invocations x 0.01; 2 evidence files, one record-evidence invocation each
      'Lambda: invocations': [5, expect.closeTo(0.05, 12)],
      'Lambda: invocations: record-evidence': [2, expect.closeTo(0.02, 12)],
      // ((100 + 2 x 10) + (300 + 8 x 10)) ms = 0.5 s at 2 GB = 1 GB-s x 0.1
      'Lambda: duration at 2048 MB (Arm)': [expect.closeTo(1, 12), expect.closeTo(0.1, 12)],
      // (5 + 2) invocations x 0.5 cold x 200 ms = 0.7 s at 2 GB = 1.4 GB-s x 0.1
      'Lambda: initialisation of new environments': [expect.closeTo(1.4, 12), expect.closeTo(0.14, 12)],
      // 2 files x 500 ms = 1 s at 2 GB = 2 GB-s x 0.1
      'Lambda: duration: record-evidence': [expect.closeTo(2, 12), expect.closeTo(0.2, 12)],
      // the runtime's own table is not billed
      'DynamoDB: write request units (indexes included)': [20, expect.closeTo(0.02, 12)],
      'DynamoDB: read request units': [6, expect.closeTo(0.0006, 12)],
      // 3 answers x 3 requests x 0.01
      'SQS: partner answers (send, receive, delete)': [9, expect.closeTo(0.09, 12)],
      'EventBridge: custom events (filing, alerts)': [2, expect.closeTo(0.2, 12)],
      'API Gateway: staff API requests': [4, expect.closeTo(0.04, 12)],
      'S3: evidence uploads (PUT)': [2, expect.closeTo(0.02, 12)],
      // 2 files x (HEAD + re-hash GET + 1 view)
      'S3: evidence HEAD, re-hash and view GETs': [6, expect.closeTo(0.006, 12)],
      // 2 x 512 MiB = 1 GiB for 12 months x 1
      'S3: evidence storage over 12 months': [12, expect.closeTo(12, 12)],
      // 300,000 + (5 + 2) x 100,000 bytes = 1,000,000 bytes = 0.001 GB x 1
      'CloudWatch Logs: ingestion': [expect.closeTo(0.001, 12), expect.closeTo(0.001, 12)],
      // 2 executions + 1 intake invocation + 2 record-evidence invocations
      'X-Ray: traces recorded': [5, expect.closeTo(0.005, 12)],
    });
    expect(cost.perCase).toBeCloseTo(12.9076, 10);
    expect(cost.perThousand).toBeCloseTo(12_907.6, 7);
    // Without the evidence lines (0.02 + 0.2 + 0.02 + 0.006 + 12 = 12.246).
    expect(cost.workflowPerCase).toBeCloseTo(0.6616, 10);
  });

  it('leaves a price the list lacks out of the totals and names it, the priced lines unchanged', () => {
    const settings = { memoryMb: 1024, billedTables: ['cases'], assumptions };
    const full = costOf(usage(), prices, settings);
    const missing: PriceList = {
      ...prices,
      prices: { ...prices.prices, 'sqs.request': { price: null, unit: 'unit', source: 'not found' } },
    };
    const partial = costOf(usage(), missing, settings);
    const sqs = full.lines.find((l) => l.price === 'sqs.request');
    expect(partial.unpriced).toEqual(['sqs.request']);
    expect(full.unpriced).toEqual([]);
    expect(partial.perCase).toBeCloseTo(full.perCase - (sqs?.cost ?? 0), 12);
    expect(partial.lines.find((l) => l.price === 'sqs.request')).toMatchObject({ unitPrice: null, cost: 0 });
  });

  it('an empty usage costs only what is assumed per case (evidence)', () => {
    const none = { ...assumptions, evidence: { ...assumptions.evidence, filesPerCase: 0 }, coldStartShare: 0 };
    expect(costOf(emptyUsage(), prices, { memoryMb: 1024, billedTables: [], assumptions: none }).perCase).toBe(0);
  });
});

describe('the price list', () => {
  it('has every price the model needs, with its source, for us-east-1', () => {
    const list = loadPrices('us-east-1');
    expect(list.currency).toBe('USD');
    for (const key of PRICE_KEYS) expect(list.prices[key].source.length).toBeGreaterThan(10);
    expect(list.prices['stepFunctions.transition'].price).toBe(0.000025);
  });

  it.each(['cn-northwest-1', 'cn-north-1'])(
    'prices %s in CNY, dated, each price with a source or saying it was not found',
    (region) => {
      const list = loadPrices(region);
      expect(list.currency).toBe('CNY');
      expect(list.readAt).toBe('2026-12-03');
      for (const key of PRICE_KEYS) {
        const item = list.prices[key];
        if (item.price === null) expect(item.source).toMatch(/^NOT FOUND in the stored sources.*www\.amazonaws\.cn\//);
        else expect(item.source.length).toBeGreaterThan(10);
      }
      // No X-Ray in the China profile.
      expect(list.prices['xray.traceRecorded']).toMatchObject({
        price: 0,
        source: expect.stringContaining('docs.amazonaws.cn'),
      });
    },
  );

  it('names the regions it has when asked for another', () => {
    expect(() => loadPrices('mars-1')).toThrow(/us-east-1/);
  });
});
