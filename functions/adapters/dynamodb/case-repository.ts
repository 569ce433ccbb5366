/**
 * The case store on DynamoDB: commits go to the journal table with a conditional put at `version + 1` (the
 * optimistic lock, and the append-only audit chain in one write); the case's items in the cases table are a
 * projection, written after and never backwards: each commit writes those of the index entry, time nodes and
 * parties that differ from what is stored (read back in one consistent query), then the case record. A reader folds
 * any commits the record has not caught up with, so a crash between the writes loses nothing, and the next commit
 * writes whatever a lost write left behind (docs/case-store-writes.md).
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  QueryCommand,
} from '@aws-sdk/lib-dynamodb';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { Commit } from '#domain/case/events.ts';
import type { EnforcementCase, Phase } from '#domain/case/model.ts';
import { nextCommit } from '#domain/case/next-commit.ts';
import { applyCommits, upgradeCase } from '#domain/case/reducer.ts';
import { normaliseCaseNumber } from '#domain/ids.ts';
import {
  CaseAlreadyExistsError,
  type CaseQueries,
  type CaseRepository,
  type CaseSummary,
  type CommitDraft,
  ConcurrentUpdateError,
  type NodeEntry,
  type NodeFilter,
  type Page,
} from '#ports/case-repository.ts';
import { comparable, itemId, OPEN, PROJECTED_SORT_KEYS, projectionItems, RECORD_EVERY } from './case-projection.ts';
import { decodeCursor, encodeCursor } from './cursor.ts';
import { isConditionFailure } from './document-client.ts';
import { keys, SWEEP_SHARDS, type TableNames } from './tables.ts';

/** Told of each commit once it is written; a promise it returns is awaited before `append` returns. */
export type CommitListener = (commit: Commit, state: EnforcementCase) => void | Promise<void>;

/** When the node sweeper next has something to do on a case (domain/case/node-watch.ts), for the sweep index. */
export type SweepSchedule = (state: EnforcementCase) => Instant | undefined;

/** Exported here too for tools that load many cases at once (bench/). */
export { projectionItems, RECORD_EVERY };

export class DynamoCaseRepository implements CaseRepository, CaseQueries {
  private readonly db: DynamoDBDocumentClient;
  private readonly tables: TableNames;
  private readonly listener: CommitListener | undefined;
  /** Cases whose record was found behind their journal on load. */
  private readonly behind = new Set<string>();
  /** The version of each case's stored record, as last read or written here. */
  private readonly recorded = new Map<string, number>();
  private readonly recordEvery: number;

  private readonly schedule: SweepSchedule;

  constructor(
    db: DynamoDBDocumentClient,
    tables: TableNames,
    options: {
      readonly listener?: CommitListener | undefined;
      readonly schedule?: SweepSchedule;
      /** How many commits the case record may lag behind the journal (1: written at every commit). */
      readonly recordEvery?: number;
    } = {},
  ) {
    this.recordEvery = options.recordEvery ?? RECORD_EVERY;
    this.db = db;
    this.tables = tables;
    this.listener = options.listener;
    this.schedule = options.schedule ?? (() => undefined);
  }

  async load(caseId: string): Promise<EnforcementCase | undefined> {
    const snapshot = await this.db.send(
      new GetCommand({ TableName: this.tables.cases, Key: keys.case(caseId), ConsistentRead: true }),
    );
    const stored = snapshot.Item?.data as EnforcementCase | undefined;
    const projected = stored ? upgradeCase(stored) : undefined;
    this.noteRecorded(caseId, projected?.version ?? 0);
    const tail = await this.commitsAfter(caseId, projected?.version ?? 0);
    // Reads never write: the commits after the record are folded here; a writer with nothing to write checks the
    // other items and writes the record if it is due (catchUp).
    if (tail.length === 0) return projected;
    this.behind.add(caseId);
    return applyCommits(projected, tail);
  }

  private noteRecorded(caseId: string, version: number): void {
    this.recorded.set(caseId, Math.max(version, this.recorded.get(caseId) ?? 0));
  }

  /**
   * Whether the case record is written with this state: on the first commit, when the case closes, and when the
   * stored record is `recordEvery` commits or more behind (a load then reads at most recordEvery - 1 commits after
   * it). Unknown here (a case not loaded by this repository): written.
   */
  private recordDue(state: EnforcementCase, first: boolean): boolean {
    const recorded = this.recorded.get(state.caseId);
    return first || recorded === undefined || state.status === 'closed' || state.version - recorded >= this.recordEvery;
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
    await this.project(state, { compare: true, record: this.recordDue(state, false) });
  }

