/**
 * Performance in full (C5, C6): whatever the case waits for is no longer needed. The phases waiting on the case are
 * woken so that the measures are lifted and the property withdrawn now, not when their waits would have ended; a
 * case closed with measures still in force gets a short run that lifts them.
 */
import type { LocalDate } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { liftingDue } from '#domain/coercion/measures.ts';
import { coercionRunning, outstandingFen } from '#domain/control/plan.ts';
import { executionName } from '#domain/ids.ts';
import type { Rules } from '#domain/rules/table.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { disburseRefusedFinalRoundMoney } from './closure-ruling.ts';
import type { Deps } from './context.ts';
import { followObjections } from './objections.ts';

/** The respondent performed in full: the request the phase waits for is superseded and the phase woken. */
export async function wakeDisposal(deps: Pick<Deps, 'requests' | 'engine'>, state: EnforcementCase): Promise<void> {
  const requestId = state.disposal?.awaiting;
  if (!requestId || state.disposal?.ended) return;
  const superseded = await deps.requests.supersede(requestId);
  if (!superseded?.token) return;
  try {
    await deps.engine.sendTaskSuccess(superseded.token, { requestId, complete: false });
  } catch (error) {
    if (!(error instanceof TaskNoLongerWaitingError)) throw error;
  }
  await deps.requests.clearToken(requestId);
}

/**
 * The respondent performed in full: whatever the phase waits for (the police, a review, a publication, the
 * watch) is no longer needed. The request is superseded and the waiting execution woken, so that the restriction
 * is lifted and the listing removed at once (C5, C6), not when the wait would have ended.
 */
export async function wakeOnPerformance(
  deps: Pick<Deps, 'requests' | 'engine'>,
  state: EnforcementCase,
): Promise<boolean> {
  await wakeDisposal(deps, state);
  const requestId = state.coercion?.awaiting;
  if (!requestId) return false;
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
 * A wake request (from a step that satisfied the claim, or closed the case, through the partner queue): if the claim
 * is satisfied or the case closed, what waits on the case is superseded and woken, so that the measures are lifted
 * now (C5, C6).
 */
export function wakeOnRequest(
  deps: Pick<Deps, 'cases' | 'requests' | 'engine' | 'clock'> &
    Partial<Pick<Deps, 'payments' | 'approvals' | 'partners' | 'rules' | 'calendar'>>,
) {
  return async (request: { readonly caseId: string }): Promise<{ readonly woken: boolean }> => {
    const found = await deps.cases.load(request.caseId);
    // An objection's ruling that stood (the sweeper saw its period end) may have work for the phases waiting.
    const state = found ? await followObjections(deps, found) : undefined;
    // A 终本 refused after its ruling for money received meanwhile: that money is paid out (F1).
    if (state) await disburseRefusedFinalRoundMoney(deps, state);
    if (!state || (outstandingFen(state) > 0 && state.status !== 'closed')) return { woken: false };
    return { woken: await wakeOnPerformance(deps, state) };
  };
}

/**
 * C5, C6: a case whose claim is satisfied, or that closed, while a consumption restriction or a listing is due to be
 * lifted or removed (./removal.ts, P-CLOSURE-LIFTING), and no coercion phase runs to do it, gets a short coercion run
 * that only lifts, removes and publishes.
 */
export function liftingRun(state: EnforcementCase, rules: Rules, today: LocalDate): { readonly lift?: string } {
  if (!liftingDue(state, rules, today) || coercionRunning(state)) return {};
  return { lift: executionName(state.caseId, 'coercion', (state.phaseRuns.coercion ?? 0) + 1) };
}
