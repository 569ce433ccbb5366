/**
 * 终本 (G2-SERVICE, 法〔2016〕373号 第六条): the approved ruling (终结本次执行程序裁定书) is issued, then served on the
 * applicant through the same service request the notices use (electronic when the applicant consented, else by
 * post), the request referencing the ruling by number, key and SHA-256. The platform's receipt must name that
 * document with that hash; only then is the service recorded, and only then does the closure plan close the case.
 */

import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { rulingServiceEvent } from '#domain/closure/ruling-service.ts';
import { freeBalanceFen } from '#domain/disputes/objection-effects.ts';
import {
  type DocumentReference,
  FINAL_ROUND_RULING_KINDS,
  orderDocuments,
} from '#domain/documents/service-documents.ts';
import { executionName } from '#domain/ids.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { issuePhaseDocuments } from './documents.ts';
import { ensureRequest, type WaitTerms } from './requests.ts';

export type RulingDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'staff' | 'issuing'>;

/** The issued 终本 ruling, as a service request references it (none where the runtime issues no documents). */
async function rulingDocuments(deps: RulingDeps, caseId: string): Promise<DocumentReference[]> {
  if (!deps.issuing) return [];
  await issuePhaseDocuments(deps, caseId);
  return orderDocuments(caseId, 'closure', await deps.issuing.archive.list(caseId), FINAL_ROUND_RULING_KINDS);
}

/** Sends the ruling to the applicant (once per attempt: a retried step waits on the request already sent). */
export async function serveRuling(
  deps: RulingDeps,
  state: EnforcementCase,
  execution: string,
  method: 'electronic' | 'postal',
): Promise<WaitTerms> {
  const applicant = state.applicants[0];
  if (!applicant) throw new Error(`case ${state.caseId} has no applicant to serve the ruling on`);
  const review = state.closureReview;
  const pending = review?.rulingRequest !== undefined;
  const attempt = (review?.rulingAttempts ?? 0) + (pending ? 0 : 1);
  const documents = await rulingDocuments(deps, state.caseId);
  const terms = await ensureRequest(deps, state, execution, {
    kind: 'service',
    tag: 'final-round-ruling',
    round: attempt,
    items: [{ itemId: applicant.partyId, ...(documents.length > 0 ? { documents } : {}) }],
    period: method === 'electronic' ? deps.rules.P_PARTNER_WAITS.eService : deps.rules.P_PARTNER_WAITS.postal,
    method,
  });
  await mutateCase(deps, state.caseId, SYSTEM, { execution, step: 'serve-ruling' }, (s) => ({
    events:
      s.closureReview?.rulingRequest === terms.requestId
        ? []
        : [{ type: 'ruling-service-attempted', requestId: terms.requestId, method }],
    result: undefined,
  }));
  return { requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds };
}

/** The platform's (or the post's) answer: served only on a receipt naming the ruling sent, with its hash. */
export async function recordRulingService(deps: RulingDeps, execution: string, request: PartnerRequest) {
  const sent = request.items[0]?.documents ?? [];
  await mutateCase(
    deps,
    request.caseId,
    SYSTEM,
    { execution, step: 'record-ruling-service', request: request.requestId },
    (s) => {
      if (s.closureReview?.rulingRequest !== request.requestId) return { events: [], result: undefined };
      // Superseded: money came in while the ruling was being served; the closure plan refuses, nothing is recorded.
      if (request.status === 'superseded') return { events: [], result: undefined };
      const answer = request.answers.find((a) => !a.late);
      const parsed = answer ? RESULT_SCHEMAS.service.safeParse(answer.result) : undefined;
      const result = parsed?.success ? parsed.data : {};
      return {
        events: [
          rulingServiceEvent(request.requestId, sent, answer ? { outcome: answer.outcome, ...result } : undefined),
        ],
        result: undefined,
      };
    },
  );
}

/**
 * Money received while the 终本 ruling is being served (法〔2016〕373号 第一条第（三）项: 终本 only when no property is
 * available): the service the closure phase waits on is superseded and the phase woken, so that the closure plan
 * refuses 终本 now rather than closing once the ruling is served. Only settle holds SendTask*; it calls this.
 */
export async function wakeRulingService(
  deps: Pick<Deps, 'requests' | 'engine'>,
  state: EnforcementCase,
): Promise<boolean> {
  const review = state.closureReview;
  const requestId = review?.rulingRequest;
  if (!requestId || !review.ruled || review.rulingServedAt || state.status === 'closed') return false;
  const superseded = await deps.requests.supersede(requestId);
  if (!superseded?.token) return superseded !== undefined;
  try {
    await deps.engine.sendTaskSuccess(superseded.token, { requestId, complete: false });
  } catch (error) {
    if (!(error instanceof TaskNoLongerWaitingError)) throw error;
  }
  await deps.requests.clearToken(requestId);
  return true;
}

/**
 * A 终本 refused after its ruling because money came in (plan.ts, refuseForMoney): the money is paid out by a new
 * disbursement run (F1), which closes the case as 执行完毕 when the claim is covered, or hands the case back
 * (handoverStatus) for a new review. Started by settle on the closure phase's wake; once (the run's name counts).
 */
export async function disburseRefusedFinalRoundMoney(
  deps: Pick<Deps, 'cases' | 'clock' | 'engine'>,
  state: EnforcementCase,
): Promise<void> {
  const { result: execution } = await mutateCase(
    deps,
    state.caseId,
    SYSTEM,
    { action: 'disburse-after-final-round-refused' },
    (s) => {
      const review = s.closureReview;
      const refusedForMoney =
        review?.way === 'final-round-closure' &&
        review.ruled === true &&
        review.status === 'refused' &&
        review.problems.some((p) => p.code === 'account');
      const idle = s.status === 'awaiting-officer' && s.distribution?.stage === undefined;
      if (!refusedForMoney || !idle || freeBalanceFen(s) <= 0) return { events: [], result: undefined };
      return { events: [], result: executionName(s.caseId, 'disbursement', (s.phaseRuns.disbursement ?? 0) + 1) };
    },
  );
  if (execution) await deps.engine.startExecution('disbursement', execution, { v: 1, caseId: state.caseId });
}
