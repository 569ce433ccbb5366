/**
 * The evidence store on AWS: S3, its requests presigned without the S3 client (SigV4, `S3Presigner`) and its other
 * calls made with the S3 client the Lambda runtime provides; and the issued documents, whose PDFs are in the same
 * bucket. The factories of the `evidence` and `documents` ports, passed to `awsPorts` by the functions that use them.
 */
import { S3Client } from '@aws-sdk/client-s3';
import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import type { DocumentObjects } from '#ports/documents.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import { S3DocumentObjects } from '../adapters/s3/document-objects.ts';
import { S3EvidenceStore } from '../adapters/s3/evidence-store.ts';
import { environmentCredentials, S3Presigner } from '../adapters/s3/presigner.ts';
import type { AwsPort } from './aws-ports.ts';
import { ENV, requireEnv } from './config.ts';

export function awsEvidenceStore(): EvidenceStore {
  const bucket = requireEnv(ENV.evidenceBucket);
  return new S3EvidenceStore({
    // Not traced (observability.ts). Checksums are what the application signs in (x-amz-checksum-sha256), never
    // ones the SDK adds.
    client: new S3Client({
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    }),
    bucket,
    // The execution role's credentials, as the runtime sets them; AWS_REGION is set by the Lambda runtime.
    presigner: new S3Presigner({ bucket, region: requireEnv('AWS_REGION'), credentials: environmentCredentials() }),
  });
}

/** The signed PDFs of issued documents, kept in the evidence bucket (S3 with KMS and Object Lock). */
export function awsDocumentObjects(): DocumentObjects {
  return new S3DocumentObjects(new S3Client({}), requireEnv(ENV.evidenceBucket));
}

/** The case's issued documents: their records in the cases table, their signed PDFs in the evidence bucket. */
export const awsDocuments: AwsPort<'documents'> = (c) =>
  new DynamoDocumentArchive(c.db(), c.tables().cases, awsDocumentObjects());
