/**
 * Intake: validate the filing event, create the case exactly once, start its first phase.
 *
 * Duplicates converge: the case id derives from court + case number, and the first journal commit is a
 * conditional write, so three copies of one event (or two events for one case) produce one case however they
 * interleave. The service phase is started under a deterministic execution name, and only while the case is
 * still just filed: execution names may be reused 90 days after an execution ends, the case record lasts forever.
 */

import {
  describeIssues,
  INTAKE_DETAIL_TYPE,
  INTAKE_SOURCE,
  type IntakeDetail,
  IntakeEvent,
  MAX_INTAKE_EVENT_BYTES,
} from '#contracts/intake-event.ts';
import { MAX_JSON_DEPTH, valueTooDeep } from '#contracts/limits.ts';
import { chinaDateOf, localDate } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { ClaimItem, Party } from '#domain/case/model.ts';
import { caseIdFor, executionName, partyIdFor } from '#domain/ids.ts';
import { applicationLimit } from '#domain/intake/application-limit.ts';
import { filingProblems } from '#domain/intake/checks.ts';
import { fen } from '#domain/money.ts';
import { CaseAlreadyExistsError } from '#ports/case-repository.ts';
import { type Deps, loadCase, mutateCase } from './context.ts';
import { carryPreservations } from './preservations.ts';

export type IntakeOutcome =
  | { readonly outcome: 'created'; readonly caseId: string; readonly caseNumber: string; readonly execution: string }
  | { readonly outcome: 'duplicate'; readonly caseId: string; readonly caseNumber: string; readonly restarted: boolean }
  | { readonly outcome: 'rejected'; readonly eventId: string; readonly reasons: readonly string[] };

type PartyInput = IntakeDetail['applicants'][number];

/** The party id of an ID number (keyed: domain/ids.ts partyIdFor with the installation's key). */
export type PartyIdOf = (idNumber: string) => string;

function toParty(input: PartyInput, partyIdOf: PartyIdOf): Party {
  return {
    partyId: partyIdOf(input.idNumber),
    kind: input.kind,
    name: input.name,
    idNumber: input.idNumber,
    contact: {
      eServiceConsent: input.eServiceConsent,
      ...(input.phone ? { phone: input.phone } : {}),
      ...(input.email ? { email: input.email } : {}),
      ...(input.address ? { address: input.address } : {}),
    },
    ...(input.legalRepresentative ? { legalRepresentative: input.legalRepresentative } : {}),
  };
}

function claimItems(detail: IntakeDetail, applicants: readonly Party[], partyIdOf: PartyIdOf): ClaimItem[] {
  const first = applicants[0]?.partyId ?? '';
  if (detail.schemaVersion === 1) {
    const { principalFen, interestFen = 0, costsFen = 0 } = detail.claim;
    return [
      { kind: 'principal' as const, amountFen: fen(principalFen), creditorId: first },
      { kind: 'interest' as const, amountFen: fen(interestFen), creditorId: first },
      { kind: 'litigation-costs' as const, amountFen: fen(costsFen), creditorId: first },
    ].filter((item) => item.amountFen > 0);
  }
  return detail.claim.items.map((item) => ({
    kind: item.kind,
    amountFen: fen(item.amountFen),
    creditorId: item.creditorIdNumber ? partyIdOf(item.creditorIdNumber) : first,
  }));
}

