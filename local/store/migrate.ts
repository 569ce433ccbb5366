/**
 * `enforce migrate`: moves a data directory of the previous format (the DynamoDB adapters' tables in dynalite's
 * LevelDB files under db/) into its SQLite database. Everything is read through the embedded DynamoDB as the
 * previous release wrote it, and written in one SQLite transaction: all of it, or nothing. The commits are copied
 * as they were (never re-sealed), so every journal's hash chain is the same chain; a broken one is reported, not
 * repaired. The old files are kept, renamed to db.previous-format, as a backup.
 *
 * Before the copy, the previous store is brought up to date where it lies (legacy-upgrade.ts): party ids keyed (an
 * audit commit on each case's journal) and evidence kept in the S3 stand-in's files moved into the vault, so the
 * SQLite database starts with keyed ids and every piece of evidence in the vault.
 */
import { existsSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoCaseRepository } from '#adapters/dynamodb/case-repository.ts';
import { documentClient } from '#adapters/dynamodb/document-client.ts';
import { referenceData } from '#commons/reference-data.ts';
import type { Commit } from '#domain/case/events.ts';
import { verifyChain } from '#domain/case/journal.ts';
import { nextSweepAt } from '#domain/case/node-watch.ts';
import type { ReceivedMatter } from '#domain/entrustment/received.ts';
import type { Approval } from '#ports/approval-store.ts';
import type { IntakeRejection } from '#ports/intake.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { EvidenceVault } from '../evidence/vault.ts';
import { type ClockMode, RuntimeClock } from '../runtime/clock.ts';
import type { LocalStore } from '../runtime/local-store.ts';
import { fileSink } from '../runtime/logging.ts';
import type { AlertRecord, CaseCounters, ExecutionRecord, TimerRecord, TokenRecord } from '../runtime/runtime-store.ts';
import { DynamoRuntimeStore } from '../runtime/runtime-store.ts';
import { PREVIOUS_STORE_DIR } from '../runtime/stores.ts';
import { SqliteApprovalStore } from './approval-store.ts';
import { SqliteCaseRepository } from './case-store.ts';
import { flushWriteBehind, type OpenedDatabase, openDatabase } from './database.ts';
import { SqlitePersistenceLayer } from './idempotency.ts';
import type { LegacyUpgradeResult } from './legacy-upgrade.ts';
import { SqlitePartnerRequestStore } from './partner-request-store.ts';
import { installationKey, PARTY_KEY_FILE, restrictFileCreation } from './private-files.ts';
import { SqliteReceivedMatterStore } from './received-matter-store.ts';
import { SqliteRejections } from './rejection-log.ts';
import { SqliteRuntimeStore } from './runtime-store.ts';

export const PREVIOUS_FORMAT_BACKUP = 'db.previous-format';

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MigrationError';
  }
}

export interface MigrationReport {
  readonly cases: number;
  readonly commits: number;
  /** Cases whose journal's hash chain was already broken in the previous store (copied as they were). */
  readonly brokenChains: readonly string[];
  readonly approvals: number;
  readonly requests: number;
  readonly matters: number;
  readonly rejections: number;
  readonly runtimeRecords: number;
  readonly idempotencyRecords: number;
  /** What the previous store was brought up to before the copy: party ids keyed, stand-in evidence moved. */
  readonly upgraded: LegacyUpgradeResult;
  /** Where the previous files are kept. */
  readonly backup: string;
}

type Item = Record<string, unknown>;

async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Item[]> {
  const items: Item[] = [];
  let start: Item | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ...(start ? { ExclusiveStartKey: start } : {}) }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

function without(item: Item, ...names: string[]): Item {
  const copy = { ...item };
  for (const name of [
    ...names,
    'pk',
    'sk',
    'gsi1pk',
    'gsi1sk',
    'gsi2pk',
    'gsi2sk',
    'gsi3pk',
    'gsi3sk',
    'gsi4pk',
    'gsi4sk',
    'gsi5pk',
    'gsi5sk',
  ])
    delete copy[name];
  return copy;
}

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

