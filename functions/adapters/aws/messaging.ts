/** SQS and EventBridge adapters: dead letters, the command-center feed, delayed simulator answers. */
import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PartnerCallback } from '#contracts/partner-answers.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Alert, CommandCenter } from '#ports/alerts.ts';
import type { CaseClosures } from '#ports/case-closures.ts';
import type { FilingSystem, ResumptionRequest, ReversalRequest } from '#ports/filing.ts';
import type { WakeRequest } from '#ports/wakes.ts';
import type { DeadLetters } from '../dynamodb/rejection-log.ts';

export class SqsDeadLetters implements DeadLetters {
  private readonly sqs: SQSClient;
  private readonly queueUrl: string;
  constructor(sqs: SQSClient, queueUrl: string) {
    this.sqs = sqs;
    this.queueUrl = queueUrl;
  }
  async send(kind: string, reason: string, body: unknown): Promise<void> {
    await this.sqs.send(
      new SendMessageCommand({
        QueueUrl: this.queueUrl,
        MessageBody: JSON.stringify(body),
        MessageAttributes: {
          kind: { DataType: 'String', StringValue: kind },
          reason: { DataType: 'String', StringValue: reason.slice(0, 1000) },
        },
      }),
    );
  }
}

export const ALERT_SOURCE = 'court.enforcement';
export const ALERT_DETAIL_TYPE = 'CommandCenterAlert';
/** What the court's filing system listens for on the alert bus: file a resumed case (G3). */
export const RESUMPTION_DETAIL_TYPE = 'ResumptionRequested';
export const REVERSAL_DETAIL_TYPE = 'ReversalRequested';

export class EventBridgeCommandCenter implements CommandCenter {
  private readonly events: EventBridgeClient;
  private readonly busName: string;
  constructor(events: EventBridgeClient, busName: string) {
    this.events = events;
    this.busName = busName;
  }
  async alert(alert: Alert): Promise<void> {
    await this.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: ALERT_SOURCE,
            DetailType: ALERT_DETAIL_TYPE,
            Detail: JSON.stringify(alert),
          },
        ],
      }),
    );
  }
}

/**
 * The filing system on AWS: a `ResumptionRequested` event on the alert bus (ids and amounts only), which the
 * court's filing system subscribes to; it files the resumed case as an `EnforcementCaseFiled` event of kind
 * `resumed` on the intake bus.
 */
export class EventBridgeFilingSystem implements FilingSystem {
  private readonly events: EventBridgeClient;
  private readonly busName: string;
  constructor(events: EventBridgeClient, busName: string) {
    this.events = events;
    this.busName = busName;
  }
  async requestResumption(request: ResumptionRequest): Promise<void> {
    await this.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: ALERT_SOURCE,
            DetailType: RESUMPTION_DETAIL_TYPE,
            Detail: JSON.stringify(request),
          },
        ],
      }),
    );
  }
  /** A `ReversalRequested` event (ids and amounts only): the filing system files the reversal as a new case. */
  async requestReversal(request: ReversalRequest): Promise<void> {
    await this.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: ALERT_SOURCE,
            DetailType: REVERSAL_DETAIL_TYPE,
            Detail: JSON.stringify(request),
          },
        ],
      }),
    );
  }
}

/** What the record-evidence function listens for on the alert bus: tag a closed case's evidence for archiving. */
export const CASE_CLOSED_DETAIL_TYPE = 'CaseClosed';

export class EventBridgeCaseClosures implements CaseClosures {
  private readonly events: EventBridgeClient;
  private readonly busName: string;
  constructor(events: EventBridgeClient, busName: string) {
    this.events = events;
    this.busName = busName;
  }
  async closed(notice: { readonly caseId: string; readonly at: string }): Promise<void> {
    await this.events.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: this.busName,
            Source: ALERT_SOURCE,
            DetailType: CASE_CLOSED_DETAIL_TYPE,
            Detail: JSON.stringify({ caseId: notice.caseId, at: notice.at }),
          },
        ],
      }),
    );
  }
}

/** SQS delays a message at most 15 minutes. */
const MAX_DELAY_SECONDS = 900;
/**
 * On AWS the simulator's answers come back sooner than simulated: an hour of simulated delay is six real seconds,
 * so a bank answering in two days answers in about five minutes; anything beyond 15 minutes is capped.
 */
export const SIMULATED_TIME_COMPRESSION = 600;

export function sqsDelivery(sqs: SQSClient, queueUrl: string, now: () => Instant) {
  return async (at: Instant, callback: PartnerCallback | { readonly wake: WakeRequest }): Promise<void> => {
    const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(now())) / 1000));
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(callback),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.round(seconds / SIMULATED_TIME_COMPRESSION)),
      }),
    );
  };
}
