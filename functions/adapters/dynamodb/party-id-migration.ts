/**
 * The migration of cases stored in DynamoDB from unkeyed party ids to keyed ones, on the tables of the DynamoDB
 * adapters (pk/sk): the embedded runtime's old data directories (local/store/party-id-migration.ts) and a deployed
 * stage's tables (scripts/rekey-party-ids.ts) run the same code.
 *
 * 1. Every case record is read (a scan: a one-off, not a product access pattern). A case whose parties still carry
 *    unkeyed ids gets its audit commit (use-cases/rekey-party-ids.ts) through the case repository: the journal's
 *    conditional put keeps the hash chain and the optimistic lock, so a concurrent writer is simply retried.
 * 2. The other records naming an old id are renamed: approvals, partner requests, nodes (and the extra tables, e.g.
 *    the embedded runtime's executions and timers). Each write sets only the attributes that change, on the condition
 *    that they still hold what was read, so a record a running system changed meanwhile is counted as a conflict and
 *    left for the next run, never overwritten with stale data. The party index entries under old ids are deleted.
 * 3. The projection of each touched case is written again (`reindex`): its party index entries under the keyed ids.
 *
 * Resumable and idempotent: the renames come from every case's ID numbers, re-keyed or not, so a run interrupted
 * after the commits still renames what it left; a run with nothing left to rename writes nothing.
 */
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { EnforcementCase } from '#domain/case/model.ts';
import { renamePartyIds } from '#domain/case/party-ids.ts';
import type { CaseQueries, CaseRepository } from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import { partyIdRenames, rekeyCase, unkeyedParties } from '#use-cases/rekey-party-ids.ts';
import { isConditionFailure } from './document-client.ts';

/** The case store the migration commits through (the DynamoDB adapter on the tables it migrates). */
export type MigratedCases = CaseRepository & Pick<CaseQueries, 'reindex'>;

export interface PartyIdMigration {
  /** Cases that got (or, in a dry run, would get) the audit commit. */
  readonly cases: number;
  /** Distinct unkeyed ids renamed in those cases. */
  readonly parties: number;
  /** Other records renamed (or that would be). */
  readonly records: number;
  /** Party index entries under old ids deleted (or that would be). */
  readonly indexEntries: number;
  /** Records changed by someone else between read and write: left for the next run. */
  readonly conflicts: number;
  /** Case records read. */
  readonly scanned: number;
  /**
   * Pending partner requests among the renamed records: the messages already sent for them name the old ids, so an
   * answer may come back under an old item id. Best run when there are none (the dry run tells).
   */
  readonly pendingRequests: number;
}

export type MigrationProgress =
  | { readonly stage: 'case'; readonly caseId: string; readonly parties: number; readonly done: number }
  | { readonly stage: 'scanned'; readonly table: string; readonly items: number }
  | { readonly stage: 'records'; readonly table: string; readonly renamed: number; readonly deleted: number };

export interface PartyIdMigrationOptions {
  readonly db: DynamoDBDocumentClient;
  readonly casesTable: string;
  /** Other pk/sk tables whose items may name parties (the embedded runtime's own table). */
  readonly otherTables?: readonly string[];
  readonly cases: MigratedCases;
  readonly clock: Clock;
  readonly key: Uint8Array;
  /** Report what would change, write nothing. */
  readonly dryRun?: boolean;
  readonly progress?: (event: MigrationProgress) => void;
}

type Item = Record<string, unknown>;

async function* scan(db: DynamoDBDocumentClient, table: string, casesOnly = false): AsyncGenerator<Item> {
  let start: Item | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        ExclusiveStartKey: start,
        ...(casesOnly ? { FilterExpression: 'sk = :case', ExpressionAttributeValues: { ':case': 'CASE' } } : {}),
      }),
    );
    for (const item of page.Items ?? []) yield item as Item;
    start = page.LastEvaluatedKey;
  } while (start);
}

