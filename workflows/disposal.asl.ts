/**
 * Disposal of sealed property (A11, E1-E11). A loop the domain drives, like the coercion phase: after each answer,
 * `advance-disposal` records it and says what comes next (a pricing platform or the appraiser, the collegial panel's
 * approval of an auction's terms, the auction platform, the buyer's balance, the applicant's answer to an offer in
 * lieu, a fixed-price sale), or that the money goes to disbursement, the case closes, or it goes on to the phase it
 * needs. Coercive measures not taken yet start beside it.
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
  startPhase,
  succeed,
  waitFor,
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/**
 * Passes through the loop for one lot: two pricing attempts, per auction (first, second, and a re-auction after each
 * default) the panel's terms, the auction and the balance, then the offer in lieu and the fixed-price sale; for up
 * to this many lots, plus a margin. A case with more sealed property than this is disposed of in further runs.
 */
const PASSES_PER_AUCTION = 3;
const AUCTIONS_PER_LOT = 4;
const LOTS_PER_RUN = 4;
export const MAX_DISPOSAL_ROUNDS =
  LOTS_PER_RUN * (2 + AUCTIONS_PER_LOT * PASSES_PER_AUCTION + 2) + RULES.P_PARTNER_WAITS.entrustmentEscalations + 4;

const within = withinRounds('$.disposal', MAX_DISPOSAL_ROUNDS);

/** What advance-disposal is handed: the request just waited on and the loop count. */
const ADVANCE = { 'requestId.$': '$.disposal.value.requestId', 'round.$': '$.disposal.value.round' } as const;

export const disposalDefinition: Definition = {
  Comment:
    'Enforcement case: reference price, online judicial auction, fixed-price sale, transfer in lieu (A11, E1-E11)',
  StartAt: 'OpenDisposal',
  States: {
    OpenDisposal: invoke('open-disposal', { resultPath: '$.disposal', next: 'CoercionBeside' }),
    CoercionBeside: choice(
      [{ Variable: '$.disposal.value.coercion', IsPresent: true, Next: 'StartCoercionBeside' }],
      'RouteDisposal',
      'Coercive measures not taken yet run beside the disposal',
    ),
    StartCoercionBeside: startPhase(MACHINE_KEYS.coercion, '$.disposal.value.coercion', 'RouteDisposal'),
    RouteDisposal: choice(
      [
        within('request', 'AwaitDisposalAnswer'),
        within('approve', 'AwaitTermsApproval'),
        equals('$.disposal.value.next', 'disburse', 'StartDisbursement'),
        {
          And: [
            { Variable: '$.disposal.value.next', StringEquals: 'closed' },
            { Variable: '$.disposal.value.lift', IsPresent: true },
          ],
          Next: 'StartLifting',
        },
        equals('$.disposal.value.next', 'closed', 'ClosedInLieu'),
        { Variable: '$.disposal.value.coercion', IsPresent: true, Next: 'StartCoercion' },
        { Variable: '$.disposal.value.disposal', IsPresent: true, Next: 'StartNextDisposal' },
        { Variable: '$.disposal.value.closure', IsPresent: true, Next: 'StartClosure' },
        equals('$.disposal.value.next', 'handover', 'HandedOver'),
      ],
      'DisposalLoopExhausted',
      'What the domain planned next',
    ),
    AwaitDisposalAnswer: waitFor('dispatch-request', {
      comment:
        'Pricing platforms or the appraiser, the auction platform, the buyer, the applicant: each has its deadline',
      payload: { 'requestId.$': '$.disposal.value.requestId' },
      timeoutSecondsPath: '$.disposal.value.timeoutSeconds',
      onTimeout: 'AdvanceDisposal',
      resultPath: null,
      next: 'AdvanceDisposal',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceDisposal' }],
    }),
    ...approvalStates({
      name: 'Terms',
      step: 'auction-terms',
      termsPath: '$.disposal.value.approval',
      next: 'RouteDisposal',
      // advance-disposal applies the panel's decision and advances in one Task (workflows/approval.asl.ts).
      applyWith: { step: 'advance-disposal', payload: ADVANCE, resultPath: '$.disposal' },
    }),
    AdvanceDisposal: invoke('advance-disposal', { payload: ADVANCE, resultPath: '$.disposal', next: 'RouteDisposal' }),
    // Money came in: the disbursement starts on the terms the plan carries.
    StartDisbursement: handOver(MACHINE_KEYS.disbursement, '$.disposal.value.disbursement', 'ToDisbursement'),
    ToDisbursement: succeed('Disbursement phase started'),
    // Nothing left to sell: the coercive measures start on the terms the plan carries.
    StartCoercion: handOver(MACHINE_KEYS.coercion, '$.disposal.value.coercion', 'ToCoercion'),
    ToCoercion: succeed('Coercive measures phase started'),
    StartNextDisposal: handOver(MACHINE_KEYS.disposal, '$.disposal.value.disposal', 'ToNextDisposal'),
    ToNextDisposal: succeed('More property was sealed meanwhile: another disposal run'),
    StartLifting: handOver(MACHINE_KEYS.coercion, '$.disposal.value.lift', 'ClosedInLieu'),
    ClosedInLieu: succeed('Closed: the applicant took the property in lieu of payment'),
    StartClosure: handOver(MACHINE_KEYS.closure, '$.disposal.value.closure', 'ToClosure'),
    ToClosure: succeed('Nothing left to sell and the measures ran out: the final-round closure (终本) review'),
    HandedOver: succeed('Handed over: to the coercion running beside, the final-round closure review, or the officer'),
    DisposalLoopExhausted: park(ERRORS.loopBoundReached, 'More disposal rounds than the lots of one run can need'),
    ...needsAttentionStates(),
  },
};
