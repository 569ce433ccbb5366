/**
 * The case store on DynamoDB: commits go to the journal table with a conditional put at `version + 1` (the
 * optimistic lock, and the append-only audit chain in one write); the case record in the cases table is a
 * projection, written after and never backwards. A reader folds any commits the projection has not caught up
 * with, so a crash between the two writes loses nothing.
 */
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Commit } from '#domain/case/events.ts';
import { GENESIS_HASH, sealCommit } from '#domain/case/journal.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { applyCommits, upgradeCase } from '#domain/case/reducer.ts';
import {
  CaseAlreadyExistsError,
  type CaseQueries,
  type CaseRepository,
  type CaseSummary,
  type CommitDraft,
  ConcurrentUpdateError,
} from '#ports/case-repository.ts';
import { isConditionFailure } from './document-client.ts';
import { keys, type TableNames } from './tables.ts';

const OPEN = 'open';
const CLOSED = 'closed';

/** JSON round trip: what is hashed is exactly what DynamoDB gives back. */
function plain<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Told about each commit once it is written (the embedded runtime's CLI prints the timeline as it grows). */
export type CommitListener = (commit: Commit, state: EnforcementCase) => void;

export class DynamoCaseRepository implements CaseRepository, CaseQueries {
  private readonly db: DynamoDBDocumentClient;
  private readonly tables: TableNames;
  private readonly listener: CommitListener | undefined;
  /** Cases whose record was found behind their journal on load. */
  private readonly behind = new Set<string>();

  constructor(db: DynamoDBDocumentClient, tables: TableNames, listener?: CommitListener) {
    this.db = db;
    this.tables = tables;
    this.listener = listener;
  }

  async load(caseId: string): Promise<EnforcementCase | undefined> {
    const snapshot = await this.db.send(
      new GetCommand({ TableName: this.tables.cases, Key: keys.case(caseId), ConsistentRead: true }),
    );
    const stored = snapshot.Item?.data as EnforcementCase | undefined;
    const projected = stored ? upgradeCase(stored) : undefined;
    const tail = await this.commitsAfter(caseId, projected?.version ?? 0);
    // Reads never write: a lagging projection is folded forward here and rewritten by the next writer.
    if (tail.length === 0) return projected;
    this.behind.add(caseId);
    return applyCommits(projected, tail);
  }

  async history(caseId: string): Promise<readonly Commit[]> {
    return this.commitsAfter(caseId, 0);
  }

  async create(caseId: string, draft: CommitDraft): Promise<EnforcementCase> {
    try {
      return await this.write(caseId, undefined, draft);
    } catch (error) {
      if (error instanceof ConcurrentUpdateError) throw new CaseAlreadyExistsError(caseId);
      throw error;
    }
  }

  async append(current: EnforcementCase, draft: CommitDraft): Promise<EnforcementCase> {
    return this.write(current.caseId, current, draft);
  }

  async catchUp(state: EnforcementCase): Promise<void> {
    if (!this.behind.delete(state.caseId)) return;
    await this.project(state);
  }

  async openCaseCounts(officerIds: readonly string[]): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const officer of officerIds) {
      let total = 0;
      let cursor: Record<string, unknown> | undefined;
      do {
        const page = await this.db.send(
          new QueryCommand({
            TableName: this.tables.cases,
            IndexName: 'gsi2',
            KeyConditionExpression: 'gsi2pk = :pk AND begins_with(gsi2sk, :open)',
            ExpressionAttributeValues: { ':pk': keys.officer(officer), ':open': `${OPEN}#` },
            Select: 'COUNT',
            ...(cursor ? { ExclusiveStartKey: cursor } : {}),
          }),
        );
        total += page.Count ?? 0;
        cursor = page.LastEvaluatedKey;
      } while (cursor);
      counts[officer] = total;
    }
    return counts;
  }

  async list(filter: {
    readonly court?: string;
    readonly status?: string;
    readonly limit?: number;
  }): Promise<readonly CaseSummary[]> {
    if (!filter.court || !filter.status) {
      throw new Error('listing cases needs a court and a status (an index query, never a scan)');
    }
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tables.cases,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.casesByStatus(filter.court, filter.status) },
        Limit: filter.limit ?? 100,
      }),
    );
    return (page.Items ?? []).map((item) => item.summary as CaseSummary);
  }

  private async write(
    caseId: string,
    current: EnforcementCase | undefined,
    draft: CommitDraft,
  ): Promise<EnforcementCase> {
    const seq = (current?.version ?? 0) + 1;
    const commit = sealCommit(
      plain({
        caseId,
        seq,
        at: draft.at,
        actor: draft.actor,
        events: draft.events,
        cause: draft.cause,
        prevHash: current?.head ?? GENESIS_HASH,
      }),
    );
    const next = applyCommits(current, [commit]);
    if (!next) throw new Error(`commit ${seq} of case ${caseId} produced no case`);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tables.journal,
          Item: commit,
          ConditionExpression: 'attribute_not_exists(caseId)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentUpdateError(caseId, seq - 1);
      throw error;
    }
    await this.project(next);
    this.behind.delete(caseId);
    this.listener?.(commit, next);
    return next;
  }

  /** Writes the projection unless a newer one is already there. */
  private async project(state: EnforcementCase): Promise<void> {
    const summary: CaseSummary = {
      caseId: state.caseId,
      caseNumber: state.caseNumber,
      court: state.court.code,
      status: state.status,
      filedAt: state.filedAt,
      ...(state.officer ? { officer: state.officer } : {}),
      ...(state.team ? { team: state.team } : {}),
    };
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tables.cases,
          Item: {
            ...keys.case(state.caseId),
            version: state.version,
            data: state,
            summary,
            gsi1pk: keys.casesByStatus(state.court.code, state.status),
            gsi1sk: `${state.filedAt}#${state.caseId}`,
            ...(state.officer
              ? {
                  gsi2pk: keys.officer(state.officer),
                  gsi2sk: `${state.status === 'closed' ? CLOSED : OPEN}#${state.caseId}`,
                }
              : {}),
          },
          ConditionExpression: 'attribute_not_exists(pk) OR version < :version',
          ExpressionAttributeValues: { ':version': state.version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  private async commitsAfter(caseId: string, version: number): Promise<Commit[]> {
    const commits: Commit[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tables.journal,
          KeyConditionExpression: 'caseId = :caseId AND seq > :version',
          ExpressionAttributeValues: { ':caseId': caseId, ':version': version },
          ConsistentRead: true,
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      commits.push(...((page.Items ?? []) as Commit[]));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return commits;
  }
}