/** A delete that applies only to the item as it was read (its `version`, or else its existence). */
function unchanged(item: Item) {
  return typeof item.version === 'number'
    ? { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': item.version } }
    : { ConditionExpression: 'attribute_exists(pk)' };
}

/**
 * The renaming of an item in place: only the attributes that change are set (or removed, when their name changes),
 * each on the condition that it still holds what was read: the same value for a scalar, the same size for a list or
 * a map (DynamoDB compares those, its test double does not; a partner request's answers are only appended). A
 * concurrent writer's change to one of them fails the write (a conflict, for the next run); its change to any other
 * attribute (a status, a token) is kept.
 */
function renameInPlace(table: string, item: Item, next: Item) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  const conditions = ['attribute_exists(pk)'];
  let n = 0;
  const name = (attribute: string) => {
    const alias = `#a${n++}`;
    names[alias] = attribute;
    return alias;
  };
  for (const attribute of Object.keys(item)) {
    if (attribute in next && JSON.stringify(next[attribute]) === JSON.stringify(item[attribute])) continue;
    const alias = name(attribute);
    const was = item[attribute];
    // A scalar must still be what was read; a list or map must still have its size (answers are only appended).
    if (was !== null && typeof was === 'object') {
      values[`:was${alias.slice(1)}`] = Array.isArray(was) ? was.length : Object.keys(was).length;
      conditions.push(`size(${alias}) = :was${alias.slice(1)}`);
    } else {
      values[`:was${alias.slice(1)}`] = was;
      conditions.push(`${alias} = :was${alias.slice(1)}`);
    }
    if (attribute in next) {
      values[`:now${alias.slice(1)}`] = next[attribute];
      set.push(`${alias} = :now${alias.slice(1)}`);
    } else remove.push(alias);
  }
  for (const attribute of Object.keys(next)) {
    if (attribute in item) continue;
    const alias = name(attribute);
    values[`:now${alias.slice(1)}`] = next[attribute];
    set.push(`${alias} = :now${alias.slice(1)}`);
    conditions.push(`attribute_not_exists(${alias})`);
  }
  return new UpdateCommand({
    TableName: table,
    Key: { pk: item.pk, sk: item.sk },
    UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : '']
      .filter(Boolean)
      .join(' '),
    ConditionExpression: conditions.join(' AND '),
    ExpressionAttributeNames: names,
    ExpressionAttributeValues: values,
  });
}

async function guarded(write: () => Promise<unknown>): Promise<boolean> {
  try {
    await write();
    return true;
  } catch (error) {
    if (isConditionFailure(error)) return false;
    throw error;
  }
}

export async function migratePartyIds(options: PartyIdMigrationOptions): Promise<PartyIdMigration> {
  const { db, key, progress, dryRun } = options;
  const renames: Record<string, string> = {};
  const touched = new Map<string, EnforcementCase>();
  let scanned = 0;
  let rekeyedCases = 0;
  let parties = 0;
  for await (const record of scan(db, options.casesTable, true)) {
    scanned++;
    // The record may lag the journal by a few commits (a party added since): the case as the store loads it.
    const stored = record.data as EnforcementCase;
    const state = (await options.cases.load(stored.caseId)) ?? stored;
    Object.assign(renames, partyIdRenames(state, key));
    const count = Object.keys(unkeyedParties(state, key)).length;
    if (count === 0) continue;
    if (dryRun) touched.set(state.caseId, state);
    else {
      const { state: next, rekeyed } = await rekeyCase(options, state.caseId, key);
      // Re-keyed meanwhile (by another run): its records are still renamed below.
      if (rekeyed === 0) continue;
      touched.set(state.caseId, next);
    }
    rekeyedCases++;
    parties += count;
    progress?.({ stage: 'case', caseId: state.caseId, parties: count, done: rekeyedCases });
  }
  progress?.({ stage: 'scanned', table: options.casesTable, items: scanned });
  const olds = Object.keys(renames);
  let records = 0;
  let indexEntries = 0;
  let conflicts = 0;
  let pendingRequests = 0;
  const stale = new Set<string>();
  if (olds.length > 0) {
    for (const table of [options.casesTable, ...(options.otherTables ?? [])]) {
      const result = await renameRecords(db, table, table === options.casesTable, renames, dryRun === true, stale);
      records += result.renamed;
      indexEntries += result.deleted;
      conflicts += result.conflicts;
      pendingRequests += result.pending;
      progress?.({ stage: 'records', table, renamed: result.renamed, deleted: result.deleted });
    }
  }
  // The projection of every touched case, written again: its party index entries under the keyed ids.
  if (!dryRun) {
    for (const caseId of stale) {
      if (touched.has(caseId)) continue;
      const state = await options.cases.load(caseId);
      if (state) touched.set(caseId, state);
    }
    for (const state of touched.values()) await options.cases.reindex(state);
  }
  return { cases: rekeyedCases, parties, records, indexEntries, conflicts, scanned, pendingRequests };
}

