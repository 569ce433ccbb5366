/**
 * Field work (issue 17): officers check out (purpose, case, planned return) and in, their position taken with
 * consent at check-out, at each capture and at check-in; an on-site record (现场笔录) goes on the case timeline; an
 * incident (the panic button) reaches the command center at once. The command center sees who is out, where last
 * seen (its roles only, every read audited); overdue returns are told to it once, by the sweep.
 */
import { type Action, actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import {
  checkIn,
  checkOut,
  FIELD_ACT_LABELS,
  type FieldAct,
  FieldRuleError,
  type FieldTrip,
  isOverdue,
  lastKnownPosition,
  markOverdue,
  newIncident,
  type PositionInput,
  purgePositions,
  recordCapture,
} from '#domain/field/trip.ts';
import { pendingActs } from '#domain/field/work.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { FieldConflictError } from '#ports/field-store.ts';
import type { Deps } from './context.ts';
import { mutateCase } from './context.ts';
import { conflict, forbidden, invalid, notFound, unauthenticated } from './errors.ts';

const DAY = 24 * 3600_000;

type FieldDeps = Pick<Deps, 'clock' | 'rules' | 'cases' | 'field' | 'alerts' | 'staff'>;

const ACTION_LABELS: Partial<Record<Action, string>> = {
  'go-to-field': '外勤执行',
  'read-field-locations': '查看外勤干警位置',
  'read-board': '查看指挥中心看板',
};

function allowed(caller: Identity | undefined, action: Action): Identity {
  if (!caller) throw unauthenticated('未登录或身份无法核验');
  const refusal = actionRefusal(caller, action, caller.court);
  if (refusal) throw forbidden(`${caller.userId}：${REFUSAL_LABELS[refusal]}（${ACTION_LABELS[action] ?? action}）`);
  return caller;
}

async function courtCase(deps: Pick<Deps, 'cases'>, identity: Identity, caseId: string): Promise<EnforcementCase> {
  const state = await deps.cases.load(caseId);
  if (!state || state.court.code !== identity.court) throw notFound(`没有案件 ${caseId}`);
  return state;
}

function ruled<T>(work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof FieldRuleError) throw invalid(error.message);
    throw error;
  }
}

/** The officer's own trip: no one else's, and no other court's. */
async function ownTrip(deps: Pick<Deps, 'field'>, identity: Identity, tripId: string): Promise<FieldTrip> {
  const trip = await deps.field.getTrip(tripId);
  if (!trip || trip.officer !== identity.userId || trip.court !== identity.court)
    throw notFound(`没有外出记录 ${tripId}`);
  return trip;
}

/** Re-reads and retries when the sweep wrote the trip meanwhile. */
async function changeTrip(
  deps: Pick<Deps, 'field'>,
  tripId: string,
  change: (trip: FieldTrip) => FieldTrip | undefined,
): Promise<FieldTrip | undefined> {
  for (let attempt = 0; ; attempt++) {
    const trip = await deps.field.getTrip(tripId);
    if (!trip) return undefined;
    const next = change(trip);
    if (!next || next === trip) return trip;
    try {
      await deps.field.saveTrip(next);
      return next;
    } catch (error) {
      if (!(error instanceof FieldConflictError) || attempt >= 5) throw error;
    }
  }
}

export interface CheckOutCommand {
  readonly tripId: string;
  readonly caseId: string;
  readonly act: FieldAct;
  readonly purpose: string;
  /** Minutes from now; the planned return is set by the server's clock (a phone's may be wrong). */
  readonly plannedMinutes: number;
  readonly position?: PositionInput;
}

