/**
 * C6 (法释〔2017〕7号 第十条第一款第三项): the applicant asks in writing that the listing be removed and the court agrees;
 * staff record it. The removal itself is the coercion phase's (./coercion.ts, domain/coercion/removal.ts): woken if
 * it watches for performance, or a short run started only to remove and publish (C5, C6) when no phase runs.
 */
import { removalRequestProblem } from '#domain/coercion/removal.ts';
import { coercionRunning } from '#domain/control/plan.ts';
import { executionName } from '#domain/ids.ts';
import { staffOfCase, wakeWatch } from './coercion.ts';
import { type Deps, mutateCase } from './context.ts';
import { conflict } from './errors.ts';

export function requestListingRemoval(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'requests' | 'engine'>) {
  return async (command: { readonly caseId: string; readonly userId: string; readonly note?: string }) => {
    const { member, state: before } = await staffOfCase(deps, command.caseId, command.userId, 'close-cases');
    const problem = removalRequestProblem(before);
    if (problem) throw conflict(`不能记录删除失信信息的申请：${problem}`);
    const { state, result: lifting } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: member.userId },
      { action: 'request-listing-removal' },
      (s) => {
        if (removalRequestProblem(s)) return { events: [], result: undefined };
        const run = coercionRunning(s) ? undefined : (s.phaseRuns.coercion ?? 0) + 1;
        return {
          events: [
            {
              type: 'listing-removal-requested',
              by: member.userId,
              ...(command.note ? { note: command.note } : {}),
            },
            ...(run !== undefined ? [{ type: 'lifting-run-started', run } as const] : []),
          ],
          result: run,
        };
      },
    );
    if (lifting !== undefined) {
      await deps.engine.startExecution('coercion', executionName(state.caseId, 'coercion', lifting), {
        v: 1,
        caseId: state.caseId,
      });
    } else {
      await wakeWatch(deps, state, '申请执行人申请删除失信信息');
    }
    return { caseId: state.caseId, removalRequested: true as const };
  };
}
