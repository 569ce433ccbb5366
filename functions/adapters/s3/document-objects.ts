/**
 * Signed PDFs on S3, in the evidence bucket (SSE-KMS with the stack's key, Object Lock with its default retention)
 * under `cases/<caseId>/documents/<docId>.pdf`: put once with `If-None-Match: *` and the SHA-256 for S3 to check;
 * a second put of the same key is refused by S3 (412), and passes only when the object there has the same SHA-256
 * (a retried issue renders the same bytes).
 */
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { hexToBase64 } from '#domain/evidence/objects.ts';
import { DocumentExistsError, type DocumentObjects } from '#ports/documents.ts';

function status(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } } | null)?.$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || status(error) === 404;
}

export class S3DocumentObjects implements DocumentObjects {
  private readonly client: S3Client;
  private readonly bucket: string;
  constructor(client: S3Client, bucket: string) {
    this.client = client;
    this.bucket = bucket;
  }

  async putOnce(key: string, pdf: Uint8Array, sha256: string): Promise<void> {
    const checksum = hexToBase64(sha256);
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: pdf,
          ContentType: 'application/pdf',
          ChecksumSHA256: checksum,
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      if (status(error) !== 412 && (error as { name?: string } | null)?.name !== 'PreconditionFailed') throw error;
      const there = await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: key, ChecksumMode: 'ENABLED' }),
      );
      if (there.ChecksumSHA256 !== checksum) throw new DocumentExistsError(key);
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    try {
      const found = await this.client.send(new GetObjectCommand({ Bucket: this.bucket, Key: key }));
      return found.Body ? await found.Body.transformToByteArray() : undefined;
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }
}
