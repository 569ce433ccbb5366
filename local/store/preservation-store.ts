/**
 * Preservation rulings (诉执衔接) on SQLite: one row each; the court's held ones have their own partial index by
 * earliest expiry (what intake and the sweep read). Every write is conditional on the version read.
 */
import { earliestExpiry, type Preservation } from '#domain/preservation/carry.ts';
import { PreservationConflictError, type PreservationStore } from '#ports/preservations.ts';
import { ensureSchema, type OpenedDatabase } from './database.ts';
import { type Param, Sql, type StoreOperations } from './sql.ts';

export const PRESERVATIONS_MIGRATIONS: readonly string[] = [
  `CREATE TABLE preservations (
     preservation_id TEXT PRIMARY KEY,
     court TEXT NOT NULL,
     ruled_on TEXT NOT NULL,
     expires_on TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX preservations_by_court ON preservations (court, ruled_on, preservation_id);
   CREATE INDEX preservations_held ON preservations (court, expires_on, preservation_id) WHERE status = 'held';`,
];

function row(p: Preservation): Param[] {
  return [p.court.code, p.ruledOn, earliestExpiry(p) ?? '9999-12-31', p.status, p.version, JSON.stringify(p)];
}

export class SqlitePreservationStore implements PreservationStore {
  private readonly sql: Sql;
  /**
   * The courts that have any preservation, read once: the expiry sweep asks every few minutes for each court, and
   * most courts never receive one. Preservations are never deleted, and this process is the only writer
   * (runtime.lock), so a court missing here has none; a court added by a write that is rolled back only costs a query.
   */
  private courtsWithPreservations: Set<string> | undefined;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'preservations', PRESERVATIONS_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
  }

  async get(preservationId: string): Promise<Preservation | undefined> {
    const found = this.sql.get<{ data: string }>(
      'SELECT data FROM preservations WHERE preservation_id = ?',
      preservationId,
    );
    return found ? (JSON.parse(found.data) as Preservation) : undefined;
  }

  private hasPreservations(court: string): boolean {
    this.courtsWithPreservations ??= new Set(
      this.sql.all<{ court: string }>('SELECT DISTINCT court FROM preservations').map((r) => r.court),
    );
    return this.courtsWithPreservations.has(court);
  }

  async create(preservation: Preservation): Promise<boolean> {
    const stored: Preservation = { ...preservation, version: 1 };
    this.courtsWithPreservations?.add(stored.court.code);
    return (
      this.sql.run(
        `INSERT INTO preservations (preservation_id, court, ruled_on, expires_on, status, version, data)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        stored.preservationId,
        ...row(stored),
      ) > 0
    );
  }

  async save(next: Preservation): Promise<void> {
    this.courtsWithPreservations?.add(next.court.code);
    const changed = this.sql.run(
      `UPDATE preservations SET court = ?, ruled_on = ?, expires_on = ?, status = ?, version = ?, data = ?
       WHERE preservation_id = ? AND version = ?`,
      ...row(next),
      next.preservationId,
      next.version - 1,
    );
    if (changed === 0) throw new PreservationConflictError(next.preservationId);
  }

  async listHeld(court: string, expiringBy = '9999-12-31'): Promise<readonly Preservation[]> {
    if (!this.hasPreservations(court)) return [];
    return this.sql
      .all<{ data: string }>(
        `SELECT data FROM preservations WHERE court = ? AND status = 'held' AND expires_on <= ?
         ORDER BY expires_on, preservation_id`,
        court,
        expiringBy,
      )
      .map((r) => JSON.parse(r.data) as Preservation);
  }

  async listByCourt(court: string, limit: number): Promise<readonly Preservation[]> {
    if (!this.hasPreservations(court)) return [];
    return this.sql
      .all<{ data: string }>(
        'SELECT data FROM preservations WHERE court = ? ORDER BY ruled_on DESC, preservation_id LIMIT ?',
        court,
        limit,
      )
      .map((r) => JSON.parse(r.data) as Preservation);
  }
}