/** Every released version of the event, onto the one internal shape. */
export function toFiledEvent(event: IntakeEvent, partyIdOf: PartyIdOf): Extract<CaseEvent, { type: 'case-filed' }> {
  const detail = event.detail;
  const applicants = detail.applicants.map((p) => toParty(p, partyIdOf));
  const items = claimItems(detail, applicants, partyIdOf);
  return {
    type: 'case-filed',
    court: detail.court,
    caseNumber: detail.caseNumber,
    kind: detail.kind,
    filedAt: new Date(Date.parse(detail.filedAt)).toISOString(),
    ...(detail.previousCaseNumber ? { previousCaseNumber: detail.previousCaseNumber } : {}),
    ...(detail.schemaVersion === 3 && detail.reversalOf ? { reversalOf: detail.reversalOf } : {}),
    applicants,
    respondents: detail.respondents.map((p) => toParty(p, partyIdOf)),
    basis: {
      documentNumber: detail.basis.documentNumber,
      court: detail.basis.court,
      kind: detail.basis.kind,
      effectiveDate: localDate(detail.basis.effectiveDate),
      ...(detail.basis.performBy ? { performBy: localDate(detail.basis.performBy) } : {}),
      ...(detail.basis.cause ? { cause: detail.basis.cause } : {}),
    },
    claim: { items, totalFen: fen(items.reduce((t, i) => t + i.amountFen, 0)) },
    intake: { eventId: event.id, schemaVersion: detail.schemaVersion, source: event.source },
  };
}

function envelopeField(raw: unknown, field: string): string {
  if (raw && typeof raw === 'object' && field in raw) {
    const value = (raw as Record<string, unknown>)[field];
    if (typeof value === 'string') return value.slice(0, 128);
  }
  return '(missing)';
}

/**
 * A resumed case (恢复执行, G3) names the case it resumes: that case, if this platform holds it, records that it was
 * resumed as this one. Once: a repeated filing finds it recorded.
 */
async function linkResumed(
  deps: Pick<Deps, 'cases' | 'clock'>,
  filed: Extract<CaseEvent, { type: 'case-filed' }>,
  caseId: string,
  eventId: string,
): Promise<void> {
  if (filed.kind !== 'resumed' || !filed.previousCaseNumber) return;
  const previous = caseIdFor(filed.court.code, filed.previousCaseNumber);
  if (!(await deps.cases.load(previous))) return;
  await mutateCase(
    deps,
    previous,
    { kind: 'system', id: `${INTAKE_SOURCE}/${INTAKE_DETAIL_TYPE}` },
    { intakeEvent: eventId },
    (s) => ({
      events: s.resumedAs ? [] : [{ type: 'case-resumed', caseNumber: filed.caseNumber, caseId }],
      result: undefined,
    }),
  );
}

/** A reversal (执行回转) names the case whose title was set aside: that case records the new one. Once. */
async function linkReversal(
  deps: Pick<Deps, 'cases' | 'clock'>,
  filed: Extract<CaseEvent, { type: 'case-filed' }>,
  caseId: string,
  eventId: string,
): Promise<void> {
  if (!filed.reversalOf) return;
  const previous = caseIdFor(filed.court.code, filed.reversalOf.caseNumber);
  if (!(await deps.cases.load(previous))) return;
  await mutateCase(
    deps,
    previous,
    { kind: 'system', id: `${INTAKE_SOURCE}/${INTAKE_DETAIL_TYPE}` },
    { intakeEvent: eventId },
    (s) => ({
      events:
        s.reversal && s.reversal.status !== 'filed'
          ? [{ type: 'reversal-filed', caseNumber: filed.caseNumber, caseId }]
          : [],
      result: undefined,
    }),
  );
}

type Validated =
  | { readonly success: true; readonly event: IntakeEvent }
  | { readonly success: false; readonly reasons: string[] };

/**
 * The event's shape, then what the shape cannot say (domain/intake/checks.ts). Depth first, without recursion, then
 * size: an event nested thousands deep or larger than the limit is refused before anything walks it.
 */
async function validate(deps: Pick<Deps, 'clock' | 'staff'>, raw: unknown): Promise<Validated> {
  if (valueTooDeep(raw)) return { success: false, reasons: [`(event): nested deeper than ${MAX_JSON_DEPTH} levels`] };
  if (Buffer.byteLength(JSON.stringify(raw ?? null), 'utf8') > MAX_INTAKE_EVENT_BYTES)
    return { success: false, reasons: [`(event): larger than ${MAX_INTAKE_EVENT_BYTES} bytes`] };
  const result = IntakeEvent.safeParse(raw);
  if (!result.success) return { success: false, reasons: describeIssues(result.error) };
  const detail = result.data.detail;
  const problems = filingProblems(
    {
      courtCode: detail.court.code,
      filedOn: chinaDateOf(new Date(Date.parse(detail.filedAt)).toISOString()),
      effectiveDate: localDate(detail.basis.effectiveDate),
      applicants: detail.applicants,
      respondents: detail.respondents,
    },
    { today: chinaDateOf(deps.clock.now()), courts: new Set(await deps.staff.courts()) },
  );
  return problems.length > 0 ? { success: false, reasons: problems } : { success: true, event: result.data };
}

