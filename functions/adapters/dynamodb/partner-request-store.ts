/**
 * Requests to outside parties. Answers are appended under a condition on how many there were, so concurrent
 * answers never overwrite each other and exactly one of them completes the request and receives the token,
 * which stays stored until it has been used (clearToken).
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { NewPartnerRequest, PartnerAnswer, PartnerRequest, PartnerRequestStore } from '#ports/partner-requests.ts';
import { PartnerRequestNotFoundError } from '#ports/partner-requests.ts';
import { isConditionFailure } from './document-client.ts';
import { keys, type TableNames } from './tables.ts';

const MAX_ANSWER_RETRIES = 20;

function toRequest(item: Record<string, unknown>): PartnerRequest {
  const { pk: _pk, sk: _sk, token: _token, ...request } = item;
  return request as unknown as PartnerRequest;
}

export class DynamoPartnerRequestStore implements PartnerRequestStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, tables: TableNames) {
    this.db = db;
    this.table = tables.cases;
  }

  async create(request: NewPartnerRequest): Promise<PartnerRequest> {
    const item: PartnerRequest = { ...request, status: 'pending', answers: [] };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: { ...keys.request(request.requestId), ...item },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return item;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const existing = await this.get(request.requestId);
      if (!existing) throw new PartnerRequestNotFoundError(request.requestId);
      return existing;
    }
  }

  async get(requestId: string): Promise<PartnerRequest | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.request(requestId), ConsistentRead: true }),
    );
    return found.Item ? toRequest(found.Item) : undefined;
  }

  async attachToken(requestId: string, token: string): Promise<PartnerRequest | undefined> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.request(requestId),
          UpdateExpression: 'SET #token = :token',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#token': 'token', '#status': 'status' },
          ExpressionAttributeValues: { ':token': token, ':pending': 'pending' },
          ReturnValues: 'ALL_NEW',
        }),
      );
      return result.Attributes ? toRequest(result.Attributes) : undefined;
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async markDispatched(requestId: string, at: Instant): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.request(requestId),
        UpdateExpression: 'SET dispatchedAt = if_not_exists(dispatchedAt, :at)',
        ExpressionAttributeValues: { ':at': at },
      }),
    );
  }

  async addAnswer(requestId: string, answer: PartnerAnswer): Promise<{ request: PartnerRequest; token?: string }> {
    for (let attempt = 0; attempt < MAX_ANSWER_RETRIES; attempt++) {
      const found = await this.db.send(
        new GetCommand({ TableName: this.table, Key: keys.request(requestId), ConsistentRead: true }),
      );
      if (!found.Item) throw new PartnerRequestNotFoundError(requestId);
      const request = toRequest(found.Item);
      const late = request.status !== 'pending';
      // A repeated callback is acknowledged and changes nothing; if it completed the request and the token was
      // not yet used (the first delivery failed after recording), it is handed out again.
      if (request.answers.some((a) => a.itemId === answer.itemId)) {
        const token =
          request.status === 'complete' && typeof found.Item.token === 'string' ? found.Item.token : undefined;
        return token ? { request, token } : { request };
      }
      const recorded: PartnerAnswer = late ? { ...answer, late: true } : answer;
      const answered = new Set(request.answers.filter((a) => !a.late).map((a) => a.itemId)).size;
      const completes = !late && answered + 1 === request.items.length;
      try {
        const result = await this.db.send(
          new UpdateCommand({
            TableName: this.table,
            Key: keys.request(requestId),
            UpdateExpression: completes
              ? 'SET answers = list_append(answers, :answer), #status = :complete'
              : 'SET answers = list_append(answers, :answer)',
            ConditionExpression: '#status = :status AND size(answers) = :count',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':answer': [recorded],
              ':status': request.status,
              ':count': request.answers.length,
              ...(completes ? { ':complete': 'complete' } : {}),
            },
            ReturnValues: 'ALL_OLD',
          }),
        );
        const old = result.Attributes ?? {};
        const updated: PartnerRequest = {
          ...request,
          answers: [...request.answers, recorded],
          ...(completes ? { status: 'complete' as const } : {}),
        };
        return completes && typeof old.token === 'string'
          ? { request: updated, token: old.token }
          : { request: updated };
      } catch (error) {
        if (!isConditionFailure(error)) throw error;
      }
    }
    throw new Error(`request ${requestId}: too many concurrent answers, try again`);
  }

  async clearToken(requestId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.request(requestId),
        UpdateExpression: 'REMOVE #token',
        ExpressionAttributeNames: { '#token': 'token' },
      }),
    );
  }

  async supersede(requestId: string): Promise<{ token?: string } | undefined> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.request(requestId),
          UpdateExpression: 'SET #status = :superseded',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':superseded': 'superseded', ':pending': 'pending' },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const token = result.Attributes?.token;
      return typeof token === 'string' ? { token } : {};
    } catch (error) {
      if (isConditionFailure(error)) return undefined;
      throw error;
    }
  }

  async markTimedOut(requestId: string): Promise<boolean> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.request(requestId),
          UpdateExpression: 'SET #status = :timedOut REMOVE #token',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
          ExpressionAttributeValues: { ':timedOut': 'timed-out', ':pending': 'pending' },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
