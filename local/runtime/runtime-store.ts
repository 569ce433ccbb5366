/**
 * The embedded runtime's own durable records (the interface) and their DynamoDB form, in its local table: executions with their checkpoints, task
 * tokens, timers, alerts, dead letters and per-case counters. What Step Functions keeps for itself on AWS.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Instant } from '#domain/calendar/local-date.ts';

export type ExecutionStatus = 'running' | 'waiting' | 'succeeded' | 'failed';

export interface ExecutionRecord {
  readonly name: string;
  readonly machine: string;
  readonly input: unknown;
  readonly caseId?: string;
  readonly status: ExecutionStatus;
  /** Where to resume: the last state entered and its input. */
  readonly checkpoint: { readonly state: string; readonly input: unknown };
  readonly waiting?:
    | { readonly kind: 'token'; readonly state: string; readonly token: string; readonly timeoutAt?: Instant }
    | {
        readonly kind: 'timer';
        readonly state: string;
        readonly fireAt: Instant;
        /** The timer fired (and was deleted): the execution is queued to leave the Wait state. */
        readonly fired?: true;
      };
  /**
   * Where the execution was last put in the engine's queue (its start, or its Wait state's timer firing): a
   * number that grows across restarts. Recovery queues pending work in this order, the order it was queued in.
   */
  readonly queued?: number;
  /** The token minted for the current segment; reused if the segment is re-run after a crash. */
  readonly token?: string;
  /**
   * The settled token a segment was started to deliver, kept until the segment ends: a crash before the wait
   * state is left resumes it again, instead of waiting on a token nobody holds.
   */
  readonly resumeToken?: string;
  readonly startedAt: Instant;
  readonly updatedAt: Instant;
  readonly endedAt?: Instant;
  readonly output?: unknown;
  readonly error?: { readonly Error: string; readonly Cause: string };
  readonly transitions: number;
  /**
   * Lambda invocations and store operations of the execution's segments, kept here (rather than in the case's
   * counters row) by a store whose `countersOnExecutions` is set: its `counters` adds them up per case.
   */
  readonly invocations?: number;
  readonly storeOperations?: number;
}

export interface TokenRecord {
  readonly token: string;
  readonly execution: string;
  readonly state: string;
  readonly status: 'waiting' | 'succeeded' | 'failed' | 'timed-out';
  readonly output?: unknown;
  readonly error?: string;
  readonly cause?: string;
  /** When settled: where its execution's resumption was put in the engine's queue (ExecutionRecord.queued). */
  readonly queued?: number;
}

export type TimerRecord =
  | { readonly id: string; readonly fireAt: Instant; readonly kind: 'timeout'; readonly token: string }
  | {
      readonly id: string;
      readonly fireAt: Instant;
      readonly kind: 'resume';
      readonly execution: string;
      readonly state: string;
    }
  | { readonly id: string; readonly fireAt: Instant; readonly kind: 'delivery'; readonly body: unknown };

export interface AlertRecord {
  readonly at: Instant;
  readonly kind: string;
  readonly caseId: string;
  readonly court: string;
  readonly message: string;
}

export interface CaseCounters {
  readonly caseId: string;
  readonly transitions: number;
  readonly invocations: number;
  readonly storeOperations: number;
  readonly executions: number;
}

const EXEC = (name: string) => ({ pk: `EXEC#${name}`, sk: 'EXEC' });
const TOKEN = (token: string) => ({ pk: `TOKEN#${token}`, sk: 'TOKEN' });
const ACTIVE = (name: string) => ({ pk: 'ACTIVE', sk: name });
const TIMER = (timer: Pick<TimerRecord, 'fireAt' | 'id'>) => ({ pk: 'TIMER', sk: `${timer.fireAt}#${timer.id}` });

function strip<T>(item: Record<string, unknown> | undefined): T | undefined {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, ...rest } = item;
  return rest as T;
}

