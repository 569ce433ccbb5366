/**
 * The evidence store on AWS: S3 with the pinned client and presigner, bundled into the functions that use evidence
 * only (pass it to `awsDependencies`).
 */
import { S3Client } from '@aws-sdk/client-s3';
import type { DocumentObjects } from '#ports/documents.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import { S3DocumentObjects } from '../adapters/s3/document-objects.ts';
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

/** The signed PDFs of issued documents, kept in the evidence bucket (S3 with KMS and Object Lock). */
export function awsDocumentObjects(): DocumentObjects {
  return new S3DocumentObjects(new S3Client({}), requireEnv(ENV.evidenceBucket));
}
