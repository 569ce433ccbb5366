/**
 * Field trips, incidents and the audit of position reads in the cases table (issue 17). Keys, each for one access
 * pattern (nothing scans):
 * - a trip: FIELDTRIP#id; on gsi1 every trip of the court by start time; while out, on gsi4 the court's trips out
 *   and on gsi5 the officer's trip out (sparse: the keys go when the officer is back);
 * - an incident: INCIDENT#id; on gsi1 the court's incidents by time;
 * - a read of positions: FIELDREADS#court, sorted by time.
 * Trip writes are conditional on the version read.
 */
import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { FieldTrip, Incident } from '#domain/field/trip.ts';
import { FieldConflictError, type FieldStore, type LocationRead } from '#ports/field-store.ts';
import { isConditionFailure, putNew, putNextVersion } from './document-client.ts';
import type { TableNames } from './tables.ts';

export const fieldKeys = {
  trip: (tripId: string) => ({ pk: `FIELDTRIP#${tripId}`, sk: 'TRIP' }),
  tripsByCourt: (court: string) => `COURT#${court}#FIELDTRIPS`,
  tripsOut: (court: string) => `COURT#${court}#FIELDTRIPS#OUT`,
  officerOut: (officer: string) => `FIELD#OFFICER#${officer}#OUT`,
  incident: (incidentId: string) => ({ pk: `INCIDENT#${incidentId}`, sk: 'INCIDENT' }),
  incidentsByCourt: (court: string) => `COURT#${court}#INCIDENTS`,
  reads: (court: string) => `FIELDREADS#${court}`,
} as const;

const KEY_NAMES = ['pk', 'sk', 'gsi1pk', 'gsi1sk', 'gsi4pk', 'gsi4sk', 'gsi5pk', 'gsi5sk'];

function strip<T>(item: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) if (!KEY_NAMES.includes(key)) out[key] = value;
  return out as T;
}

export class DynamoFieldStore implements FieldStore {
  private readonly db: DynamoDBDocumentClient;
  private readonly table: string;

  constructor(db: DynamoDBDocumentClient, tables: Pick<TableNames, 'cases'>) {
    this.db = db;
    this.table = tables.cases;
  }

  private tripItem(trip: FieldTrip) {
    const sort = `${trip.startedAt}#${trip.tripId}`;
    return {
      ...fieldKeys.trip(trip.tripId),
      ...trip,
      gsi1pk: fieldKeys.tripsByCourt(trip.court),
      gsi1sk: sort,
      ...(trip.status === 'out'
        ? {
            gsi4pk: fieldKeys.tripsOut(trip.court),
            gsi4sk: sort,
            gsi5pk: fieldKeys.officerOut(trip.officer),
            gsi5sk: sort,
          }
        : {}),
    };
  }

  async getTrip(tripId: string): Promise<FieldTrip | undefined> {
    const found = await this.db.send(
      new GetCommand({ TableName: this.table, Key: fieldKeys.trip(tripId), ConsistentRead: true }),
    );
    return found.Item ? strip<FieldTrip>(found.Item) : undefined;
  }

  async createTrip(trip: FieldTrip): Promise<boolean> {
    return putNew(this.db, this.table, this.tripItem({ ...trip, version: 1 }));
  }

  async saveTrip(next: FieldTrip): Promise<void> {
    if (!(await putNextVersion(this.db, this.table, this.tripItem(next)))) throw new FieldConflictError(next.tripId);
  }

  private async query<T>(
    index: string | undefined,
    condition: string,
    values: Record<string, unknown>,
    options: { forward?: boolean; limit?: number } = {},
  ): Promise<T[]> {
    const items: T[] = [];
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.table,
          ...(index ? { IndexName: index } : {}),
          KeyConditionExpression: condition,
          ExpressionAttributeValues: values,
          ScanIndexForward: options.forward ?? true,
          ...(options.limit ? { Limit: options.limit - items.length } : {}),
          ...(cursor ? { ExclusiveStartKey: cursor } : {}),
        }),
      );
      items.push(...(page.Items ?? []).map((item) => strip<T>(item)));
      cursor = page.LastEvaluatedKey;
    } while (cursor && (!options.limit || items.length < options.limit));
    return items;
  }

  listOut(court: string): Promise<readonly FieldTrip[]> {
    return this.query<FieldTrip>('gsi4', 'gsi4pk = :pk', { ':pk': fieldKeys.tripsOut(court) });
  }

  listSince(court: string, since: Instant): Promise<readonly FieldTrip[]> {
    return this.query<FieldTrip>('gsi1', 'gsi1pk = :pk AND gsi1sk >= :since', {
      ':pk': fieldKeys.tripsByCourt(court),
      ':since': since,
    });
  }

  async openTripOf(officer: string): Promise<FieldTrip | undefined> {
    const found = await this.query<FieldTrip>(
      'gsi5',
      'gsi5pk = :pk',
      { ':pk': fieldKeys.officerOut(officer) },
      { forward: false, limit: 1 },
    );
    // The index is eventually consistent: read the trip itself before trusting it is still out.
    const latest = found[0] ? await this.getTrip(found[0].tripId) : undefined;
    return latest?.status === 'out' ? latest : undefined;
  }

  async addIncident(incident: Incident): Promise<boolean> {
    try {
      await this.db.send(
        new PutCommand({
          TableName: this.table,
          Item: {
            ...fieldKeys.incident(incident.incidentId),
            ...incident,
            gsi1pk: fieldKeys.incidentsByCourt(incident.court),
            gsi1sk: `${incident.at}#${incident.incidentId}`,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (isConditionFailure(error)) return false;
      throw error;
    }
  }

  incidentsSince(court: string, since: Instant): Promise<readonly Incident[]> {
    return this.query<Incident>(
      'gsi1',
      'gsi1pk = :pk AND gsi1sk >= :since',
      { ':pk': fieldKeys.incidentsByCourt(court), ':since': since },
      { forward: false },
    );
  }

  async logLocationRead(read: LocationRead): Promise<void> {
    await this.db.send(
      new PutCommand({
        TableName: this.table,
        Item: { pk: fieldKeys.reads(read.court), sk: `${read.at}#${randomUUID()}`, ...read },
      }),
    );
  }

  locationReads(court: string, limit: number): Promise<readonly LocationRead[]> {
    return this.query<LocationRead>(
      undefined,
      'pk = :pk',
      { ':pk': fieldKeys.reads(court) },
      { forward: false, limit },
    );
  }
}
