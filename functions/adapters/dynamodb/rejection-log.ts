/** Rejected intake events: the reasons in the case table (no personal data), the event itself to the DLQ. */
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { IntakeRejection, IntakeRejections } from '#ports/intake.ts';
import { keys, type TableNames } from './tables.ts';

/** Where rejected events go for a person to look at: SQS on AWS, a local table in the embedded runtime. */
export interface DeadLetters {
  send(kind: string, reason: string, body: unknown): Promise<void>;
}

export class RecordedRejections implements IntakeRejections {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;
  private readonly deadLetters: DeadLetters;

  constructor(db: DynamoDBDocumentClient, tables: TableNames, deadLetters: DeadLetters) {
    this.db = db;
    this.table = tables.cases;
    this.deadLetters = deadLetters;
  }

  async record(rejection: IntakeRejection, original: unknown): Promise<void> {
    await this.deadLetters.send('intake-rejected', rejection.reasons.join('; '), { rejection, event: original });
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { ...keys.rejection(rejection.at, rejection.eventId), ...rejection },
      }),
    );
  }

  async list(limit: number): Promise<readonly IntakeRejection[]> {
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.rejection('', '').pk },
        ScanIndexForward: false,
        Limit: limit,
      }),
    );
    return (page.Items ?? []).map(({ pk: _pk, sk: _sk, ...rejection }) => rejection as IntakeRejection);
  }
}
