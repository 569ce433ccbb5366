/**
 * The party-id migration of a deployed stage (scripts/rekey-party-ids.ts): the DynamoDB adapters' migration
 * (functions/adapters/dynamodb/party-id-migration.ts) over the stage's cases and journal tables, the case repository
 * built as the Lambda functions build it (the sweep index scheduled by the same rules), progress as one line each.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import {
  type MigrationProgress,
  migratePartyIds,
  type PartyIdMigration,
} from '#adapters/dynamodb/party-id-migration.ts';
import { referenceData } from '#commons/reference-data.ts';
import { systemClock } from '#commons/system-clock.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import type { Clock } from '#ports/clock.ts';

export interface StageRekey {
  readonly client: DynamoDBClient;
  readonly tables: { readonly cases: string; readonly journal: string };
  readonly key: Uint8Array;
  readonly dryRun: boolean;
  readonly write: (line: string) => void;
  readonly clock?: Clock;
}

function describe(event: MigrationProgress, dryRun: boolean): string {
  const would = dryRun ? 'would re-key' : 're-keyed';
  switch (event.stage) {
    case 'case':
      return `${would} case ${event.caseId} (${event.parties} part${event.parties === 1 ? 'y' : 'ies'}), ${event.done} so far`;
    case 'scanned':
      return `read ${event.items} case records from ${event.table}`;
    case 'records':
      return `${event.table}: ${dryRun ? 'would rename' : 'renamed'} ${event.renamed} records, ${dryRun ? 'would delete' : 'deleted'} ${event.deleted} party index entries under unkeyed ids`;
  }
}

export async function rekeyStage(options: StageRekey): Promise<PartyIdMigration> {
  const db = documentClient(options.client);
  const reference = referenceData();
  const cases = new DynamoCaseRepository(
    db,
    { cases: options.tables.cases, journal: options.tables.journal, idempotency: '' },
    { schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar) },
  );
  const result = await migratePartyIds({
    db,
    casesTable: options.tables.cases,
    cases,
    clock: options.clock ?? systemClock,
    key: options.key,
    dryRun: options.dryRun,
    progress: (event) => options.write(describe(event, options.dryRun)),
  });
  options.write(
    `${options.dryRun ? 'dry run, nothing written: would re-key' : 're-keyed'} ${result.cases} cases ` +
      `(${result.parties} parties) of ${result.scanned}; ${result.records} other records, ` +
      `${result.indexEntries} party index entries` +
      (result.conflicts > 0 ? `; ${result.conflicts} records changed during the run: run again` : '') +
      (result.pendingRequests > 0
        ? `; ${result.pendingRequests} partner requests pending: answers to messages already sent name the unkeyed ids (docs/evidence.md)`
        : ''),
  );
  return result;
}
