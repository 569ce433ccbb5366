/**
 * One approval as a reusable block of states: wait for the decision; on timeout escalate one rung and wait again
 * (bounded by the escalation ladder); then record the decision and route on it.
 */
import { type ApprovalStep, ladderOf } from '#domain/approvals/policy.ts';
import { choice, invoke, park, type State, waitFor } from './asl.ts';
import { ERRORS } from './errors.ts';

export interface ApprovalBlock {
  /** Prefix of the block's state names, e.g. `Control` -> `AwaitControlApproval`. */
  readonly name: string;
  readonly step: ApprovalStep;
  /** Where the previous step put the approval terms (step, level, role, due, timeout, summary). */
  readonly termsPath: string;
  readonly onApproved: string;
  readonly onRejected: string;
  /** Where the time node a node task is about lies: handed to apply-decision (an extension moves its due date). */
  readonly nodePath?: string;
}

/** The highest rung of a step's ladder: its loop can escalate at most this many times. */
export function maxApprovalLevel(step: ApprovalBlock['step']): number {
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
    [apply]: invoke('apply-decision', {
      payload: {
        step: block.step,
        'decision.$': '$.decision',
        ...(block.nodePath ? { 'node.$': block.nodePath } : {}),
      },
      resultPath: '$.applied',
      next: route,
    }),
    [route]: choice(
      [{ Variable: '$.applied.value.decision', StringEquals: 'approved', Next: block.onApproved }],
      block.onRejected,
    ),
  };
}
