/**
 * Builds a function's dependencies on AWS, from its declared uses and the environment. SDK clients are created
 * once per container; a missing variable stops the function at start-up, naming it.
 *
 * Each case commit records its business metrics; traces are Lambda's own (active tracing, see observability.ts).
 *
 * The evidence store and the documents' PDFs are passed in by the functions that use them (`aws-evidence.ts`): S3 is
 * wired there (presigning without the S3 client, whose SDK client comes from the Lambda runtime).
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import { DynamoDocumentArchive } from '#adapters/dynamodb/document-archive.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { commitMetrics } from '#domain/metrics/case-metrics.ts';
import type { DocumentIssuing, DocumentObjects } from '#ports/documents.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import type { Deps } from '#use-cases/context.ts';
import {
  EventBridgeCaseClosures,
  EventBridgeCommandCenter,
  EventBridgeFilingSystem,
  SqsDeadLetters,
  sqsDelivery,
} from '../adapters/aws/messaging.ts';
import { SecretsManagerPartyKey } from '../adapters/aws/party-key.ts';
import { StepFunctionsEngine } from '../adapters/aws/sfn-engine.ts';
import { DynamoApprovalStore } from '../adapters/dynamodb/approval-store.ts';
import { DynamoCaseRepository } from '../adapters/dynamodb/case-repository.ts';
import { documentClient } from '../adapters/dynamodb/document-client.ts';
import { DynamoFieldStore } from '../adapters/dynamodb/field-store.ts';
import { DynamoPartnerRequestStore } from '../adapters/dynamodb/partner-request-store.ts';
import { DynamoPreservationStore } from '../adapters/dynamodb/preservation-store.ts';
import { DynamoReceivedMatterStore } from '../adapters/dynamodb/received-matter-store.ts';
import { RecordedRejections } from '../adapters/dynamodb/rejection-log.ts';
import type { TableNames } from '../adapters/dynamodb/tables.ts';
import { QueueWaker } from '../adapters/queue-waker.ts';
import { PartnerSimulator, PaymentSimulator } from '../adapters/simulators/partner-simulator.ts';
import type { DependencyName } from '../steps/manifest.ts';
import { ENV, requireEnv } from './config.ts';
import { recordMetrics } from './observability.ts';
import { referenceData } from './reference-data.ts';
import { systemClock } from './system-clock.ts';

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
  const needs = new Set<DependencyName>(uses);
  const reference = referenceData();
  // The journal is read only by the case repository: functions without it need not be given its name.
  const tables = (): TableNames => ({
    cases: requireEnv(ENV.casesTable),
    get journal() {
      return requireEnv(ENV.journalTable);
    },
    idempotency: process.env[ENV.idempotencyTable] ?? '',
  });
  const db = () => documentClient(new DynamoDBClient({}));
  const deps: { -readonly [K in keyof Deps]?: Deps[K] } = {};
  deps.clock = systemClock;
  deps.rules = reference.rules;
  deps.calendar = reference.calendar;
  if (needs.has('staff')) deps.staff = reference.staff;
  const closures = needs.has('closures')
    ? new EventBridgeCaseClosures(new EventBridgeClient({}), requireEnv(ENV.alertBusName))
    : undefined;
  if (closures) deps.closures = closures;
  if (needs.has('cases') || needs.has('queries')) {
    const repository = new DynamoCaseRepository(db(), tables(), {
      schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar),
      // Business metrics from what each commit records: filings, closures by way, overdue nodes, needs attention;
      // a commit that closes the case is announced (CaseClosed) so that its evidence is tagged for archiving.
      listener: async (commit) => {
        recordMetrics(commitMetrics(commit.events));
        if (closures && commit.events.some((e) => e.type === 'case-closed'))
          await closures.closed({ caseId: commit.caseId, at: commit.at });
      },
    });
    deps.cases = repository;
    deps.queries = repository;
  }
  if (needs.has('approvals')) deps.approvals = new DynamoApprovalStore(db(), tables());
  if (needs.has('received')) deps.received = new DynamoReceivedMatterStore(db(), tables());
  if (needs.has('preservations')) deps.preservations = new DynamoPreservationStore(db(), tables());
  if (needs.has('documents') && adapters.documentObjects)
    deps.documents = new DynamoDocumentArchive(db(), tables().cases, adapters.documentObjects());
  if (needs.has('field')) deps.field = new DynamoFieldStore(db(), tables());
  if (needs.has('requests')) deps.requests = new DynamoPartnerRequestStore(db(), tables());
  if (needs.has('engine')) {
    // Only the machines this function may start are configured (function-access.ts): intake the service phase,
    // settle the closure and settlement phases that staff ask for (and coercion or disposal again when a suspension
    // of enforcement is lifted, and the run that removes a listing on the applicant's request, C6), the sweeper the
    // node tasks.
    deps.engine = new StepFunctionsEngine(new SFNClient({}), {
      service: process.env[ENV.serviceMachineArn] ?? '',
      closure: process.env[ENV.closureMachineArn] ?? '',
      settlement: process.env[ENV.settlementMachineArn] ?? '',
      coercion: process.env[ENV.coercionMachineArn] ?? '',
      disposal: process.env[ENV.disposalMachineArn] ?? '',
      // Settle: a respondent who joined by a ruling (追加、变更) is served and inquired about by these phases' runs.
      investigation: process.env[ENV.investigationMachineArn] ?? '',
      'node-task': process.env[ENV.nodeTaskMachineArn] ?? '',
      renewal: process.env[ENV.renewalMachineArn] ?? '',
    });
  }
  if (needs.has('partners')) {
    // The partner network is simulated in this release: answers come back through the partner queue.
    const deliver = sqsDelivery(new SQSClient({}), requireEnv(ENV.partnerQueueUrl), systemClock.now);
    deps.partners = new PartnerSimulator({}, deliver, systemClock);
  }
  if (needs.has('wakes')) {
    deps.wakes = new QueueWaker(
      sqsDelivery(new SQSClient({}), requireEnv(ENV.partnerQueueUrl), systemClock.now),
      systemClock,
    );
  }
  if (needs.has('payments')) deps.payments = new PaymentSimulator();
  if (needs.has('alerts'))
    deps.alerts = new EventBridgeCommandCenter(new EventBridgeClient({}), requireEnv(ENV.alertBusName));
  if (needs.has('filing'))
    deps.filing = new EventBridgeFilingSystem(new EventBridgeClient({}), requireEnv(ENV.alertBusName));
  if (needs.has('rejections')) {
    deps.rejections = new RecordedRejections(
      db(),
      tables(),
      new SqsDeadLetters(new SQSClient({}), requireEnv(ENV.intakeDlqUrl)),
    );
  }
  if (needs.has('evidence') && adapters.evidence) deps.evidence = adapters.evidence();
  if (needs.has('issuing') && adapters.issuing) deps.issuing = adapters.issuing();
  if (needs.has('partyKey')) deps.partyKey = new SecretsManagerPartyKey(requireEnv(ENV.partyKeySecret));
  for (const name of uses) {
    if (deps[name] === undefined) throw new Error(`no AWS adapter for ${name}`);
  }
  return deps as Pick<Deps, U>;
}
