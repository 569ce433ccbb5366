/**
 * The node sweeper's schedule: an EventBridge rule invokes the sweep-nodes function every few minutes, with
 * retries and a KMS-encrypted dead-letter queue (which the function's failed asynchronous invocations also use)
 * that alarms as soon as it holds a message. Reserved concurrency 1: two sweeps never overlap, so a node task is
 * started once (functions/use-cases/node-watch.ts).
 */
import { Duration } from 'aws-cdk-lib';
import { type Alarm, ComparisonOperator, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import { Rule, Schedule } from 'aws-cdk-lib/aws-events';
import { LambdaFunction } from 'aws-cdk-lib/aws-events-targets';
import type { IKey } from 'aws-cdk-lib/aws-kms';
import type { RetentionDays } from 'aws-cdk-lib/aws-logs';
import type { Queue } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { functionEntry } from '../paths.ts';
import { terminalDeadLetterQueue } from './queues.ts';
import { StepFunction } from './step-function.ts';

export interface NodeSweeperProps {
  readonly namePrefix: string;
  readonly key: IKey;
  readonly memorySize: number;
  readonly logRetention: RetentionDays;
  /** How often the sweep runs. @default 5 minutes */
  readonly every?: Duration;
}

/** Long enough for one batch (SWEEP_BATCH cases) with its index reads and commits. */
export const SWEEP_TIMEOUT = Duration.minutes(2);
export const SWEEP_RETRY_ATTEMPTS = 2;
/** A sweep that could not run within this long is dropped: the next one does its work. */
export const SWEEP_MAX_EVENT_AGE = Duration.minutes(30);

export class NodeSweeper extends Construct {
  readonly rule: Rule;
  readonly handler: StepFunction;
  readonly deadLetterQueue: Queue;
  readonly deadLetterAlarm: Alarm;

  constructor(scope: Construct, id: string, props: NodeSweeperProps) {
    super(scope, id);
    this.deadLetterQueue = terminalDeadLetterQueue(
      this,
      'DeadLetters',
      props.key,
      'Terminal queue of the node sweeper: scheduled invocations that failed after their retries. Nothing is ' +
        'lost by a failed sweep (the sweep index still names every due case); the queue and its alarm only tell ' +
        'an operator that sweeps fail.',
    );
    this.handler = new StepFunction(this, 'Function', {
      functionName: `${props.namePrefix}-sweep-nodes`,
      description: 'Node sweeper: warnings, overdue nodes and their tasks, term extensions (A2), from the sweep index',
      entry: functionEntry('sweep-nodes'),
      key: props.key,
      memorySize: props.memorySize,
      timeout: SWEEP_TIMEOUT,
      logRetention: props.logRetention,
      deadLetterQueue: this.deadLetterQueue,
      reservedConcurrency: 1,
    });
    this.rule = new Rule(this, 'Schedule', {
      ruleName: `${props.namePrefix}-sweep-nodes`,
      description: 'Runs the node sweeper',
      schedule: Schedule.rate(props.every ?? Duration.minutes(5)),
      targets: [
        new LambdaFunction(this.handler.function, {
          deadLetterQueue: this.deadLetterQueue,
          retryAttempts: SWEEP_RETRY_ATTEMPTS,
          maxEventAge: SWEEP_MAX_EVENT_AGE,
        }),
      ],
    });
    this.deadLetterAlarm = this.deadLetterQueue
      .metricApproximateNumberOfMessagesVisible({ period: Duration.minutes(5), statistic: 'Maximum' })
      .createAlarm(this, 'DeadLettersVisible', {
        alarmName: `${props.namePrefix}-sweep-dead-letters`,
        alarmDescription: 'Node sweeps failed after their retries: warnings and escalations may be late.',
        threshold: 1,
        evaluationPeriods: 1,
        comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
        treatMissingData: TreatMissingData.NOT_BREACHING,
      });
  }
}
