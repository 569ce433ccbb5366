/**
 * Matters other courts entrusted to this court, one item each in the cases table, listed per court on GSI1 by the
 * date received. Every write is conditional on the version read, so two staff finishing one matter cannot both win.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { ReceivedMatter } from '#domain/entrustment/received.ts';
import { ReceivedMatterConflictError, type ReceivedMatterStore } from '#ports/received-matters.ts';
import { putNew, putNextVersion } from './document-client.ts';
import { keys, type TableNames } from './tables.ts';

function toMatter(item: Record<string, unknown>): ReceivedMatter {
  const { pk: _pk, sk: _sk, gsi1pk: _g, gsi1sk: _s, ...matter } = item;
  return matter as unknown as ReceivedMatter;
}

export class DynamoReceivedMatterStore implements ReceivedMatterStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, tables: Pick<TableNames, 'cases'>) {
    this.db = db;
    this.table = tables.cases;
  }

  private item(matter: ReceivedMatter) {
    return {
      ...keys.received(matter.matterId),
      ...matter,
      gsi1pk: keys.receivedByCourt(matter.court),
      gsi1sk: `${matter.receivedOn}#${matter.matterId}`,
    };
  }

  async get(matterId: string): Promise<ReceivedMatter | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.received(matterId), ConsistentRead: true }),
    );
    return found.Item ? toMatter(found.Item) : undefined;
  }

  async create(matter: ReceivedMatter): Promise<boolean> {
    return putNew(this.db, this.table, this.item({ ...matter, version: 1 }));
  }

  async save(next: ReceivedMatter): Promise<void> {
    if (!(await putNextVersion(this.db, this.table, this.item(next))))
      throw new ReceivedMatterConflictError(next.matterId);
  }

  /**
   * The court's open matters. GSI1 holds every matter of the court, finished ones too, so this reads them all and
   * keeps the open ones: a sparse index of open matters would spare the reads, but items written before it would
   * be missing from it until rewritten.
   */
  async listOpen(court: string): Promise<readonly ReceivedMatter[]> {
    return (await this.listByCourt(court)).filter((matter) => matter.status === 'open');
  }

  async listByCourt(court: string, range: { from?: string; to?: string } = {}): Promise<readonly ReceivedMatter[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined;
    const from = range.from ?? '0000-00-00';
    const to = `${range.to ?? '9999-99-99'}#~`;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': keys.receivedByCourt(court), ':from': from, ':to': to },
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return items.map(toMatter);
  }
}
