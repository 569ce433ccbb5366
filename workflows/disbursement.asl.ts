/** Disbursement and closure: the plan, its approval by amount (F2), payment within F1, closure (G1). */
import { approvalStates } from './approval.asl.ts';
import { choice, type Definition, invoke, needsAttentionStates, succeed } from './asl.ts';

export const disbursementDefinition: Definition = {
  Comment: 'Enforcement case: disbursement of money received, closure as fully performed (F1, F2, G1)',
  StartAt: 'OpenDisbursement',
  States: {
    OpenDisbursement: invoke('open-disbursement', { resultPath: '$.opened', next: 'AwaitDisbursementApproval' }),
    ...approvalStates({
      name: 'Disbursement',
      step: 'disbursement',
      termsPath: '$.opened.value.approval',
      onApproved: 'PayOut',
      onRejected: 'HandedOver',
    }),
    PayOut: invoke('pay-out', { resultPath: null, next: 'CloseCase' }),
    CloseCase: invoke('close-case', { resultPath: '$.closing', next: 'RouteClosing' }),
    RouteClosing: choice([{ Variable: '$.closing.value.closed', BooleanEquals: true, Next: 'Closed' }], 'HandedOver'),
    Closed: succeed('Closed: fully performed'),
    HandedOver: succeed('Handed over in a named waiting status'),
    ...needsAttentionStates(),
  },
};
