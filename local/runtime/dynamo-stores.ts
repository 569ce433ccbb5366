/**
 * The embedded runtime on the DynamoDB adapters over dynalite: for the usage meter (the cost model reads DynamoDB's
 * consumed capacity) and for tests that need DynamoDB's semantics. Loaded only when asked for, so the production
 * path never loads dynalite nor the AWS SDK's DynamoDB client.
 */
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { DynamoApprovalStore } from '#adapters/dynamodb/approval-store.ts';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { DynamoFieldStore } from '#adapters/dynamodb/field-store.ts';
import { DynamoPartnerRequestStore } from '#adapters/dynamodb/partner-request-store.ts';
import { DynamoPreservationStore } from '#adapters/dynamodb/preservation-store.ts';
import { DynamoReceivedMatterStore } from '#adapters/dynamodb/received-matter-store.ts';
import { RecordedRejections } from '#adapters/dynamodb/rejection-log.ts';
import { CASES_LAYOUT } from '#adapters/dynamodb/tables.ts';
import { LOCAL_TABLES, type LocalStore, openLocalStore } from './local-store.ts';
import { DynamoRuntimeStore } from './runtime-store.ts';
import type { CaseOptions, RuntimeStores } from './stores.ts';
import type { UsageMeter } from './usage.ts';
import { dynamoMeter } from './usage-dynamodb.ts';

export interface DynamoStores extends RuntimeStores {
  readonly local: LocalStore;
}

export async function dynamoStores(dataDir: string | undefined, meter: UsageMeter | undefined): Promise<DynamoStores> {
  const layouts = { [LOCAL_TABLES.cases]: CASES_LAYOUT };
  const local = await openLocalStore(
    dataDir,
    meter ? dynamoMeter(meter, { layouts, journal: LOCAL_TABLES.journal }) : undefined,
  );
  const db = documentClient(local.client);
  const tables = { cases: LOCAL_TABLES.cases, journal: LOCAL_TABLES.journal, idempotency: LOCAL_TABLES.idempotency };
  return {
    kind: 'dynamodb',
    local,
    runtimeStore: new DynamoRuntimeStore(db, LOCAL_TABLES.runtime),
    cases: (caseOptions: CaseOptions) => new DynamoCaseRepository(db, tables, caseOptions),
    approvals: new DynamoApprovalStore(db, tables),
    requests: new DynamoPartnerRequestStore(db, tables),
    received: new DynamoReceivedMatterStore(db, tables),
    preservations: new DynamoPreservationStore(db, tables),
    field: new DynamoFieldStore(db, tables),
    rejections: (deadLetters) => new RecordedRejections(db, tables, deadLetters),
    idempotency: new DynamoDBPersistenceLayer({ tableName: LOCAL_TABLES.idempotency, awsSdkV3Client: local.client }),
    operations: local.operations,
    operationsByKind: new Map(),
    sharedOperationsByKind: new Map(),
    close: () => local.close(),
  };
}
