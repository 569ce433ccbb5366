/**
 * SIMULATOR of the court's filing system (立案系统), for the embedded runtime: asked to resume a case closed as 终本
 * (G3), it files the resumed case a little later, under a case number of its own (执恢), as the real system does:
 * an `EnforcementCaseFiled` event of kind `resumed` naming the previous case, delivered to intake like any filing.
 *
 * The real system keeps the parties of the cases it filed; this stand-in reads them from the case store, where
 * they came from in the first place. A request is filed once, by its id.
 */
import { INTAKE_DETAIL_TYPE, INTAKE_SOURCE } from '#contracts/intake-event.ts';
import { chinaDateOf, type Instant, plusSeconds } from '#domain/calendar/local-date.ts';
import type { EnforcementCase, Party } from '#domain/case/model.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import type { CaseRepository } from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import type { FilingSystem, ResumptionRequest, ReversalRequest } from '#ports/filing.ts';

/** How long the filing system takes to file a resumed case, in hours. Not a legal number: the simulator's pace. */
export const SIMULATED_FILING_HOURS = 30;

/** `（2026）冀0922执1001号` resumed in 2027 -> `（2027）冀0922执恢1001号`. */
export function resumedCaseNumber(previous: string, filedAt: Instant): string {
  const year = chinaDateOf(filedAt).slice(0, 4);
  const match = /^（\d{4}）(.+?)执(\d+)号$/.exec(previous);
  return match ? `（${year}）${match[1]}执恢${match[2]}号` : `${previous}（恢）`.slice(0, 60);
}

function partyOf(party: Party) {
  return {
    kind: party.kind,
    name: party.name,
    idNumber: party.idNumber,
    eServiceConsent: party.contact.eServiceConsent,
    ...(party.contact.phone ? { phone: party.contact.phone } : {}),
    ...(party.contact.email ? { email: party.contact.email } : {}),
    ...(party.contact.address ? { address: party.contact.address } : {}),
    ...(party.legalRepresentative ? { legalRepresentative: party.legalRepresentative } : {}),
  };
}

/** `（2026）冀0922执1001号` reversed in 2026 -> `（2026）冀0922执1001号之一（执行回转）`: the simulator's own numbering. */
export function reversalCaseNumber(previous: string): string {
  return `${previous.replace(/号$/, '')}号之一`.slice(0, 60);
}

/** What is still owed, item by item of the old claim: what each applicant received is taken off their items in order. */
function outstandingItems(state: EnforcementCase) {
  const paid = new Map<string, number>();
  for (const creditor of new Set(state.claim.items.map((i) => i.creditorId)))
    paid.set(creditor, ledgerTotal(state, 'disbursed', creditor));
  const items = [];
  for (const item of state.claim.items) {
    const taken = Math.min(item.amountFen, paid.get(item.creditorId) ?? 0);
    paid.set(item.creditorId, (paid.get(item.creditorId) ?? 0) - taken);
    const left = item.amountFen - taken;
    const creditor = state.applicants.find((a) => a.partyId === item.creditorId);
    if (left > 0)
      items.push({ kind: item.kind, amountFen: left, ...(creditor ? { creditorIdNumber: creditor.idNumber } : {}) });
  }
  return items;
}

export class FilingSimulator implements FilingSystem {
  private readonly cases: Pick<CaseRepository, 'load'>;
  private readonly deliver: (at: Instant, event: unknown) => Promise<void>;
  private readonly clock: Clock;
  private readonly filed = new Set<string>();

  constructor(
    cases: Pick<CaseRepository, 'load'>,
    deliver: (at: Instant, event: unknown) => Promise<void>,
    clock: Clock,
  ) {
    this.cases = cases;
    this.deliver = deliver;
    this.clock = clock;
  }

  async requestResumption(request: ResumptionRequest): Promise<void> {
    if (this.filed.has(request.requestId)) return;
    const previous = await this.cases.load(request.caseId);
    if (!previous) return;
    const at = plusSeconds(this.clock.now(), SIMULATED_FILING_HOURS * 3600);
    const items = outstandingItems(previous);
    if (items.length === 0) return;
    const event = {
      version: '0',
      // The same request filed twice is one event: intake dedupes on the id, and on court + case number.
      id: `resumption-${request.requestId}`,
      source: INTAKE_SOURCE,
      'detail-type': INTAKE_DETAIL_TYPE,
      time: at,
      detail: {
        schemaVersion: 2,
        court: previous.court,
        caseNumber: resumedCaseNumber(previous.caseNumber, at),
        kind: 'resumed',
        filedAt: at,
        previousCaseNumber: previous.caseNumber,
        applicants: previous.applicants.map(partyOf),
        respondents: previous.respondents.map(partyOf),
        basis: previous.basis,
        claim: { items },
      },
    };
    this.filed.add(request.requestId);
    await this.deliver(at, event);
  }

  /**
   * Files the reversal as a new case (intake v3, `reversalOf` naming the old case): the old respondent applies, the
   * old applicant must return `returnFen` under the reversal ruling.
   */
  async requestReversal(request: ReversalRequest): Promise<void> {
    if (this.filed.has(request.requestId)) return;
    const previous = await this.cases.load(request.caseId);
    if (!previous) return;
    const at = plusSeconds(this.clock.now(), SIMULATED_FILING_HOURS * 3600);
    const caseNumber = reversalCaseNumber(previous.caseNumber);
    const event = {
      version: '0',
      id: `reversal-${request.requestId}`,
      source: INTAKE_SOURCE,
      'detail-type': INTAKE_DETAIL_TYPE,
      time: at,
      detail: {
        schemaVersion: 3,
        court: previous.court,
        caseNumber,
        kind: 'first',
        filedAt: at,
        applicants: previous.respondents.map(partyOf),
        respondents: previous.applicants.map(partyOf),
        basis: {
          documentNumber: `${previous.caseNumber}执行回转裁定`.slice(0, 80),
          court: previous.court.name,
          kind: 'ruling',
          effectiveDate: chinaDateOf(request.requestedAt),
          cause: '执行回转',
        },
        claim: { items: [{ kind: 'principal', amountFen: request.returnFen }] },
        reversalOf: { caseNumber: previous.caseNumber, setAsideBy: request.setAsideBy },
      },
    };
    this.filed.add(request.requestId);
    await this.deliver(at, event);
  }
}
