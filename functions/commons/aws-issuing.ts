/**
 * Issuing documents on AWS (the `issuing` dependency): numbers by conditional puts and the records in the cases
 * table, the signed PDFs written once to the evidence bucket (KMS, Object Lock), the signing identity from Secrets
 * Manager, the PDF renderer with its font bundled beside the
 * handler. Passed to `awsDependencies` by the functions that issue only, so pdf-lib, node-forge and the font are in
 * their bundles alone.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { SecretsManagerSigningKeys } from '#adapters/aws/signing-keys.ts';
import { pdfDocumentRenderer } from '#adapters/documents/signed-pdf.ts';
import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoDocumentNumbers } from '#adapters/dynamodb/document-numbers.ts';
import type { DocumentIssuing } from '#ports/documents.ts';
import { awsDocumentObjects } from './aws-evidence.ts';
import { ENV, requireEnv } from './config.ts';

export function awsDocumentIssuing(): DocumentIssuing {
  const db = documentClient(new DynamoDBClient({}));
  const table = requireEnv(ENV.casesTable);
  return {
    numbers: new DynamoDocumentNumbers(db, table),
    archive: new DynamoDocumentArchive(db, table, awsDocumentObjects()),
    keys: new SecretsManagerSigningKeys(requireEnv(ENV.signingSecret), () => new Date()),
    renderer: pdfDocumentRenderer,
  };
}
