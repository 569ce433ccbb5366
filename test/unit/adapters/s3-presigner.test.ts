/**
 * Evidence requests presigned without the S3 client (SigV4 over @smithy/signature-v4): for the same request,
 * credentials and instant, each URL is the one the SDK's presigner (@aws-sdk/s3-request-presigner's getSignedUrl
 * over the S3 client, as the store signed before) makes, byte for byte, so S3 accepts it as it accepted those.
 */
import {
  GetObjectCommand,
  PutObjectCommand,
  S3Client,
  type S3ClientConfig,
  UploadPartCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { describe, expect, it } from 'vitest';
import { S3EvidenceStore } from '#adapters/s3/evidence-store.ts';
import { environmentCredentials, S3Presigner } from '#adapters/s3/presigner.ts';
import { hexToBase64 } from '#domain/evidence/objects.ts';
import type { Signing } from '#ports/evidence-store.ts';

const CREDENTIALS = {
  accessKeyId: 'ASIAEXAMPLEEXAMPLE01',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  sessionToken: 'IQoJb3JpZ2luX2VjEXAMPLE/token+with=odd/characters',
};
const BUCKET = 'enforcement-evidence-123456789012';
const SIGNING: Signing = { signedAt: '2026-12-03T10:00:00.000Z', expiresInSeconds: 900 };
const UNHOISTABLE = new Set(['x-amz-checksum-sha256']);

function sdkClient(region: string): S3Client {
  const config: S3ClientConfig = {
    region,
    credentials: CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  };
  return new S3Client(config);
}

/** The SDK's presigning, with the options the store passed it before. */
function sdkOptions(signed: readonly string[]) {
  return {
    expiresIn: SIGNING.expiresInSeconds,
    signingDate: new Date(SIGNING.signedAt),
    unhoistableHeaders: new Set(UNHOISTABLE),
    signableHeaders: new Set(signed),
  };
}

function store(region: string, credentials = async () => CREDENTIALS): S3EvidenceStore {
  return new S3EvidenceStore({
    client: sdkClient(region),
    bucket: BUCKET,
    presigner: new S3Presigner({ bucket: BUCKET, region, credentials }),
  });
}

// Keys with what must be escaped: spaces, Chinese, reserved characters ('()!*), a plus sign.
const KEYS = ['cases/C-1/evidence/EV-1/photo.jpg', "cases/C 1/evidence/照片 (1)/it's+a*b!.jpg"];
const REGIONS = ['us-east-1', 'eu-central-1', 'cn-north-1'];

describe('S3Presigner (evidence uploads and links, no S3 client)', () => {
  for (const region of REGIONS) {
    for (const key of KEYS) {
      it(`signs a single upload as the SDK does (${region}, ${key})`, async () => {
        const sha256 = 'ab'.repeat(32);
        const ours = await store(region).presignUpload(
          { key, contentType: 'image/jpeg', sizeBytes: 1_234_567, sha256 },
          SIGNING,
        );
        const sdk = await getSignedUrl(
          sdkClient(region),
          new PutObjectCommand({
            Bucket: BUCKET,
            Key: key,
            ContentType: 'image/jpeg',
            ContentLength: 1_234_567,
            ChecksumSHA256: hexToBase64(sha256),
          }),
          sdkOptions(['content-type', 'content-length']),
        );
        expect(ours.url).toBe(sdk);
        expect(ours.headers).toEqual({
          'content-type': 'image/jpeg',
          'content-length': '1234567',
          'x-amz-checksum-sha256': hexToBase64(sha256),
        });
      });

      it(`signs a multipart part as the SDK does (${region}, ${key})`, async () => {
        const sha256 = 'cd'.repeat(32);
        const uploadId = 'VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA/+=';
        const ours = await store(region).presignPart(
          { key, uploadId, partNumber: 7, sizeBytes: 8_388_608, sha256 },
          SIGNING,
        );
        const sdk = await getSignedUrl(
          sdkClient(region),
          new UploadPartCommand({
            Bucket: BUCKET,
            Key: key,
            UploadId: uploadId,
            PartNumber: 7,
            ContentLength: 8_388_608,
            ChecksumSHA256: hexToBase64(sha256),
          }),
          sdkOptions(['content-length']),
        );
        expect(ours.url).toBe(sdk);
      });

      it(`signs a download link as the SDK does (${region}, ${key})`, async () => {
        for (const versionId of [undefined, '3HL4kqtJlcpXroDTDmJ+rmSpXd3dIbrHY+MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo']) {
          const ours = await store(region).presignDownload(
            { key, ...(versionId ? { versionId } : {}), disposition: 'attachment', fileName: '现场照片 (1).jpg' },
            SIGNING,
          );
          const sdk = await getSignedUrl(
            sdkClient(region),
            new GetObjectCommand({
              Bucket: BUCKET,
              Key: key,
              ...(versionId ? { VersionId: versionId } : {}),
              ResponseContentDisposition: 'attachment; filename="现场照片 (1).jpg"',
            }),
            sdkOptions([]),
          );
          expect(ours.url).toBe(sdk);
          expect(ours.headers).toEqual({});
        }
      });
    }
  }

  it('signs with the credentials of the moment: another secret, another signature', async () => {
    const request = { key: KEYS[0] as string, contentType: 'image/jpeg', sizeBytes: 10, sha256: 'ab'.repeat(32) };
    const one = await store('us-east-1').presignUpload(request, SIGNING);
    const other = await store('us-east-1', async () => ({ ...CREDENTIALS, secretAccessKey: 'another' })).presignUpload(
      request,
      SIGNING,
    );
    expect(new URL(one.url).searchParams.get('X-Amz-Signature')).not.toBe(
      new URL(other.url).searchParams.get('X-Amz-Signature'),
    );
  });

  it('addresses the bucket virtual-hosted style only: a dotted name is refused', () => {
    expect(
      () => new S3Presigner({ bucket: 'evidence.court', region: 'us-east-1', credentials: async () => CREDENTIALS }),
    ).toThrow(/virtual-hosted/);
  });
});

describe('environmentCredentials (the execution role, as the Lambda runtime sets it)', () => {
  it('reads the key, the secret and the session token', async () => {
    const read = environmentCredentials({
      AWS_ACCESS_KEY_ID: 'AKID',
      AWS_SECRET_ACCESS_KEY: 'SECRET',
      AWS_SESSION_TOKEN: 'TOKEN',
    });
    await expect(read()).resolves.toEqual({ accessKeyId: 'AKID', secretAccessKey: 'SECRET', sessionToken: 'TOKEN' });
  });

  it('needs no session token (long-term keys)', async () => {
    const read = environmentCredentials({ AWS_ACCESS_KEY_ID: 'AKID', AWS_SECRET_ACCESS_KEY: 'SECRET' });
    await expect(read()).resolves.toEqual({ accessKeyId: 'AKID', secretAccessKey: 'SECRET' });
  });

  it('refuses to sign without credentials', async () => {
    await expect(environmentCredentials({ AWS_ACCESS_KEY_ID: 'AKID' })()).rejects.toThrow(/no AWS credentials/);
  });
});
