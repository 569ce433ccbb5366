/** What the field app (/field/) and the command center send to and get from the field routes (issue 17). */
import * as z from 'zod/mini';
import './zod-english.ts';
import { FIELD_ACTS } from '#domain/field/trip.ts';
import { CaseId } from './api.ts';

/** Ids the phone makes itself (a UUID), so that a retried request is the same request. */
const ClientId = z.string().check(z.regex(/^[0-9a-f-]{36}$/, 'must be a UUID'));
const Instant = z.iso.datetime();
const Act = z.enum(FIELD_ACTS);

export const PositionBody = z.strictObject({
  consent: z.boolean().check(z.describe('The officer agreed to share the position this time; without it none is kept')),
  latitude: z.optional(z.number().check(z.minimum(-90), z.maximum(90))),
  longitude: z.optional(z.number().check(z.minimum(-180), z.maximum(180))),
  accuracyMeters: z.optional(z.number().check(z.nonnegative())),
});

export const TripParams = z.object({ tripId: ClientId });

export const CheckOutBody = z.strictObject({
  tripId: ClientId,
  caseId: CaseId,
  act: Act,
  purpose: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** How long the officer plans to be out: the server sets the planned return by its own clock, not the phone's. */
  plannedMinutes: z.int().check(z.minimum(1), z.maximum(7 * 24 * 60)),
  position: z.optional(PositionBody),
});

export const CheckInBody = z.strictObject({ position: z.optional(PositionBody) });

export const CaptureBody = z.strictObject({
  evidenceId: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  position: z.optional(PositionBody),
});

export const IncidentBody = z.strictObject({
  incidentId: ClientId,
  note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
  position: z.optional(PositionBody),
});

export const SiteRecordBody = z.strictObject({
  recordId: ClientId,
  act: Act,
  note: z.string().check(z.trim(), z.minLength(1), z.maxLength(5000)),
  tripId: z.optional(ClientId),
  evidence: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(80))).check(z.maxLength(100))),
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

export const MyTrip = z.object({ trip: z.nullable(TripView) });

export const FieldWork = z.object({
  cases: z.array(
    z.looseObject({
      caseId: z.string(),
      caseNumber: z.string(),
      pending: z.array(z.looseObject({ act: Act, subject: z.string(), detail: z.string(), label: z.string() })),
    }),
  ),
  trip: z.nullable(TripView),
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
  trips: z.array(z.looseObject({ tripId: z.string(), officer: z.string(), lastPosition: z.optional(Coordinates) })),
  incidents: z.array(z.looseObject({ incidentId: z.string(), officer: z.string(), position: Coordinates })),
});
