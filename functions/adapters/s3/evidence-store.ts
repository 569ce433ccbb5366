/**
 * The evidence store on S3: presigned uploads with the SHA-256 signed in (x-amz-checksum-sha256 kept as a header,
 * so S3 checks the body against it), Content-Length and Content-Type signed; multipart uploads with a signed
 * SHA-256 per part; heads with the stored checksum; legal holds. Requests are presigned by `S3Presigner` (SigV4,
 * no S3 client); the other calls go through the S3 client. (The embedded runtime has its own store,
 * local/evidence/vault.ts, behind the same port.)
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  GetObjectCommand,
  GetObjectLegalHoldCommand,
  HeadObjectCommand,
  PutObjectLegalHoldCommand,
  PutObjectTaggingCommand,
  RestoreObjectCommand,
  type S3Client,
} from '@aws-sdk/client-s3';
import { plusSeconds } from '#domain/calendar/local-date.ts';
import { hexToBase64 } from '#domain/evidence/objects.ts';
import { parseRestoreHeader } from '#domain/evidence/retention.ts';
import { RULES } from '#domain/rules/values.ts';
import type { EvidenceStore, PresignedRequest, Signing, StoredObject } from '#ports/evidence-store.ts';
import type { S3Presigner } from './presigner.ts';

/** x-amz-checksum-sha256 must stay a header: S3 checks a hoisted (query-string) checksum against nothing. */
const UNHOISTABLE = new Set(['x-amz-checksum-sha256']);

export interface S3EvidenceStoreOptions {
  readonly client: S3Client;
  readonly bucket: string;
  /** Signs the uploads and download links (for the same bucket). */
  readonly presigner: S3Presigner;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string } | null)?.name;
  return name === 'NotFound' || name === 'NoSuchKey' || name === 'NoSuchVersion';
}

export class S3EvidenceStore implements EvidenceStore {
  private readonly client: S3Client;
  private readonly bucket: string;
  private readonly presigner: S3Presigner;

  constructor(options: S3EvidenceStoreOptions) {
    this.client = options.client;
    this.bucket = options.bucket;
    this.presigner = options.presigner;
  }

  async presignUpload(
    request: { key: string; contentType: string; sizeBytes: number; sha256: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const headers = {
      'content-type': request.contentType,
      'content-length': String(request.sizeBytes),
      'x-amz-checksum-sha256': hexToBase64(request.sha256),
    };
    const url = await this.presigner.presign({
      method: 'PUT',
      operation: 'PutObject',
      key: request.key,
      headers,
      ...signingOptions(signing),
    });
    return {
      method: 'PUT',
      url,
      headers,
      expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds),
    };
  }

  async startMultipart(request: { key: string; contentType: string }): Promise<{ uploadId: string }> {
    const created = await this.client.send(
      new CreateMultipartUploadCommand({
        Bucket: this.bucket,
        Key: request.key,
        ContentType: request.contentType,
        ChecksumAlgorithm: 'SHA256',
        ChecksumType: 'COMPOSITE',
      }),
    );
    if (!created.UploadId) throw new Error(`no upload id for ${request.key}`);
    return { uploadId: created.UploadId };
  }

  async presignPart(
    request: { key: string; uploadId: string; partNumber: number; sizeBytes: number; sha256: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const headers = {
      'content-length': String(request.sizeBytes),
      'x-amz-checksum-sha256': hexToBase64(request.sha256),
    };
    const url = await this.presigner.presign({
      method: 'PUT',
      operation: 'UploadPart',
      key: request.key,
      query: { partNumber: String(request.partNumber), uploadId: request.uploadId },
      headers,
      ...signingOptions(signing),
    });
    return {
      method: 'PUT',
      url,
      headers,
      expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds),
    };
  }

  async completeMultipart(request: {
    key: string;
    uploadId: string;
    parts: readonly { partNumber: number; etag: string; sha256: string }[];
  }): Promise<void> {
    await this.client.send(
      new CompleteMultipartUploadCommand({
        Bucket: this.bucket,
        Key: request.key,
        UploadId: request.uploadId,
        MultipartUpload: {
          Parts: request.parts.map((p) => ({
            PartNumber: p.partNumber,
            ETag: p.etag,
            ChecksumSHA256: hexToBase64(p.sha256),
          })),
        },
      }),
    );
  }