/** The embedded runtime's own records, on SQLite (local/store/runtime-store.ts) or on the embedded DynamoDB. */
export interface RuntimeStore {
  /**
   * The per-case counters are the sum over the case's execution records (transitions, invocations, store
   * operations, the records themselves) plus what `addCounters` added: the engine then writes no counters of its own
   * per segment, they ride on the execution record it writes anyway.
   */
  readonly countersOnExecutions?: boolean;
  getExecution(name: string): Promise<ExecutionRecord | undefined>;
  /** Creates the execution record; false if the name is taken. */
  createExecution(record: ExecutionRecord): Promise<boolean>;
  markActive(name: string): Promise<void>;
  putExecution(record: ExecutionRecord): Promise<void>;
  checkpoint(name: string, state: string, input: unknown, at: Instant): Promise<void>;
  /** Executions that have not ended: the ones to look at after a restart. */
  activeExecutions(): Promise<ExecutionRecord[]>;
  putToken(record: TokenRecord): Promise<void>;
  getToken(token: string): Promise<TokenRecord | undefined>;
  /** waiting -> settled, once. */
  settleToken(
    token: string,
    outcome: Pick<TokenRecord, 'status' | 'output' | 'error' | 'cause' | 'queued'>,
  ): Promise<TokenRecord | undefined>;
  addTimer(timer: TimerRecord): Promise<void>;
  deleteTimer(timer: TimerRecord): Promise<void>;
  /** Timers due at or before `now`, earliest first. */
  dueTimers(now: Instant, limit?: number): Promise<TimerRecord[]>;
  /** As `dueTimers`, with the due time of the earliest timer after `now` (none: undefined), in one read. */
  dueTimersAndNext?(now: Instant, limit: number): Promise<{ due: TimerRecord[]; next?: Instant }>;
  nextTimer(): Promise<TimerRecord | undefined>;
  addAlert(alert: AlertRecord, id: string): Promise<void>;
  /** The latest alerts first. */
  alerts(limit: number): Promise<AlertRecord[]>;
  addDeadLetter(at: Instant, id: string, letter: { kind: string; reason: string; body: unknown }): Promise<void>;
  deadLetters(limit: number): Promise<{ at: string; kind: string; reason: string; body: unknown }[]>;
  addCounters(caseId: string, delta: Omit<CaseCounters, 'caseId'>): Promise<void>;
  counters(caseId: string): Promise<CaseCounters | undefined>;
  getValue<T>(name: string): Promise<T | undefined>;
  setValue(name: string, value: unknown): Promise<void>;
}

