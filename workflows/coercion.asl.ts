/**
 * Coercive measures and criminal referral (C1-C6, D1-D5). The machine is a loop the domain drives: after each
 * answer, `advance-coercion` records it and says what comes next (the president's signature of the restriction
 * order and the listing decision, a credit-discipline publication, the president's approval of a fine or detention,
 * the police, the procuratorate, a watch for performance), or that the respondent performed (on to disbursement) or the measures are exhausted (hand-over to the 终本 review).
 */
import { RULES } from '#domain/rules/table.ts';
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
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/**
 * Passes through the loop: each of the four publications (restriction, listing, and their lifting) up to its
 * retry rounds (the listing's removal, C6, more often: removalRounds), the president's signature (the restriction and listing together, a later listing), the sanction (approval, service, custody, family, review request and decision, term), the
 * referral (police twice when complex; the procuratorate's notice and its decision, D3; the police opening when
 * ordered), the performance watch, and a margin of two.
 */
export const MAX_COERCION_ROUNDS =
  3 * RULES.P_COERCION_WAITS.creditRounds + RULES.P_COERCION_WAITS.removalRounds + 2 + 7 + 5 + 1 + 2;

const within = withinRounds('$.coercion', MAX_COERCION_ROUNDS);

/** What advance-coercion is handed: the request just waited on and the loop count. */
const ADVANCE = { 'requestId.$': '$.coercion.value.requestId', 'round.$': '$.coercion.value.round' } as const;
/** After an approval, advance-coercion applies the decision and advances in one Task (workflows/approval.asl.ts). */
const APPLY_AND_ADVANCE = { step: 'advance-coercion', payload: ADVANCE, resultPath: '$.coercion' } as const;

export const coercionDefinition: Definition = {
  Comment: 'Enforcement case: consumption restriction, dishonest-debtor list, fine and detention, criminal referral',
  StartAt: 'OpenCoercion',
  States: {
    OpenCoercion: invoke('open-coercion', { resultPath: '$.coercion', next: 'RouteCoercion' }),
    RouteCoercion: choice(
      [
        within('request', 'AwaitCoercionAnswer'),
        within('approve', 'AwaitSanctionApproval'),
        within('approve-credit', 'AwaitCreditDisciplineApproval'),
        equals('$.coercion.value.next', 'disburse', 'StartDisbursement'),
        {
          And: [
            { Variable: '$.coercion.value.next', StringEquals: 'exhausted' },
            { Variable: '$.coercion.value.closure', IsPresent: true },
          ],
          Next: 'StartFinalClosure',
        },
        equals('$.coercion.value.next', 'exhausted', 'MeasuresExhausted'),
        equals('$.coercion.value.next', 'beside', 'BesideEnded'),
      ],
      'CoercionLoopExhausted',
      'What the domain planned next',
    ),
    AwaitCoercionAnswer: waitFor('dispatch-request', {
      comment:
        'Credit-discipline recipients, police, procuratorate, higher court, the case account: each has its deadline',
      payload: { 'requestId.$': '$.coercion.value.requestId' },
      timeoutSecondsPath: '$.coercion.value.timeoutSeconds',
      onTimeout: 'AdvanceCoercion',
      resultPath: null,
      next: 'AdvanceCoercion',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceCoercion' }],
    }),
    ...approvalStates({
      name: 'Sanction',
      step: 'sanction',
      termsPath: '$.coercion.value.approval',
      next: 'RouteCoercion',
      applyWith: APPLY_AND_ADVANCE,
    }),
    ...approvalStates({
      name: 'CreditDiscipline',
      step: 'credit-discipline',
      termsPath: '$.coercion.value.approval',
      next: 'RouteCoercion',
      applyWith: APPLY_AND_ADVANCE,
    }),
    AdvanceCoercion: invoke('advance-coercion', { payload: ADVANCE, resultPath: '$.coercion', next: 'RouteCoercion' }),
    // The respondent performed: the disbursement starts on the terms the plan carries.
    StartDisbursement: handOver(MACHINE_KEYS.disbursement, '$.coercion.value.disbursement', 'ToDisbursement'),
    ToDisbursement: succeed('Disbursement phase started'),
    // Measures exhausted: the final-round closure (终本) review starts on the terms the plan carries.
    StartFinalClosure: handOver(MACHINE_KEYS.closure, '$.coercion.value.closure', 'MeasuresExhausted'),
    MeasuresExhausted: succeed('Measures exhausted: the final-round closure (终本) review takes the case over'),
    BesideEnded: succeed('The measures ran beside a disposal, which goes on with the case'),
    CoercionLoopExhausted: park(ERRORS.loopBoundReached, 'More coercion rounds than the measures can need'),
    ...needsAttentionStates(),
  },
};