/** What the dead letters keep of a refused event: the event, or (too deep to store as a value) its text, bounded. */
function keptForReview(raw: unknown): unknown {
  if (!valueTooDeep(raw)) return raw;
  try {
    return { text: JSON.stringify(raw).slice(0, MAX_INTAKE_EVENT_BYTES) };
  } catch {
    return { text: '(not kept: too deep to serialise)' };
  }
}

type IntakeDeps = Pick<
  Deps,
  'cases' | 'engine' | 'clock' | 'rules' | 'calendar' | 'rejections' | 'staff' | 'partyKey' | 'preservations'
>;

/**
 * After the case exists (first time or again): the preserved seizures of the same parties carried over (B3-CARRY),
 * and their renewal watch started from day one (B2). Repeatable: carried once, the watch started under its name.
 */
async function carryOver(deps: IntakeDeps, caseId: string, eventId: string): Promise<void> {
  const watch = await carryPreservations(deps)(caseId, { intakeEvent: eventId });
  if (watch.renewal) await deps.engine.startExecution('renewal', watch.renewal, { v: 1, caseId });
}

export function intakeCase(deps: IntakeDeps) {
  return async (raw: unknown): Promise<IntakeOutcome> => {
    const parsed = await validate(deps, raw);
    if (!parsed.success) {
      const eventId = envelopeField(raw, 'id');
      await deps.rejections.record(
        {
          eventId,
          at: deps.clock.now(),
          source: envelopeField(raw, 'source'),
          detailType: envelopeField(raw, 'detail-type'),
          reasons: parsed.reasons,
        },
        keptForReview(raw),
      );
      return { outcome: 'rejected', eventId, reasons: parsed.reasons };
    }

    const key = await deps.partyKey.key();
    const filed = toFiledEvent(parsed.event, (idNumber) => partyIdFor(idNumber, key));
    const caseId = caseIdFor(filed.court.code, filed.caseNumber);
    const firstRun = executionName(caseId, 'service', 1);
    const input = { v: 1, caseId };
    try {
      await deps.cases.create(caseId, {
        at: deps.clock.now(),
        actor: { kind: 'system', id: `${INTAKE_SOURCE}/${INTAKE_DETAIL_TYPE}` },
        events: [filed, applicationLimit(filed.basis, chinaDateOf(filed.filedAt), deps.rules, deps.calendar)],
        cause: { intakeEvent: parsed.event.id },
      });
    } catch (error) {
      if (!(error instanceof CaseAlreadyExistsError)) throw error;
      // Duplicate: make sure a case whose first start was lost still gets going, and nothing more.
      const existing = await loadCase(deps.cases, caseId);
      const stillFiled = existing.status === 'filed' && existing.phaseRuns.service === undefined;
      await linkResumed(deps, filed, caseId, parsed.event.id);
      await linkReversal(deps, filed, caseId, parsed.event.id);
      await carryOver(deps, caseId, parsed.event.id);
      if (stillFiled) await deps.engine.startExecution('service', firstRun, input);
      return { outcome: 'duplicate', caseId, caseNumber: existing.caseNumber, restarted: stillFiled };
    }
    await linkResumed(deps, filed, caseId, parsed.event.id);
    await linkReversal(deps, filed, caseId, parsed.event.id);
    await carryOver(deps, caseId, parsed.event.id);
    await deps.engine.startExecution('service', firstRun, input);
    return { outcome: 'created', caseId, caseNumber: filed.caseNumber, execution: firstRun };
  };
}
