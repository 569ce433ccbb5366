/**
 * Powertools idempotency records on SQLite, for the intake function in the embedded runtime: the same rules as its
 * DynamoDB persistence layer (a record may be taken over once it expired, or once its in-progress window ran out).
 */
import { IdempotencyItemAlreadyExistsError, IdempotencyItemNotFoundError } from '@aws-lambda-powertools/idempotency';
import { BasePersistenceLayer, IdempotencyRecord } from '@aws-lambda-powertools/idempotency/persistence';
import { ensureSchema, type OpenedDatabase } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const IDEMPOTENCY_MIGRATIONS: readonly string[] = [
  `CREATE TABLE idempotency (
     id TEXT PRIMARY KEY,
     status TEXT NOT NULL,
     expiration REAL,
     in_progress_expiration REAL,
     data TEXT,
     validation TEXT
   ) STRICT;`,
];

export interface IdempotencyRow {
  readonly id: string;
  readonly status: string;
  readonly expiration: number | null;
  readonly in_progress_expiration: number | null;
  readonly data: string | null;
  readonly validation: string | null;
}

function toRecord(row: IdempotencyRow): IdempotencyRecord {
  return new IdempotencyRecord({
    idempotencyKey: row.id,
    status: row.status as never,
    ...(row.expiration !== null ? { expiryTimestamp: row.expiration } : {}),
    ...(row.in_progress_expiration !== null ? { inProgressExpiryTimestamp: row.in_progress_expiration } : {}),
    ...(row.data !== null ? { responseData: JSON.parse(row.data) } : {}),
    ...(row.validation !== null ? { payloadHash: row.validation } : {}),
  });
}

export class SqlitePersistenceLayer extends BasePersistenceLayer {
  private readonly sql: Sql;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    super();
    ensureSchema(database, 'idempotency', IDEMPOTENCY_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
  }

  /** Writes a record as the previous store held it (`enforce migrate`). */
  restore(row: IdempotencyRow): void {
    this.sql.run(
      'INSERT INTO idempotency (id, status, expiration, in_progress_expiration, data, validation) VALUES (?, ?, ?, ?, ?, ?)',
      row.id,
      row.status,
      row.expiration,
      row.in_progress_expiration,
      row.data,
      row.validation,
    );
  }

  protected async _getRecord(idempotencyKey: string): Promise<IdempotencyRecord> {
    const row = this.sql.get<IdempotencyRow>('SELECT * FROM idempotency WHERE id = ?', idempotencyKey);
    if (!row) throw new IdempotencyItemNotFoundError();
    return toRecord(row);
  }

  protected async _putRecord(record: IdempotencyRecord): Promise<void> {
    this.sql.tx(() => {
      const existing = this.sql.get<IdempotencyRow>('SELECT * FROM idempotency WHERE id = ?', record.idempotencyKey);
      const now = Date.now();
      const free =
        !existing ||
        (existing.expiration !== null && existing.expiration < now / 1000) ||
        (existing.status === 'INPROGRESS' &&
          existing.in_progress_expiration !== null &&
          existing.in_progress_expiration < now);
      if (!free)
        throw new IdempotencyItemAlreadyExistsError(
          `Failed to put record for already existing idempotency key: ${record.idempotencyKey}`,
          toRecord(existing),
        );
      this.sql.run(
        `INSERT INTO idempotency (id, status, expiration, in_progress_expiration, data, validation) VALUES (?, ?, ?, ?, NULL, ?)
         ON CONFLICT (id) DO UPDATE SET status = excluded.status, expiration = excluded.expiration,
           in_progress_expiration = excluded.in_progress_expiration, data = NULL, validation = excluded.validation`,
        record.idempotencyKey,
        record.getStatus(),
        record.expiryTimestamp,
        record.inProgressExpiryTimestamp,
        this.isPayloadValidationEnabled() ? record.payloadHash : undefined,
      );
    });
  }

  protected async _updateRecord(record: IdempotencyRecord): Promise<void> {
    this.sql.run(
      `INSERT INTO idempotency (id, status, expiration, data, validation) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO UPDATE SET status = excluded.status, expiration = excluded.expiration,
         data = excluded.data, validation = coalesce(excluded.validation, idempotency.validation)`,
      record.idempotencyKey,
      record.getStatus(),
      record.expiryTimestamp,
      record.responseData === undefined ? undefined : JSON.stringify(record.responseData),
      this.isPayloadValidationEnabled() ? record.payloadHash : undefined,
    );
  }

  protected async _deleteRecord(record: IdempotencyRecord): Promise<void> {
    this.sql.run('DELETE FROM idempotency WHERE id = ?', record.idempotencyKey);
  }
}
