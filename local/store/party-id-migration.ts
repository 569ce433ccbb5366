/**
 * The migration of a data directory's cases from unkeyed party ids (an unsalted SHA-256 of the ID number) to keyed
 * ones (HMAC-SHA256 with the installation's key). It runs by itself when the embedded runtime opens a data directory
 * not yet marked migrated, once. The work is the DynamoDB adapters' migration
 * (functions/adapters/dynamodb/party-id-migration.ts, the same code a deployed stage is migrated with:
 * scripts/rekey-party-ids.ts), here also over the runtime's own table (executions, timers and deliveries may carry
 * party ids in their payloads):
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
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  type MigratedCases,
  migratePartyIds as migrateTables,
  type PartyIdMigration,
} from '#adapters/dynamodb/party-id-migration.ts';
import type { Clock } from '#ports/clock.ts';

export type { MigratedCases, PartyIdMigration } from '#adapters/dynamodb/party-id-migration.ts';
export { PARTY_ID_MIGRATION, unkeyedParties } from '#use-cases/rekey-party-ids.ts';

/** The runtime-store value that marks a data directory whose party ids are all keyed. */
export const KEYED_MARK = 'party-ids';

export async function migratePartyIds(options: {
  readonly db: DynamoDBDocumentClient;
  readonly tables: { readonly cases: string; readonly runtime: string };
  readonly cases: MigratedCases;
  readonly clock: Clock;
  readonly key: Uint8Array;
}): Promise<PartyIdMigration> {
  return migrateTables({
    db: options.db,
    casesTable: options.tables.cases,
    otherTables: [options.tables.runtime],
    cases: options.cases,
    clock: options.clock,
    key: options.key,
  });
}
