/**
 * The migration of a data directory's cases from unkeyed party ids (an unsalted SHA-256 of the ID number) to keyed
 * ones (HMAC-SHA256 with the installation's key). It runs by itself when the embedded runtime opens a data directory
 * not yet marked migrated, once:
 *
 * - each case whose parties still carry unkeyed ids gets one journal commit, by the system actor
 *   `party-id-migration`, with a `party-ids-rekeyed` event (old id -> new id): the audit entry. The reducer renames
 *   the ids in the case from there; earlier commits keep the ids they were written with (the journal is
 *   hash-chained and is never rewritten);
 * - the other records that name those parties (partner requests, approvals, nodes, the runtime's executions and
 *   timers) are rewritten with the new ids, the party index entries under the old ids are deleted and written again
 *   under the new ones.
 *
 * A case already keyed is left alone, so a migration interrupted half-way is simply run again at the next open.
 */
import { BatchWriteCommand, type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import type { EnforcementCase } from '#domain/case/model.ts';
import { renamePartyIds } from '#domain/case/party-ids.ts';
import { partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';
import type { CaseQueries, CaseRepository } from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import { mutateCase } from '#use-cases/context.ts';

export const PARTY_ID_MIGRATION = { kind: 'system', id: 'party-id-migration' } as const;
/** The runtime-store value that marks a data directory whose party ids are all keyed. */
export const KEYED_MARK = 'party-ids';

/** The case store the migration commits through (the DynamoDB adapter on the store it migrates). */
export type MigratedCases = CaseRepository & Pick<CaseQueries, 'reindex'>;

export interface PartyIdMigration {
  readonly cases: number;
  readonly parties: number;
}

async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

async function writeBatch(db: DynamoDBDocumentClient, table: string, requests: readonly Record<string, unknown>[]) {
  for (let i = 0; i < requests.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [table]: requests.slice(i, i + 25) as never } }));
  }
}

/** Old id -> keyed id, for the parties of `state` that still carry the unkeyed id of their ID number. */
export function unkeyedParties(state: EnforcementCase, key: Uint8Array): Record<string, string> {
  const ids: Record<string, string> = {};
  for (const party of [...state.applicants, ...state.respondents]) {
    if (party.partyId === unkeyedPartyIdFor(party.idNumber)) ids[party.partyId] = partyIdFor(party.idNumber, key);
  }
  return ids;
}

export async function migratePartyIds(options: {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly cases: string; readonly runtime: string };
  readonly cases: MigratedCases;
  readonly clock: Clock;
  readonly key: Uint8Array;
}): Promise<PartyIdMigration> {
  const { db, tables, cases, key } = options;
  const records = (await scanAll(db, tables.cases)).filter((item) => item.sk === 'CASE');
  const renamed: Record<string, string> = {};
  const migrated: EnforcementCase[] = [];
  for (const record of records) {
    const state = record.data as EnforcementCase;
    const ids = unkeyedParties(state, key);
    if (Object.keys(ids).length === 0) continue;
    const { state: next } = await mutateCase(
      { cases, clock: options.clock },
      state.caseId,
      PARTY_ID_MIGRATION,
      { migration: 'party-ids-keyed' },
      (current) => {
        const still = unkeyedParties(current, key);
        return { events: Object.keys(still).length > 0 ? [{ type: 'party-ids-rekeyed', ids: still }] : [], result: 0 };
      },
    );
    Object.assign(renamed, ids);
    migrated.push(next);
  }
  if (migrated.length === 0) return { cases: 0, parties: 0 };
  const olds = Object.keys(renamed);
  const mentions = (item: Record<string, unknown>) => {
    const text = JSON.stringify(item);
    return olds.some((old) => text.includes(old));
  };
  // The cases table: index entries under an old id go; every other record naming one is written renamed. The case
  // records and their index entries were written by the commits above.
  const caseItems = await scanAll(db, tables.cases);
  const requests: Record<string, unknown>[] = [];
  for (const item of caseItems) {
    if (item.sk === 'CASE' || item.sk === 'INDEX' || !mentions(item)) continue;
    if (typeof item.sk === 'string' && item.sk.startsWith('PARTY#')) {
      requests.push({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } });
    } else {
      requests.push({ PutRequest: { Item: renamePartyIds(item, renamed) } });
    }
  }
  await writeBatch(db, tables.cases, requests);
  for (const state of migrated) await cases.reindex(state);
  // The runtime's executions, timers and deliveries may carry party ids in their payloads.
  const runtimeItems = (await scanAll(db, tables.runtime)).filter(mentions);
  await writeBatch(
    db,
    tables.runtime,
    runtimeItems.map((item) => ({ PutRequest: { Item: renamePartyIds(item, renamed) } })),
  );
  return { cases: migrated.length, parties: olds.length };
}