  async reindex(state: EnforcementCase): Promise<void> {
    await this.project(state, { compare: false, record: true, force: true });
  }

  async listByPhase(filter: {
    readonly court: string;
    readonly phase: Phase;
    readonly limit: number;
    readonly cursor?: string;
  }): Promise<Page<CaseSummary>> {
    const page = await this.query('gsi4', keys.casesByPhase(filter.court, filter.phase), {
      limit: filter.limit,
      cursor: filter.cursor,
    });
    return { items: page.items.map((item) => item.summary as CaseSummary), ...page.next };
  }

  async countCases(filter: { readonly court: string; readonly status?: string; readonly phase?: Phase }) {
    const [index, pk] = filter.phase
      ? ['gsi4', keys.casesByPhase(filter.court, filter.phase)]
      : ['gsi1', keys.casesByStatus(filter.court, filter.status ?? '')];
    let total = 0;
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tables.cases,
          IndexName: index,
          KeyConditionExpression: `${index}pk = :pk`,
          ExpressionAttributeValues: { ':pk': pk },
          Select: 'COUNT',
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      total += page.Count ?? 0;
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return total;
  }

  async nodes(filter: NodeFilter): Promise<Page<NodeEntry>> {
    const [index, pk] = filter.officer
      ? ['gsi5', keys.nodesByOfficer(filter.officer)]
      : filter.team
        ? ['gsi4', keys.nodesByTeam(filter.court, filter.team)]
        : ['gsi3', keys.nodesByCourt(filter.court)];
    const page = await this.query(index, pk, {
      limit: filter.limit,
      cursor: filter.cursor,
      range: filter.from ? { between: [filter.from, filter.before] } : { below: filter.before },
    });
    return {
      // An officer's nodes of another court (after a transfer) are not this court's.
      items: page.items.map((item) => item.entry as NodeEntry).filter((e) => e.court === filter.court),
      ...page.next,
    };
  }

  async findByCaseNumber(caseNumber: string): Promise<readonly CaseSummary[]> {
    const page = await this.query('gsi5', keys.caseNumber(normaliseCaseNumber(caseNumber)), { limit: 10 });
    return page.items.map((item) => item.summary as CaseSummary);
  }

  async findByParty(
    court: string,
    partyId: string,
    limit: number,
  ): Promise<readonly { caseId: string; court: string }[]> {
    const page = await this.query('gsi3', keys.caseParty(court, partyId), { limit });
    return page.items.map((item) => ({ caseId: String(item.caseId), court: String(item.court) }));
  }

  async dueForSweep(now: Instant, limit: number): Promise<readonly string[]> {
    const due: { at: string; caseId: string }[] = [];
    for (let shard = 0; shard < SWEEP_SHARDS; shard++) {
      const page = await this.query('gsi3', keys.sweep(shard), { limit, range: { below: `${now}#~` } });
      for (const item of page.items) due.push({ at: String(item.gsi3sk), caseId: String(item.caseId) });
    }
    // Each case once: an index entry written by an earlier release may still carry the case's sweep keys beside
    // its sweep entry, until a commit or the sweep's reindex rewrites it.
    const ids = due.sort((a, b) => a.at.localeCompare(b.at)).map((d) => d.caseId);
    return [...new Set(ids)].slice(0, limit);
  }

  async nextSweepAt(): Promise<Instant | undefined> {
    let next: string | undefined;
    for (let shard = 0; shard < SWEEP_SHARDS; shard++) {
      const page = await this.query('gsi3', keys.sweep(shard), { limit: 1 });
      const at = page.items[0]?.gsi3sk;
      if (typeof at === 'string' && (!next || at < next)) next = at;
    }
    return next?.split('#')[0];
  }

