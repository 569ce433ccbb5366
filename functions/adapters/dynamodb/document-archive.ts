/**
 * Issued documents on DynamoDB, in the cases table: one item per document under its case's partition
 * (`CASE#<caseId>`, `DOC#<issuedAt>#<docId>`), the signed PDF as a binary attribute (documents are about 160 KB,
 * under DynamoDB's 400 KB item limit; a larger one is refused, never cut), and a pointer item `DOC#<docId>` for
 * reading one by id. Both written with attribute_not_exists: a document once kept is never replaced.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { type DocumentArchive, DocumentExistsError, type IssuedDocument } from '#ports/documents.ts';
import { isConditionFailure } from './document-client.ts';

/** Below DynamoDB's 400 KB item limit, with room for the record's other attributes. */
const MAX_PDF_BYTES = 380 * 1024;

export class DynamoDocumentArchive implements DocumentArchive {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  constructor(db: DynamoDBDocumentClient, table: string) {
    this.db = db;
    this.table = table;
  }

  async put(record: IssuedDocument, pdf: Uint8Array): Promise<void> {
    if (pdf.length > MAX_PDF_BYTES) throw new Error(`文书 ${record.docId} 超过 ${MAX_PDF_BYTES} 字节，无法存入案件表`);
    const sk = `DOC#${record.issuedAt}#${record.docId}`;
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { pk: `DOC#${record.docId}`, sk: 'DOC', caseId: record.caseId, itemSk: sk },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new DocumentExistsError(record.docId);
      throw error;
    }
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: `CASE#${record.caseId}`, sk, record, pdf },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }

  async get(docId: string) {
    const pointer = await this.db.send(
      new GetCommand({ TableName: this.table, Key: { pk: `DOC#${docId}`, sk: 'DOC' }, ConsistentRead: true }),
    );
    if (!pointer.Item) return undefined;
    const item = await this.db.send(
      new GetCommand({
        TableName: this.table,
        Key: { pk: `CASE#${pointer.Item.caseId}`, sk: pointer.Item.itemSk },
        ConsistentRead: true,
      }),
    );
    if (!item.Item) return undefined;
    return { record: item.Item.record as IssuedDocument, pdf: new Uint8Array(item.Item.pdf as Uint8Array) };
  }

  async list(caseId: string): Promise<readonly IssuedDocument[]> {
    const found: IssuedDocument[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :doc)',
          ExpressionAttributeValues: { ':pk': `CASE#${caseId}`, ':doc': 'DOC#' },
          ProjectionExpression: '#record',
          ExpressionAttributeNames: { '#record': 'record' },
          ...(start ? { ExclusiveStartKey: start } : {}),
        }),
      );
      for (const item of page.Items ?? []) found.push(item.record as IssuedDocument);
      start = page.LastEvaluatedKey;
    } while (start);
    return found;
  }
}
