/** Disbursement and closure: the plan, its approval by amount (F2), payment within F1, closure (G1). */
import { approvalStates } from './approval.asl.ts';
import { choice, type Definition, equals, handOver, invoke, needsAttentionStates, succeed } from './asl.ts';
import { MACHINE_KEYS } from './steps.ts';

export const disbursementDefinition: Definition = {
  Comment: 'Enforcement case: disbursement of money received, closure as fully performed (F1, F2, G1)',
  StartAt: 'OpenDisbursement',
  States: {
    OpenDisbursement: invoke('open-disbursement', { resultPath: '$.opened', next: 'AwaitDisbursementApproval' }),
    ...approvalStates({
      name: 'Disbursement',
      step: 'disbursement',
      termsPath: '$.opened.value.approval',
      // close-case records the decision, pays an approved plan out and closes or hands over in one Task; a rejected
      // plan is handed over (RouteClosing's default). Before: apply-decision, a Choice on it, pay-out, close-case.
      next: 'RouteClosing',
      applyWith: { step: 'close-case', payload: {}, resultPath: '$.closing' },
    }),
    RouteClosing: choice(
      [
        {
          And: [
            { Variable: '$.closing.value.next', StringEquals: 'closed' },
            { Variable: '$.closing.value.lift', IsPresent: true },
          ],
          Next: 'StartLifting',
        },
        equals('$.closing.value.next', 'closed', 'Closed'),
        equals('$.closing.value.next', 'disburse-again', 'StartNextDisbursement'),
        { Variable: '$.closing.value.coercion', IsPresent: true, Next: 'StartCoercion' },
        { Variable: '$.closing.value.disposal', IsPresent: true, Next: 'StartDisposal' },
        { Variable: '$.closing.value.closure', IsPresent: true, Next: 'StartClosure' },
      ],
      'HandedOver',
    ),
    StartLifting: handOver(MACHINE_KEYS.coercion, '$.closing.value.lift', 'Closed'),
    Closed: succeed('Closed: fully performed'),
    StartNextDisbursement: handOver(MACHINE_KEYS.disbursement, '$.closing.value.disbursement', 'ToNextDisbursement'),
    StartCoercion: handOver(MACHINE_KEYS.coercion, '$.closing.value.coercion', 'ToCoercion'),
    ToCoercion: succeed('Paid what came in; the rest needs coercive measures'),
    StartDisposal: handOver(MACHINE_KEYS.disposal, '$.closing.value.disposal', 'ToDisposal'),
    ToDisposal: succeed('Paid what came in; sealed property is still to be sold'),
    ToNextDisbursement: succeed(
      'Money came in after the plan was approved: another disbursement, with its own approval',
    ),
    StartClosure: handOver(MACHINE_KEYS.closure, '$.closing.value.closure', 'ToClosure'),
    ToClosure: succeed('Paid what came in; nothing is left to enforce: the final-round closure (终本) review'),
    HandedOver: succeed('Handed over in a named waiting status'),
    ...needsAttentionStates(),
  },
};
