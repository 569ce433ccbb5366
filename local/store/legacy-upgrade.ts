/**
 * What a data directory written by an earlier release needs before it is used: its party ids keyed
 * (party-id-migration.ts) and the evidence it kept in the S3 stand-in's files moved into the vault
 * (../evidence/import-stand-in.ts). Such data always sits in the embedded DynamoDB (dynalite), so this runs where
 * that store is read: when the runtime opens a data directory on the 'dynamodb' store kind, and in `enforce migrate`
 * before it copies the store into SQLite. A fresh SQLite data directory needs neither.
 *
 * Loaded only on those paths: it needs the AWS SDK's DynamoDB document client.
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import type { Clock } from '#ports/clock.ts';
import { importStandInEvidence } from '../evidence/import-stand-in.ts';
import type { EvidenceVault } from '../evidence/vault.ts';
import type { RuntimeStore } from '../runtime/runtime-store.ts';
import { KEYED_MARK, type MigratedCases, migratePartyIds, type PartyIdMigration } from './party-id-migration.ts';

export interface LegacyUpgrade {
  readonly client: DynamoDBClient;
  readonly tables: { readonly cases: string; readonly runtime: string };
  readonly cases: MigratedCases;
  readonly runtimeStore: RuntimeStore;
  readonly clock: Clock;
  readonly key: Uint8Array;
  readonly vault: EvidenceVault;
  readonly dataDir: string | undefined;
  readonly log: (line: Record<string, unknown>) => void;
}

export interface LegacyUpgradeResult {
  /** Cases and parties re-keyed (none when the directory was already marked keyed). */
  readonly partyIds: PartyIdMigration;
  /** Evidence moved from the S3 stand-in (undefined when there was none). */
  readonly standIn: { readonly imported: number; readonly mismatched: readonly string[] } | undefined;
}

export async function upgradeLegacyData(options: LegacyUpgrade): Promise<LegacyUpgradeResult> {
  const db = documentClient(options.client);
  let partyIds: PartyIdMigration = {
    cases: 0,
    parties: 0,
    records: 0,
    indexEntries: 0,
    conflicts: 0,
    scanned: 0,
    pendingRequests: 0,
  };
  // Keyed party ids: migrated once, each case with an audit commit on its journal; then the directory is marked.
  if (!(await options.runtimeStore.getValue<string>(KEYED_MARK))) {
    const migrated = await migratePartyIds({
      db,
      tables: options.tables,
      cases: options.cases,
      clock: options.clock,
      key: options.key,
    });
    await options.runtimeStore.setValue(KEYED_MARK, 'keyed');
    if (migrated.cases > 0)
      options.log({ level: 'INFO', message: 'party ids migrated to keyed ids', service: 'enforcement', ...migrated });
    partyIds = migrated;
  }
  if (!options.dataDir) return { partyIds, standIn: undefined };
  const result = await importStandInEvidence({
    dataDir: options.dataDir,
    vault: options.vault,
    db,
    casesTable: options.tables.cases,
    load: (caseId) => options.cases.load(caseId),
  });
  if (!result) return { partyIds, standIn: undefined };
  options.log({
    level: result.mismatched.length > 0 ? 'WARN' : 'INFO',
    message: 'evidence moved from the S3 stand-in into the vault',
    service: 'enforcement',
    ...result,
  });
  return { partyIds, standIn: result };
}
