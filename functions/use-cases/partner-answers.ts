/** An outside party answers one item of a request; the last answer resumes the waiting execution. */

import { issueLines } from '#contracts/issues.ts';
import { PartnerCallback, RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { isMeasureRequest } from '#domain/partners/requests.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import type { Deps } from './context.ts';
import { invalid, notFound } from './errors.ts';
import { isFreedDeduction, recordFreedDeduction } from './freed-deduction.ts';
import { recordLateAnswer } from './investigation.ts';
import { dispatchMeasures, recordMeasureAnswer } from './measure-dispatch.ts';
import { disburseFreedMoney } from './objections.ts';

export function answerPartner(
  deps: Pick<Deps, 'requests' | 'engine' | 'clock' | 'cases' | 'rules' | 'calendar' | 'alerts' | 'partners'>,
) {
  const late = recordLateAnswer(deps);
  const measureAnswer = recordMeasureAnswer(deps);
  const freed = recordFreedDeduction({
    ...deps,
    disburseFreed: async (caseId) => {
      const state = await deps.cases.load(caseId);
      if (state) await disburseFreedMoney(deps, state);
    },
  });
  return async (raw: unknown) => {
    const parsed = PartnerCallback.safeParse(raw);
    if (!parsed.success) throw invalid(issueLines(parsed.error, '(event)').join('; '));
    const callback = parsed.data;
    const request = await deps.requests.get(callback.requestId);
    if (!request) throw notFound(`no request ${callback.requestId}`);
    if (!request.items.some((i) => i.itemId === callback.itemId))
      throw invalid(`request ${callback.requestId} has no item ${callback.itemId}`);
    if (callback.outcome === 'ok') {
      const result = RESULT_SCHEMAS[request.kind].safeParse(callback.result);
      if (!result.success) throw invalid(issueLines(result.error, '(event)').join('; '));
    }
    const answeredAt = deps.clock.now();
    const { request: updated, token } = await deps.requests.addAnswer(callback.requestId, {
      itemId: callback.itemId,
      at: answeredAt,
      outcome: callback.outcome,
      result: callback.result ?? {},
    });
    if (updated.answers.some((a) => a.itemId === callback.itemId && a.late)) await late(updated);
    // A freed deposit's deduction, ordered after the control rounds: no execution waits on it.
    else if (isFreedDeduction(updated)) await freed(updated);
    // The measures' requests have no execution waiting: their answers go on the case when the last one is in.
    // Then what is due next: the persons still unconfirmed are sent the notice again, up to P-MEASURES' rounds.
    if (isMeasureRequest(updated.kind)) {
      await measureAnswer(updated);
      if (updated.status !== 'pending') await dispatchMeasures(deps)(updated.caseId);
    }
    if (token) {
      try {
        await deps.engine.sendTaskSuccess(token, { requestId: updated.requestId, complete: true });
      } catch (error) {
        // A transient failure keeps the token: the redelivered answer sends it again.
        if (!(error instanceof TaskNoLongerWaitingError)) throw error;
      }
      await deps.requests.clearToken(updated.requestId);
    }
    return {
      requestId: updated.requestId,
      status: updated.status,
      resumed: token !== undefined,
      // How long the partner took (the partner-latency metric): from the request's dispatch to this answer.
      kind: updated.kind,
      sentAt: updated.dispatchedAt ?? updated.createdAt,
      answeredAt,
    };
  };
}