/**
 * Renames the items of one table that name an old id. In the cases table the case records and their index entries
 * are the repository's (written by the commits and `reindex`), and the party index entries under an old id are
 * deleted (their case, added to `stale`, is re-indexed). An item whose key names an old id moves to the renamed key.
 */
async function renameRecords(
  db: DynamoDBDocumentClient,
  table: string,
  isCases: boolean,
  renames: Readonly<Record<string, string>>,
  dryRun: boolean,
  stale: Set<string>,
): Promise<{ renamed: number; deleted: number; conflicts: number; pending: number }> {
  const all = new Map(Object.entries(renames));
  // The renames of the old ids an item names (an id is `p` and 15 base32 letters): a lookup per `p` of its text,
  // so that a stage with many parties is not searched id by id.
  const renamesIn = (item: Item) => {
    const text = JSON.stringify(item);
    const ids: Record<string, string> = {};
    for (let i = text.indexOf('p'); i >= 0; i = text.indexOf('p', i + 1)) {
      const to = all.get(text.slice(i, i + 16));
      if (to !== undefined) ids[text.slice(i, i + 16)] = to;
    }
    return ids;
  };
  let renamed = 0;
  let deleted = 0;
  let conflicts = 0;
  let pending = 0;
  // Read first, then write: a scan never sees the items this run writes.
  const found: { item: Item; ids: Record<string, string> }[] = [];
  for await (const item of scan(db, table)) {
    const ids = renamesIn(item);
    if (Object.keys(ids).length > 0) found.push({ item, ids });
  }
  for (const { item, ids } of found) {
    const { pk, sk } = item as { pk: string; sk: string };
    if (isCases && (sk === 'CASE' || sk === 'INDEX')) continue;
    if (isCases && sk.startsWith('PARTY#')) {
      stale.add(String(item.caseId ?? pk.replace(/^CASE#/, '')));
      if (!dryRun && !(await guarded(() => db.send(new DeleteCommand({ TableName: table, Key: { pk, sk } })))))
        conflicts++;
      else deleted++;
      continue;
    }
    if (isCases && pk.startsWith('REQUEST#') && item.status === 'pending') pending++;
    if (dryRun) {
      renamed++;
      continue;
    }
    const next = renamePartyIds(item, ids);
    const moved = next.pk !== pk || next.sk !== sk;
    const ok = moved
      ? await guarded(async () => {
          // Moved by an earlier run whose delete then conflicted: the item under the new key is kept as it is.
          await guarded(() =>
            db.send(new PutCommand({ TableName: table, Item: next, ConditionExpression: 'attribute_not_exists(pk)' })),
          );
          await db.send(new DeleteCommand({ TableName: table, Key: { pk, sk }, ...unchanged(item) }));
        })
      : await guarded(() => db.send(renameInPlace(table, item, next)));
    if (ok) renamed++;
    else conflicts++;
  }
  return { renamed, deleted, conflicts, pending };
}
