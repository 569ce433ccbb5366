import type { Instant } from '#domain/calendar/local-date.ts';
import type { FieldTrip, Incident } from '#domain/field/trip.ts';

/** A read of field officers' positions (personal data), kept for audit: who, when, what. */
export interface LocationRead {
  readonly court: string;
  readonly at: Instant;
  readonly by: string;
  /** What was read: `board` (every officer out), or a trip id. */
  readonly what: string;
}

/**
 * Field trips, incidents and the audit of position reads (issue 17). Trip writes are conditional on the version
 * read, so a check-in and the overdue sweep cannot overwrite each other.
 */
export interface FieldStore {
  getTrip(tripId: string): Promise<FieldTrip | undefined>;
  /** Writes a new trip; false if one with the same id exists (the same check-out sent twice). */
  createTrip(trip: FieldTrip): Promise<boolean>;
  /** Writes `next` over the stored version `next.version - 1`; throws FieldConflictError otherwise. */
  saveTrip(next: FieldTrip): Promise<void>;
  /** The court's trips still out, oldest first. */
  listOut(court: string): Promise<readonly FieldTrip[]>;
  /** The court's trips started at or after `since`, oldest first (out and back). */
  listSince(court: string, since: Instant): Promise<readonly FieldTrip[]>;
  /** One officer's trip still out, if any. */
  openTripOf(officer: string): Promise<FieldTrip | undefined>;
  /** Writes an incident; false if one with the same id exists (the same report sent twice). */
  addIncident(incident: Incident): Promise<boolean>;
  /** The court's incidents at or after `since`, the latest first. */
  incidentsSince(court: string, since: Instant): Promise<readonly Incident[]>;
  logLocationRead(read: LocationRead): Promise<void>;
  /** The court's position reads, the latest first. */
  locationReads(court: string, limit: number): Promise<readonly LocationRead[]>;
}

export class FieldConflictError extends Error {
  constructor(tripId: string) {
    super(`field trip ${tripId} changed meanwhile`);
    this.name = 'FieldConflictError';
  }
}
