/** What the field app (/field/) and the command center send to and get from the field routes (issue 17). */
import * as z from 'zod';
import { FIELD_ACTS } from '#domain/field/trip.ts';
import { CaseId } from './api.ts';

/** Ids the phone makes itself (a UUID), so that a retried request is the same request. */
const ClientId = z.string().regex(/^[0-9a-f-]{36}$/, 'must be a UUID');
const Instant = z.iso.datetime();
const Act = z.enum(FIELD_ACTS);

export const PositionBody = z.strictObject({
  consent: z.boolean().describe('The officer agreed to share the position this time; without it none is kept'),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  accuracyMeters: z.number().nonnegative().optional(),
});

export const TripParams = z.object({ tripId: ClientId });

export const CheckOutBody = z.strictObject({
  tripId: ClientId,
  caseId: CaseId,
  act: Act,
  purpose: z.string().trim().min(1).max(500),
  /** How long the officer plans to be out: the server sets the planned return by its own clock, not the phone's. */
  plannedMinutes: z
    .int()
    .min(1)
    .max(7 * 24 * 60),
  position: PositionBody.optional(),
});

export const CheckInBody = z.strictObject({ position: PositionBody.optional() });

export const CaptureBody = z.strictObject({
  evidenceId: z.string().min(1).max(80).optional(),
  position: PositionBody.optional(),
});

export const IncidentBody = z.strictObject({
  incidentId: ClientId,
  note: z.string().trim().min(1).max(1000).optional(),
  position: PositionBody.optional(),
});

export const SiteRecordBody = z.strictObject({
  recordId: ClientId,
  act: Act,
  note: z.string().trim().min(1).max(5000),
  tripId: ClientId.optional(),
  evidence: z.array(z.string().min(1).max(80)).max(100).optional(),
});

const PositionView = z.looseObject({
  point: z.enum(['check-out', 'capture', 'check-in']),
  at: Instant,
  consent: z.boolean(),
});

export const TripView = z.looseObject({
  tripId: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  act: Act,
  purpose: z.string(),
  startedAt: Instant,
  plannedReturnAt: Instant,
  status: z.enum(['out', 'back']),
  lastSeenAt: Instant,
  positions: z.array(PositionView),
});

export const MyTrip = z.object({ trip: TripView.nullable() });

export const FieldWork = z.object({
  cases: z.array(
    z.looseObject({
      caseId: z.string(),
      caseNumber: z.string(),
      pending: z.array(z.looseObject({ act: Act, subject: z.string(), detail: z.string(), label: z.string() })),
    }),
  ),
  trip: TripView.nullable(),
});

export const IncidentResult = z.object({ incidentId: z.string(), alerted: z.boolean() });
export const SiteRecordResult = z.object({ recordId: z.string(), recorded: z.boolean() });

const BoardTrip = z.looseObject({
  tripId: z.string(),
  officer: z.string(),
  officerName: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  since: Instant,
  plannedReturnAt: Instant,
  lastSeenAt: Instant,
  overdue: z.boolean(),
});

export const FieldBoard = z.object({
  now: Instant,
  incidents: z.array(z.looseObject({ incidentId: z.string(), officer: z.string(), at: Instant })),
  out: z.array(BoardTrip),
  back: z.array(BoardTrip),
});

const Coordinates = z.looseObject({ latitude: z.number(), longitude: z.number(), at: Instant });

export const FieldLocations = z.object({
  trips: z.array(z.looseObject({ tripId: z.string(), officer: z.string(), lastPosition: Coordinates.optional() })),
  incidents: z.array(z.looseObject({ incidentId: z.string(), officer: z.string(), position: Coordinates })),
});
