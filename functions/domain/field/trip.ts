/**
 * Field work (issue 17): an officer's trip out of the court (check-out with purpose, case and planned return;
 * check-in), the positions taken on the way with the officer's consent, and incidents (the panic button). Pure
 * rules, the clock passed in: when a return is overdue, when a trip's positions must be deleted (staff location is
 * personal data: kept for the trip plus the retention period of P-FIELD-LOCATION, 个人信息保护法 第十九条).
 */
import type { Instant } from '../calendar/local-date.ts';
import type { Rules } from '../rules/table.ts';

/** The on-site acts an officer goes out for. */
export const FIELD_ACTS = ['seal', 'search', 'serve', 'detain', 'inspect', 'other'] as const;
export type FieldAct = (typeof FIELD_ACTS)[number];

export const FIELD_ACT_LABELS: Record<FieldAct, string> = {
  seal: '查封',
  search: '搜查',
  serve: '直接送达',
  detain: '拘传/拘留',
  inspect: '现场调查',
  other: '其他现场执行',
};

/** Where a position was taken. */
export type PositionPoint = 'check-out' | 'capture' | 'check-in';

export interface Position {
  readonly point: PositionPoint;
  readonly at: Instant;
  /** The officer agreed to share the position this time; without consent no coordinates are kept. */
  readonly consent: boolean;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly accuracyMeters?: number;
  /** The evidence captured there, for a `capture` position. */
  readonly evidenceId?: string;
}

export interface FieldTrip {
  readonly tripId: string;
  readonly court: string;
  readonly officer: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly act: FieldAct;
  readonly purpose: string;
  readonly startedAt: Instant;
  readonly plannedReturnAt: Instant;
  readonly status: 'out' | 'back';
  readonly endedAt?: Instant;
  readonly lastSeenAt: Instant;
  readonly positions: readonly Position[];
  /** When the command center was told the return is overdue (once). */
  readonly overdueAlertedAt?: Instant;
  /** Positions deleted after the retention period. */
  readonly positionsPurgedAt?: Instant;
  readonly version: number;
}

export interface Incident {
  readonly incidentId: string;
  readonly court: string;
  readonly officer: string;
  readonly at: Instant;
  readonly tripId?: string;
  readonly caseId?: string;
  readonly note?: string;
  readonly position?: Position;
}

export class FieldRuleError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FieldRuleError';
  }
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function position(input: PositionInput | undefined, point: PositionPoint, at: Instant): Position {
  if (!input?.consent || input.latitude === undefined || input.longitude === undefined)
    return { point, at, consent: false };
  return {
    point,
    at,
    consent: true,
    latitude: input.latitude,
    longitude: input.longitude,
    ...(input.accuracyMeters !== undefined ? { accuracyMeters: input.accuracyMeters } : {}),
  };
}

export interface PositionInput {
  readonly consent: boolean;
  readonly latitude?: number;
  readonly longitude?: number;
  readonly accuracyMeters?: number;
}

export interface CheckOut {
  readonly tripId: string;
  readonly court: string;
  readonly officer: string;
  readonly caseId: string;
  readonly caseNumber: string;
  readonly act: FieldAct;
  readonly purpose: string;
  readonly plannedReturnAt: Instant;
  readonly position?: PositionInput;
}

/** A new trip; the planned return must be after now and within P-FIELD-LOCATION's longest trip. */
export function checkOut(rules: Rules, command: CheckOut, now: Instant): FieldTrip {
  const planned = Date.parse(command.plannedReturnAt);
  if (!(planned > Date.parse(now))) throw new FieldRuleError('计划返回时间须晚于当前时间');
  if (planned - Date.parse(now) > rules.P_FIELD_LOCATION.maxTripHours * HOUR)
    throw new FieldRuleError(`计划外出时间不得超过${rules.P_FIELD_LOCATION.maxTripHours}小时`);
  return {
    tripId: command.tripId,
    court: command.court,
    officer: command.officer,
    caseId: command.caseId,
    caseNumber: command.caseNumber,
    act: command.act,
    purpose: command.purpose,
    startedAt: now,
    plannedReturnAt: command.plannedReturnAt,
    status: 'out',
    lastSeenAt: now,
    positions: [position(command.position, 'check-out', now)],
    version: 1,
  };
}

/** A position taken at a capture; none on a trip that has ended. */
export function recordCapture(
  trip: FieldTrip,
  input: PositionInput | undefined,
  evidenceId: string | undefined,
  now: Instant,
): FieldTrip {
  if (trip.status !== 'out') throw new FieldRuleError('外出已结束，不能再记录现场位置');
  const taken = position(input, 'capture', now);
  return {
    ...trip,
    lastSeenAt: now,
    positions: [...trip.positions, evidenceId ? { ...taken, evidenceId } : taken],
    version: trip.version + 1,
  };
}

/** Back at the court. Checking in twice is the first check-in (nothing changes). */
export function checkIn(trip: FieldTrip, input: PositionInput | undefined, now: Instant): FieldTrip {
  if (trip.status === 'back') return trip;
  return {
    ...trip,
    status: 'back',
    endedAt: now,
    lastSeenAt: now,
    positions: [...trip.positions, position(input, 'check-in', now)],
    version: trip.version + 1,
  };
}

/** Still out past the planned return plus the grace of P-FIELD-LOCATION. */
export function isOverdue(rules: Rules, trip: FieldTrip, now: Instant): boolean {
  return (
    trip.status === 'out' &&
    Date.parse(now) > Date.parse(trip.plannedReturnAt) + rules.P_FIELD_LOCATION.overdueGraceMinutes * MINUTE
  );
}

/** Overdue and the command center not yet told: the trip marked as told, or undefined. */
export function markOverdue(rules: Rules, trip: FieldTrip, now: Instant): FieldTrip | undefined {
  if (!isOverdue(rules, trip, now) || trip.overdueAlertedAt) return undefined;
  return { ...trip, overdueAlertedAt: now, version: trip.version + 1 };
}

/** When the trip's positions are to be deleted: the end of the trip plus the retention period. */
export function positionsExpireAt(rules: Rules, trip: FieldTrip): Instant | undefined {
  if (!trip.endedAt) return undefined;
  return new Date(Date.parse(trip.endedAt) + rules.P_FIELD_LOCATION.retention.days * DAY).toISOString();
}

/** The trip with its coordinates deleted, once the retention period is over; undefined when nothing to delete. */
export function purgePositions(rules: Rules, trip: FieldTrip, now: Instant): FieldTrip | undefined {
  const expires = positionsExpireAt(rules, trip);
  if (!expires || Date.parse(now) < Date.parse(expires) || trip.positionsPurgedAt) return undefined;
  return {
    ...trip,
    positions: trip.positions.map((p) => ({
      point: p.point,
      at: p.at,
      consent: p.consent,
      ...(p.evidenceId ? { evidenceId: p.evidenceId } : {}),
    })),
    positionsPurgedAt: now,
    version: trip.version + 1,
  };
}

/** The last position with coordinates, if any. */
export function lastKnownPosition(trip: FieldTrip): Position | undefined {
  for (let i = trip.positions.length - 1; i >= 0; i--) {
    const p = trip.positions[i];
    if (p?.consent && p.latitude !== undefined) return p;
  }
  return undefined;
}

export function newIncident(
  input: Omit<Incident, 'position' | 'at'> & { readonly position?: PositionInput },
  now: Instant,
): Incident {
  const { position: where, ...rest } = input;
  return { ...rest, at: now, ...(where ? { position: position(where, 'capture', now) } : {}) };
}
