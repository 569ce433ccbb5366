/**
 * Pending approvals with their task tokens. The token is one attribute of the approval item; every read that
 * leaves this class drops it, and it is removed from the item as soon as it has been used or has expired.
 */
import {
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Role } from '#domain/staff/roles.ts';
import {
  type Approval,
  ApprovalNotPendingError,
  type ApprovalStatus,
  type ApprovalStore,
  type Decision,
} from '#ports/approval-store.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { isConditionFailure } from './document-client.ts';
import { keys, type TableNames } from './tables.ts';

const APPROVAL_FIELDS = [
  'approvalId',
  'caseId',
  'caseNumber',
  'court',
  'step',
  'level',
  'requiredRole',
  'requester',
  'summary',
  'dueAt',
  'createdAt',
  'execution',
  'team',
  'amountFen',
  'definition',
  'assignee',
  'status',
  'decidedBy',
  'decidedAt',
  'reason',
  'lateDecisionBy',
] as const;

/** Only the approval's own fields: no keys, no index attributes, no token. */
function toApproval(item: Record<string, unknown>): Approval {
  const approval: Record<string, unknown> = {};
  for (const field of APPROVAL_FIELDS) if (item[field] !== undefined) approval[field] = item[field];
  return approval as unknown as Approval;
}

/** A pending approval as stored, with its index keys (exported for tools that load many at once: bench/). */
export function pendingApprovalItem(approval: Approval, token: string): Record<string, unknown> {
  return {
    ...keys.approval(approval.approvalId),
    ...approval,
    status: 'pending',
    token,
    gsi1pk: keys.pendingApprovals(approval.court),
    gsi1sk: `${approval.dueAt}#${approval.approvalId}`,
    gsi4pk: keys.approvalsByRole(approval.court, approval.requiredRole),
    gsi4sk: `${approval.createdAt}#${approval.approvalId}`,
  };
}

