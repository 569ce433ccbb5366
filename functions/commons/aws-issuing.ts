/**
 * Issuing documents on AWS (the `issuing` dependency): numbers by conditional puts and the records in the cases
 * table, the signed PDFs written once to the evidence bucket (KMS, Object Lock), rendered and signed by the
 * render-document function (the only one with the renderer, the font and the signing identity). The factory of
 * the `issuing` port, passed by the functions that issue only.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { LambdaDocumentSigner } from '#adapters/aws/lambda-signer.ts';
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
    signer: new LambdaDocumentSigner(new LambdaClient({}), requireEnv(ENV.renderFunction)),
  };
}
