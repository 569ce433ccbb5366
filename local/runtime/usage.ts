/**
 * What each case uses of the services it would use on AWS, as the embedded runtime runs it: executions and billed
 * state transitions per state machine, Lambda invocations and their measured time per function, DynamoDB requests
 * and capacity units per table (from the item sizes the embedded DynamoDB reports), partner answers (SQS messages),
 * custom events (EventBridge), staff API requests and application log bytes. The cost model (`local/cost/`) prices it.
 *
 * Attribution: work done for a case runs in a scope. A step knows its case; intake, settle and the staff API learn
 * it from the first case item they touch (a case record key or a journal query), so their usage is held in the scope
 * and handed to that case when the scope ends.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface TableUsage {
  reads: number;
  writes: number;
  /** Read request units, as DynamoDB on-demand bills them (4 KB per unit, half for eventually consistent reads). */
  readUnits: number;
  /** Write request units (1 KB per unit), the table's and its indexes' (see `indexWriteUnits`). */
  writeUnits: number;
  /** The share of `writeUnits` spent on global secondary indexes (an estimate: see the DynamoDB meter). */
  indexWriteUnits: number;
  /** Write units by kind of item (case record, case index entry, time node, approval, ...), indexes included. */
  writeUnitsByKind?: Record<string, number>;
}

export interface FunctionUsage {
  invocations: number;
  /** Measured wall time of the handler on this machine, in milliseconds. */
  ms: number;
  /** AWS requests made from inside the function (DynamoDB, and what stands for Step Functions calls locally). */
  calls: number;
}

export interface Usage {
  executions: Record<string, number>;
  /** Billed state transitions (states entered, retries included; a resumed wait is not entered twice). */
  transitions: Record<string, number>;
  lambda: Record<string, FunctionUsage>;
  dynamodb: Record<string, TableUsage>;
  /** Partner answers delivered through the partner-answer queue (one SQS message each). */
  sqsMessages: number;
  /** Custom events put on an EventBridge bus: filing events and command-center alerts. */
  events: number;
  /** Staff API requests (API Gateway). */
  apiRequests: number;
  /** Bytes of application log lines written by the functions (JSON lines, as CloudWatch Logs would ingest). */
  logBytes: number;
}

export function emptyUsage(): Usage {
  return {
    executions: {},
    transitions: {},
    lambda: {},
    dynamodb: {},
    sqsMessages: 0,
    events: 0,
    apiRequests: 0,
    logBytes: 0,
  };
}

/** The tally of one function in a usage, created if need be. */
export function functionTally(usage: Usage, fn: string): FunctionUsage {
  let tally = usage.lambda[fn];
  if (!tally) {
    tally = { invocations: 0, ms: 0, calls: 0 };
    usage.lambda[fn] = tally;
  }
  return tally;
}

/** The tally of one table in a usage, created if need be. */
export function tableTally(usage: Usage, table: string): TableUsage {
  let tally = usage.dynamodb[table];
  if (!tally) {
    tally = { reads: 0, writes: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
    usage.dynamodb[table] = tally;
  }
  return tally;
}

function addCounts(into: Record<string, number>, from: Readonly<Record<string, number>>): void {
  for (const [key, value] of Object.entries(from)) into[key] = (into[key] ?? 0) + value;
}

/** Adds `from` into `into`, scaled by `factor` (1 to merge; a weight to build a mix). */
export function addUsage(into: Usage, from: Usage, factor = 1): Usage {
  const scaled = (record: Readonly<Record<string, number>>) =>
    Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v * factor]));
  addCounts(into.executions, scaled(from.executions));
  addCounts(into.transitions, scaled(from.transitions));
  for (const [name, f] of Object.entries(from.lambda)) {
    const target = functionTally(into, name);
    target.invocations += f.invocations * factor;
    target.ms += f.ms * factor;
    target.calls += f.calls * factor;
  }
  for (const [name, t] of Object.entries(from.dynamodb)) {
    const target = tableTally(into, name);
    target.reads += t.reads * factor;
    target.writes += t.writes * factor;
    target.readUnits += t.readUnits * factor;
    target.writeUnits += t.writeUnits * factor;
    target.indexWriteUnits += t.indexWriteUnits * factor;
    if (t.writeUnitsByKind) {
      target.writeUnitsByKind ??= {};
      addCounts(target.writeUnitsByKind, scaled(t.writeUnitsByKind));
    }
  }
  into.sqsMessages += from.sqsMessages * factor;
  into.events += from.events * factor;
  into.apiRequests += from.apiRequests * factor;
  into.logBytes += from.logBytes * factor;
  return into;
}

/** Where usage goes while work runs: a case, or (until the case is known) the scope's own tally. */
export interface UsageScope {
  caseId?: string;
  /** The function running, for its calls. */
  fn?: string;
  readonly pending: Usage;
}

export const usageScope = new AsyncLocalStorage<UsageScope>();

export class UsageMeter {
  private readonly cases = new Map<string, Usage>();

  /** The usage recorded for a case so far (a live object: copy it to keep it). */
  of(caseId: string): Usage | undefined {
    return this.cases.get(caseId);
  }

  /** Forgets a case (a long benchmark keeps memory flat). */
  forget(caseId: string): void {
    this.cases.delete(caseId);
  }

  /** The tally new usage goes to: the scope's case, the scope's own while its case is unknown, or a case named. */
  target(caseId?: string): Usage {
    const scope = usageScope.getStore();
    const id = caseId ?? scope?.caseId;
    if (id === undefined) return scope?.pending ?? this.bucket('');
    return this.bucket(id);
  }

  /** Runs `work` in a scope; what it used goes to `caseId`, or to the case it touched first, or to ''. */
  async within<T>(
    scope: { caseId?: string; fn?: string },
    work: () => Promise<T>,
    caseOf?: (result: T) => string | undefined,
  ): Promise<T> {
    const current: UsageScope = { ...scope, pending: emptyUsage() };
    try {
      const result = await usageScope.run(current, work);
      current.caseId ??= caseOf?.(result);
      return result;
    } finally {
      addUsage(this.bucket(current.caseId ?? ''), current.pending);
    }
  }

  /** An AWS request made from inside a function. */
  call(): void {
    const scope = usageScope.getStore();
    if (!scope?.fn) return;
    functionTally(this.target(), scope.fn).calls++;
  }

  /** A case item was touched: the scope's case, if it had none yet. */
  noticeCase(caseId: string): void {
    const scope = usageScope.getStore();
    if (scope && scope.caseId === undefined) scope.caseId = caseId;
  }

  private bucket(caseId: string): Usage {
    let usage = this.cases.get(caseId);
    if (!usage) {
      usage = emptyUsage();
      this.cases.set(caseId, usage);
    }
    return usage;
  }
}
