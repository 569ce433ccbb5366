/**
 * The cost model: what one case costs on AWS, from what the embedded runtime measured it using (`Usage`), the list
 * prices of a region (config/pricing/), the functions' memory (the CDK app's stage settings) and stated assumptions
 * for what cannot be measured on one machine. Pure: no I/O, no clock.
 *
 * Not in it: monthly costs that do not grow with cases (the KMS key, WAF, alarms, Cognito users, the S3 access-log
 * bucket), free tiers (which only matter for small volumes), data transfer, and DynamoDB storage (a case's items are
 * a few tens of KB: well under a cent a year per thousand cases).
 */
import { retentionYears } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/table.ts';
import type { Usage } from '../runtime/usage.ts';
import { type EvidenceAssumptions, evidenceStorageLines } from './evidence.ts';

export interface PriceItem {
  /** null when no source gave it (the source field says so). */
  readonly price: number | null;
  readonly unit: string;
  readonly source: string;
  readonly verify?: boolean;
}

export const REQUIRED_PRICE_KEYS = [
  'stepFunctions.transition',
  'lambda.request',
  'lambda.armGbSecond',
  'dynamodb.writeRequestUnit',
  'dynamodb.readRequestUnit',
  's3.standardGbMonth',
  's3.putRequest',
  's3.getRequest',
  'eventbridge.customEvent',
  'sqs.request',
  'apiGateway.restRequest',
  'cloudwatchLogs.ingestGb',
  'xray.traceRecorded',
] as const;
/**
 * The archive classes' prices (issue 19). A region without them still prices: its evidence is then priced in S3
 * Standard for the whole retention, and the line says so.
 */
export const TIER_PRICE_KEYS = [
  's3.glacierIrGbMonth',
  's3.deepArchiveGbMonth',
  's3.objectTagMonth',
  's3.transitionGlacierIr',
  's3.transitionDeepArchive',
  's3.glacierIrGetRequest',
  's3.glacierIrRetrievalGb',
  's3.deepArchiveRestoreRequest',
  's3.deepArchiveRetrievalGb',
] as const;
export const PRICE_KEYS = [...REQUIRED_PRICE_KEYS, ...TIER_PRICE_KEYS] as const;
export type PriceKey = (typeof PRICE_KEYS)[number];

export interface PriceList {
  readonly region: string;
  readonly regionName: string;
  readonly currency: string;
  readonly readAt: string;
  readonly file: string;
  readonly prices: Readonly<Record<(typeof REQUIRED_PRICE_KEYS)[number], PriceItem>> &
    Readonly<Partial<Record<(typeof TIER_PRICE_KEYS)[number], PriceItem>>>;
}

/** What the model cannot measure here, stated. Every field is printed with the result. */
export interface CostAssumptions {
  /** Milliseconds added to an invocation for each AWS request it makes (a round trip inside the region). */
  readonly awsRequestMs: number;
  /** Share of invocations that start a new execution environment, whose initialisation is billed too. */
  readonly coldStartShare: number;
  /** Billed initialisation of a new execution environment, ms (see BENCHMARKS.md, cold start). */
  readonly initMs: number;
  /** Lambda's own log lines per invocation (START, END, REPORT), bytes. */
  readonly lambdaPlatformLogBytes: number;
  /** Step Functions logging ALL without execution data: bytes of history events logged per state transition. */
  readonly stepFunctionsLogBytesPerTransition: number;
  /** SQS requests per partner answer: send, receive and delete (Lambda's poller batches, so fewer in practice). */
  readonly sqsRequestsPerMessage: number;
  /** Field evidence per case: not part of the scripted scenarios, so assumed. */
  readonly evidence: EvidenceAssumptions;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  awsRequestMs: 8,
  coldStartShare: 0.05,
  initMs: 400,
  lambdaPlatformLogBytes: 350,
  stepFunctionsLogBytesPerTransition: 1_000,
  sqsRequestsPerMessage: 3,
  // Kept for the short archive class of enforcement files (ARCHIVE-RETENTION: 30 years), in the archive tiers.
  evidence: {
    filesPerCase: 4,
    averageMiB: 3,
    retentionMonths: (retentionYears(RULES, 'short') ?? 30) * 12,
    viewsPerFile: 2,
    recordMs: 300,
    storage: 'tiered',
  },
};

export interface CostSettings {
  /** Memory of every function, MB (the CDK app's stage setting). */
  readonly memoryMb: number;
  /** DynamoDB tables that exist on AWS (the embedded runtime's own table stands for Step Functions' state). */
  readonly billedTables: readonly string[];
  readonly assumptions: CostAssumptions;
  /**
   * Share of executions and API requests X-Ray traces (the stage's tracing.sampleRate). Below 1 the entry functions
   * pass through, traced when their caller was: counted at the same share (an upper bound). @default 1
   */
  readonly traceSampleRate?: number;
}

export interface CostLine {
  readonly service: string;
  readonly item: string;
  /** Per case. */
  readonly quantity: number;
  readonly unit: string;
  readonly price: PriceKey;
  /** null: the price list has no price for it; the line costs 0 here and is named in `unpriced`. */
  readonly unitPrice: number | null;
  /** Per case, in the price list's currency. */
  readonly cost: number;
  /** measured: counted by the runtime; derived: counted, with an assumption applied; assumed: from assumptions. */
  readonly basis: 'measured' | 'derived' | 'assumed';
  /** Field evidence (assumed per case) rather than the workflows themselves. */
  readonly evidence: boolean;
}