  async head(key: string, versionId?: string): Promise<StoredObject | undefined> {
    try {
      const head = await this.client.send(
        new HeadObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(versionId ? { VersionId: versionId } : {}),
          ChecksumMode: 'ENABLED',
        }),
      );
      return {
        key,
        sizeBytes: head.ContentLength ?? 0,
        lastModified: (head.LastModified ?? new Date(0)).toISOString(),
        ...(head.VersionId && head.VersionId !== 'null' ? { versionId: head.VersionId } : {}),
        ...(head.ContentType ? { contentType: head.ContentType } : {}),
        ...(head.ChecksumSHA256 ? { checksumSha256: head.ChecksumSHA256 } : {}),
        ...(head.ChecksumType ? { checksumType: head.ChecksumType } : {}),
        storageClass: head.StorageClass ?? 'STANDARD',
        restore: parseRestoreHeader(head.Restore),
      };
    } catch (error) {
      if (isNotFound(error)) return undefined;
      throw error;
    }
  }

  async hash(key: string, versionId?: string): Promise<{ sha256: string; sizeBytes: number }> {
    const object = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: key, ...(versionId ? { VersionId: versionId } : {}) }),
    );
    const digest = createHash('sha256');
    let sizeBytes = 0;
    for await (const chunk of object.Body as Readable) {
      const bytes = chunk as Buffer;
      digest.update(bytes);
      sizeBytes += bytes.length;
    }
    return { sha256: digest.digest('hex'), sizeBytes };
  }

  async presignDownload(
    request: { key: string; versionId?: string; disposition: 'inline' | 'attachment'; fileName: string },
    signing: Signing,
  ): Promise<PresignedRequest> {
    const url = await this.presigner.presign({
      method: 'GET',
      operation: 'GetObject',
      key: request.key,
      query: {
        'response-content-disposition': `${request.disposition}; filename="${request.fileName}"`,
        ...(request.versionId ? { versionId: request.versionId } : {}),
      },
      ...signingOptions(signing),
    });
    return {
      method: 'GET',
      url,
      headers: {},
      expiresAt: plusSeconds(signing.signedAt, signing.expiresInSeconds),
    };
  }

  async setLegalHold(key: string, versionId: string | undefined, on: boolean): Promise<void> {
    await this.client.send(
      new PutObjectLegalHoldCommand({
        Bucket: this.bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        LegalHold: { Status: on ? 'ON' : 'OFF' },
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }

  async markCaseClosed(key: string, versionId: string | undefined): Promise<void> {
    const { key: tagKey, value } = RULES.P_EVIDENCE_STORAGE.closedTag;
    await this.client.send(
      new PutObjectTaggingCommand({
        Bucket: this.bucket,
        Key: key,
        ...(versionId ? { VersionId: versionId } : {}),
        Tagging: { TagSet: [{ Key: tagKey, Value: value }] },
        ChecksumAlgorithm: 'SHA256',
      }),
    );
  }

  async restore(key: string, versionId: string | undefined, days: number): Promise<void> {
    try {
      await this.client.send(
        new RestoreObjectCommand({
          Bucket: this.bucket,
          Key: key,
          ...(versionId ? { VersionId: versionId } : {}),
          RestoreRequest: { Days: days, GlacierJobParameters: { Tier: 'Standard' } },
          ChecksumAlgorithm: 'SHA256',
        }),
      );
    } catch (error) {
      // A restore already under way: S3 answers 409 RestoreAlreadyInProgress; asking again changes nothing.
      if ((error as { name?: string }).name === 'RestoreAlreadyInProgress') return;
      throw error;
    }
  }

  async legalHold(key: string, versionId: string | undefined): Promise<boolean> {
    try {
      const hold = await this.client.send(
        new GetObjectLegalHoldCommand({
          Bucket: this.bucket,
          Key: key,
          ...(versionId ? { VersionId: versionId } : {}),
        }),
      );
      return hold.LegalHold?.Status === 'ON';
    } catch (error) {
      if ((error as { name?: string }).name === 'NoSuchObjectLockConfiguration') return false;
      throw error;
    }
  }
}

function signingOptions(signing: Signing) {
  return {
    signedAt: new Date(signing.signedAt),
    expiresInSeconds: signing.expiresInSeconds,
    unhoistable: UNHOISTABLE,
  };
}
