/**
 * Closure (G1) and 终本 (G2). The machine is a loop the domain drives: after each event `advance-closure` says what
 * comes next: wait (only time is missing: 3 months since filing), hear the applicant (约谈), the approval of 终本 or
 * of another way of G1, the closure recorded (then, for 终本, the re-query watch of G3; for the other ways, a short
 * coercion run when a restriction or listing is to be lifted or removed, C5, C6), or a refusal naming what is
 * missing (back to the officer).
 */
import { approvalStates } from './approval.asl.ts';
import {
  choice,
  type Definition,
  equals,
  handOver,
  invoke,
  needsAttentionStates,
  park,
  succeed,
  waitFor,
  waitUntil,
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/** Open, a wait for time, an interview, an approval and its re-check, with a margin. */
export const MAX_CLOSURE_ROUNDS = 8;

const within = withinRounds('$.closure', MAX_CLOSURE_ROUNDS);

/** What advance-closure is handed: the request just waited on and the loop count. */
const ADVANCE = { 'requestId.$': '$.closure.value.requestId', 'round.$': '$.closure.value.round' } as const;
/** After an approval, advance-closure applies the decision and advances in one Task (workflows/approval.asl.ts). */
const APPLY_AND_ADVANCE = { step: 'advance-closure', payload: ADVANCE, resultPath: '$.closure' } as const;

export const closureDefinition: Definition = {
  Comment: 'Enforcement case: closure in one of its ways, 终本 with its conditions and the applicant heard (G1, G2)',
  StartAt: 'OpenClosure',
  States: {
    OpenClosure: invoke('open-closure', { resultPath: '$.closure', next: 'RouteClosure' }),
    RouteClosure: choice(
      [
        within('wait', 'WaitForConditions'),
        within('interview', 'HearApplicant'),
        within('approve-final', 'AwaitFinalClosureApproval'),
        within('approve', 'AwaitClosureApproval'),
        {
          And: [
            { Variable: '$.closure.value.next', StringEquals: 'closed' },
            { Variable: '$.closure.value.requery', IsPresent: true },
          ],
          Next: 'StartRequery',
        },
        {
          And: [
            { Variable: '$.closure.value.next', StringEquals: 'closed' },
            { Variable: '$.closure.value.lift', IsPresent: true },
          ],
          Next: 'StartLifting',
        },
        equals('$.closure.value.next', 'closed', 'Closed'),
        equals('$.closure.value.next', 'refused', 'Refused'),
      ],
      'ClosureLoopExhausted',
      'What the domain planned next',
    ),
    WaitForConditions: waitUntil(
      '$.closure.value.until',
      'AdvanceClosure',
      'Only time is missing (G2: 3 months since filing): the review waits, then looks again',
    ),
    HearApplicant: waitFor('dispatch-request', {
      comment: 'G2: the applicant is heard through the e-service platform, or the officer records the interview',
      payload: { 'requestId.$': '$.closure.value.requestId' },
      timeoutSecondsPath: '$.closure.value.timeoutSeconds',
      onTimeout: 'AdvanceClosure',
      resultPath: null,
      next: 'AdvanceClosure',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceClosure' }],
    }),
    ...approvalStates({
      name: 'FinalClosure',
      step: 'final-closure',
      termsPath: '$.closure.value.approval',
      next: 'RouteClosure',
      applyWith: APPLY_AND_ADVANCE,
    }),
    ...approvalStates({
      name: 'Closure',
      step: 'closure',
      termsPath: '$.closure.value.approval',
      next: 'RouteClosure',
      applyWith: APPLY_AND_ADVANCE,
    }),
    AdvanceClosure: invoke('advance-closure', { payload: ADVANCE, resultPath: '$.closure', next: 'RouteClosure' }),
    StartRequery: handOver(MACHINE_KEYS.requery, '$.closure.value.requery', 'ClosedFinalRound'),
    ClosedFinalRound: succeed('Closed as 终本: restrictions stay in force; the re-query watch runs (G3)'),
    StartLifting: handOver(MACHINE_KEYS.coercion, '$.closure.value.lift', 'Closed'),
    Closed: succeed('Closed in the way asked for'),
    Refused: succeed('Not closed: the missing conditions are named on the case, the officer takes it up'),
    ClosureLoopExhausted: park(ERRORS.loopBoundReached, 'More closure rounds than a review can need'),
    ...needsAttentionStates(),
  },
};
