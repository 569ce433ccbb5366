/**
 * Builds a function's dependencies on AWS from its declared uses, with every port's adapter at hand: for the
 * functions whose entry points do not yet name their ports' factories (records-api). `awsPorts` of aws-ports.ts,
 * which bundles only the adapters passed to it, is what the steps and the other functions use.
 *
 * The evidence store and the documents' PDFs are passed in by the functions that use them (`aws-evidence.ts`): S3 is
 * wired there (presigning without the S3 client, whose SDK client comes from the Lambda runtime).
 */

import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import type { DocumentIssuing, DocumentObjects } from '#ports/documents.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import type { Deps } from '#use-cases/context.ts';
import type { DependencyName } from '../steps/manifest.ts';
import {
  type AwsPort,
  type AwsPortsFor,
  awsAlerts,
  awsApprovals,
  awsCases,
  awsClosures,
  awsEngine,
  awsField,
  awsFiling,
  awsPartners,
  awsPartyKey,
  awsPayments,
  awsPorts,
  awsPreservations,
  awsQueries,
  awsReceived,
  awsRejections,
  awsRequests,
  awsStaff,
  awsWakes,
} from './aws-ports.ts';

export interface AwsAdapters {
  /** The S3 evidence store (`awsEvidenceStore` of aws-evidence.ts), for functions that use evidence. */
  readonly evidence?: () => EvidenceStore;
  /** The signed PDFs on S3 (`awsDocumentObjects` of aws-evidence.ts), for functions that read documents. */
  readonly documentObjects?: () => DocumentObjects;
  /** Issuing documents (`awsDocumentIssuing` of aws-issuing.ts), for the functions that issue. */
  readonly issuing?: () => DocumentIssuing;
}

export function awsDependencies<U extends DependencyName>(
  uses: readonly U[],
  adapters: AwsAdapters = {},
): Pick<Deps, U> {
  const { evidence, documentObjects, issuing } = adapters;
  const documents: AwsPort<'documents'> | undefined =
    documentObjects && ((c) => new DynamoDocumentArchive(c.db(), c.tables().cases, documentObjects()));
  const ports: Partial<{ [K in DependencyName]: AwsPort<K> }> = {
    cases: awsCases,
    queries: awsQueries,
    staff: awsStaff,
    closures: awsClosures,
    approvals: awsApprovals,
    received: awsReceived,
    preservations: awsPreservations,
    field: awsField,
    requests: awsRequests,
    engine: awsEngine,
    partners: awsPartners,
    wakes: awsWakes,
    payments: awsPayments,
    alerts: awsAlerts,
    filing: awsFiling,
    rejections: awsRejections,
    partyKey: awsPartyKey,
    ...(evidence && { evidence }),
    ...(documents && { documents }),
    ...(issuing && { issuing }),
  };
  return awsPorts(uses, ports as AwsPortsFor<U>);
}
