/**
 * Issued documents on DynamoDB, in the cases table: one item per document under its case's partition
 * (`CASE#<caseId>`, `DOC#<issuedAt>#<docId>`) and a pointer item `DOC#<docId>` for reading one by id, both written
 * with attribute_not_exists: a document once kept is never replaced. The signed PDF goes to the document objects
 * (S3 with KMS and Object Lock on AWS, `cases/<caseId>/documents/<docId>.pdf`, written once) and the item keeps its
 * key; read back, its SHA-256 must be the record's. Without document objects (tests on dynalite) the PDF is a
 * binary attribute of the item (about 160 KB, under the 400 KB item limit; a larger one is refused, never cut).
 */

import { createHash } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentKey } from '#domain/documents/service-documents.ts';
import {
  type DocumentArchive,
  DocumentExistsError,
  type DocumentObjects,
  type IssuedDocument,
} from '#ports/documents.ts';
import { isConditionFailure } from './document-client.ts';

/** Below DynamoDB's 400 KB item limit, with room for the record's other attributes. */
const MAX_PDF_BYTES = 380 * 1024;

export class DynamoDocumentArchive implements DocumentArchive {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly objects: DocumentObjects | undefined;
  constructor(db: DynamoDBDocumentClient, table: string, objects?: DocumentObjects) {
    this.db = db;
    this.table = table;
    this.objects = objects;
  }

  async put(record: IssuedDocument, pdf: Uint8Array): Promise<void> {
    const key = documentKey(record.caseId, record.docId);
    if (this.objects) await this.objects.putOnce(key, pdf, record.sha256);
    else if (pdf.length > MAX_PDF_BYTES)
      throw new Error(`文书 ${record.docId} 超过 ${MAX_PDF_BYTES} 字节，无法存入案件表`);
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
        Item: { pk: `CASE#${record.caseId}`, sk, record, ...(this.objects ? { key } : { pdf }) },
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
    const record = item.Item.record as IssuedDocument;
    if (item.Item.pdf !== undefined) return { record, pdf: new Uint8Array(item.Item.pdf as Uint8Array) };
    if (!this.objects) throw new Error(`文书 ${docId} 的 PDF 存于对象存储，本函数未配置`);
    const pdf = await this.objects.get(item.Item.key as string);
    if (!pdf) return undefined;
    // The object store's bytes must be the journal's: a changed object is refused, never served.
    if (createHash('sha256').update(pdf).digest('hex') !== record.sha256)
      throw new Error(`文书 ${docId} 的存储内容与案件日志中的 SHA-256 不符`);
    return { record, pdf };
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
