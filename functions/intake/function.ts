/**
 * The EventBridge target for filing events and preservation rulings. Powertools idempotency keyed on the event id absorbs EventBridge's
 * at-least-once delivery (and concurrent duplicates); the use case itself converges duplicates by case number.
 */

import type { JSONValue } from '@aws-lambda-powertools/commons/types';
import { IdempotencyConfig } from '@aws-lambda-powertools/idempotency';
import { makeHandlerIdempotent } from '@aws-lambda-powertools/idempotency/middleware';
import type { BasePersistenceLayer } from '@aws-lambda-powertools/idempotency/persistence';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { isPartyChangeEnvelope } from '#contracts/party-change-event.ts';
import { isPreservationEnvelope } from '#contracts/preservation-event.ts';
import type { Deps } from '#use-cases/context.ts';
import { type IntakeOutcome, intakeCase } from '#use-cases/intake-case.ts';
import { intakePartyChange, type PartyChangeOutcome } from '#use-cases/party-changes.ts';
import { intakePreservation, type PreservationOutcome } from '#use-cases/preservations.ts';
import { INTAKE_USES } from './uses.ts';

export { INTAKE_USES };

/** Idempotency records live for the whole EventBridge retry window (24 h) and then some. */
const IDEMPOTENCY_WINDOW_SECONDS = 48 * 60 * 60;

/**
 * The same event delivered again (same event id) is answered from the idempotency record: a duplicate filing, not
 * a second `created`, so that whoever sent it is told nothing new was filed.
 */
export function replayedAsDuplicate(response: JSONValue): JSONValue {
  const first = response as Partial<IntakeOutcome> | null;
  if (first && typeof first === 'object' && first.outcome === 'created')
    return { outcome: 'duplicate', caseId: first.caseId, caseNumber: first.caseNumber, restarted: false };
  return response;
}

export function createIntakeHandler(
  deps: Pick<Deps, (typeof INTAKE_USES)[number]>,
  persistenceStore: BasePersistenceLayer,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'intake' } }),
): (event: unknown, context: Context) => Promise<IntakeOutcome | PreservationOutcome | PartyChangeOutcome> {
  const intake = intakeCase(deps);
  const preservation = intakePreservation(deps);
  const partyChange = intakePartyChange(deps);
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .use(
      makeHandlerIdempotent({
        persistenceStore,
        config: new IdempotencyConfig({
          eventKeyJmesPath: 'id',
          expiresAfterSeconds: IDEMPOTENCY_WINDOW_SECONDS,
          responseHook: replayedAsDuplicate,
        }),
      }),
    )
    .handler(async (event: unknown) => {
      // One bus: the filing system's cases and party-change applications, the preservation center's rulings.
      const outcome = isPreservationEnvelope(event)
        ? await preservation(event)
        : isPartyChangeEnvelope(event)
          ? await partyChange(event)
          : await intake(event);
      if (outcome.outcome === 'rejected') {
        logger.warn('intake event rejected', { eventId: outcome.eventId, reasons: outcome.reasons });
      } else {
        logger.info('intake event accepted', {
          ...('caseId' in outcome ? { caseId: outcome.caseId } : {}),
          ...('preservationId' in outcome ? { preservationId: outcome.preservationId } : {}),
          outcome: outcome.outcome,
        });
      }
      return outcome;
    });
  return handler as unknown as (
    event: unknown,
    context: Context,
  ) => Promise<IntakeOutcome | PreservationOutcome | PartyChangeOutcome>;
}
