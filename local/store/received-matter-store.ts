/**
 * Matters other courts entrusted to this court, on SQLite: one row each, listed per court by the date received;
 * open matters have their own partial index. Every write is conditional on the version read, so two staff
 * finishing one matter cannot both win.
 */
import type { ReceivedMatter } from '#domain/entrustment/received.ts';
import { ReceivedMatterConflictError, type ReceivedMatterStore } from '#ports/received-matters.ts';
import { ensureSchema, type OpenedDatabase } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const RECEIVED_MATTERS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE received_matters (
     matter_id TEXT PRIMARY KEY,
     court TEXT NOT NULL,
     received_on TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX received_by_court ON received_matters (court, received_on, matter_id);
   CREATE INDEX received_open ON received_matters (court, received_on, matter_id) WHERE status = 'open';`,
];

export class SqliteReceivedMatterStore implements ReceivedMatterStore {
  private readonly sql: Sql;
  /**
   * The courts that have any matter, read once: the overdue sweep asks every few minutes for each court, and most
   * courts receive none. Matters are never deleted and this process is the only writer (runtime.lock), so a court
   * missing here has none; a court added by a write that is rolled back only costs a query.
   */
  private courtsWithMatters: Set<string> | undefined;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'received-matters', RECEIVED_MATTERS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
  }

  async get(matterId: string): Promise<ReceivedMatter | undefined> {
    const row = this.sql.get<{ data: string }>('SELECT data FROM received_matters WHERE matter_id = ?', matterId);
    return row ? (JSON.parse(row.data) as ReceivedMatter) : undefined;
  }

  private hasMatters(court: string): boolean {
    this.courtsWithMatters ??= new Set(
      this.sql.all<{ court: string }>('SELECT DISTINCT court FROM received_matters').map((row) => row.court),
    );
    return this.courtsWithMatters.has(court);
  }

  async create(matter: ReceivedMatter): Promise<boolean> {
    const stored: ReceivedMatter = { ...matter, version: 1 };
    this.courtsWithMatters?.add(stored.court);
    return (
      this.sql.run(
        `INSERT INTO received_matters (matter_id, court, received_on, status, version, data) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT DO NOTHING`,
        stored.matterId,
        stored.court,
        stored.receivedOn,
        stored.status,
        stored.version,
        JSON.stringify(stored),
      ) > 0
    );
  }

  /** Writes a matter as it was, at its version (`enforce migrate`). */
  restore(matter: ReceivedMatter): void {
    this.courtsWithMatters?.add(matter.court);
    this.sql.run(
      'INSERT INTO received_matters (matter_id, court, received_on, status, version, data) VALUES (?, ?, ?, ?, ?, ?)',
      matter.matterId,
      matter.court,
      matter.receivedOn,
      matter.status,
      matter.version,
      JSON.stringify(matter),
    );
  }

  async save(next: ReceivedMatter): Promise<void> {
    this.courtsWithMatters?.add(next.court);
    const changed = this.sql.run(
      `UPDATE received_matters SET court = ?, received_on = ?, status = ?, version = ?, data = ?
       WHERE matter_id = ? AND version = ?`,
      next.court,
      next.receivedOn,
      next.status,
      next.version,
      JSON.stringify(next),
      next.matterId,
      next.version - 1,
    );
    if (changed === 0) throw new ReceivedMatterConflictError(next.matterId);
  }

  async listByCourt(court: string, range: { from?: string; to?: string } = {}): Promise<readonly ReceivedMatter[]> {
    return this.sql
      .all<{ data: string }>(
        `SELECT data FROM received_matters WHERE court = ? AND received_on >= ? AND received_on <= ?
         ORDER BY received_on, matter_id`,
        court,
        range.from ?? '0000-00-00',
        range.to ?? '9999-99-99',
      )
      .map((row) => JSON.parse(row.data) as ReceivedMatter);
  }

  /** The court's open matters (what the overdue sweep reads), through their own index. */
  async listOpen(court: string): Promise<readonly ReceivedMatter[]> {
    if (!this.hasMatters(court)) return [];
    return this.sql
      .all<{ data: string }>(
        "SELECT data FROM received_matters WHERE court = ? AND status = 'open' ORDER BY received_on, matter_id",
        court,
      )
      .map((row) => JSON.parse(row.data) as ReceivedMatter);
  }
}
