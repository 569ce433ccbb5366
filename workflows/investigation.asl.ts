/**
 * Investigation and control: network inquiry of banks and registries (answers arrive asynchronously and in
 * part), the control plan and the team lead's approval, then freeze/seal, entrust, deduct, each a request to an
 * outside party, and finally disbursement or a named hand-over to the phase the case needs.
 */
import { RULES } from '#domain/rules/table.ts';
import { approvalStates } from './approval.asl.ts';
import {
  type ChoiceState,
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
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/**
 * Passes through the control loop: freeze, entrust, deduct once each, plus one extra wait per entrustment
 * escalation (rule table P-PARTNER-WAITS), plus the final pass that assesses.
 */
export const MAX_CONTROL_ROUNDS = 3 + RULES.P_PARTNER_WAITS.entrustmentEscalations + 1;

/**
 * Where the control step that finished control put its coverage assessment (`assessed`): it assesses in the same
 * invocation (before, an AssessCoverage Task came after it).
 */
const COVERAGE = '$.control.value.coverage';

/** Where the case goes once coverage is assessed: money came in, measures, or sealed property to sell. */
const COVERAGE_ROUTES: ChoiceState['Choices'] = [
  equals(`${COVERAGE}.next`, 'disburse', 'StartDisbursement'),
  { Variable: `${COVERAGE}.coercion`, IsPresent: true, Next: 'StartCoercion' },
  { Variable: `${COVERAGE}.disposal`, IsPresent: true, Next: 'StartDisposal' },
];

/** The control steps assess the coverage themselves once control is done. */
const ASSESS = { assess: true } as const;

export const investigationDefinition: Definition = {
  Comment: 'Enforcement case: network inquiry, control plan and approval, freeze, entrust, deduct (A8, A10, B1, H1)',
  StartAt: 'OpenInvestigation',
  States: {
    OpenInvestigation: invoke('open-investigation', { resultPath: '$.opened', next: 'AwaitInquiry' }),
    AwaitInquiry: waitFor('dispatch-request', {
      comment: 'Each bank and registry answers on its own; silence past the wait is recorded',
      payload: { 'requestId.$': '$.opened.value.inquiry.requestId' },
      timeoutSecondsPath: '$.opened.value.inquiry.timeoutSeconds',
      onTimeout: 'PlanControl',
      resultPath: null,
      next: 'PlanControl',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'PlanControl' }],
    }),
    // plan-control records the inquiry's answers (or its silence) and plans in one Task (before: record-inquiry first).
    PlanControl: invoke('plan-control', {
      payload: { 'requestId.$': '$.opened.value.inquiry.requestId' },
      resultPath: '$.plan',
      next: 'RoutePlan',
    }),
    RoutePlan: choice(
      [
        equals('$.plan.value.outcome', 'control', 'AwaitControlApproval'),
        // A run continuing control a suspension stopped (中止执行 lifted): the plan stands approved.
        equals('$.plan.value.outcome', 'approved', 'ExecuteControl'),
        equals('$.plan.value.outcome', 'covered', 'StartDisbursementFromPlan'),
        { Variable: '$.plan.value.coercion', IsPresent: true, Next: 'StartCoercionFromPlan' },
      ],
      'HandedOver',
      'Paid already (voluntary performance), something to control, or nothing found',
    ),
    ...approvalStates({
      name: 'Control',
      step: 'control-plan',
      termsPath: '$.plan.value.approval',
      // execute-control records the decision and carries out an approved plan in one Task; a rejected plan is handed
      // back (RouteControl). Before: apply-decision, a Choice on the decision, execute-control.
      next: 'RouteControl',
      applyWith: { step: 'execute-control', payload: ASSESS, resultPath: '$.control' },
    }),
    ExecuteControl: invoke('execute-control', { payload: ASSESS, resultPath: '$.control', next: 'RouteControl' }),
    RouteControl: choice(
      [
        equals('$.control.value.next', 'assessed', 'WatchSeizures'),
        equals('$.control.value.next', 'handed-over', 'HandedOver'),
        { Variable: '$.control.value.round', NumericLessThanEquals: MAX_CONTROL_ROUNDS, Next: 'AwaitControlRequest' },
      ],
      'ControlLoopExhausted',
      'Next control action (freeze, entrust, deduct), the coverage assessed, or the plan rejected',
    ),
    ControlLoopExhausted: park(ERRORS.loopBoundReached, 'More control rounds than freeze, entrust and deduct can need'),
    AwaitControlRequest: waitFor('dispatch-request', {
      comment: 'Freeze and deduction orders over the network; entrustment to the court where property lies',
      payload: { 'requestId.$': '$.control.value.requestId' },
      timeoutSecondsPath: '$.control.value.timeoutSeconds',
      onTimeout: 'RecordControl',
      resultPath: null,
      next: 'RecordControl',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'RecordControl' }],
    }),
    RecordControl: invoke('record-control', {
      payload: { 'requestId.$': '$.control.value.requestId', 'round.$': '$.control.value.round', ...ASSESS },
      resultPath: '$.control',
      next: 'RouteControl',
    }),
    // With nothing held to watch, the first Choice already routes: one Choice entered, not two.
    WatchSeizures: choice(
      [{ Variable: `${COVERAGE}.renewal`, IsPresent: true, Next: 'StartRenewalWatch' }, ...COVERAGE_ROUTES],
      'HandedOver',
      'What control left held is watched for renewal (B1, B2) from now on; then where the case goes',
    ),
    StartRenewalWatch: startPhase(MACHINE_KEYS.renewal, `${COVERAGE}.renewal`, 'RouteCoverage'),
    RouteCoverage: choice(COVERAGE_ROUTES, 'HandedOver'),
    // Each hand-over reads the next phase's terms where the step before put them: no Pass state copies them first.
    // Sealed property to turn into money.
    StartDisposal: handOver(MACHINE_KEYS.disposal, `${COVERAGE}.disposal`, 'ToDisposal'),
    ToDisposal: succeed('Disposal phase started'),
    // Nothing to control.
    StartCoercionFromPlan: handOver(MACHINE_KEYS.coercion, '$.plan.value.coercion', 'ToCoercion'),
    // Control did not cover the claim.
    StartCoercion: handOver(MACHINE_KEYS.coercion, `${COVERAGE}.coercion`, 'ToCoercion'),
    ToCoercion: succeed('Coercive measures phase started'),
    // Money already covers the claim (paid after the notice).
    StartDisbursementFromPlan: handOver(MACHINE_KEYS.disbursement, '$.plan.value.disbursement', 'ToDisbursement'),
    // Money came in.
    StartDisbursement: handOver(MACHINE_KEYS.disbursement, `${COVERAGE}.disbursement`, 'ToDisbursement'),
    ToDisbursement: succeed('Disbursement phase started'),
    HandedOver: succeed('Handed over in a named waiting status (back to the officer)'),
    ...needsAttentionStates(),
  },
};
