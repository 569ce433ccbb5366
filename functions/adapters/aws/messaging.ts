/** SQS and EventBridge adapters: dead letters, the command-center feed, delayed simulator answers. */
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { SendMessageCommand, type SQSClient } from '@aws-sdk/client-sqs';
import type { PartnerCallback } from '#contracts/partner-answers.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Alert, CommandCenter } from '#ports/alerts.ts';
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

/** SQS delays at most 15 minutes: on AWS the simulator compresses its days into that. */
const MAX_DELAY_SECONDS = 900;

export function sqsDelivery(sqs: SQSClient, queueUrl: string, now: () => Instant) {
  return async (at: Instant, callback: PartnerCallback): Promise<void> => {
    const seconds = Math.max(0, Math.round((Date.parse(at) - Date.parse(now())) / 1000));
    await sqs.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: JSON.stringify(callback),
        DelaySeconds: Math.min(MAX_DELAY_SECONDS, Math.round(seconds / 600)),
      }),
    );
  };
}

export { EventBridgeClient };
