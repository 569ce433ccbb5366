/**
 * Preservation rulings (诉执衔接), one item each in the cases table. The court's held preservations are on GSI1 by
 * earliest expiry (a sparse entry: a carried or ended one drops out of it), all of the court's on GSI2 by the
 * ruling date. Every write is conditional on the version read.
 */
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { earliestExpiry, type Preservation } from '#domain/preservation/carry.ts';
import { PreservationConflictError, type PreservationStore } from '#ports/preservations.ts';
import { putNew, putNextVersion } from './document-client.ts';
import { keys, type TableNames } from './tables.ts';

function toPreservation(item: Record<string, unknown>): Preservation {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _s1, gsi2pk: _g2, gsi2sk: _s2, ...p } = item;
  return p as unknown as Preservation;
}

export class DynamoPreservationStore implements PreservationStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, tables: Pick<TableNames, 'cases'>) {
    this.db = db;
    this.table = tables.cases;
  }

  private item(p: Preservation) {
    return {
      ...keys.preservation(p.preservationId),
      ...p,
      ...(p.status === 'held'
        ? {
            gsi1pk: keys.heldPreservations(p.court.code),
            gsi1sk: `${earliestExpiry(p) ?? '9999-12-31'}#${p.preservationId}`,
          }
        : {}),
      gsi2pk: keys.preservationsByCourt(p.court.code),
      gsi2sk: `${p.ruledOn}#${p.preservationId}`,
    };
  }

  async get(preservationId: string): Promise<Preservation | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.preservation(preservationId), ConsistentRead: true }),
    );
    return found.Item ? toPreservation(found.Item) : undefined;
  }

  async create(preservation: Preservation): Promise<boolean> {
    return putNew(this.db, this.table, this.item({ ...preservation, version: 1 }));
  }

  async save(next: Preservation): Promise<void> {
    if (!(await putNextVersion(this.db, this.table, this.item(next))))
      throw new PreservationConflictError(next.preservationId);
  }

  async listHeld(court: string, expiringBy = '9999-12-31'): Promise<readonly Preservation[]> {
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk AND gsi1sk <= :by',
          ExpressionAttributeValues: { ':pk': keys.heldPreservations(court), ':by': `${expiringBy}#~` },
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return items.map(toPreservation);
  }

  async listByCourt(court: string, limit: number): Promise<readonly Preservation[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.preservationsByCourt(court) },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(toPreservation);
  }
}
