/** Rejected intake events on SQLite: the reasons in a table (no personal data), the event itself to the dead letters. */
import type { DeadLetters } from '#adapters/dynamodb/rejection-log.ts';
import type { IntakeRejection, IntakeRejections } from '#ports/intake.ts';
import { ensureSchema, type OpenedDatabase } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const REJECTIONS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE intake_rejections (
     at TEXT NOT NULL,
     event_id TEXT NOT NULL,
     data TEXT NOT NULL,
     PRIMARY KEY (at, event_id)
   ) STRICT, WITHOUT ROWID;`,
];

export class SqliteRejections implements IntakeRejections {
  private readonly sql: Sql;
  private readonly deadLetters: DeadLetters;

  constructor(database: OpenedDatabase, deadLetters: DeadLetters, operations?: StoreOperations) {
    ensureSchema(database, 'intake-rejections', REJECTIONS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
    this.deadLetters = deadLetters;
  }

  async record(rejection: IntakeRejection, original: unknown): Promise<void> {
    await this.deadLetters.send('intake-rejected', rejection.reasons.join('; '), { rejection, event: original });
    this.sql.run(
      `INSERT INTO intake_rejections (at, event_id, data) VALUES (?, ?, ?)
       ON CONFLICT (at, event_id) DO UPDATE SET data = excluded.data`,
      rejection.at,
      rejection.eventId,
      JSON.stringify(rejection),
    );
  }

  /** Writes a rejection as it was recorded, without sending it to the dead letters again (`enforce migrate`). */
  restore(rejection: IntakeRejection): void {
    this.sql.run(
      'INSERT INTO intake_rejections (at, event_id, data) VALUES (?, ?, ?)',
      rejection.at,
      rejection.eventId,
      JSON.stringify(rejection),
    );
  }

  async list(limit: number): Promise<readonly IntakeRejection[]> {
    return this.sql
      .all<{ data: string }>('SELECT data FROM intake_rejections ORDER BY at DESC, event_id DESC LIMIT ?', limit)
      .map((row) => JSON.parse(row.data) as IntakeRejection);
  }
}