export async function migratePreviousFormat(dataDir: string): Promise<MigrationReport> {
  const previous = join(dataDir, PREVIOUS_STORE_DIR);
  if (!existsSync(previous))
    throw new MigrationError(`数据目录 ${dataDir} 中没有旧版本的数据（${previous} 不存在），无需迁移`);
  // Personal data: everything created from here on (database, vault, key) is owner-only.
  restrictFileCreation();
  // Loaded only here: dynalite and the AWS SDK are needed only to read the previous store.
  const { LOCAL_TABLES, openLocalStore } = await import('../runtime/local-store.ts');
  const local = await openLocalStore(dataDir);
  const database = openDatabase(dataDir);
  try {
    const migrated = database.db.prepare("SELECT 1 AS found FROM schema_parts WHERE part = 'cases'").get();
    if (migrated)
      throw new MigrationError(
        `数据目录 ${dataDir} 的 enforce.db 已有案件库：已迁移过；旧数据仍在 ${previous}，请勿重复迁移`,
      );
    const upgraded = await upgradePreviousStore(dataDir, local, database);
    const db = documentClient(local.client);
    const journal = await scanAll(db, LOCAL_TABLES.journal);
    const cases = await scanAll(db, LOCAL_TABLES.cases);
    const runtime = await scanAll(db, LOCAL_TABLES.runtime);
    const idempotency = await scanAll(db, LOCAL_TABLES.idempotency);

    const reference = referenceData();
    const repository = new SqliteCaseRepository(database, {
      schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar),
    });
    const approvals = new SqliteApprovalStore(database);
    const requests = new SqlitePartnerRequestStore(database);
    const matters = new SqliteReceivedMatterStore(database);
    const rejections = new SqliteRejections(database, { send: async () => undefined });
    const persistence = new SqlitePersistenceLayer(database);
    const runtimeStore = new SqliteRuntimeStore(database);

    const byCase = new Map<string, Commit[]>();
    for (const item of journal) {
      const commit = item as unknown as Commit;
      const list = byCase.get(commit.caseId) ?? [];
      list.push(commit);
      byCase.set(commit.caseId, list);
    }
    const brokenChains: string[] = [];
    const counts = { approvals: 0, requests: 0, matters: 0, rejections: 0, runtimeRecords: 0 };

    database.db.exec('BEGIN IMMEDIATE');
    try {
      for (const [caseId, commits] of byCase) {
        commits.sort((a, b) => a.seq - b.seq);
        if (!verifyChain(commits).ok) brokenChains.push(caseId);
        repository.importJournal(commits);
      }
      for (const item of cases) {
        const pk = String(item.pk);
        if (pk.startsWith('APPROVAL#')) {
          approvals.restore(without(item, 'token') as unknown as Approval, text(item.token));
          counts.approvals++;
        } else if (pk.startsWith('REQUEST#')) {
          requests.restore(without(item, 'token') as unknown as PartnerRequest, text(item.token));
          counts.requests++;
        } else if (pk.startsWith('RECEIVED#')) {
          matters.restore(without(item) as unknown as ReceivedMatter);
          counts.matters++;
        } else if (pk === 'INTAKE#REJECTED') {
          rejections.restore(without(item) as unknown as IntakeRejection);
          counts.rejections++;
        }
        // Case records, index entries, node and party items are projections: written again from the journals.
      }
      for (const item of runtime) await restoreRuntimeItem(runtimeStore, item, counts);
      for (const item of idempotency)
        persistence.restore({
          id: String(item.id),
          status: String(item.status),
          expiration: typeof item.expiration === 'number' ? item.expiration : null,
          in_progress_expiration: typeof item.in_progress_expiration === 'number' ? item.in_progress_expiration : null,
          data: item.data === undefined ? null : JSON.stringify(item.data),
          validation: text(item.validation) ?? null,
        });
      // What the stores held for the commit (database.ts, WriteBehind) is written before it.
      flushWriteBehind(database.db);
      database.db.exec('COMMIT');
    } catch (error) {
      if (database.db.isTransaction) database.db.exec('ROLLBACK');
      throw error;
    }
    database.close();
    await local.close();
    const backup = join(dataDir, PREVIOUS_FORMAT_BACKUP);
    renameSync(previous, backup);
    return {
      cases: byCase.size,
      commits: journal.length,
      brokenChains,
      ...counts,
      idempotencyRecords: idempotency.length,
      upgraded,
      backup,
    };
  } finally {
    database.close();
    await local.close();
  }
}

