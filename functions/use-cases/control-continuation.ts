/**
 * Control continued after a suspension (SUSPENSION: 民诉法 2023年修正 第二百六十七条): a suspension ruled while the
 * approved control plan was being executed stops that run at its next step; the freeze, entrustment or deduction it
 * had sent may be answered meanwhile, but the stopped run records nothing. The run that continues it after lifting
 * first takes that order up (waited for what is left of it, then recorded once: nothing is ordered twice), then
 * sends what is still due from where the case stands.
 */
import { secondsUntil } from '#domain/calendar/local-date.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import type { ControlStep } from '#domain/control/next-step.ts';
import { executionName, parseExecutionName, requestIdFor } from '#domain/ids.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import type { Deps } from './context.ts';

const ORDERS: readonly ControlStep[] = ['freeze', 'entrust', 'deduct'];

/** Passes the stopped run could have made through its control loop (as the state machine bounds it). */
function maxRounds(rules: Rules): number {
  return 3 + rules.P_PARTNER_WAITS.entrustmentEscalations + 1;
}

/**
 * The last control order the stopped run (`run - 1`) sent and did not record, as wait terms for the continuing
 * run's first pass; undefined if it sent none or recorded the last one.
 */
export async function stoppedControlOrder(
  deps: Pick<Deps, 'requests' | 'cases' | 'clock' | 'rules'>,
  state: EnforcementCase,
  execution: string,
): Promise<{ next: ControlStep; requestId: string; timeoutSeconds: number } | undefined> {
  const { run } = parseExecutionName(execution);
  const stopped = executionName(state.caseId, 'investigation', run - 1);
  let last: PartnerRequest | undefined;
  for (let round = 1; round <= maxRounds(deps.rules); round++)
    for (const kind of ORDERS) {
      const request = await deps.requests.get(requestIdFor(stopped, kind, round));
      if (request) last = request;
    }
  if (!last) return undefined;
  const history = await deps.cases.history(state.caseId);
  const recorded = history.some((c) => c.cause.execution === stopped && c.cause.step === `record-${last.kind}`);
  if (recorded) return undefined;
  const left = last.status === 'pending' ? secondsUntil(deps.clock.now(), last.dueAt) : 1;
  return { next: last.kind as ControlStep, requestId: last.requestId, timeoutSeconds: Math.max(1, left) };
}
