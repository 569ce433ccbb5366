/**
 * Steps that do in one invocation what a definition ran as Tasks in a row: they first record what their execution
 * waited for (an approval's decision, an inquiry's answers), or go on to what always follows (the coverage assessed
 * once control is done). One billed Task where there were two or more, often with a Choice between them
 * (docs/cloud-efficiency.md, "Billed state transitions"). Called without the extra input (definitions before
 * 2026.12.11, which run those Tasks themselves), each does only its own part.
 */
import type { ApprovalStep } from '#domain/approvals/policy.ts';
import { applyDecision, type DecisionOutput } from './approvals.ts';
import type { Deps } from './context.ts';
import { type Closing, closeOrHandOver, payOut } from './disbursement.ts';
import { assessCoverage, type ControlStepTerms, executeControl, recordInquiry } from './investigation.ts';
import type { StepInput } from './service.ts';

type Decided = StepInput & { readonly step?: ApprovalStep; readonly decision?: DecisionOutput };

/**
 * plan-control handed the inquiry its execution waited for (definitions from 2026.12.11): the inquiry is recorded
 * first (as record-inquiry records it), then the control is planned. One billed Task where there were two.
 */
export function recordingInquiry<I extends StepInput & { readonly requestId?: string }, R>(
  deps: Parameters<typeof recordInquiry>[0],
  plan: (input: I) => Promise<R>,
) {
  const record = recordInquiry(deps);
  return async (input: I): Promise<R> => {
    if (input.requestId) await record({ ...input, requestId: input.requestId });
    return plan(input);
  };
}

/**
 * The disbursement plan's decision, its payment and the closing in one step: the decision is recorded (as
 * apply-decision records it); an approved plan is paid out (`payOut`) and the case closed or handed over
 * (`closeOrHandOver`); a rejected plan goes back to the officer, the case handed over as the decision left it. One
 * billed Task where there were four states (apply-decision, a Choice on the decision, pay-out, close-case). Called
 * without a decision (definitions before 2026.12.11, which run apply-decision and pay-out first), it only closes.
 */
export function decidedDisbursement(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'wakes' | 'payments'>) {
  const apply = applyDecision(deps);
  const pay = payOut(deps);
  const close = closeOrHandOver(deps);
  return async (input: Decided): Promise<Closing> => {
    if (input.step && input.decision) {
      const { decision } = await apply({ ...input, step: input.step, decision: input.decision });
      if (decision !== 'approved') return { next: 'handed-over', closed: false };
      await pay(input);
    }
    return close(input);
  };
}

/** The control plan was rejected: the case goes back to the officer (as the decision left it). */
export type ControlHandedBack = Omit<ControlStepTerms, 'next'> & { readonly next: 'handed-over' };

/**
 * execute-control handed the control plan's decision (definitions from 2026.12.11): the decision is recorded (as
 * apply-decision records it), then an approved plan is carried out; a rejected one hands the case back. One billed
 * Task where there were three (apply-decision, a Choice on the decision, execute-control).
 */
export function decidedControl(deps: Parameters<typeof executeControl>[0]) {
  const apply = applyDecision(deps);
  const execute = executeControl(deps);
  return async (input: Decided): Promise<ControlStepTerms | ControlHandedBack> => {
    if (input.step && input.decision) {
      const { decision } = await apply({ ...input, step: input.step, decision: input.decision });
      if (decision !== 'approved') return { next: 'handed-over', requestId: '', timeoutSeconds: 1, round: 1 };
    }
    return execute(input);
  };
}

/** What assess-coverage answers: where the case goes once control is done. */
export type Coverage = Awaited<ReturnType<ReturnType<typeof assessCoverage>>>;

/**
 * A control step asked to assess (`assess: true`): when nothing is left to control (`next: 'assess'`), it assesses
 * the coverage itself (as assess-coverage does) and answers `assessed` with the assessment, which the definition
 * routes at once. One billed Task fewer (AssessCoverage) for every case that goes through control.
 */
export function assessingWhenDone<
  I extends StepInput & { readonly assess?: boolean },
  R extends { readonly next: string },
>(deps: Parameters<typeof assessCoverage>[0], step: (input: I) => Promise<R>) {
  const assess = assessCoverage(deps);
  return async (
    input: I,
  ): Promise<R | (Omit<R, 'next'> & { readonly next: 'assessed'; readonly coverage: Coverage })> => {
    const result = await step(input);
    if (!input.assess || result.next !== 'assess') return result;
    return { ...result, next: 'assessed', coverage: await assess(input) };
  };
}