export function checkOutTrip(deps: FieldDeps) {
  return async (caller: Identity | undefined, command: CheckOutCommand) => {
    const identity = allowed(caller, 'go-to-field');
    const sent = await deps.field.getTrip(command.tripId);
    // The same check-out sent twice (a retry from the phone) is the first one.
    if (sent) {
      if (sent.officer !== identity.userId) throw conflict('外出编号已被使用');
      return sent;
    }
    const open = await deps.field.openTripOf(identity.userId);
    if (open) throw conflict(`已外出（${open.caseNumber}），请先签到返回`);
    const state = await courtCase(deps, identity, command.caseId);
    const now = deps.clock.now();
    const { plannedMinutes, ...rest } = command;
    const plannedReturnAt = new Date(Date.parse(now) + plannedMinutes * 60_000).toISOString();
    const trip = ruled(() =>
      checkOut(
        deps.rules,
        { ...rest, plannedReturnAt, court: identity.court, officer: identity.userId, caseNumber: state.caseNumber },
        now,
      ),
    );
    if (!(await deps.field.createTrip(trip))) return (await deps.field.getTrip(trip.tripId)) ?? trip;
    return trip;
  };
}

export function checkInTrip(deps: FieldDeps) {
  return async (caller: Identity | undefined, tripId: string, position?: PositionInput) => {
    const identity = allowed(caller, 'go-to-field');
    await ownTrip(deps, identity, tripId);
    const now = deps.clock.now();
    return (await changeTrip(deps, tripId, (trip) => checkIn(trip, position, now))) as FieldTrip;
  };
}

export function recordTripPosition(deps: FieldDeps) {
  return async (
    caller: Identity | undefined,
    tripId: string,
    input: { readonly position?: PositionInput; readonly evidenceId?: string },
  ) => {
    const identity = allowed(caller, 'go-to-field');
    await ownTrip(deps, identity, tripId);
    const now = deps.clock.now();
    return (await changeTrip(deps, tripId, (trip) => {
      // The same capture told twice (a retry) is recorded once.
      if (input.evidenceId && trip.positions.some((p) => p.evidenceId === input.evidenceId)) return undefined;
      return ruled(() => recordCapture(trip, input.position, input.evidenceId, now));
    })) as FieldTrip;
  };
}

/** The officer's trip still out, if any. */
export function myTrip(deps: FieldDeps) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'go-to-field');
    return { trip: (await deps.field.openTripOf(identity.userId)) ?? null };
  };
}

function partyCard(party: Party) {
  return { partyId: party.partyId, name: party.name, kind: party.kind };
}

/** Today's field work: my and my team's cases (with open time nodes), with their on-site acts pending, parties, assets, nodes. */
export function fieldWork(deps: FieldDeps & Pick<Deps, 'queries'>) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'go-to-field');
    const now = deps.clock.now();
    const before = new Date(Date.parse(now) + 366 * DAY).toISOString();
    // My cases and my team's: those with an open time node (a closed or finished case has none).
    const team = (await deps.staff.member(identity.userId))?.team;
    const pages = await Promise.all([
      deps.queries.nodes({ court: identity.court, officer: identity.userId, before, limit: 100 }),
      ...(team ? [deps.queries.nodes({ court: identity.court, team, before, limit: 100 })] : []),
    ]);
    const ids = [...new Set(pages.flatMap((page) => page.items.map((entry) => entry.caseId)))];
    const trip = await deps.field.openTripOf(identity.userId);
    if (trip && !ids.includes(trip.caseId)) ids.unshift(trip.caseId);
    const cases = [];
    for (const caseId of ids) {
      const state = await deps.cases.load(caseId);
      if (!state || state.court.code !== identity.court || state.status === 'closed') continue;
      cases.push({
        caseId,
        caseNumber: state.caseNumber,
        status: state.status,
        applicants: state.applicants.map(partyCard),
        respondents: state.respondents.map(partyCard),
        assets: Object.values(state.assets).map((a) => ({
          assetId: a.assetId,
          class: a.class,
          institution: a.institution,
          reference: a.reference,
          status: a.status,
        })),
        nodes: Object.values(state.nodes)
          .filter((n) => n.status === 'open')
          .map((n) => ({ node: n.node, dueDate: n.dueDate })),
        pending: pendingActs(state).map((p) => ({ ...p, label: FIELD_ACT_LABELS[p.act] })),
        siteRecords: (state.siteRecords ?? []).length,
      });
    }
    return { cases, trip: trip ?? null };
  };
}

