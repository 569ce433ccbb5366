/**
 * Document numbers on DynamoDB: one counter item per series and one claim item per document, written together in
 * a transaction whose conditions are the counter's current value and the claim's absence. Two writers racing for
 * the same series: one wins, the other re-reads and takes the next; the same document asked twice: the claim
 * answers. A number is thus never given twice, and the counter moves only with a claim, so none is skipped.
 */
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { type DocumentNumbers, DocumentSequenceError } from '#ports/documents.ts';

const ATTEMPTS = 8;

export class DynamoDocumentNumbers implements DocumentNumbers {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  constructor(db: DynamoDBDocumentClient, table: string) {
    this.db = db;
    this.table = table;
  }

  private async claimed(docId: string): Promise<number | undefined> {
    const claim = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `DOCNO#${docId}`, sk: 'DOCNO' }, ConsistentRead: true }),
    );
    return claim.Item?.sequence as number | undefined;
  }

  async allocate(series: string, docId: string): Promise<number> {
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      const existing = await this.claimed(docId);
      if (existing !== undefined) return existing;
      const counter = await this.db.send(
        new GetCommand({
          TableName: this.table,
          Key: { pk: `DOCSERIES#${series}`, sk: 'DOCSERIES' },
          ConsistentRead: true,
        }),
      );
      const current = (counter.Item?.last as number | undefined) ?? 0;
      const next = current + 1;
      try {
        await this.db.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: this.table,
                  Item: { pk: `DOCSERIES#${series}`, sk: 'DOCSERIES', last: next },
                  ConditionExpression: current === 0 ? 'attribute_not_exists(pk)' : '#last = :current',
                  ...(current === 0
                    ? {}
                    : {
                        ExpressionAttributeNames: { '#last': 'last' },
                        ExpressionAttributeValues: { ':current': current },
                      }),
                },
              },
              {
                Put: {
                  TableName: this.table,
                  Item: { pk: `DOCNO#${docId}`, sk: 'DOCNO', series, sequence: next },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
            ],
          }),
        );
        return next;
      } catch (error) {
        if ((error as Error).name !== 'TransactionCanceledException') throw error;
      }
    }
    throw new DocumentSequenceError(`文号序列 ${series} 争用过多，${ATTEMPTS} 次未能取得序号，请重试`);
  }
}
