/**
 * Signed PDFs kept on S3 (the evidence bucket, Object Lock) apart from their records: put once with If-None-Match,
 * a retried put of the same bytes passes, other bytes are refused; read back, a changed object is refused. S3 is a
 * stand-in that behaves as S3 does for these calls (412 on If-None-Match over an existing key, the stored SHA-256
 * on a head with checksum mode); the records are on dynalite.
 */
import { createHash } from 'node:crypto';
import type { S3Client } from '@aws-sdk/client-s3';
import { afterEach, describe, expect, it } from 'vitest';
import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { S3DocumentObjects } from '#adapters/s3/document-objects.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import { documentKey } from '#domain/documents/service-documents.ts';
import { DocumentExistsError, type IssuedDocument } from '#ports/documents.ts';
import { dynamoStores } from '../../../local/runtime/dynamo-stores.ts';
import { LOCAL_TABLES } from '../../../local/runtime/local-store.ts';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

const sha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64');

/** The S3 calls the adapter makes, as S3 answers them; `sent` records each command's input. */
function fakeS3() {
  const objects = new Map<string, { body: Uint8Array; checksum: string }>();
  const sent: { command: string; input: Record<string, unknown> }[] = [];
  const client = {
    async send(command: { constructor: { name: string }; input: Record<string, unknown> }) {
      const name = command.constructor.name;
      const input = command.input;
      sent.push({ command: name, input });
      const key = input.Key as string;
      if (name === 'PutObjectCommand') {
        const body = input.Body as Uint8Array;
        if (b64(sha(body)) !== input.ChecksumSHA256) throw Object.assign(new Error('BadDigest'), { name: 'BadDigest' });
        if (input.IfNoneMatch === '*' && objects.has(key))
          throw Object.assign(new Error('PreconditionFailed'), {
            name: 'PreconditionFailed',
            $metadata: { httpStatusCode: 412 },
          });
        objects.set(key, { body, checksum: input.ChecksumSHA256 as string });
        return {};
      }
      const found = objects.get(key);
      if (!found)
        throw Object.assign(new Error('NoSuchKey'), { name: 'NoSuchKey', $metadata: { httpStatusCode: 404 } });
      if (name === 'HeadObjectCommand') return { ChecksumSHA256: found.checksum };
      return { Body: { transformToByteArray: async () => found.body } };
    },
  };
  return { objects, sent, client: client as unknown as S3Client };
}

const PDF = new Uint8Array([37, 80, 68, 70, 1, 2, 3]);
const RECORD: IssuedDocument = {
  docId: 'DOC-1',
  caseId: 'c1',
  kind: 'enforcement-notice',
  templateVersion: 1,
  title: '执行通知书',
  number: '（2026）冀0922执通1号',
  sha256: sha(PDF),
  sizeBytes: PDF.length,
  issuedAt: '2026-03-02T01:00:00.000Z' as Instant,
  trigger: '2:D1:enforcement-notice',
};

describe('signed PDFs on S3', () => {
  it('puts once with If-None-Match and the SHA-256; the same bytes again pass, other bytes are refused', async () => {
    const s3 = fakeS3();
    const objects = new S3DocumentObjects(s3.client, 'evidence');
    const key = documentKey('c1', 'DOC-1');
    await objects.putOnce(key, PDF, sha(PDF));
    expect(s3.sent[0]).toMatchObject({
      command: 'PutObjectCommand',
      input: {
        Bucket: 'evidence',
        Key: key,
        IfNoneMatch: '*',
        ContentType: 'application/pdf',
        ChecksumSHA256: b64(sha(PDF)),
      },
    });
    await objects.putOnce(key, PDF, sha(PDF));
    const other = new Uint8Array([9, 9]);
    await expect(objects.putOnce(key, other, sha(other))).rejects.toThrow(DocumentExistsError);
    expect([...((await objects.get(key)) ?? [])]).toEqual([...PDF]);
    expect(await objects.get(documentKey('c1', 'DOC-2'))).toBeUndefined();
  });
});

describe('the DynamoDB document archive with the PDFs on S3 (on AWS)', () => {
  it('keeps the record with the key, the PDF on S3; a retried issue passes; a changed object is refused', async () => {
    const stores = await dynamoStores(undefined, undefined);
    closers.push(() => stores.close());
    const s3 = fakeS3();
    const archive = new DynamoDocumentArchive(
      documentClient(stores.local.client),
      LOCAL_TABLES.cases,
      new S3DocumentObjects(s3.client, 'evidence'),
    );
    await archive.put(RECORD, PDF);
    expect(s3.objects.has('cases/c1/documents/DOC-1.pdf')).toBe(true);
    const kept = await archive.get('DOC-1');
    expect(kept?.record).toEqual(RECORD);
    expect([...(kept?.pdf ?? [])]).toEqual([...PDF]);
    expect(await archive.list('c1')).toEqual([RECORD]);
    // Kept once: a second put of the record is refused.
    await expect(archive.put(RECORD, PDF)).rejects.toThrow(DocumentExistsError);
    // A crash after S3 and before DynamoDB: the retry finds the same object there and keeps the record.
    const objects = new S3DocumentObjects(s3.client, 'evidence');
    const crashed = { ...RECORD, docId: 'DOC-CRASH' };
    await objects.putOnce(documentKey('c1', 'DOC-CRASH'), PDF, RECORD.sha256);
    await archive.put(crashed, PDF);
    expect((await archive.get('DOC-CRASH'))?.record).toEqual(crashed);
    // Bytes on S3 that are not the journal's are never served.
    const stored = s3.objects.get('cases/c1/documents/DOC-1.pdf');
    if (stored) stored.body = new Uint8Array([...PDF.slice(0, -1), 0]);
    await expect(archive.get('DOC-1')).rejects.toThrow('SHA-256 不符');
  });

  it('a large PDF goes to S3 whole: the 400 KB item limit no longer applies', async () => {
    const stores = await dynamoStores(undefined, undefined);
    closers.push(() => stores.close());
    const s3 = fakeS3();
    const archive = new DynamoDocumentArchive(
      documentClient(stores.local.client),
      LOCAL_TABLES.cases,
      new S3DocumentObjects(s3.client, 'evidence'),
    );
    const big = new Uint8Array(600 * 1024).fill(7);
    const record = { ...RECORD, docId: 'DOC-BIG', sha256: sha(big), sizeBytes: big.length };
    await archive.put(record, big);
    expect((await archive.get('DOC-BIG'))?.pdf.length).toBe(big.length);
  });
});