export class DynamoApprovalStore implements ApprovalStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, tables: TableNames) {
    this.db = db;
    this.table = tables.cases;
  }

  async register(approval: Approval, token: string): Promise<void> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: pendingApprovalItem(approval, token),
          ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Already decided or timed out: a re-run of the waiting step must not reopen it.
    }
  }

  async get(approvalId: string): Promise<Approval | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.approval(approvalId), ConsistentRead: true }),
    );
    return found.Item ? toApproval(found.Item) : undefined;
  }

  async listPending(filter: { readonly court?: string; readonly role?: Role }): Promise<readonly Approval[]> {
    if (!filter.court) throw new Error('listing approvals needs a court');
    const items: Record<string, unknown>[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          IndexName: 'gsi1',
          KeyConditionExpression: 'gsi1pk = :pk',
          ExpressionAttributeValues: { ':pk': keys.pendingApprovals(filter.court) },
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      items.push(...(page.Items ?? []));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return items.map(toApproval).filter((a) => !filter.role || a.requiredRole === filter.role);
  }

  async listPendingByRole(filter: {
    readonly court: string;
    readonly role: Role;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<{ items: readonly Approval[]; cursor?: string }> {
    const partition = keys.approvalsByRole(filter.court, filter.role);
    const start = decodeCursor(filter.cursor, { index: 'gsi4', partition });
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.table,
        IndexName: 'gsi4',
        KeyConditionExpression: 'gsi4pk = :pk',
        ExpressionAttributeValues: { ':pk': partition },
        Limit: filter.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const next = encodeCursor(page.LastEvaluatedKey);
    return { items: (page.Items ?? []).map(toApproval), ...(next ? { cursor: next } : {}) };
  }

  async claimForDecision(approvalId: string, decision: Decision): Promise<{ approval: Approval; token: string }> {
    try {
      const result = await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.approval(approvalId),
          UpdateExpression:
            'SET #status = :decision, decidedBy = :by, decidedAt = :at' +
            (decision.reason ? ', reason = :reason' : '') +
            ' REMOVE gsi1pk, gsi1sk, gsi4pk, gsi4sk',
          // Pending, and open to every eligible decider or held by this one.
          ConditionExpression: '#status = :pending AND (attribute_not_exists(assignee) OR assignee = :by)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':decision': decision.decision,
            ':by': decision.by,
            ':at': decision.at,
            ':pending': 'pending',
            ...(decision.reason ? { ':reason': decision.reason } : {}),
          },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = result.Attributes ?? {};
      return {
        approval: { ...toApproval(old), status: decision.decision, decidedBy: decision.by, decidedAt: decision.at },
        token: String(old.token),
      };
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      const current = await this.get(approvalId);
      throw new ApprovalNotPendingError(approvalId, current?.status ?? 'missing', current?.assignee);
    }
  }

  async setAssignee(approvalId: string, assignee: string | undefined): Promise<void> {
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.approval(approvalId),
          UpdateExpression: assignee ? 'SET assignee = :assignee' : 'REMOVE assignee',
          ConditionExpression: '#status = :pending',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending', ...(assignee ? { ':assignee': assignee } : {}) },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      // Decided or timed out meanwhile: who held it no longer matters to anyone listing open tasks.
    }
  }

  async releaseClaim(approvalId: string, by: string): Promise<void> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.approval(approvalId), ConsistentRead: true }),
    );
    const item = found.Item;
    if (!item) return;
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.approval(approvalId),
        UpdateExpression:
          'SET #status = :pending, gsi1pk = :gsi1pk, gsi1sk = :gsi1sk, gsi4pk = :gsi4pk, gsi4sk = :gsi4sk ' +
          'REMOVE decidedBy, decidedAt, reason',
        ConditionExpression: 'decidedBy = :by AND attribute_exists(#token) AND #status <> :timedOut',
        ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
        ExpressionAttributeValues: {
          ':pending': 'pending',
          ':by': by,
          ':timedOut': 'timed-out',
          ':gsi1pk': keys.pendingApprovals(String(item.court)),
          ':gsi1sk': `${String(item.dueAt)}#${approvalId}`,
          ':gsi4pk': keys.approvalsByRole(String(item.court), String(item.requiredRole)),
          ':gsi4sk': `${String(item.createdAt)}#${approvalId}`,
        },
      }),
    );
  }

  async clearToken(approvalId: string): Promise<void> {
    await this.db.send(
      new UpdateCommand({
        TableName: this.table,
        Key: keys.approval(approvalId),
        UpdateExpression: 'REMOVE #token',
        ExpressionAttributeNames: { '#token': 'token' },
      }),
    );
  }

  async markTimedOut(approvalId: string, at: Instant): Promise<boolean> {
    return this.closeWith(approvalId, 'timed-out', { decidedAt: at }, '#status = :pending OR attribute_exists(#token)');
  }

  async markLate(approvalId: string, at: Instant): Promise<void> {
    const current = await this.db.send(
      new GetCommand({ TableName: this.table, Key: keys.approval(approvalId), ConsistentRead: true }),
    );
    const by = current.Item?.decidedBy;
    await this.closeWith(
      approvalId,
      'timed-out',
      { decidedAt: at, ...(by ? { lateDecisionBy: String(by) } : {}) },
      'attribute_exists(pk)',
    );
  }

  private async closeWith(
    approvalId: string,
    status: ApprovalStatus,
    fields: Record<string, string>,
    condition: string,
  ): Promise<boolean> {
    const names = Object.keys(fields);
    try {
      await this.db.send(
        new UpdateCommand({
          TableName: this.table,
          Key: keys.approval(approvalId),
          UpdateExpression: `SET #status = :status${names.map((n) => `, ${n} = :${n}`).join('')} REMOVE gsi1pk, gsi1sk, gsi4pk, gsi4sk, #token`,
          ConditionExpression: condition,
          ExpressionAttributeNames: { '#status': 'status', '#token': 'token' },
          ExpressionAttributeValues: {
            ':status': status,
            ...(condition.includes(':pending') ? { ':pending': 'pending' } : {}),
            ...Object.fromEntries(names.map((n) => [`:${n}`, fields[n]])),
          },
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }
}
