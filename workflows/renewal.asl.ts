/**
 * The seizure-renewal watch (B1, B2, P-RENEWAL): one short execution of a chain. It plans, waits for the next date
 * that matters (a renewal to send, a retry, an escalation, an expiry), sends the renewals due through the partner
 * network and records the answers. After P-RENEWAL's watch span (or its loop bound) it starts the next execution
 * of the chain; with nothing held any more, the watch ends.
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
  waitUntil,
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/**
 * Passes through the loop within one execution: for each of a few seizures due in one span a wait and a request
 * per attempt, an escalation wake and an expiry wake. Reaching it is harmless: the next execution carries on.
 */
export const MAX_RENEWAL_ROUNDS = 4 * (2 * RULES.P_RENEWAL.attempts + 2);

const within = withinRounds('$.renewal', MAX_RENEWAL_ROUNDS);

export const renewalDefinition: Definition = {
  Comment: 'Enforcement case: seizure renewals before expiry, escalated before any lapse (B1, B2, H1)',
  StartAt: 'OpenRenewal',
  States: {
    OpenRenewal: invoke('open-renewal', { resultPath: '$.renewal', next: 'RouteRenewal' }),
    RouteRenewal: choice(
      [
        within('wait', 'WaitForRenewalDay'),
        within('renew', 'AwaitRenewal'),
        equals('$.renewal.value.next', 'done', 'WatchEnded'),
      ],
      'StartNextRenewal',
      'Wait, renew, end, or hand over to the next execution (span or loop bound reached)',
    ),
    WaitForRenewalDay: waitUntil(
      '$.renewal.value.until',
      'AdvanceRenewal',
      'Until the next renewal, retry, escalation or expiry date, never beyond the watch span',
    ),
    AwaitRenewal: waitFor('dispatch-request', {
      comment: 'The bank, registry or entrusted court renews the freeze or seal, or refuses; silence times out',
      payload: { 'requestId.$': '$.renewal.value.requestId' },
      timeoutSecondsPath: '$.renewal.value.timeoutSeconds',
      onTimeout: 'AdvanceRenewal',
      resultPath: null,
      next: 'AdvanceRenewal',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceRenewal' }],
    }),
    AdvanceRenewal: invoke('advance-renewal', {
      payload: { 'requestId.$': '$.renewal.value.requestId', 'round.$': '$.renewal.value.round' },
      resultPath: '$.renewal',
      next: 'RouteRenewal',
    }),
    StartNextRenewal: handOver(MACHINE_KEYS.renewal, '$.renewal.value.chain', 'HandedOn'),
    HandedOn: succeed('The next execution of the watch carries on'),
    WatchEnded: succeed('Nothing is held any more: the watch ends (a new seizure starts it again)'),
    ...needsAttentionStates(),
  },
};
