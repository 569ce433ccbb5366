/**
 * What use cases depend on. Each use case names the subset it needs (a `Pick`), so its reach in code matches the
 * IAM permissions its function gets on AWS.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { LegalCalendar } from '#domain/calendar/legal-calendar.ts';
import type { Actor, CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { phaseEnded } from '#domain/case/phases.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { CommandCenter } from '#ports/alerts.ts';
import type { ApprovalStore } from '#ports/approval-store.ts';
import type { CaseClosures } from '#ports/case-closures.ts';
import {
  CaseNotFoundError,
  type CaseQueries,
  type CaseRepository,
  ConcurrentUpdateError,
} from '#ports/case-repository.ts';
import type { Clock } from '#ports/clock.ts';
import type { DocumentArchive, DocumentIssuing } from '#ports/documents.ts';
import type { EvidenceStore } from '#ports/evidence-store.ts';
import type { FieldStore } from '#ports/field-store.ts';
import type { FilingSystem } from '#ports/filing.ts';
import type { IntakeRejections } from '#ports/intake.ts';
import type { PartnerGateway, PartnerRequestStore } from '#ports/partner-requests.ts';
import type { PartyKey } from '#ports/party-key.ts';
import type { PaymentGateway } from '#ports/payments.ts';
import type { PreservationStore } from '#ports/preservations.ts';
import type { ReceivedMatterStore } from '#ports/received-matters.ts';
import type { StaffDirectory } from '#ports/staff-directory.ts';
import type { Waker } from '#ports/wakes.ts';
import type { WorkflowEngine } from '#ports/workflow-engine.ts';

export interface Deps {
  readonly clock: Clock;
  readonly rules: Rules;
  readonly calendar: LegalCalendar;
  readonly cases: CaseRepository;
  readonly queries: CaseQueries;
  readonly approvals: ApprovalStore;
  readonly requests: PartnerRequestStore;
  readonly partners: PartnerGateway;
  readonly engine: WorkflowEngine;
  readonly staff: StaffDirectory;
  readonly alerts: CommandCenter;
  readonly payments: PaymentGateway;
  readonly rejections: IntakeRejections;
  readonly evidence: EvidenceStore;
  readonly wakes: Waker;
  readonly filing: FilingSystem;
  readonly received: ReceivedMatterStore;
  /** Preservation rulings reported by the preservation center (诉执衔接). */
  readonly preservations: PreservationStore;
  readonly partyKey: PartyKey;
  /** Issued documents (numbered, signed PDFs): read by the staff API. */
  readonly documents: DocumentArchive;
  /**
   * Issuing a phase's documents (numbered, rendered, signed, archived): the steps whose acts the law makes in
   * writing. Undefined where a runtime issues none (the embedded runtime in tests that do not test documents).
   */
  readonly issuing: DocumentIssuing | undefined;
  readonly field: FieldStore;
  /** Told after a commit that closes a case (the evidence archive tag): wired by each composition root. */
  readonly closures: CaseClosures;
}

/**
 * The case has moved on from the execution writing to it: closed, settled, or taken over by a later run. The
 * state machines catch it by name and end the execution as succeeded: nothing failed, the work is no longer
 * this execution's to do.
 */
export class PhaseEndedError extends Error {
  constructor(caseId: string, execution: string, why: string) {
    super(`case ${caseId}: ${execution} stops here (${why})`);
    this.name = 'PhaseEnded';
  }
}

export const SYSTEM: Actor = { kind: 'system', id: 'workflow' };

/**
 * Cause entries that every commit written within `work` carries, whichever use case writes it: a step sets the
 * definition version of the execution calling it, so that no use case has to pass it along by hand.
 */
const ambientCause = new AsyncLocalStorage<Readonly<Record<string, string>>>();

export function withCause<T>(cause: Readonly<Record<string, string>>, work: () => Promise<T>): Promise<T> {
  return ambientCause.run({ ...ambientCause.getStore(), ...cause }, work);
}

/** How many times a use case re-reads and retries when another writer got to the case first. */
const MAX_CONFLICT_RETRIES = 5;

export async function loadCase(cases: CaseRepository, caseId: string): Promise<EnforcementCase> {
  const found = await cases.load(caseId);
  if (!found) throw new CaseNotFoundError(caseId);
  return found;
}

/**
 * Load, decide, append: the shape of every state change. `decide` is pure and returns the events to record (none
 * when the work is already done, which is what makes a retried step harmless) and a result. On a concurrent
 * update the case is re-read and `decide` runs again on the fresh state.
 */
export async function mutateCase<R>(
  deps: Pick<Deps, 'cases' | 'clock'>,
  caseId: string,
  actor: Actor,
  cause: Readonly<Record<string, string>>,
  decide: (state: EnforcementCase, now: string) => { readonly events: readonly CaseEvent[]; readonly result: R },
): Promise<{ readonly state: EnforcementCase; readonly result: R }> {
  for (let attempt = 0; ; attempt++) {
    const state = await loadCase(deps.cases, caseId);
    // A step of an execution the case has moved on from writes nothing (ids.ts names executions by phase and run).
    const ended = cause.execution ? phaseEnded(state, cause.execution) : undefined;
    if (ended && cause.execution) throw new PhaseEndedError(caseId, cause.execution, ended);
    const now = deps.clock.now();
    const { events, result } = decide(state, now);
    if (events.length === 0) {
      await deps.cases.catchUp(state);
      return { state, result };
    }
    try {
      const next = await deps.cases.append(state, {
        at: now,
        actor,
        events,
        cause: { ...ambientCause.getStore(), ...cause },
      });
      return { state: next, result };
    } catch (error) {
      if (!(error instanceof ConcurrentUpdateError) || attempt >= MAX_CONFLICT_RETRIES) throw error;
    }
  }
}
