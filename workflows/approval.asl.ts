/**
 * One approval as a reusable block of states: wait for the decision; on timeout escalate one rung and wait again
 * (bounded by the escalation ladder); then record the decision and route on it. Where both decisions lead to the
 * same place the Choice on the decision is left out (it would bill a transition and decide nothing); a loop hands
 * the decision to its own advance step (`applyWith`), which applies it and advances in one Task; a short execution
 * that only waits for the decision ends at the Task that records it (`ends`).
 */
import { type ApprovalStep, ladderOf } from '#domain/approvals/policy.ts';
import { choice, invoke, invokeAndEnd, type Json, park, type State, type TaskState, waitFor } from './asl.ts';
import { ERRORS } from './errors.ts';
import type { StepName } from './steps.ts';

/** Where the block goes once the decision is recorded. */
export type Decided =
  | { readonly onApproved: string; readonly onRejected: string }
  /** Both decisions go to `next`; with `applyWith`, that step (the loop's advance) applies the decision itself. */
  | { readonly next: string; readonly applyWith?: ApplyWith }
  /** The execution ends once the decision is recorded. */
  | { readonly ends: true };

/** The loop step that applies the decision and advances (it takes `step` and `decision` beside `payload`). */
export interface ApplyWith {
  readonly step: StepName;
  readonly payload: Record<string, Json>;
  readonly resultPath: string;
}

export type ApprovalBlock = ApprovalTerms & Decided;

interface ApprovalTerms {
  /** Prefix of the block's state names, e.g. `Control` -> `AwaitControlApproval`. */
  readonly name: string;
  readonly step: ApprovalStep;
  /** Where the previous step put the approval terms (step, level, role, due, timeout, summary). */
  readonly termsPath: string;
  /** Where the time node a node task is about lies: handed to apply-decision (an extension moves its due date). */
  readonly nodePath?: string;
}

/** The highest rung of a step's ladder: its loop can escalate at most this many times. */
export function maxApprovalLevel(step: ApprovalStep): number {
  return ladderOf(step).length - 1;
}

export function approvalStates(block: ApprovalBlock): Record<string, State> {
  const awaitState = `Await${block.name}Approval`;
  const escalate = `Escalate${block.name}Approval`;
  const canWaitAgain = `Can${block.name}Escalate`;
  const apply = `Apply${block.name}Decision`;
  const route = `Route${block.name}Decision`;
  return {
    [awaitState]: waitFor('request-approval', {
      comment: `Waits for the ${block.step} decision; the token is stored with the approval, never shown`,
      payload: { 'approval.$': block.termsPath },
      timeoutSecondsPath: `${block.termsPath}.timeoutSeconds`,
      onTimeout: escalate,
      resultPath: '$.decision',
      next: apply,
    }),
    [escalate]: invoke('escalate-approval', {
      payload: { 'approval.$': block.termsPath },
      resultPath: '$.escalation',
      next: canWaitAgain,
    }),
    [canWaitAgain]: choice(
      [
        {
          And: [
            { Variable: '$.escalation.value.exhausted', BooleanEquals: false },
            { Variable: '$.escalation.value.approval.level', NumericLessThanEquals: maxApprovalLevel(block.step) },
          ],
          Next: `Carry${block.name}Escalation`,
        },
      ],
      `${block.name}NotDecided`,
      'Escalated to the next rung, or no one left to escalate to',
    ),
    [`${block.name}NotDecided`]: park(ERRORS.approvalNotDecided, `The ${block.step} approval timed out at every level`),
    [`Carry${block.name}Escalation`]: {
      Type: 'Pass',
      Comment: 'The escalated terms replace the old ones',
      InputPath: '$.escalation.value.approval',
      ResultPath: block.termsPath,
      Next: awaitState,
    },
    ...decidedStates(block, apply, route),
  };
}

/** The state that records the decision, and the Choice on it when the two decisions lead to different places. */
function decidedStates(block: ApprovalBlock, apply: string, route: string): Record<string, State> {
  const payload: Record<string, Json> = {
    step: block.step,
    'decision.$': '$.decision',
    ...(block.nodePath ? { 'node.$': block.nodePath } : {}),
  };
  if ('ends' in block) return { [apply]: invokeAndEnd('apply-decision', { payload, resultPath: null }) };
  if ('next' in block) {
    if (!block.applyWith) return { [apply]: recordDecision(payload, block.next) };
    const { step, payload: extra, resultPath } = block.applyWith;
    return { [apply]: invoke(step, { payload: { ...extra, ...payload }, resultPath, next: block.next }) };
  }
  return {
    [apply]: invoke('apply-decision', { payload, resultPath: '$.applied', next: route }),
    [route]: choice(
      [{ Variable: '$.applied.value.decision', StringEquals: 'approved', Next: block.onApproved }],
      block.onRejected,
    ),
  };
}

function recordDecision(payload: Record<string, Json>, next: string): TaskState {
  return invoke('apply-decision', { payload, resultPath: null, next });
}
