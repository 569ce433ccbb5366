/**
 * Intake: the court filing system puts `EnforcementCaseFiled` events on a custom bus; a rule sends them to the
 * intake function. Whatever cannot be delivered or processed lands in one KMS-encrypted dead-letter queue,
 * which the intake function also uses for events it rejects, and which alarms as soon as it holds a message.
 */
import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { EventBus, Rule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import { PolicyStatement } from 'aws-cdk-lib/aws-iam';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { ENV } from '#commons/config.ts';
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE } from '#contracts/intake-event.ts';
import { PARTY_CHANGE_DETAIL_TYPE } from '#contracts/party-change-event.ts';
import { PRESERVATION_DETAIL_TYPE, PRESERVATION_SOURCE } from '#contracts/preservation-event.ts';
import { functionEntry } from '../paths.ts';
import type { CaseStore } from './case-store.ts';
import type { EncryptionKey } from './encryption-key.ts';
import { terminalDeadLetterQueue } from './queues.ts';
import { StepFunction } from './step-function.ts';

export interface IntakeProps {
  readonly namePrefix: string;
  readonly encryption: EncryptionKey;
  readonly store: CaseStore;
  readonly memorySize: number;
  readonly logRetention: RetentionDays;
}

/** EventBridge retries a failed delivery with backoff for up to this long, this many times. */
export const INTAKE_RETRY_ATTEMPTS = 8;
export const INTAKE_MAX_EVENT_AGE = Duration.hours(24);

export class Intake extends Construct {
  readonly bus: EventBus;
  readonly rule: Rule;
  readonly deadLetterQueue: Queue;
  readonly handler: StepFunction;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: IntakeProps) {
    super(scope, id);
    const key: IKey = props.encryption.key;
    const busName = `${props.namePrefix}-intake`;
    this.bus = new EventBus(this, 'Bus', {
      eventBusName: busName,
      description: 'Filed enforcement cases from the court filing system',
    });
    props.encryption.allowEventBridgeRules(busName);

    this.deadLetterQueue = terminalDeadLetterQueue(
      this,
      'DeadLetters',
      key,
      'Terminal queue of intake: events EventBridge could not deliver, asynchronous invocations that failed, and ' +
        'events the intake function rejected. Nothing consumes it automatically (an operator inspects and ' +
        'redrives), so it has no dead-letter queue of its own.',
    );

    this.handler = new StepFunction(this, 'Function', {
      functionName: `${props.namePrefix}-intake`,
      description: 'EventBridge target: validates a filed case, creates it and starts its service phase',
      entry: functionEntry('intake'),
      key,
      memorySize: props.memorySize,
      timeout: Duration.seconds(30),
      logRetention: props.logRetention,
      deadLetterQueue: this.deadLetterQueue,
    });

    // Powertools idempotency (keyed by event id) is intake's own, not a port in the manifest.
    const idempotency = props.store.idempotency;
    this.handler.addEnvironment(ENV.idempotencyTable, idempotency.tableName);
    this.handler.role.addToPrincipalPolicy(
      new PolicyStatement({
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: [idempotency.tableArn],
      }),
    );

    this.rule = new Rule(this, 'Filed', {
      eventBus: this.bus,
      description: 'Filed enforcement cases and preservation rulings to the intake function',
      eventPattern: {
        source: [INTAKE_SOURCE, PRESERVATION_SOURCE],
        detailType: [INTAKE_DETAIL_TYPE, PARTY_CHANGE_DETAIL_TYPE, PRESERVATION_DETAIL_TYPE],
      },
      targets: [
        new LambdaFunction(this.handler.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: INTAKE_RETRY_ATTEMPTS,
          maxEventAge: INTAKE_MAX_EVENT_AGE,
        }),
      ],
    });

    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      })
      .createAlarm(this, 'DeadLettersVisible', {
        alarmName: `${props.namePrefix}-intake-dead-letters`,
        alarmDescription: 'Intake dead-letter queue holds messages: filed cases were rejected or not processed.',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}
