/**
 * Settlement (执行和解, G1): enforcement stops while the agreement is performed. Each installment is awaited until
 * its date and P-SETTLEMENT's grace (a payment on the case account wakes the wait); performed in full, the money
 * goes out through disbursement, which closes the case as performed; a breach resumes enforcement (disbursement of
 * what came in first, or coercive measures at once).
 */
import { RULES } from '#domain/rules/table.ts';
import {
  choice,
  type Definition,
  equals,
  handOver,
  invoke,
  needsAttentionStates,
  succeed,
  waitFor,
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/** Each installment may be woken a few times (part payments) before it is met; beyond, the next execution goes on. */
export const MAX_SETTLEMENT_ROUNDS = 3 * RULES.P_SETTLEMENT.maxInstallments + 2;

const within = withinRounds('$.settlement', MAX_SETTLEMENT_ROUNDS);

export const settlementDefinition: Definition = {
  Comment: 'Enforcement case: a settlement agreement performed installment by installment, or breached (G1)',
  StartAt: 'OpenSettlement',
  States: {
    OpenSettlement: invoke('open-settlement', { resultPath: '$.settlement', next: 'RouteSettlement' }),
    RouteSettlement: choice(
      [
        within('await', 'AwaitInstallment'),
        { Variable: '$.settlement.value.disbursement', IsPresent: true, Next: 'StartDisbursement' },
        { Variable: '$.settlement.value.coercion', IsPresent: true, Next: 'StartCoercion' },
        equals('$.settlement.value.next', 'ended', 'SettlementEnded'),
      ],
      'StartNextSettlement',
      'Await the next installment, pay out, resume enforcement, or hand over to the next execution',
    ),
    AwaitInstallment: waitFor('dispatch-request', {
      comment: 'Until the installment is paid (the case account wakes it) or its date and grace pass',
      payload: { 'requestId.$': '$.settlement.value.requestId' },
      timeoutSecondsPath: '$.settlement.value.timeoutSeconds',
      onTimeout: 'AdvanceSettlement',
      resultPath: null,
      next: 'AdvanceSettlement',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceSettlement' }],
    }),
    AdvanceSettlement: invoke('advance-settlement', {
      payload: { 'requestId.$': '$.settlement.value.requestId', 'round.$': '$.settlement.value.round' },
      resultPath: '$.settlement',
      next: 'RouteSettlement',
    }),
    StartDisbursement: handOver(MACHINE_KEYS.disbursement, '$.settlement.value.disbursement', 'ToDisbursement'),
    ToDisbursement: succeed('Performed in full (or breached with money in): the disbursement phase pays it out'),
    StartCoercion: handOver(MACHINE_KEYS.coercion, '$.settlement.value.coercion', 'EnforcementResumed'),
    EnforcementResumed: succeed('Breached: enforcement of the judgment resumes with coercive measures'),
    StartNextSettlement: handOver(MACHINE_KEYS.settlement, '$.settlement.value.chain', 'HandedOn'),
    HandedOn: succeed('The next execution watches the rest of the agreement'),
    SettlementEnded: succeed('No settlement to watch'),
    ...needsAttentionStates(),
  },
};
