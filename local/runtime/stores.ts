/**
 * The stores the embedded runtime runs on, behind the application's ports: SQLite (local/store/, the default and
 * the production path) or the DynamoDB adapters on an embedded dynalite (with a usage meter, whose cost model needs
 * DynamoDB's consumed capacity, or when asked for: a test double of AWS).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import type { DeadLetters } from '#adapters/dynamodb/rejection-log.ts';
import type { ApprovalStore } from '#ports/approval-store.ts';
import type { CaseQueries, CaseRepository } from '#ports/case-repository.ts';
import type { FieldStore } from '#ports/field-store.ts';
import type { IntakeRejections } from '#ports/intake.ts';
import type { PartnerRequestStore } from '#ports/partner-requests.ts';
import type { PreservationStore } from '#ports/preservations.ts';
import type { ReceivedMatterStore } from '#ports/received-matters.ts';
import { SqliteApprovalStore } from '../store/approval-store.ts';
import { type CommitListener, SqliteCaseRepository, type SweepSchedule } from '../store/case-store.ts';
import { DATABASE_FILE, type OpenedDatabase, openDatabase } from '../store/database.ts';
import { SqliteFieldStore } from '../store/field-store.ts';
import { SqlitePersistenceLayer } from '../store/idempotency.ts';
import { SqlitePartnerRequestStore } from '../store/partner-request-store.ts';
import { SqlitePreservationStore } from '../store/preservation-store.ts';
import { SqliteReceivedMatterStore } from '../store/received-matter-store.ts';
import { SqliteRejections } from '../store/rejection-log.ts';
import { SqliteRuntimeStore } from '../store/runtime-store.ts';
import { StoreOperations } from '../store/sql.ts';
import type { RuntimeStore } from './runtime-store.ts';

export type StoreKind = 'sqlite' | 'dynamodb';

export interface CaseOptions {
  readonly listener: CommitListener;
  readonly schedule: SweepSchedule;
}

export interface RuntimeStores {
  readonly kind: StoreKind;
  readonly runtimeStore: RuntimeStore;
  /** The case store, telling `listener` of each commit and indexing each case for the sweep by `schedule`. */
  cases(options: CaseOptions): CaseRepository & CaseQueries;
  readonly approvals: ApprovalStore;
  readonly requests: PartnerRequestStore;
  readonly received: ReceivedMatterStore;
  readonly preservations: PreservationStore;
  readonly field: FieldStore;
  rejections(deadLetters: DeadLetters): IntakeRejections;
  readonly idempotency: BasePersistenceLayer;
  /** Store operations so far, by case id ('' when not for a case). */
  readonly operations: Map<string, number>;
  /** Store operations so far by kind (SQLite: statement and table). */
  readonly operationsByKind: Map<string, number>;
  /** Of those, the ones for no case (case id ''), by kind. */
  readonly sharedOperationsByKind: Map<string, number>;
  close(): Promise<void>;
}

/** Every store on the data directory's SQLite database, each its own schema part. */
export function sqliteStores(database: OpenedDatabase): RuntimeStores {
  const operations = new StoreOperations();
  return {
    kind: 'sqlite',
    runtimeStore: new SqliteRuntimeStore(database, operations),
    cases: (caseOptions) => new SqliteCaseRepository(database, { ...caseOptions, operations }),
    approvals: new SqliteApprovalStore(database, operations),
    requests: new SqlitePartnerRequestStore(database, operations),
    received: new SqliteReceivedMatterStore(database, operations),
    preservations: new SqlitePreservationStore(database, operations),
    field: new SqliteFieldStore(database, operations),
    rejections: (deadLetters) => new SqliteRejections(database, deadLetters, operations),
    idempotency: new SqlitePersistenceLayer(database, operations),
    operations: operations.byCase,
    operationsByKind: operations.byKind,
    sharedOperationsByKind: operations.sharedByKind,
    close: async () => undefined,
  };
}

/** The database file is damaged, or is not a database: named, with the way out, in one line. */
export class DatabaseDamagedError extends Error {
  constructor(file: string, reason: string) {
    super(
      `数据库文件 ${file} 已损坏或不是数据库（${reason}）：请勿继续使用，用 npm run enforce -- restore <备份文件> 从备份恢复`,
    );
    this.name = 'DatabaseDamagedError';
  }
}

/** SQLite's result codes for a file that is not a database (26) or is damaged (11). */
const DAMAGED = new Set([11, 26]);

/** Opens the data directory's database and brings every store's tables up to date; a damaged file is named. */
export function openStores(dataDir: string | undefined): { database: OpenedDatabase; stores: RuntimeStores } {
  let database: OpenedDatabase | undefined;
  try {
    database = openDatabase(dataDir);
    refusePreviousFormat(dataDir, database);
    return { database, stores: sqliteStores(database) };
  } catch (error) {
    database?.close();
    const code = (error as { errcode?: number }).errcode;
    if (dataDir && code !== undefined && DAMAGED.has(code))
      throw new DatabaseDamagedError(join(dataDir, DATABASE_FILE), (error as Error).message);
    throw error;
  }
}

/** A data directory of the previous format: the state is in dynalite's LevelDB files, not in enforce.db. */
export class PreviousFormatError extends Error {
  constructor(dataDir: string) {
    super(
      `数据目录 ${dataDir} 是旧版本的格式（数据在 db/ 下的嵌入式 DynamoDB 中，不在 enforce.db 中）：请先运行 npm run enforce -- migrate --data-dir ${dataDir} 迁移后再打开`,
    );
    this.name = 'PreviousFormatError';
  }
}

/** The directory dynalite kept its LevelDB files in. */
export const PREVIOUS_STORE_DIR = 'db';

/**
 * Refuses a data directory whose state is still in the previous format (dynalite's files, and no case store in
 * enforce.db yet): opened as if empty, it would lose every case. `enforce migrate` moves it over.
 */
export function refusePreviousFormat(dataDir: string | undefined, database: OpenedDatabase): void {
  if (!dataDir || !existsSync(join(dataDir, PREVIOUS_STORE_DIR))) return;
  const migrated = database.db.prepare("SELECT 1 AS found FROM schema_parts WHERE part = 'cases'").get();
  if (!migrated) throw new PreviousFormatError(dataDir);
}
