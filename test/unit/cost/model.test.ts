/** The cost model on a small usage whose every line is worked out by hand (round prices, to follow the sums). */
import { describe, expect, it } from 'vitest';
import { mixOpenMonths } from '../../../local/cost/evidence.ts';
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
  's3.glacierIrGbMonth': 0.1,
  's3.deepArchiveGbMonth': 0.01,
  's3.objectTagMonth': 0.0001,
  's3.transitionGlacierIr': 0.02,
  's3.transitionDeepArchive': 0.05,
  's3.glacierIrGetRequest': 0.001,
  's3.glacierIrRetrievalGb': 0.1,
  's3.deepArchiveRestoreRequest': 1,
  's3.deepArchiveRetrievalGb': 0.5,
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
  evidence: {
    filesPerCase: 2,
    averageMiB: 512,
    retentionMonths: 12,
    viewsPerFile: 1,
    recordMs: 500,
    storage: 'standard',
  },
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

  it("counts X-Ray traces at the stage's sample rate, and says so", () => {
    const settings = { memoryMb: 1024, billedTables: ['cases'], assumptions };
    const all = costOf(usage(), prices, settings).lines.find((l) => l.service === 'X-Ray');
    const sampled = costOf(usage(), prices, { ...settings, traceSampleRate: 0.1 }).lines.find(
      (l) => l.service === 'X-Ray',
    );
    expect(all).toMatchObject({ item: 'traces recorded', quantity: 5 });
    expect(sampled).toMatchObject({ item: 'traces recorded (10% sampled)', quantity: expect.closeTo(0.5, 12) });
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

describe('evidence over its retention in the archive tiers', () => {
  it('prices Standard while open, Instant Retrieval, Deep Archive, transitions, the tag, retrievals and restores', () => {
    // 2 files x 512 MiB = 1 GB; kept 360 months; open 6; Deep Archive from month 365 / 30.4375 = 11.99.
    const tiered = {
      ...assumptions,
      evidence: {
        ...assumptions.evidence,
        retentionMonths: 360,
        storage: 'tiered' as const,
        openMonths: 6,
        viewsInInstantRetrieval: 1,
        restoreShare: 0.5,
      },
    };
    const cost = costOf(emptyUsage(), prices, { memoryMb: 1024, billedTables: [], assumptions: tiered });
    const s3 = Object.fromEntries(
      cost.lines.filter((l) => l.service === 'S3').map((l) => [l.item, [l.quantity, l.cost]]),
    );
    const archiveMonth = 365 / (365.25 / 12);
    expect(s3['evidence storage, Standard while open (6.0 months)']).toEqual([6, 6]);
    expect(s3['evidence storage, Instant Retrieval after closure (6.0 months)']?.[1]).toBeCloseTo(
      (archiveMonth - 6) * 0.1,
      10,
    );
    expect(s3['evidence storage, Deep Archive (348.0 months)']?.[1]).toBeCloseTo((360 - archiveMonth) * 0.01, 10);
    // 2 objects x 32 KB at the Deep Archive rate, 2 x 8 KB at Standard, for the archived months.
    expect(s3['evidence archive overhead, 32 KB an object at Deep Archive']?.[0]).toBeCloseTo(
      ((2 * 32) / 1024 / 1024) * (360 - archiveMonth),
      10,
    );
    expect(s3['evidence closure tag (PutObjectTagging)']).toEqual([2, 0.02]);
    expect(s3['evidence closure tag kept']?.[0]).toBe(2 * 354);
    expect(s3['evidence lifecycle transitions to Instant Retrieval']).toEqual([2, 0.04]);
    expect(s3['evidence lifecycle transitions to Deep Archive']).toEqual([2, 0.1]);
    // One restore (2 x 0.5) of 0.5 GB: the request, the GB, and its copy for 7 days at Standard.
    expect(s3['evidence restores from Deep Archive (Standard tier)']).toEqual([1, 1]);
    expect(s3['evidence restored from Deep Archive']).toEqual([0.5, 0.25]);
    expect(s3['evidence restored copies (7 days at Standard)']?.[0]).toBeCloseTo(0.5 * (7 / (365.25 / 12)), 10);
    // Every evidence line is flagged as evidence (left out of the workflow cost).
    expect(cost.lines.filter((l) => l.service === 'S3').every((l) => l.evidence)).toBe(true);
  });

  it('costs far less over 30 years in the tiers than in Standard, at the list prices', () => {
    const list = loadPrices('us-east-1');
    const evidence = { filesPerCase: 4, averageMiB: 3, retentionMonths: 360, viewsPerFile: 2, recordMs: 300 };
    const of = (storage: 'standard' | 'tiered') =>
      costOf(emptyUsage(), list, {
        memoryMb: 1024,
        billedTables: [],
        assumptions: { ...assumptions, coldStartShare: 0, evidence: { ...evidence, storage } },
      }).perCase;
    expect(of('tiered')).toBeLessThan(of('standard') / 5);
  });
});

describe('how long evidence stays in Standard', () => {
  it("is the mix's measured time from filing to closure, weighted by share; cases not closed do not count", () => {
    const shares = { quick: 0.5, slow: 0.25, waiting: 0.25 };
    const measured = [
      { scenario: 'quick', openDays: 30 },
      { scenario: 'slow', openDays: 120 },
      { scenario: 'waiting' },
    ];
    // (30 x 0.5 + 120 x 0.25) / 0.75 = 60 days
    expect(mixOpenMonths(shares, measured)).toBeCloseTo(60 / (365.25 / 12), 10);
    expect(mixOpenMonths(shares, [{ scenario: 'waiting' }])).toBeUndefined();
  });
});

describe('the price list', () => {
  it('has every price the model needs, with its source, for us-east-1', () => {
    const list = loadPrices('us-east-1');
    expect(list.currency).toBe('USD');
    for (const key of PRICE_KEYS) expect(list.prices[key]?.source.length).toBeGreaterThan(10);
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
        if (item === undefined) continue; // archive-class prices are optional per region
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

  it('prices evidence in Standard, and says so, in a region whose price list has no archive-class prices', () => {
    const { 's3.deepArchiveGbMonth': _dropped, ...rest } = prices.prices;
    const partial: PriceList = { ...prices, prices: rest };
    const tiered = { ...assumptions, evidence: { ...assumptions.evidence, storage: 'tiered' as const } };
    const cost = costOf(emptyUsage(), partial, { memoryMb: 1024, billedTables: [], assumptions: tiered });
    const s3 = cost.lines.filter((l) => l.service === 'S3').map((l) => l.item);
    expect(s3).toContain('evidence storage over 12 months (Standard: no archive-class prices)');
    expect(s3.some((item) => item.includes('Deep Archive'))).toBe(false);
  });

  it('names the regions it has when asked for another', () => {
    expect(() => loadPrices('mars-1')).toThrow(/us-east-1/);
  });
});