export interface CostBreakdown {
  readonly lines: readonly CostLine[];
  readonly perCase: number;
  readonly perThousand: number;
  /** Per case, without the field evidence lines. */
  readonly workflowPerCase: number;
  readonly currency: string;
  /** Prices the list lacks for lines with a quantity: the totals leave them out (a lower bound). */
  readonly unpriced: readonly PriceKey[];
}

/** Functions that no state machine invokes: each of their invocations starts its own X-Ray trace. */
const ENTRY_FUNCTIONS = new Set(['intake', 'settle', 'api', 'record-evidence']);

const sum = (values: Iterable<number>) => [...values].reduce((total, v) => total + v, 0);

export function costOf(usage: Usage, prices: PriceList, settings: CostSettings): CostBreakdown {
  const { assumptions: a, memoryMb } = settings;
  const p = prices.prices;
  const lines: CostLine[] = [];
  const line = (
    service: string,
    item: string,
    quantity: number,
    unit: string,
    price: PriceKey,
    basis: CostLine['basis'],
  ) => {
    // A price the list lacks (absent, or null: not found in its sources) is left out of the totals and named.
    const unitPrice = p[price]?.price ?? null;
    const evidence = item.includes('evidence');
    const cost = unitPrice === null ? 0 : quantity * unitPrice;
    lines.push({ service, item, quantity, unit, price, unitPrice, cost, basis, evidence });
  };

  const transitions = sum(Object.values(usage.transitions));
  line(
    'Step Functions',
    'state transitions (Standard)',
    transitions,
    'transitions',
    'stepFunctions.transition',
    'measured',
  );

  const functions = Object.values(usage.lambda);
  const invocations = sum(functions.map((f) => f.invocations));
  const evidenceFiles = a.evidence.filesPerCase;
  line('Lambda', 'invocations', invocations, 'requests', 'lambda.request', 'measured');
  line('Lambda', 'invocations: record-evidence', evidenceFiles, 'requests', 'lambda.request', 'assumed');
  const gb = memoryMb / 1024;
  const runSeconds = sum(functions.map((f) => (f.ms + f.calls * a.awsRequestMs) / 1000));
  line('Lambda', `duration at ${memoryMb} MB (Arm)`, runSeconds * gb, 'GB-s', 'lambda.armGbSecond', 'derived');
  const initSeconds = ((invocations + evidenceFiles) * a.coldStartShare * a.initMs) / 1000;
  line('Lambda', 'initialisation of new environments', initSeconds * gb, 'GB-s', 'lambda.armGbSecond', 'assumed');
  line(
    'Lambda',
    'duration: record-evidence',
    ((evidenceFiles * a.evidence.recordMs) / 1000) * gb,
    'GB-s',
    'lambda.armGbSecond',
    'assumed',
  );

  const tables = Object.entries(usage.dynamodb).filter(([name]) => settings.billedTables.includes(name));
  line(
    'DynamoDB',
    'write request units (indexes included)',
    sum(tables.map(([, t]) => t.writeUnits)),
    'WRU',
    'dynamodb.writeRequestUnit',
    'measured',
  );
  line(
    'DynamoDB',
    'read request units',
    sum(tables.map(([, t]) => t.readUnits)),
    'RRU',
    'dynamodb.readRequestUnit',
    'measured',
  );

  line(
    'SQS',
    'partner answers (send, receive, delete)',
    usage.sqsMessages * a.sqsRequestsPerMessage,
    'requests',
    'sqs.request',
    'derived',
  );
  line('EventBridge', 'custom events (filing, alerts)', usage.events, 'events', 'eventbridge.customEvent', 'measured');
  line('API Gateway', 'staff API requests', usage.apiRequests, 'requests', 'apiGateway.restRequest', 'measured');

  line('S3', 'evidence uploads (PUT)', evidenceFiles, 'requests', 's3.putRequest', 'assumed');
  line(
    'S3',
    'evidence HEAD, re-hash and view GETs',
    evidenceFiles * (2 + a.evidence.viewsPerFile),
    'requests',
    's3.getRequest',
    'assumed',
  );
  const tiersPriced = TIER_PRICE_KEYS.every((key) => p[key] !== undefined);
  if (tiersPriced || a.evidence.storage === 'standard') evidenceStorageLines(a.evidence, line);
  else
    evidenceStorageLines({ ...a.evidence, storage: 'standard' }, line, RULES, ' (Standard: no archive-class prices)');

  const logBytes =
    usage.logBytes +
    (invocations + evidenceFiles) * a.lambdaPlatformLogBytes +
    transitions * a.stepFunctionsLogBytesPerTransition;
  line('CloudWatch Logs', 'ingestion', logBytes / 1e9, 'GB', 'cloudwatchLogs.ingestGb', 'derived');

  const sampleRate = settings.traceSampleRate ?? 1;
  const traces =
    (sum(Object.values(usage.executions)) +
      sum(Object.entries(usage.lambda).flatMap(([name, f]) => (ENTRY_FUNCTIONS.has(name) ? [f.invocations] : []))) +
      evidenceFiles) *
    sampleRate;
  const sampled = sampleRate < 1 ? ` (${sampleRate * 100}% sampled)` : '';
  line('X-Ray', `traces recorded${sampled}`, traces, 'traces', 'xray.traceRecorded', 'derived');

  const perCase = sum(lines.map((l) => l.cost));
  const workflowPerCase = sum(lines.filter((l) => !l.evidence).map((l) => l.cost));
  const unpriced = [...new Set(lines.filter((l) => l.unitPrice === null && l.quantity > 0).map((l) => l.price))];
  return { lines, perCase, perThousand: perCase * 1000, workflowPerCase, currency: prices.currency, unpriced };
}
