/**
 * The embedded DynamoDB: dynalite (the DynamoDB API on LevelDB) in this process, reached by the same AWS SDK clients
 * and the same adapters as on AWS. On disk under <data-dir>/db, or in memory for tests.
 *
 * dynalite checks no credentials, so it listens on no port: on a Unix socket in a private (0700) temporary
 * directory, which only this account can reach; the client connects to it through its own HTTP agent.
 *
 * Why dynalite: pure Node with a bundled LevelDB, nothing to download, durable on disk; conditional writes work,
 * which is all the case store needs (it never uses transactions, which dynalite lacks).
 */

import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { Agent } from 'node:http';
import { createConnection, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { AbstractIterator } from 'abstract-level';
import dynalite from 'dynalite';
import {
  CASES_LAYOUT,
  IDEMPOTENCY_LAYOUT,
  JOURNAL_LAYOUT,
  type TableLayout,
  type TableNames,
} from '#adapters/dynamodb/tables.ts';
import { operationScope } from '../store/sql.ts';
import { lockDataDir } from './data-dir-lock.ts';

/**
 * dynalite ends its LevelDB iterators with `iterator.return()`, which abstract-level 3's iterators do not have (they
 * have `close()`), so every Query and Scan left its iterator open, attached to the database until it closed: a few
 * KB of native and JS memory per query, gigabytes over a few thousand cases. Giving iterators the `return()` that
 * dynalite calls closes them when their stream ends or is destroyed.
 */
export function closeIteratorsOnReturn(): void {
  const common = Object.getPrototypeOf(AbstractIterator.prototype) as { return?: () => Promise<void> };
  if (typeof common.return === 'function') return;
  common.return = function (this: { close(): Promise<void> }) {
    return this.close();
  };
}
closeIteratorsOnReturn();

export const LOCAL_TABLES: TableNames & { readonly runtime: string } = {
  cases: 'enforcement-cases',
  journal: 'enforcement-journal',
  idempotency: 'enforcement-idempotency',
  runtime: 'enforcement-runtime',
};

/** The embedded runtime's own records: executions, tokens, timers, alerts, dead letters, counters. */
export const RUNTIME_LAYOUT: TableLayout = {
  partitionKey: { name: 'pk', type: 'S' },
  sortKey: { name: 'sk', type: 'S' },
  indexes: [],
};

export { operationScope };

/** One DynamoDB request as the embedded DynamoDB answered it (for the usage meter). */
export interface StoreRequest {
  readonly command: string;
  readonly input: Record<string, unknown>;
  readonly output: Record<string, unknown>;
}

/** Requests that can report the capacity they consumed. */
const CAPACITY_COMMANDS = new Set([
  'GetItemCommand',
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
]);

/** An HTTP agent whose every connection goes to one Unix socket. */
class SocketAgent extends Agent {
  private readonly socket: string;
  constructor(socket: string) {
    super({ keepAlive: true });
    this.socket = socket;
  }
  override createConnection(): Socket {
    return createConnection(this.socket);
  }
}

export interface LocalStore {
  readonly client: DynamoDBClient;
  readonly endpoint: string;
  /** Store operations so far, by case id ('' when not for a case). */
  readonly operations: Map<string, number>;
  close(): Promise<void>;
}

function createTableInput(name: string, layout: TableLayout): CreateTableCommandInput {
  const attributes = new Map<string, 'S' | 'N'>();
  const add = (a: { name: string; type: 'S' | 'N' }) => attributes.set(a.name, a.type);
  add(layout.partitionKey);
  if (layout.sortKey) add(layout.sortKey);
  for (const index of layout.indexes) {
    add(index.partitionKey);
    add(index.sortKey);
  }
  return {
    TableName: name,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [...attributes].map(([AttributeName, AttributeType]) => ({ AttributeName, AttributeType })),
    KeySchema: [
      { AttributeName: layout.partitionKey.name, KeyType: 'HASH' },
      ...(layout.sortKey ? [{ AttributeName: layout.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    ...(layout.indexes.length > 0
      ? {
          GlobalSecondaryIndexes: layout.indexes.map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
              { AttributeName: index.sortKey.name, KeyType: 'RANGE' as const },
            ],
            Projection: { ProjectionType: 'ALL' as const },
          })),
        }
      : {}),
  };
}

export async function openLocalStore(
  dataDir: string | undefined,
  onRequest?: (request: StoreRequest) => void,
): Promise<LocalStore> {
  const path = dataDir ? join(dataDir, 'db') : undefined;
  if (path) mkdirSync(path, { recursive: true, mode: 0o700 });
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0, ...(path ? { path } : {}) });
  const socketDir = mkdtempSync(join(tmpdir(), 'enforce-db-'));
  const socket = join(socketDir, 'dynamo.sock');
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socket, () => resolve());
  });
  const endpoint = `unix:${socket}`;
  const client = new DynamoDBClient({
    endpoint: 'http://localhost',
    region: 'local',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts: 3,
    requestHandler: { httpAgent: new SocketAgent(socket) },
  });
  const operations = new Map<string, number>();
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const caseId = operationScope.getStore()?.caseId ?? '';
      operations.set(caseId, (operations.get(caseId) ?? 0) + 1);
      const command = context.commandName ?? '';
      if (!onRequest || !CAPACITY_COMMANDS.has(command)) return next(args);
      // The capacity each request consumed, computed by dynalite from the item sizes, as DynamoDB reports it.
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity ??= 'INDEXES';
      const result = await next(args);
      onRequest({ command, input, output: result.output as unknown as Record<string, unknown> });
      return result;
    },
    { step: 'initialize', name: 'countStoreOperations' },
  );
  const close = async () => {
    client.destroy();
    server.closeAllConnections?.();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    rmSync(socketDir, { recursive: true, force: true });
    unlock();
  };
  try {
    for (const [name, layout] of [
      [LOCAL_TABLES.cases, CASES_LAYOUT],
      [LOCAL_TABLES.journal, JOURNAL_LAYOUT],
      [LOCAL_TABLES.idempotency, IDEMPOTENCY_LAYOUT],
      [LOCAL_TABLES.runtime, RUNTIME_LAYOUT],
    ] as const) {
      try {
        await client.send(new CreateTableCommand(createTableInput(name, layout)));
      } catch (error) {
        if (!(error instanceof ResourceInUseException)) throw error;
      }
    }
    // A new table is CREATING for a moment, even with createTableMs 0; wait until every one is ACTIVE.
    for (const name of Object.values(LOCAL_TABLES)) {
      for (let attempt = 0; ; attempt++) {
        const { Table } = await client.send(new DescribeTableCommand({ TableName: name }));
        if (
          Table?.TableStatus === 'ACTIVE' &&
          (Table.GlobalSecondaryIndexes ?? []).every((i) => i.IndexStatus === 'ACTIVE')
        )
          break;
        if (attempt > 200) throw new Error(`table ${name} did not become active`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  } catch (error) {
    await close();
    throw error;
  }
  return { client, endpoint, operations, close };
}
