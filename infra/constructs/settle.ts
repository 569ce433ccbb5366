/**
 * Settle: the only function that may resume a waiting execution (states:SendTask*). Staff decisions reach it by
 * direct invocation; partner answers through the partner queue (KMS, with its own dead-letter queue), read as a
 * batch event source that reports partial failures. Also here: the alert bus the command center listens on.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus } from 'aws-cdk-lib/aws-events';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { EventSourceMapping } from 'aws-cdk-lib/aws-lambda';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functionEntry } from '../paths.ts';
import { terminalDeadLetterQueue } from './queues.ts';
import { StepFunction } from './step-function.ts';

export interface SettleProps {
  readonly namePrefix: string;
  readonly key: IKey;
  readonly memorySize: number;
  readonly logRetention: RetentionDays;
}

export const SETTLE_TIMEOUT = Duration.seconds(30);
/** A partner answer that failed this many receives goes to the dead-letter queue. */
export const PARTNER_MAX_RECEIVE_COUNT = 5;

export class Settle extends Construct {
  readonly handler: StepFunction;
  readonly partnerQueue: Queue;
  readonly partnerDeadLetterQueue: Queue;
  readonly partnerAnswers: EventSourceMapping;
  readonly alertBus: EventBus;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: SettleProps) {
    super(scope, id);
    this.alertBus = new EventBus(this, 'AlertBus', {
      eventBusName: `${props.namePrefix}-alerts`,
      description: 'Command-center alerts from the enforcement workflows',
    });

    this.partnerDeadLetterQueue = terminalDeadLetterQueue(
      this,
      'PartnerDeadLetters',
      props.key,
      'Terminal queue of the partner-answer queue (its redrive target): answers that failed ' +
        `${PARTNER_MAX_RECEIVE_COUNT} receives wait here for an operator to inspect and redrive; nothing reads it ` +
        'automatically, so a dead-letter queue of its own would never be used.',
    );
    this.partnerQueue = new Queue(this, 'PartnerAnswers', {
      encryption: QueueEncryption.KMS,
      encryptionMasterKey: props.key,
      dataKeyReuse: Duration.minutes(5),
      enforceSSL: true,
      // Six times the function timeout, as Lambda recommends for SQS event sources.
      visibilityTimeout: Duration.seconds(SETTLE_TIMEOUT.toSeconds() * 6),
      retentionPeriod: Duration.days(4),
      deadLetterQueue: { queue: this.partnerDeadLetterQueue, maxReceiveCount: PARTNER_MAX_RECEIVE_COUNT },
    });

    this.handler = new StepFunction(this, 'Function', {
      functionName: `${props.namePrefix}-settle`,
      description: 'Resumes waiting executions: staff decisions on approvals and partner answers',
      entry: functionEntry('settle'),
      key: props.key,
      memorySize: props.memorySize,
      timeout: SETTLE_TIMEOUT,
      logRetention: props.logRetention,
      noDeadLetterQueueReason:
        'Settle is only invoked synchronously: by the staff API (RequestResponse: the caller receives the ' +
        'outcome) and by the SQS event source mapping (a failed answer returns to the partner queue and moves ' +
        'to its dead-letter queue after maxReceiveCount). A function dead-letter queue only receives failed ' +
        'asynchronous invocations, and there are none.',
    });

    this.partnerQueue.grantConsumeMessages(this.handler.role);
    this.partnerAnswers = this.handler.function.addEventSourceMapping('PartnerAnswers', {
      eventSourceArn: this.partnerQueue.queueArn,
      batchSize: 10,
      maxBatchingWindow: Duration.seconds(5),
      reportBatchItemFailures: true,
    });
    Validations.of(this.partnerAnswers).acknowledge({
      id: 'Serverless-LambdaEventSourceMappingDestination',
      reason:
        'SQS event source mappings support no on-failure destination; failed partner answers are kept by the ' +
        `queue's redrive policy, which moves them to the partner dead-letter queue after ` +
        `${PARTNER_MAX_RECEIVE_COUNT} receives (batch item failures are reported per message).`,
    });

    this.deadLetterAlarm = this.partnerDeadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'PartnerDeadLettersVisible', {
        alarmName: `${props.namePrefix}-partner-dead-letters`,
        alarmDescription: 'Partner answers could not be processed and wait in the dead-letter queue.',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}
