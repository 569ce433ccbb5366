/**
 * The AWS adapter of each port, one factory apiece, and `awsPorts`, which builds a function's dependencies from the
 * factories of the ports it declares (STEP_USES, FUNCTION_USES). An entry point that passes only its own factories
 * bundles only those adapters: esbuild keeps what is referenced (a step no longer carries the partner simulator, the
 * staff directory or the intake's rejection log because another function uses them).
 *
 * SDK clients are created once per container (one DynamoDB client for all the stores); a missing variable stops the
 * function at start-up, naming it. Each case commit records its business metrics; traces are Lambda's own (active
 * tracing, see observability.ts).
 */

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { HOLIDAY_NOTICES } from '#config/calendar/index.ts';
import staff from '#config/staff.json' with { type: 'json' };
import { legalCalendar } from '#domain/calendar/legal-calendar.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import { commitMetrics } from '#domain/metrics/case-metrics.ts';
import { RULES } from '#domain/rules/values.ts';
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
import { JsonStaffDirectory } from '../adapters/staff/json-directory.ts';
import type { DependencyName } from '../steps/manifest.ts';
import { ENV, requireEnv } from './config.ts';
import { recordMetrics } from './observability.ts';
import { systemClock } from './system-clock.ts';

/** What a port's factory may use: the table names, the shared DynamoDB client, the function's other ports. */
export interface AwsContext {
  readonly tables: () => TableNames;
  readonly db: () => DynamoDBDocumentClient;
  /** Another port the function declares (built once), or undefined when it does not declare it. */
  readonly port: <K extends DependencyName>(name: K) => Deps[K] | undefined;
  /** A value built once and shared by the ports that need it. */
  readonly once: <T>(key: string, make: () => T) => T;
}

export type AwsPort<K extends DependencyName> = (context: AwsContext) => Deps[K];

/** The clock, the rule table and the legal calendar: every function has them, no factory needed. */
export type AlwaysWired = 'clock' | 'rules' | 'calendar';

/** The factories a function declaring `U` passes: exactly one per declared port beyond the three always wired. */
export type AwsPortsFor<U extends DependencyName> = { readonly [K in Exclude<U, AlwaysWired>]: AwsPort<K> };

export function awsPorts<U extends DependencyName>(uses: readonly U[], ports: AwsPortsFor<U>): Pick<Deps, U> {
  const declared = new Set<DependencyName>(uses);
  const factories = ports as Partial<Record<DependencyName, AwsPort<DependencyName>>>;
  const built = new Map<DependencyName, unknown>();
  const shared = new Map<string, unknown>();
  const once = <T>(key: string, make: () => T): T => {
    if (!shared.has(key)) shared.set(key, make());
    return shared.get(key) as T;
  };
  const context: AwsContext = {
    // The journal is read only by the case repository: functions without it need not be given its name.
    tables: () => ({
      cases: requireEnv(ENV.casesTable),
      get journal() {
        return requireEnv(ENV.journalTable);
      },
      idempotency: process.env[ENV.idempotencyTable] ?? '',
    }),
    db: () => once('db', () => documentClient(new DynamoDBClient({}))),
    port: <K extends DependencyName>(name: K): Deps[K] | undefined => {
      if (!declared.has(name)) return undefined;
      if (!built.has(name)) {
        const value = alwaysWired(name, context) ?? factories[name]?.(context);
        if (value === undefined) throw new Error(`no AWS adapter for ${name}`);
        built.set(name, value);
      }
      return built.get(name) as Deps[K];
    },
    once,
  };
  const deps: Partial<Record<DependencyName, unknown>> = {};
  for (const name of uses) deps[name] = context.port(name);
  return deps as Pick<Deps, U>;
}

function alwaysWired(name: DependencyName, context: AwsContext): Deps[AlwaysWired] | undefined {
  if (name === 'clock') return systemClock;
  if (name === 'rules') return RULES;
  if (name === 'calendar') return calendarOf(context);
  return undefined;
}

