/**
 * Recording landed evidence: S3 sends the evidence bucket's Object Created events to the account's default
 * EventBridge bus; a rule sends those under `cases/` to the record-evidence function, with retries and a
 * KMS-encrypted dead-letter queue (which the function's failed asynchronous invocations also use) that alarms as
 * soon as it holds a message. A second rule sends the alert bus's `CaseClosed` events to the same function, which
 * tags the closed case's evidence for the archive tiers (P-EVIDENCE-STORAGE).
 */
import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { type IEventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functionEntry } from '../paths.ts';
import type { EncryptionKey } from './encryption-key.ts';
import { terminalDeadLetterQueue } from './queues.ts';
import { StepFunction } from './step-function.ts';

export interface RecordEvidenceProps {
  readonly namePrefix: string;
  readonly encryption: EncryptionKey;
  readonly bucket: IBucket;
  /** The alert bus, where functions that close a case announce it (CaseClosed). */
  readonly alertBus: IEventBus;
  readonly memorySize: number;
  readonly logRetention: RetentionDays;
}

/** Long enough to re-hash the largest video P-EVIDENCE accepts, streamed from S3. */
export const RECORD_EVIDENCE_TIMEOUT = Duration.minutes(10);
export const RECORD_EVIDENCE_RETRY_ATTEMPTS = 8;
export const RECORD_EVIDENCE_MAX_EVENT_AGE = Duration.hours(24);

/** Detail type of the closure announcement (functions/adapters/aws/messaging.ts CASE_CLOSED_DETAIL_TYPE). */
export const CASE_CLOSED_DETAIL_TYPE = 'CaseClosed';
export const ALERT_SOURCE = 'court.enforcement';

export class RecordEvidence extends Construct {
  readonly rule: Rule;
  readonly closedRule: Rule;
  readonly deadLetterQueue: Queue;
  readonly handler: StepFunction;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: RecordEvidenceProps) {
    super(scope, id);
    const key = props.encryption.key;
    const ruleName = `${props.namePrefix}-evidence-landed`;
    props.encryption.allowEventBridgeDefaultBusRule(ruleName);

    this.deadLetterQueue = terminalDeadLetterQueue(
      this,
      'DeadLetters',
      key,
      'Terminal queue of evidence recording: Object Created events EventBridge could not deliver and ' +
        'asynchronous invocations that failed after their retries. An operator inspects and redrives them; ' +
        'nothing consumes it automatically, so it has no dead-letter queue of its own.',
    );

    this.handler = new StepFunction(this, 'Function', {
      functionName: `${props.namePrefix}-record-evidence`,
      description: 'Object Created target: checks landed evidence against its declared upload and records it',
      entry: functionEntry('record-evidence'),
      key,
      memorySize: props.memorySize,
      timeout: RECORD_EVIDENCE_TIMEOUT,
      logRetention: props.logRetention,
      deadLetterQueue: this.deadLetterQueue,
    });

    this.rule = new Rule(this, 'Landed', {
      ruleName,
      description: 'Evidence objects created in the evidence bucket, to the record-evidence function',
      eventPattern: {
        source: ['aws.s3'],
        detailType: ['Object Created'],
        // Evidence keys only: the issued documents kept in the same bucket (cases/<case>/documents/…) are not evidence.
        detail: { bucket: { name: [props.bucket.bucketName] }, object: { key: [{ wildcard: 'cases/*/evidence/*' }] } },
      },
      targets: [
        new LambdaFunction(this.handler.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: RECORD_EVIDENCE_RETRY_ATTEMPTS,
          maxEventAge: RECORD_EVIDENCE_MAX_EVENT_AGE,
        }),
      ],
    });

    // The alert bus's rules deliver failures to the KMS-encrypted dead-letter queue too.
    props.encryption.allowEventBridgeRules(props.alertBus.eventBusName);
    this.closedRule = new Rule(this, 'CaseClosed', {
      ruleName: `${props.namePrefix}-evidence-case-closed`,
      description: 'A case closed: record-evidence tags its evidence for the archive storage tiers',
      eventBus: props.alertBus,
      eventPattern: { source: [ALERT_SOURCE], detailType: [CASE_CLOSED_DETAIL_TYPE] },
      targets: [
        new LambdaFunction(this.handler.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: RECORD_EVIDENCE_RETRY_ATTEMPTS,
          maxEventAge: RECORD_EVIDENCE_MAX_EVENT_AGE,
        }),
      ],
    });

    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLettersVisible', {
        alarmName: `${props.namePrefix}-evidence-dead-letters`,
        alarmDescription: 'Evidence that landed could not be recorded: events wait in the dead-letter queue.',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}
