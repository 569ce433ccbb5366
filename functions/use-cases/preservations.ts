/**
 * 诉执衔接 (B3-CARRY): preservation rulings from the preservation center, kept until the enforcement case of the same
 * parties is filed; then their seizures become the case's (terms running on), the renewal watch starts at once,
 * and the preservation is marked carried. Preservations still waiting when one is about to expire are told to the
 * command center (P-PRESERVATION-ALERT). Party ids are keyed as at intake; no name or ID number is kept here.
 */

import { MAX_JSON_DEPTH, valueTooDeep } from '#contracts/limits.ts';
import {
  describePreservationIssues,
  MAX_PRESERVATION_EVENT_BYTES,
  type PreservationDetail,
  PreservationEvent,
} from '#contracts/preservation-event.ts';
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf, localDate } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { partyIdFor } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import {
  alertHorizon,
  carryInto,
  earliestExpiry,
  type Preservation,
  preservationAlertDue,
  preservationAlertMessage,
  preservationEnded,
  preservationIdFor,
  sameParties,
} from '#domain/preservation/carry.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { PreservationConflictError } from '#ports/preservations.ts';
import { type Deps, mutateCase } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';
import { renewalWatch } from './renewals.ts';

export type PreservationOutcome =
  | { readonly outcome: 'recorded' | 'updated' | 'duplicate'; readonly preservationId: string }
  | { readonly outcome: 'rejected'; readonly eventId: string; readonly reasons: readonly string[] };

export const PRESERVATION_ACTOR = { kind: 'system', id: 'court.preservation/PreservationRuled' } as const;

function envelopeField(raw: unknown, field: string): string {
  if (raw && typeof raw === 'object' && field in raw) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === 'string') return value.slice(0, 128);
  }
  return '(missing)';
}

function toPreservation(
  event: PreservationEvent,
  key: Uint8Array,
  receivedAt: string,
): Omit<Preservation, 'status' | 'version'> {
  const d: PreservationDetail = event.detail;
  const idOf = (idNumber: string) => partyIdFor(idNumber, key);
  return {
    preservationId: preservationIdFor(d.court.code, d.rulingNumber),
    court: d.court,
    rulingNumber: d.rulingNumber,
    kind: d.kind,
    ruledOn: localDate(d.ruledOn),
    ...(d.lawsuitCaseNumber ? { lawsuitCaseNumber: d.lawsuitCaseNumber } : {}),
    revision: d.revision,
    applicantIds: d.applicants.map((p) => idOf(p.idNumber)),
    respondentIds: d.respondents.map((p) => idOf(p.idNumber)),
    seizures: d.seizures.map((s) => ({
      seizureId: s.seizureId,
      respondentId: idOf(s.respondentIdNumber),
      class: s.class,
      channel: s.channel,
      institution: s.institution,
      reference: s.reference,
      amountFen: fen(s.amountFen),
      seizedOn: localDate(s.seizedOn),
      expiresOn: localDate(s.expiresOn),
      status: s.status,
      ...(s.locatedCourt ? { locatedCourt: s.locatedCourt } : {}),
    })),
    receivedAt,
    eventId: event.id,
  };
}

/** Validates and records a preservation ruling; a later revision replaces the seizures of one still waiting. */
export function intakePreservation(deps: Pick<Deps, 'clock' | 'rejections' | 'staff' | 'partyKey' | 'preservations'>) {
  return async (raw: unknown): Promise<PreservationOutcome> => {
    const reasons = await problems(deps, raw);
    if (reasons.length > 0) {
      const eventId = envelopeField(raw, 'id');
      await deps.rejections.record(
        {
          eventId,
          at: deps.clock.now(),
          source: envelopeField(raw, 'source'),
          detailType: envelopeField(raw, 'detail-type'),
          reasons,
        },
        valueTooDeep(raw) ? { text: '(not kept: too deep to store as a value)' } : raw,
      );
      return { outcome: 'rejected', eventId, reasons };
    }
    const fresh = toPreservation(PreservationEvent.parse(raw), await deps.partyKey.key(), deps.clock.now());
    const holds = fresh.seizures.some((s) => s.status === 'held');
    const next: Preservation = { ...fresh, status: holds ? 'held' : 'ended', version: 1 };
    if (await deps.preservations.create(next)) return { outcome: 'recorded', preservationId: next.preservationId };
    for (let attempt = 0; ; attempt++) {
      const stored = await deps.preservations.get(next.preservationId);
      // Already carried into a case, or not newer: the case holds the seizures from here on.
      if (stored?.status !== 'held' || stored.revision >= next.revision)
        return { outcome: 'duplicate', preservationId: next.preservationId };
      try {
        await deps.preservations.save({
          ...next,
          ...(stored.alertedFor ? { alertedFor: stored.alertedFor } : {}),
          version: stored.version + 1,
        });
        return { outcome: 'updated', preservationId: next.preservationId };
      } catch (error) {
        if (!(error instanceof PreservationConflictError) || attempt > 2) throw error;
      }
    }
  };
}

async function problems(deps: Pick<Deps, 'staff'>, raw: unknown): Promise<string[]> {
  if (valueTooDeep(raw)) return [`(event): nested deeper than ${MAX_JSON_DEPTH} levels`];
  if (Buffer.byteLength(JSON.stringify(raw ?? null), 'utf8') > MAX_PRESERVATION_EVENT_BYTES)
    return [`(event): larger than ${MAX_PRESERVATION_EVENT_BYTES} bytes`];
  const parsed = PreservationEvent.safeParse(raw);
  if (!parsed.success) return describePreservationIssues(parsed.error);
  const courts = new Set(await deps.staff.courts());
  return courts.has(parsed.data.detail.court.code) ? [] : ['detail.court.code: not a court this platform serves'];
}

