/**
 * The evidence store on AWS: S3 with the pinned client and presigner, bundled into the functions that use evidence
 * only (pass it to `awsDependencies`).
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import { S3EvidenceStore } from '../adapters/s3/evidence-store.ts';
import { ENV, requireEnv } from './config.ts';

export function awsEvidenceStore(): EvidenceStore {
  return new S3EvidenceStore({
    // Not traced (observability.ts): X-Ray's trace header must not become part of a presigned upload's request.
    // Checksums are what the application signs in (x-amz-checksum-sha256), never ones the SDK adds.
    client: new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    bucket: requireEnv(ENV.evidenceBucket),
  });
}
