/**
 * Document numbers on DynamoDB, by conditional puts (no transaction needed):
 *
 * - `DOCNO#<docId>`: the document's reservation, put once (attribute_not_exists) with the series counter's value
 *   when it was first asked for (`from`), and later its number.
 * - `DOCSEQ#<series>#<n>`: number n of the series, put once (attribute_not_exists) naming the document that took it.
 *   This is the conditional write that allocates: a number is taken by exactly one document.
 * - `DOCSERIES#<series>`: the last number given, a hint that only saves probes.
 *
 * A document walks up from `from + 1` and takes the first free number, or stops at one it already holds. Two
 * writers for the same document walk the same path and meet at the same number; a writer that died after taking a
 * number finds it again on retry (its `from` is fixed). So no number is given twice and none is left unclaimed.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type DocumentNumbers, DocumentSequenceError } from '#ports/documents.ts';
import { isConditionFailure } from './document-client.ts';

const MAX_PROBES = 10_000;

export class DynamoDocumentNumbers implements DocumentNumbers {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  constructor(db: DynamoDBDocumentClient, table: string) {
    this.db = db;
    this.table = table;
  }

  private async get(pk: string, sk: string): Promise<Record<string, unknown> | undefined> {
    const got = await this.db.send(new GetCommand({ TableName: this.table, Key: { pk, sk }, ConsistentRead: true }));
    return got.Item;
  }

  private async putNew(item: Record<string, unknown>): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({ TableName: this.table, Item: item, ConditionExpression: 'attribute_not_exists(pk)' }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  /** The document's reservation: its number if it has one, and where its walk starts. */
  private async reserve(series: string, docId: string): Promise<{ sequence?: number; from: number }> {
    const key = { pk: `DOCNO#${docId}`, sk: 'DOCNO' };
    let reservation = await this.get(key.pk, key.sk);
    if (!reservation) {
      const hint = await this.get(`DOCSERIES#${series}`, 'DOCSERIES');
      const from = (hint?.last as number | undefined) ?? 0;
      if (await this.putNew({ ...key, series, from })) return { from };
      reservation = await this.get(key.pk, key.sk);
    }
    if (reservation?.series !== series) throw new DocumentSequenceError(`文书 ${docId} 已在另一文号序列中编号`);
    const sequence = reservation.sequence as number | undefined;
    return { from: reservation.from as number, ...(sequence !== undefined ? { sequence } : {}) };
  }

  async allocate(series: string, docId: string): Promise<number> {
    const reservation = await this.reserve(series, docId);
    if (reservation.sequence !== undefined) return reservation.sequence;
    for (let n = reservation.from + 1; n <= reservation.from + MAX_PROBES; n++) {
      const key = { pk: `DOCSEQ#${series}#${n}`, sk: 'DOCSEQ' };
      const taken = !(await this.putNew({ ...key, docId }));
      if (taken && (await this.get(key.pk, key.sk))?.docId !== docId) continue;
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `DOCNO#${docId}`, sk: 'DOCNO' },
          UpdateExpression: 'SET #sequence = :n',
          ExpressionAttributeNames: { '#sequence': 'sequence' },
          ExpressionAttributeValues: { ':n': n },
        }),
      );
      await this.raiseHint(series, n);
      return n;
    }
    throw new DocumentSequenceError(`文号序列 ${series} 在 ${MAX_PROBES} 个号内没有空号，请检查序列`);
  }

  private async raiseHint(series: string, n: number): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { pk: `DOCSERIES#${series}`, sk: 'DOCSERIES' },
          UpdateExpression: 'SET #last = :n',
          ConditionExpression: 'attribute_not_exists(#last) OR #last < :n',
          ExpressionAttributeNames: { '#last': 'last' },
          ExpressionAttributeValues: { ':n': n },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }
}
