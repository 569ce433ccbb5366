/**
 * G3: the re-query after 终本, one query per execution of a chain: wait for the day (every 6 months from the
 * closure, at most 6 months), query every channel, record; disposable assets found mean the filing system is asked
 * for a resumed case. Then the next execution; after 5 years, or once resumption is asked, the watch ends. Two queries
 * that found nothing remove a listing without a term (C6, 第十条第一款第四项): a short coercion run does it.
 */
import {
  choice,
  type Definition,
  equals,
  handOver,
  invoke,
  needsAttentionStates,
  startPhase,
  succeed,
  waitFor,
  waitUntil,
  withinRounds,
} from './asl.ts';
import { ERRORS } from './errors.ts';
import { MACHINE_KEYS } from './steps.ts';

/** Open, wait, query, record: an execution passes the loop at most this many times. */
export const MAX_REQUERY_ROUNDS = 4;

const within = withinRounds('$.requery', MAX_REQUERY_ROUNDS);

export const requeryDefinition: Definition = {
  Comment: 'Enforcement case after 终本: network re-query every 6 months for 5 years; resumption on assets found (G3)',
  StartAt: 'OpenRequery',
  States: {
    OpenRequery: invoke('open-requery', { resultPath: '$.requery', next: 'RouteRequery' }),
    RouteRequery: choice(
      [
        within('wait', 'WaitForQueryDay'),
        within('query', 'AwaitRequery'),
        equals('$.requery.value.next', 'done', 'RequeryEnded'),
        {
          And: [
            { Variable: '$.requery.value.next', StringEquals: 'chain' },
            { Variable: '$.requery.value.lift', IsPresent: true },
          ],
          Next: 'StartLifting',
        },
      ],
      'StartNextRequery',
      'Wait for the day, query, end, or hand over to the next execution',
    ),
    WaitForQueryDay: waitUntil(
      '$.requery.value.until',
      'AdvanceRequery',
      'Until the next query day (at most 6 months)',
    ),
    AwaitRequery: waitFor('dispatch-request', {
      comment: 'Every bank and registry answers on its own; silence past the wait is recorded',
      payload: { 'requestId.$': '$.requery.value.requestId' },
      timeoutSecondsPath: '$.requery.value.timeoutSeconds',
      onTimeout: 'AdvanceRequery',
      resultPath: null,
      next: 'AdvanceRequery',
      catches: [{ ErrorEquals: [ERRORS.partnerRequestSettled], ResultPath: null, Next: 'AdvanceRequery' }],
    }),
    AdvanceRequery: invoke('advance-requery', {
      payload: {
        'requestId.$': '$.requery.value.requestId',
        'round.$': '$.requery.value.round',
        'query.$': '$.requery.value.query',
      },
      resultPath: '$.requery',
      next: 'RouteRequery',
    }),
    StartLifting: startPhase(MACHINE_KEYS.coercion, '$.requery.value.lift', 'StartNextRequery'),
    StartNextRequery: handOver(MACHINE_KEYS.requery, '$.requery.value.chain', 'HandedOn'),
    HandedOn: succeed('The next execution makes the next query'),
    RequeryEnded: succeed('Five years passed, or resumption was asked for: the watch ends'),
    ...needsAttentionStates(),
  },
};