/**
 * Keys the previous store's party ids and moves the stand-in's evidence into the vault, as the runtime did when it
 * opened such a directory on the embedded DynamoDB; on the runtime clock the directory saved (its audit commits).
 */
async function upgradePreviousStore(
  dataDir: string,
  local: LocalStore,
  database: OpenedDatabase,
): Promise<LegacyUpgradeResult> {
  const { LOCAL_TABLES } = await import('../runtime/local-store.ts');
  const { upgradeLegacyData } = await import('./legacy-upgrade.ts');
  const db = documentClient(local.client);
  const runtimeStore = new DynamoRuntimeStore(db, LOCAL_TABLES.runtime);
  const saved = await runtimeStore.getValue<{ mode: ClockMode; now: string }>('clock');
  const clock = new RuntimeClock(saved?.mode ?? 'real', saved?.now ?? new Date().toISOString());
  const reference = referenceData();
  const tables = { cases: LOCAL_TABLES.cases, journal: LOCAL_TABLES.journal, idempotency: LOCAL_TABLES.idempotency };
  const vault = new EvidenceVault({ dataDir, database, now: () => clock.now() });
  const sink = fileSink(dataDir);
  try {
    return await upgradeLegacyData({
      client: local.client,
      tables: { cases: LOCAL_TABLES.cases, runtime: LOCAL_TABLES.runtime },
      cases: new DynamoCaseRepository(db, tables, {
        schedule: (state) => nextSweepAt(state, reference.rules, reference.calendar),
      }),
      runtimeStore,
      clock,
      key: installationKey(join(dataDir, PARTY_KEY_FILE)),
      vault,
      dataDir,
      log: (line) => sink(JSON.stringify(line)),
    });
  } finally {
    vault.close();
  }
}

/** One item of the previous runtime table, by its key; the active markers are not needed (an execution's status is). */
async function restoreRuntimeItem(store: SqliteRuntimeStore, item: Item, counts: { runtimeRecords: number }) {
  const pk = String(item.pk);
  const sk = String(item.sk);
  const rest = without(item);
  if (pk.startsWith('EXEC#')) await store.putExecution(rest as unknown as ExecutionRecord);
  else if (pk.startsWith('TOKEN#')) await store.putToken(rest as unknown as TokenRecord);
  else if (pk === 'TIMER') await store.addTimer(rest as unknown as TimerRecord);
  else if (pk === 'ALERT') {
    const alert = rest as unknown as AlertRecord;
    await store.addAlert(alert, sk.slice(alert.at.length + 1));
  } else if (pk === 'DLQ') {
    const at = String(rest.at);
    await store.addDeadLetter(at, sk.slice(at.length + 1), {
      kind: String(rest.kind),
      reason: String(rest.reason),
      body: rest.body,
    });
  } else if (pk.startsWith('METRICS#')) {
    const { caseId, ...delta } = rest as unknown as CaseCounters;
    await store.addCounters(caseId, delta);
  } else if (pk === 'SETTING') await store.setValue(sk, rest.value);
  else return;
  counts.runtimeRecords++;
}