  /** One page of one index partition, in sort-key order, optionally within a range of sort keys. */
  private async query(
    index: string,
    pk: string,
    options: {
      readonly limit: number;
      readonly cursor?: string | undefined;
      readonly range?: { readonly below: string } | { readonly between: readonly [string, string] };
    },
  ): Promise<{ items: Record<string, unknown>[]; next: { cursor?: string } }> {
    const range = options.range;
    const condition =
      range === undefined
        ? ''
        : 'below' in range
          ? ` AND ${index}sk < :below`
          : ` AND ${index}sk BETWEEN :from AND :to`;
    const start = decodeCursor(options.cursor, { index, partition: pk });
    const page = await this.db.send(
      new QueryCommand({
        TableName: this.tables.cases,
        IndexName: index,
        KeyConditionExpression: `${index}pk = :pk${condition}`,
        ExpressionAttributeValues: {
          ':pk': pk,
          ...(range && 'below' in range ? { ':below': range.below } : {}),
          ...(range && 'between' in range ? { ':from': range.between[0], ':to': range.between[1] } : {}),
        },
        Limit: options.limit,
        ...(start ? { ExclusiveStartKey: start } : {}),
      }),
    );
    const cursor = encodeCursor(page.LastEvaluatedKey);
    return { items: page.Items ?? [], next: cursor ? { cursor } : {} };
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
    const { commit, next } = nextCommit(caseId, current, draft);
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tables.journal,
          Item: commit,
          ConditionExpression: 'attribute_not_exists(caseId)',
        }),
      );
    } catch (error) {
      if (isConditionFailure(error)) throw new ConcurrentUpdateError(caseId, commit.seq - 1);
      throw error;
    }
    // A new case has nothing stored to compare with: everything is written.
    await this.project(next, { compare: current !== undefined, record: this.recordDue(next, current === undefined) });
    this.behind.delete(caseId);
    await this.listener?.(commit, next);
    return next;
  }

  /**
   * Writes the projection of `state`: first each item (index entry, time node, party) that differs from what is
   * stored (`compare`: read back in one consistent query; otherwise, and with `force`, every item), then, when
   * `record` (recordDue), the case record. Every item is written only over an older version of itself (`force`: or
   * the same), so a late writer never puts an older projection over a newer one.
   *
   * Comparing with what is stored, not with the case before the commit, is what repairs: an item left behind by a
   * lost write (a writer that died after its commit, a write that failed, an older release, an index written under
   * other rules) differs from what the case says, and the next commit writes it. An item that did not change is not
   * written again, nor are the indexes it is in.
   */
  private async project(
    state: EnforcementCase,
    options: { readonly compare: boolean; readonly record: boolean; readonly force?: boolean },
  ) {
    const { record, entries } = projectionItems(state, this.schedule(state));
    const stored = options.compare && !options.force ? await this.storedEntries(state.caseId) : undefined;
    const changed = stored ? entries.filter((item) => stored.get(itemId(item)) !== comparable(item)) : entries;
    // A stored item the case no longer has (a party id re-keyed, a node gone) leaves the indexes.
    const current = new Set(entries.map(itemId));
    const gone = stored ? [...stored.keys()].filter((id) => !current.has(id)) : [];
    const force = options.force ?? false;
    await Promise.all([
      ...changed.map((item) => this.putProjected(item, state.version, force)),
      ...gone.map((id) => this.deleteProjected(id, state.version)),
    ]);
    if (options.record && (await this.putProjected(record, state.version, force)))
      this.noteRecorded(state.caseId, state.version);
  }

  /** Deletes an item of the projection the case no longer has, unless a newer version of it is there. */
  private async deleteProjected(id: string, version: number): Promise<void> {
    const [pk = '', sk = ''] = id.split('|');
    try {
      await this.db.send(
        new DeleteCommand({
          TableName: this.tables.cases,
          Key: { pk, sk },
          ConditionExpression: 'version < :version',
          ExpressionAttributeValues: { ':version': version },
        }),
      );
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
    }
  }

  /** The case's stored index entry, time nodes and parties (sort keys after CASE), as comparable text by item. */
  private async storedEntries(caseId: string): Promise<Map<string, string>> {
    const stored = new Map<string, string>();
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tables.cases,
          KeyConditionExpression: 'pk = :pk AND sk >= :first',
          ExpressionAttributeValues: { ':pk': keys.case(caseId).pk, ':first': PROJECTED_SORT_KEYS[0] },
          ConsistentRead: true,
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      for (const item of page.Items ?? [])
        if (PROJECTED_SORT_KEYS.some((prefix) => String(item.sk).startsWith(prefix)))
          stored.set(itemId(item), comparable(item));
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    return stored;
  }

  /** Puts an item of the projection unless a newer version of it is there (`force`: unless a newer or equal). */
  private async putProjected(item: Record<string, unknown>, version: number, force = false): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.tables.cases,
          Item: { ...item, version },
          ConditionExpression: `attribute_not_exists(pk) OR version ${force ? '<=' : '<'} :version`,
          ExpressionAttributeValues: { ':version': version },
        }),
      );
      return true;
    } catch (error) {
      if (!isConditionFailure(error)) throw error;
      return false;
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