export class DynamoRuntimeStore implements RuntimeStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, table: string) {
    this.db = db;
    this.table = table;
  }

  async getExecution(name: string): Promise<ExecutionRecord | undefined> {
    const found = await this.db.send(new GetCommand({ TableName: this.table, Key: EXEC(name), ConsistentRead: true }));
    return strip<ExecutionRecord>(found.Item);
  }

  /** Creates the execution record; false if the name is taken. */
  async createExecution(record: ExecutionRecord): Promise<boolean> {
    // The active marker first: an execution record without one would be invisible to recovery.
    await this.markActive(record.name);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...EXEC(record.name), ...record },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return false;
      throw error;
    }
    return true;
  }

  async markActive(name: string): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...ACTIVE(name) } }));
  }

  async putExecution(record: ExecutionRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...EXEC(record.name), ...record } }));
    if (record.status === 'succeeded' || record.status === 'failed') {
      await this.db.send(new DeleteCommand({ TableName: this.table, Key: ACTIVE(record.name) }));
    }
  }

  async checkpoint(name: string, state: string, input: unknown, at: Instant): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: EXEC(name),
        UpdateExpression: 'SET checkpoint = :checkpoint, updatedAt = :at ADD transitions :one',
        ExpressionAttributeValues: { ':checkpoint': { state, input }, ':at': at, ':one': 1 },
      }),
    );
  }

  /** Executions that have not ended: the ones to look at after a restart. */
  async activeExecutions(): Promise<ExecutionRecord[]> {
    const names = await this.queryAll('ACTIVE');
    const records = await Promise.all(names.map((item) => this.getExecution(String(item.sk))));
    return records.filter(
      (r): r is ExecutionRecord => r !== undefined && r.status !== 'succeeded' && r.status !== 'failed',
    );
  }

  async putToken(record: TokenRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...TOKEN(record.token), ...record } }));
  }

  async getToken(token: string): Promise<TokenRecord | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: TOKEN(token), ConsistentRead: true }),
    );
    return strip<TokenRecord>(found.Item);
  }

  /** waiting -> settled, once. */
  async settleToken(
    token: string,
    outcome: Pick<TokenRecord, 'status' | 'output' | 'error' | 'cause' | 'queued'>,
  ): Promise<TokenRecord | undefined> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: TOKEN(token),
          UpdateExpression:
            'SET #status = :status, #output = :output, #error = :error, #cause = :cause, #queued = :queued',
          ConditionExpression: '#status = :waiting',
          ExpressionAttributeNames: {
            '#status': 'status',
            '#output': 'output',
            '#error': 'error',
            '#cause': 'cause',
            '#queued': 'queued',
          },
          ExpressionAttributeValues: {
            ':status': outcome.status,
            ':output': outcome.output ?? null,
            ':error': outcome.error ?? null,
            ':cause': outcome.cause ?? null,
            ':queued': outcome.queued ?? null,
            ':waiting': 'waiting',
          },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return strip<TokenRecord>(result.Attributes);
    } catch (error) {
      if (error instanceof Error && error.name === 'ConditionalCheckFailedException') return undefined;
      throw error;
    }
  }

  async addTimer(timer: TimerRecord): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { ...TIMER(timer), ...timer } }));
  }

  async deleteTimer(timer: TimerRecord): Promise<void> {
    await this.db.send(new DeleteCommand({ TableName: this.table, Key: TIMER(timer) }));
  }

  /** Timers due at or before `now`, earliest first. */
  async dueTimers(now: Instant, limit = 100): Promise<TimerRecord[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk AND sk <= :now',
        ExpressionAttributeValues: { ':pk': 'TIMER', ':now': `${now}#~` },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => strip<TimerRecord>(item) as TimerRecord);
  }

  async nextTimer(): Promise<TimerRecord | undefined> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'TIMER' },
        Limit: 1,
      }),
    );
    return strip<TimerRecord>(page.Items?.[0]);
  }

  async addAlert(alert: AlertRecord, id: string): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { pk: 'ALERT', sk: `${alert.at}#${id}`, ...alert } }),
    );
  }

  async alerts(limit: number): Promise<AlertRecord[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'ALERT' },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => strip<AlertRecord>(item) as AlertRecord);
  }

  async addDeadLetter(at: Instant, id: string, letter: { kind: string; reason: string; body: unknown }): Promise<void> {
    await this.db.send(
      new PutCommand({ TableName: this.table, Item: { pk: 'DLQ', sk: `${at}#${id}`, at, ...letter } }),
    );
  }

  async deadLetters(limit: number): Promise<{ at: string; kind: string; reason: string; body: unknown }[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': 'DLQ' },
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map((item) => strip(item) as { at: string; kind: string; reason: string; body: unknown });
  }

  async addCounters(caseId: string, delta: Omit<CaseCounters, 'caseId'>): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: { pk: `METRICS#${caseId}`, sk: 'METRICS' },
        UpdateExpression: 'SET caseId = :caseId ADD transitions :t, invocations :i, storeOperations :o, executions :e',
        ExpressionAttributeValues: {
          ':caseId': caseId,
          ':t': delta.transitions,
          ':i': delta.invocations,
          ':o': delta.storeOperations,
          ':e': delta.executions,
        },
      }),
    );
  }

  async counters(caseId: string): Promise<CaseCounters | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `METRICS#${caseId}`, sk: 'METRICS' } }),
    );
    return strip<CaseCounters>(found.Item);
  }

  async getValue<T>(name: string): Promise<T | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: 'SETTING', sk: name }, ConsistentRead: true }),
    );
    return found.Item?.value as T | undefined;
  }

  async setValue(name: string, value: unknown): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.table, Item: { pk: 'SETTING', sk: name, value } }));
  }

  private async queryAll(pk: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': pk },
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return items;
  }
}