export function reportIncident(deps: FieldDeps) {
  return async (
    caller: Identity | undefined,
    command: { readonly incidentId: string; readonly note?: string; readonly position?: PositionInput },
  ) => {
    const identity = allowed(caller, 'go-to-field');
    const trip = await deps.field.openTripOf(identity.userId);
    const incident = newIncident(
      {
        incidentId: command.incidentId,
        court: identity.court,
        officer: identity.userId,
        ...(trip ? { tripId: trip.tripId, caseId: trip.caseId } : {}),
        ...(command.note ? { note: command.note } : {}),
        ...(command.position ? { position: command.position } : {}),
      },
      deps.clock.now(),
    );
    // Reported twice (a retry from the phone): told once.
    if (!(await deps.field.addIncident(incident))) return { incidentId: incident.incidentId, alerted: false };
    const name = (await deps.staff.member(identity.userId))?.name ?? identity.userId;
    await deps.alerts.alert({
      kind: 'field-incident',
      caseId: trip?.caseId ?? '',
      court: identity.court,
      at: incident.at,
      message: `紧急情况：${name}${trip ? `（${trip.caseNumber}，${FIELD_ACT_LABELS[trip.act]}）` : ''}报告险情${command.note ? `：${command.note}` : ''}`,
    });
    return { incidentId: incident.incidentId, alerted: true };
  };
}

/** An on-site record (现场笔录) on the case timeline, with the evidence captured there. Recorded once per id. */
export function recordSiteRecord(deps: FieldDeps) {
  return async (
    caller: Identity | undefined,
    caseId: string,
    command: {
      readonly recordId: string;
      readonly act: FieldAct;
      readonly note: string;
      readonly tripId?: string;
      readonly evidence?: readonly string[];
    },
  ) => {
    const identity = allowed(caller, 'go-to-field');
    await courtCase(deps, identity, caseId);
    const actor = { kind: 'staff' as const, id: identity.userId };
    const { result } = await mutateCase(deps, caseId, actor, { siteRecord: command.recordId }, (state) => {
      if ((state.siteRecords ?? []).some((r) => r.recordId === command.recordId))
        return { events: [], result: { recordId: command.recordId, recorded: false } };
      const evidence = command.evidence ?? [];
      const unknown = evidence.find((id) => !state.evidence?.[id]);
      if (unknown) throw invalid(`案件没有证据 ${unknown}`);
      return {
        events: [
          {
            type: 'site-record-made' as const,
            recordId: command.recordId,
            act: command.act,
            by: identity.userId,
            note: command.note,
            ...(command.tripId ? { tripId: command.tripId } : {}),
            evidence,
          },
        ],
        result: { recordId: command.recordId, recorded: true },
      };
    });
    return result;
  };
}

/**
 * The command center's view of the field: officers out now (case, since, last seen, planned return, overdue),
 * those back in the last day, incidents of the last day on top. No coordinates: those are `fieldLocations`.
 */
export function fieldBoard(deps: FieldDeps) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'read-board');
    const now = deps.clock.now();
    const since = new Date(Date.parse(now) - DAY).toISOString();
    const names = new Map<string, string>();
    const nameOf = async (userId: string) => {
      if (!names.has(userId)) names.set(userId, (await deps.staff.member(userId))?.name ?? userId);
      return names.get(userId) ?? userId;
    };
    const view = async (trip: FieldTrip) => ({
      tripId: trip.tripId,
      officer: trip.officer,
      officerName: await nameOf(trip.officer),
      caseId: trip.caseId,
      caseNumber: trip.caseNumber,
      act: trip.act,
      actLabel: FIELD_ACT_LABELS[trip.act],
      purpose: trip.purpose,
      since: trip.startedAt,
      plannedReturnAt: trip.plannedReturnAt,
      lastSeenAt: trip.lastSeenAt,
      overdue: isOverdue(deps.rules, trip, now),
      ...(trip.overdueAlertedAt ? { overdueAlertedAt: trip.overdueAlertedAt } : {}),
      ...(trip.endedAt ? { endedAt: trip.endedAt } : {}),
    });
    const out = await Promise.all((await deps.field.listOut(identity.court)).map(view));
    const back = await Promise.all(
      (await deps.field.listSince(identity.court, since)).filter((t) => t.status === 'back').map(view),
    );
    const incidents = await Promise.all(
      (await deps.field.incidentsSince(identity.court, since)).map(async (incident) => ({
        incidentId: incident.incidentId,
        officer: incident.officer,
        officerName: await nameOf(incident.officer),
        at: incident.at,
        ...(incident.caseId ? { caseId: incident.caseId } : {}),
        ...(incident.note ? { note: incident.note } : {}),
      })),
    );
    // Overdue first, then the longest out.
    out.sort((a, b) => Number(b.overdue) - Number(a.overdue) || a.since.localeCompare(b.since));
    return { now, incidents, out, back };
  };
}

