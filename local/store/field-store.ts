/**
 * Field trips, incidents and the audit of position reads on SQLite (issue 17): one row each, the trips still out
 * under their own partial index. Trip writes are conditional on the version read.
 */
import type { Instant } from '#domain/calendar/local-date.ts';
import type { FieldTrip, Incident } from '#domain/field/trip.ts';
import { FieldConflictError, type FieldStore, type LocationRead } from '#ports/field-store.ts';
import { ensureSchema, type OpenedDatabase } from './database.ts';
import { Sql, type StoreOperations } from './sql.ts';

export const FIELD_MIGRATIONS: readonly string[] = [
  `CREATE TABLE field_trips (
     trip_id TEXT PRIMARY KEY,
     court TEXT NOT NULL,
     officer TEXT NOT NULL,
     started_at TEXT NOT NULL,
     status TEXT NOT NULL,
     version INTEGER NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX field_trips_by_court ON field_trips (court, started_at, trip_id);
   CREATE INDEX field_trips_out ON field_trips (court, started_at, trip_id) WHERE status = 'out';
   CREATE INDEX field_trips_officer_out ON field_trips (officer) WHERE status = 'out';
   CREATE TABLE field_incidents (
     incident_id TEXT PRIMARY KEY,
     court TEXT NOT NULL,
     at TEXT NOT NULL,
     data TEXT NOT NULL
   ) STRICT;
   CREATE INDEX field_incidents_by_court ON field_incidents (court, at);
   CREATE TABLE field_location_reads (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     court TEXT NOT NULL,
     at TEXT NOT NULL,
     by_user TEXT NOT NULL,
     what TEXT NOT NULL
   ) STRICT;
   CREATE INDEX field_location_reads_by_court ON field_location_reads (court, seq);`,
];

const trips = (rows: { data: string }[]) => rows.map((row) => JSON.parse(row.data) as FieldTrip);

export class SqliteFieldStore implements FieldStore {
  private readonly sql: Sql;
  /**
   * The courts that have any trip, read once: the field sweep asks every few minutes for each court, and most courts
   * never record a trip. Trips are never deleted, and this process is the only writer (runtime.lock), so a court
   * missing here has none; a court added by a write that is rolled back only costs a query.
   */
  private courtsWithTrips: Set<string> | undefined;

  constructor(database: OpenedDatabase, operations?: StoreOperations) {
    ensureSchema(database, 'field', FIELD_MIGRATIONS);
    this.sql = new Sql(database.db, operations);
  }

  async getTrip(tripId: string): Promise<FieldTrip | undefined> {
    const row = this.sql.get<{ data: string }>('SELECT data FROM field_trips WHERE trip_id = ?', tripId);
    return row ? (JSON.parse(row.data) as FieldTrip) : undefined;
  }

  private hasTrips(court: string): boolean {
    this.courtsWithTrips ??= new Set(
      this.sql.all<{ court: string }>('SELECT DISTINCT court FROM field_trips').map((row) => row.court),
    );
    return this.courtsWithTrips.has(court);
  }

  async createTrip(trip: FieldTrip): Promise<boolean> {
    const stored: FieldTrip = { ...trip, version: 1 };
    this.courtsWithTrips?.add(stored.court);
    return (
      this.sql.run(
        `INSERT INTO field_trips (trip_id, court, officer, started_at, status, version, data)
         VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
        stored.tripId,
        stored.court,
        stored.officer,
        stored.startedAt,
        stored.status,
        stored.version,
        JSON.stringify(stored),
      ) > 0
    );
  }

  async saveTrip(next: FieldTrip): Promise<void> {
    const changed = this.sql.run(
      'UPDATE field_trips SET status = ?, version = ?, data = ? WHERE trip_id = ? AND version = ?',
      next.status,
      next.version,
      JSON.stringify(next),
      next.tripId,
      next.version - 1,
    );
    if (changed === 0) throw new FieldConflictError(next.tripId);
  }

  async listOut(court: string): Promise<readonly FieldTrip[]> {
    if (!this.hasTrips(court)) return [];
    return trips(
      this.sql.all<{ data: string }>(
        "SELECT data FROM field_trips WHERE court = ? AND status = 'out' ORDER BY started_at, trip_id",
        court,
      ),
    );
  }

  async listSince(court: string, since: Instant): Promise<readonly FieldTrip[]> {
    if (!this.hasTrips(court)) return [];
    return trips(
      this.sql.all<{ data: string }>(
        'SELECT data FROM field_trips WHERE court = ? AND started_at >= ? ORDER BY started_at, trip_id',
        court,
        since,
      ),
    );
  }

  async openTripOf(officer: string): Promise<FieldTrip | undefined> {
    const row = this.sql.get<{ data: string }>(
      "SELECT data FROM field_trips WHERE officer = ? AND status = 'out' ORDER BY started_at DESC LIMIT 1",
      officer,
    );
    return row ? (JSON.parse(row.data) as FieldTrip) : undefined;
  }

  async addIncident(incident: Incident): Promise<boolean> {
    return (
      this.sql.run(
        'INSERT INTO field_incidents (incident_id, court, at, data) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        incident.incidentId,
        incident.court,
        incident.at,
        JSON.stringify(incident),
      ) > 0
    );
  }

  async incidentsSince(court: string, since: Instant): Promise<readonly Incident[]> {
    return this.sql
      .all<{ data: string }>(
        'SELECT data FROM field_incidents WHERE court = ? AND at >= ? ORDER BY at DESC, incident_id',
        court,
        since,
      )
      .map((row) => JSON.parse(row.data) as Incident);
  }

  async logLocationRead(read: LocationRead): Promise<void> {
    this.sql.run(
      'INSERT INTO field_location_reads (court, at, by_user, what) VALUES (?, ?, ?, ?)',
      read.court,
      read.at,
      read.by,
      read.what,
    );
  }

  async locationReads(court: string, limit: number): Promise<readonly LocationRead[]> {
    return this.sql
      .all<{ court: string; at: string; by_user: string; what: string }>(
        'SELECT court, at, by_user, what FROM field_location_reads WHERE court = ? ORDER BY seq DESC LIMIT ?',
        court,
        limit,
      )
      .map((row) => ({ court: row.court, at: row.at, by: row.by_user, what: row.what }));
  }
}
