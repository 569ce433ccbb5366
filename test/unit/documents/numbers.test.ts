/**
 * Document numbers on both adapters (SQLite locally, DynamoDB on dynalite): allocated once by a conditional write,
 * never given twice, never skipped; and the local archive is write-once.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoDocumentNumbers } from '#adapters/dynamodb/document-numbers.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import { DocumentExistsError, type DocumentNumbers, type IssuedDocument } from '#ports/documents.ts';
import { dynamoStores } from '../../../local/runtime/dynamo-stores.ts';
import { LOCAL_TABLES } from '../../../local/runtime/local-store.ts';
import { openDatabase } from '../../../local/store/database.ts';
import { SqliteDocumentStore } from '../../../local/store/document-store.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const BACKENDS: readonly { name: string; open(): Promise<DocumentNumbers> }[] = [
  {
    name: 'SQLite',
    async open() {
      const database = openDatabase(undefined);
      closers.push(async () => database.close());
      return new SqliteDocumentStore(database);
    },
  },
  {
    name: 'DynamoDB (dynalite)',
    async open() {
      const stores = await dynamoStores(undefined, undefined);
      closers.push(() => stores.close());
      return new DynamoDocumentNumbers(documentClient(stores.local.client), LOCAL_TABLES.cases);
    },
  },
];

describe.each(BACKENDS)('document numbers on $name', (backend) => {
  it('gives each document the next number of its series, and the same number when asked again', async () => {
    const numbers = await backend.open();
    expect(await numbers.allocate('HB0922#2026#执裁', 'DOC-A')).toBe(1);
    expect(await numbers.allocate('HB0922#2026#执裁', 'DOC-B')).toBe(2);
    expect(await numbers.allocate('HB0922#2026#执裁', 'DOC-A')).toBe(1);
    expect(await numbers.allocate('HB0922#2026#执裁', 'DOC-C')).toBe(3);
  });

  it('keeps series apart: another kind, year or court starts at one', async () => {
    const numbers = await backend.open();
    await numbers.allocate('HB0922#2026#执裁', 'DOC-A');
    expect(await numbers.allocate('HB0922#2026#执通', 'DOC-B')).toBe(1);
    expect(await numbers.allocate('HB0922#2027#执裁', 'DOC-C')).toBe(1);
    expect(await numbers.allocate('HB0923#2026#执裁', 'DOC-D')).toBe(1);
  });

  it('under concurrent requests gives every number exactly once, with no gap', async () => {
    const numbers = await backend.open();
    const ids = Array.from({ length: 12 }, (_, i) => `DOC-${i}`);
    const got = await Promise.all([...ids, ...ids].map((id) => numbers.allocate('HB0922#2026#执协', id)));
    const byId = new Map<string, number>();
    [...ids, ...ids].forEach((id, i) => {
      const previous = byId.get(id);
      if (previous !== undefined) expect(got[i]).toBe(previous);
      byId.set(id, got[i] as number);
    });
    expect([...byId.values()].sort((a, b) => a - b)).toEqual(ids.map((_, i) => i + 1));
  });
});

describe('document numbers on DynamoDB after a crash', () => {
  it('finds the number a writer took before it died, instead of taking another', async () => {
    const stores = await dynamoStores(undefined, undefined);
    closers.push(() => stores.close());
    const db = documentClient(stores.local.client);
    const numbers = new DynamoDocumentNumbers(db, LOCAL_TABLES.cases);
    await numbers.allocate('S', 'DOC-1');
    // DOC-2 reserved and took number 2, then died before recording it; DOC-3 came after and took 3.
    await db.send(
      new PutCommand({ TableName: LOCAL_TABLES.cases, Item: { pk: 'DOCNO#DOC-2', sk: 'DOCNO', series: 'S', from: 1 } }),
    );
    await db.send(
      new PutCommand({ TableName: LOCAL_TABLES.cases, Item: { pk: 'DOCSEQ#S#2', sk: 'DOCSEQ', docId: 'DOC-2' } }),
    );
    expect(await numbers.allocate('S', 'DOC-3')).toBe(3);
    expect(await numbers.allocate('S', 'DOC-2')).toBe(2);
    expect(await numbers.allocate('S', 'DOC-4')).toBe(4);
  });
});

const RECORD: IssuedDocument = {
  docId: 'DOC-1',
  caseId: 'c1',
  kind: 'enforcement-notice',
  templateVersion: 1,
  title: '执行通知书',
  number: '（2026）冀0922执通1号',
  sha256: 'ab'.repeat(32),
  sizeBytes: 3,
  issuedAt: '2026-03-02T01:00:00.000Z' as Instant,
  trigger: '2:D1:enforcement-notice',
};

describe('the DynamoDB document archive (the API function’s, on AWS)', () => {
  it('keeps a document, lists it under its case, and refuses to replace it', async () => {
    const stores = await dynamoStores(undefined, undefined);
    closers.push(() => stores.close());
    const archive = new DynamoDocumentArchive(documentClient(stores.local.client), LOCAL_TABLES.cases);
    await archive.put(RECORD, new Uint8Array([1, 2, 3]));
    expect((await archive.get('DOC-1'))?.record).toEqual(RECORD);
    expect([...((await archive.get('DOC-1'))?.pdf ?? [])]).toEqual([1, 2, 3]);
    expect(await archive.list('c1')).toEqual([RECORD]);
    expect(await archive.list('c2')).toEqual([]);
    await expect(archive.put(RECORD, new Uint8Array([9]))).rejects.toThrow(DocumentExistsError);
    expect([...((await archive.get('DOC-1'))?.pdf ?? [])]).toEqual([1, 2, 3]);
    await expect(archive.put({ ...RECORD, docId: 'DOC-BIG' }, new Uint8Array(400 * 1024))).rejects.toThrow('超过');
  });
});

describe('the local document archive', () => {
  const record: IssuedDocument = {
    docId: 'DOC-1',
    caseId: 'c1',
    kind: 'enforcement-notice',
    templateVersion: 1,
    title: '执行通知书',
    number: '（2026）冀0922执通1号',
    sha256: 'ab'.repeat(32),
    sizeBytes: 3,
    issuedAt: '2026-03-02T01:00:00.000Z' as Instant,
    trigger: '2:D1:enforcement-notice',
  };

  it('keeps a document and gives back the same bytes', async () => {
    const database = openDatabase(undefined);
    closers.push(async () => database.close());
    const store = new SqliteDocumentStore(database);
    await store.put(record, new Uint8Array([1, 2, 3]));
    const got = await store.get('DOC-1');
    expect(got?.record).toEqual(record);
    expect([...(got?.pdf ?? [])]).toEqual([1, 2, 3]);
    expect(await store.list('c1')).toEqual([record]);
  });

  it('refuses to replace, change or delete a kept document or number', async () => {
    const database = openDatabase(undefined);
    closers.push(async () => database.close());
    const store = new SqliteDocumentStore(database);
    await store.put(record, new Uint8Array([1, 2, 3]));
    await expect(store.put(record, new Uint8Array([9]))).rejects.toThrow(DocumentExistsError);
    expect(() => database.db.prepare("UPDATE documents SET pdf = x'00'").run()).toThrow('write-once');
    expect(() => database.db.prepare('DELETE FROM documents').run()).toThrow('write-once');
    await store.allocate('S', 'DOC-1');
    expect(() => database.db.prepare('DELETE FROM document_numbers').run()).toThrow('never reused');
    expect([...((await store.get('DOC-1'))?.pdf ?? [])]).toEqual([1, 2, 3]);
  });
});