/**
 * Where the officers out now (and those who raised an incident in the last day) were last seen. Staff location is
 * personal data: the command center's roles only, and every read is kept (who, when) before the answer is given.
 */
export function fieldLocations(deps: FieldDeps) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'read-field-locations');
    const now = deps.clock.now();
    await deps.field.logLocationRead({ court: identity.court, at: now, by: identity.userId, what: 'board' });
    const coordinates = (p: { latitude?: number; longitude?: number; accuracyMeters?: number; at: Instant }) => ({
      latitude: p.latitude ?? 0,
      longitude: p.longitude ?? 0,
      at: p.at,
      ...(p.accuracyMeters !== undefined ? { accuracyMeters: p.accuracyMeters } : {}),
    });
    const trips = (await deps.field.listOut(identity.court)).map((trip) => {
      const last = lastKnownPosition(trip);
      return { tripId: trip.tripId, officer: trip.officer, ...(last ? { lastPosition: coordinates(last) } : {}) };
    });
    const since = new Date(Date.parse(now) - DAY).toISOString();
    const incidents = (await deps.field.incidentsSince(identity.court, since))
      .filter((i) => i.position?.consent && i.position.latitude !== undefined)
      .map((i) => ({
        incidentId: i.incidentId,
        officer: i.officer,
        position: coordinates(i.position ?? { at: i.at }),
      }));
    return { trips, incidents };
  };
}

/**
 * The sweep (the runtime's tick; the node sweeper's schedule on AWS): overdue returns told to the command center
 * once each, and positions past their retention period deleted.
 */
export function sweepFieldTrips(deps: Pick<Deps, 'clock' | 'rules' | 'field' | 'alerts' | 'staff'>) {
  return async (): Promise<{ readonly alerted: readonly string[]; readonly purged: readonly string[] }> => {
    const alerted: string[] = [];
    const purged: string[] = [];
    const now = deps.clock.now();
    for (const court of await deps.staff.courts()) {
      for (const trip of await deps.field.listOut(court)) {
        if (!markOverdue(deps.rules, trip, now)) continue;
        const name = (await deps.staff.member(trip.officer))?.name ?? trip.officer;
        // Told first, marked after: a retry may tell twice, but an overdue trip is never marked and left untold.
        await deps.alerts.alert({
          kind: 'field-return-overdue',
          caseId: trip.caseId,
          court,
          at: now,
          message: `外勤逾期未返回：${name}（${trip.caseNumber}，${FIELD_ACT_LABELS[trip.act]}），计划返回时间已过，请联系确认安全`,
        });
        await changeTrip(deps, trip.tripId, (t) => markOverdue(deps.rules, t, now));
        alerted.push(trip.tripId);
      }
      const retention = deps.rules.P_FIELD_LOCATION.retention.days * DAY;
      // Trips that ended within the window a sweep can reach; older ones were purged by an earlier sweep.
      const since = new Date(Date.parse(now) - retention - 2 * DAY).toISOString();
      for (const trip of await deps.field.listSince(court, since)) {
        if (!purgePositions(deps.rules, trip, now)) continue;
        await changeTrip(deps, trip.tripId, (t) => purgePositions(deps.rules, t, now));
        purged.push(trip.tripId);
      }
    }
    return { alerted, purged };
  };
}

/** The audit of position reads, for the command center and auditors of the court. */
export function locationReadLog(deps: Pick<Deps, 'field'>) {
  return async (caller: Identity | undefined) => {
    const identity = allowed(caller, 'read-field-locations');
    return { reads: await deps.field.locationReads(identity.court, 100) };
  };
}