/**
 * At filing: the preservations of the same parties carried into the case (one commit each, once), then marked
 * carried. Returns the renewal watch to start, when the case now holds something (B2 from day one).
 */
export function carryPreservations(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'preservations'>) {
  return async (caseId: string, cause: Readonly<Record<string, string>>): Promise<{ renewal?: string }> => {
    let latest: EnforcementCase | undefined;
    const first = await deps.cases.load(caseId);
    if (!first) return {};
    for (const p of await deps.preservations.listHeld(first.court.code)) {
      if (!sameParties(p, first)) continue;
      const { state } = await mutateCase(deps, caseId, PRESERVATION_ACTOR, cause, (s) => {
        if (s.preservations?.[p.preservationId]) return { events: [], result: undefined };
        const carry = carryInto(s, p, chinaDateOf(s.filedAt), deps.rules);
        return {
          events: [
            {
              type: 'preservation-carried',
              preservationId: p.preservationId,
              rulingNumber: p.rulingNumber,
              assets: carry.assets,
              excluded: carry.excluded,
            },
          ],
          result: undefined,
        };
      });
      latest = state;
      await markCarried(deps, p, state);
    }
    return latest ? renewalWatch(latest) : {};
  };
}

async function markCarried(deps: Pick<Deps, 'clock' | 'preservations'>, p: Preservation, state: EnforcementCase) {
  for (let attempt = 0, current = p; ; attempt++) {
    if (current.status !== 'held') return;
    try {
      await deps.preservations.save({
        ...current,
        status: 'carried',
        carriedInto: { caseId: state.caseId, caseNumber: state.caseNumber, at: deps.clock.now() },
        version: current.version + 1,
      });
      return;
    } catch (error) {
      if (!(error instanceof PreservationConflictError) || attempt > 2) throw error;
      const fresh = await deps.preservations.get(p.preservationId);
      if (!fresh) return;
      current = fresh;
    }
  }
}

/**
 * The sweep: every court's preservations still waiting for a case; one whose earliest expiry is within the lead is
 * told to the command center once per expiry (told first, marked after); one with nothing held left ends.
 */
export function sweepPreservations(deps: Pick<Deps, 'clock' | 'rules' | 'staff' | 'alerts' | 'preservations'>) {
  return async (): Promise<readonly string[]> => {
    const alerted: string[] = [];
    const now = deps.clock.now();
    const today = chinaDateOf(now);
    for (const court of await deps.staff.courts()) {
      // Only those whose earliest expiry falls within the lead: a range of the index (P-PRESERVATION-ALERT).
      for (const p of await deps.preservations.listHeld(court, alertHorizon(today, deps.rules))) {
        const due = preservationAlertDue(p, today, deps.rules);
        const ended = preservationEnded(p, today);
        if (!due && !ended) continue;
        if (due) {
          await deps.alerts.alert({
            kind: 'preservation-expiring',
            caseId: p.preservationId,
            court,
            at: now,
            message: preservationAlertMessage(p, due),
          });
          alerted.push(p.preservationId);
        }
        try {
          await deps.preservations.save({
            ...p,
            ...(due ? { alertedFor: due.expiresOn } : {}),
            ...(ended && !due ? { status: 'ended' as const } : {}),
            version: p.version + 1,
          });
        } catch (error) {
          // Changed meanwhile (a new revision, or carried): the next sweep reads it afresh.
          if (!(error instanceof PreservationConflictError)) throw error;
        }
      }
    }
    return alerted;
  };
}

/** The court's preservations as staff read them (read-cases): no party ids, the seizures and what became of them. */
export function listPreservations(deps: Pick<Deps, 'clock' | 'preservations'>) {
  return async (
    identity: Identity | undefined,
    query: { readonly status?: Preservation['status']; readonly limit?: number },
  ) => {
    if (!identity) throw unauthenticated('未登录或身份无法核验');
    const refusal = actionRefusal(identity, 'read-cases', identity.court);
    if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}（查阅保全）`);
    const today = chinaDateOf(deps.clock.now());
    const found =
      query.status === 'held'
        ? await deps.preservations.listHeld(identity.court)
        : (await deps.preservations.listByCourt(identity.court, query.limit ?? 50)).filter(
            (p) => !query.status || p.status === query.status,
          );
    return {
      court: identity.court,
      preservations: found.slice(0, query.limit ?? 50).map((p) => {
        const earliest = earliestExpiry(p, today);
        return {
          preservationId: p.preservationId,
          rulingNumber: p.rulingNumber,
          kind: p.kind,
          ruledOn: p.ruledOn,
          ...(p.lawsuitCaseNumber ? { lawsuitCaseNumber: p.lawsuitCaseNumber } : {}),
          revision: p.revision,
          status: p.status,
          ...(earliest ? { earliestExpiry: earliest } : {}),
          ...(p.alertedFor ? { alertedFor: p.alertedFor } : {}),
          ...(p.carriedInto ? { carriedInto: p.carriedInto } : {}),
          seizures: p.seizures.map((s) => ({
            seizureId: s.seizureId,
            class: s.class,
            institution: s.institution,
            reference: s.reference,
            amountFen: s.amountFen,
            seizedOn: s.seizedOn,
            expiresOn: s.expiresOn,
            status: s.status,
          })),
        };
      }),
    };
  };
}
