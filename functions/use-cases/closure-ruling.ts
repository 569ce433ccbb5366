/**
 * 终本 (G2-SERVICE, 法〔2016〕373号 第六条): the approved ruling (终结本次执行程序裁定书) is issued, then served on the
 * applicant through the same service request the notices use (electronic when the applicant consented, else by
 * post), the request referencing the ruling by number, key and SHA-256. The platform's receipt must name that
 * document with that hash; only then is the service recorded, and only then does the closure plan close the case.
 */

import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { rulingServiceEvent } from '#domain/closure/ruling-service.ts';
import {
  type DocumentReference,
  FINAL_ROUND_RULING_KINDS,
  orderDocuments,
} from '#domain/documents/service-documents.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
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
