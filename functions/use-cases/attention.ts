/** Nothing fails silently: a failed step parks the case in "needs attention" with the error, and alarms. */
import { canTransition } from '#domain/case/status.ts';
import { stepErrorLabel } from '#domain/timeline/step-errors.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';

/** Causes are kept short: they come from our own errors, never from payloads. */
const MAX_CAUSE = 1000;

export function recordNeedsAttention(deps: Pick<Deps, 'cases' | 'clock' | 'alerts'>) {
  return async (input: {
    readonly caseId: string;
    readonly execution: string;
    readonly error: { readonly Error?: string; readonly Cause?: string };
  }) => {
    const error = input.error.Error ?? 'Unknown';
    const cause = (input.error.Cause ?? '').slice(0, MAX_CAUSE);
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'needs-attention' },
      (s) => {
        if (!canTransition(s.status, 'needs-attention')) return { events: [], result: undefined };
        return {
          events: [
            { type: 'needs-attention', error, cause, where: input.execution },
            { type: 'status-changed', from: s.status, to: 'needs-attention', reason: `流程步骤失败：${error}` },
          ],
          result: undefined,
        };
      },
    );
    await deps.alerts.alert({
      kind: 'needs-attention',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: `${state.caseNumber}：流程步骤失败（${stepErrorLabel(error)}），需人工处理`,
    });
    return { recorded: true };
  };
}