const calendarOf = (context: AwsContext) => context.once('calendar', () => legalCalendar(HOLIDAY_NOTICES));

/** The case repository, one per container: `cases` and `queries` are the same object. */
function caseRepository(context: AwsContext): DynamoCaseRepository {
  return context.once('case-repository', () => {
    const closures = context.port('closures');
    const calendar = calendarOf(context);
    return new DynamoCaseRepository(context.db(), context.tables(), {
      schedule: (state) => nextSweepAt(state, RULES, calendar),
      // Business metrics from what each commit records: filings, closures by way, overdue nodes, needs attention;
      // a commit that closes the case is announced (CaseClosed) so that its evidence is tagged for archiving.
      listener: async (commit) => {
        recordMetrics(commitMetrics(commit.events));
        if (closures && commit.events.some((e) => e.type === 'case-closed'))
          await closures.closed({ caseId: commit.caseId, at: commit.at });
      },
    });
  });
}

const eventBridge = (context: AwsContext) => context.once('eventbridge', () => new EventBridgeClient({}));
const sqs = (context: AwsContext) => context.once('sqs', () => new SQSClient({}));

export const awsCases: AwsPort<'cases'> = caseRepository;
export const awsQueries: AwsPort<'queries'> = caseRepository;
export const awsStaff: AwsPort<'staff'> = () => new JsonStaffDirectory(staff);
export const awsClosures: AwsPort<'closures'> = (c) =>
  new EventBridgeCaseClosures(eventBridge(c), requireEnv(ENV.alertBusName));
export const awsApprovals: AwsPort<'approvals'> = (c) => new DynamoApprovalStore(c.db(), c.tables());
export const awsReceived: AwsPort<'received'> = (c) => new DynamoReceivedMatterStore(c.db(), c.tables());
export const awsPreservations: AwsPort<'preservations'> = (c) => new DynamoPreservationStore(c.db(), c.tables());
export const awsField: AwsPort<'field'> = (c) => new DynamoFieldStore(c.db(), c.tables());
export const awsRequests: AwsPort<'requests'> = (c) => new DynamoPartnerRequestStore(c.db(), c.tables());
export const awsEngine: AwsPort<'engine'> = () =>
  // Only the machines this function may start are configured (function-access.ts): intake the service phase,
  // settle the closure and settlement phases that staff ask for (and coercion or disposal again when a suspension
  // of enforcement is lifted, and the run that removes a listing on the applicant's request, C6), the sweeper the
  // node tasks.
  new StepFunctionsEngine(new SFNClient({}), {
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
// The partner network is simulated in this release: answers come back through the partner queue.
export const awsPartners: AwsPort<'partners'> = (c) =>
  new PartnerSimulator({}, sqsDelivery(sqs(c), requireEnv(ENV.partnerQueueUrl), systemClock.now), systemClock);
export const awsWakes: AwsPort<'wakes'> = (c) =>
  new QueueWaker(sqsDelivery(sqs(c), requireEnv(ENV.partnerQueueUrl), systemClock.now), systemClock);
export const awsPayments: AwsPort<'payments'> = () => new PaymentSimulator();
export const awsAlerts: AwsPort<'alerts'> = (c) =>
  new EventBridgeCommandCenter(eventBridge(c), requireEnv(ENV.alertBusName));
export const awsFiling: AwsPort<'filing'> = (c) =>
  new EventBridgeFilingSystem(eventBridge(c), requireEnv(ENV.alertBusName));
export const awsRejections: AwsPort<'rejections'> = (c) =>
  new RecordedRejections(c.db(), c.tables(), new SqsDeadLetters(sqs(c), requireEnv(ENV.intakeDlqUrl)));
export const awsPartyKey: AwsPort<'partyKey'> = () => new SecretsManagerPartyKey(requireEnv(ENV.partyKeySecret));
