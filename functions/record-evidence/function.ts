/**
 * The EventBridge target of the evidence bucket's Object Created events: the object under
 * `cases/<case>/evidence/<evidence>` is checked against its declared upload and recorded on the case. An object
 * that does not match is not recorded (a log line says why; retrying cannot change the bytes); a transient
 * failure is thrown, so EventBridge retries and finally sends the event to the dead-letter queue.
 *
 * Also the target of the alert bus's `CaseClosed` events: every kept object of the closed case is tagged, and the
 * bucket's lifecycle moves it to Instant Retrieval, later to Deep Archive (P-EVIDENCE-STORAGE).
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import * as z from 'zod/mini';
import '#contracts/zod-english.ts';
import { parseEvidenceKey } from '#domain/evidence/objects.ts';
import type { Deps } from '#use-cases/context.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import { recordEvidence } from '#use-cases/evidence.ts';
import { markClosedCaseEvidence } from '#use-cases/evidence-tiers.ts';
import { RECORD_EVIDENCE_USES } from './uses.ts';

export { RECORD_EVIDENCE_USES };

/** The parts of S3's "Object Created" EventBridge event that matter here. */
export const ObjectCreatedEvent = z.object({
  source: z.literal('aws.s3'),
  'detail-type': z.literal('Object Created'),
  detail: z.object({
    bucket: z.object({ name: z.string() }),
    object: z.object({ key: z.string(), size: z.optional(z.number()), 'version-id': z.optional(z.string()) }),
  }),
});

/** A case closed (functions/adapters/aws/messaging.ts EventBridgeCaseClosures): ids only. */
export const CaseClosedEvent = z.object({
  source: z.literal('court.enforcement'),
  'detail-type': z.literal('CaseClosed'),
  detail: z.object({ caseId: z.string().check(z.regex(/^c[a-z2-7]{19}$/)) }),
});

export type RecordEvidenceResult =
  | { readonly outcome: 'recorded' | 'already-recorded' | 'not-declared' | 'ignored'; readonly key?: string }
  | { readonly outcome: 'tagged'; readonly caseId: string; readonly objects: number }
  | { readonly outcome: 'refused'; readonly key: string; readonly reason: string };

export function createRecordEvidenceHandler(
  deps: Pick<Deps, (typeof RECORD_EVIDENCE_USES)[number]>,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'record-evidence' } }),
): (event: unknown, context: Context) => Promise<RecordEvidenceResult> {
  const record = recordEvidence(deps);
  const tagClosed = markClosedCaseEvidence(deps);
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: unknown): Promise<RecordEvidenceResult> => {
      const closed = CaseClosedEvent.safeParse(event);
      if (closed.success) {
        const { caseId } = closed.data.detail;
        try {
          const { marked } = await tagClosed(caseId);
          logger.info('closed case evidence tagged', { caseId, objects: marked });
          return { outcome: 'tagged', caseId, objects: marked };
        } catch (error) {
          if (!(error instanceof UseCaseError)) throw error;
          logger.warn('closed case evidence not tagged', { caseId, code: error.code });
          return { outcome: 'ignored' };
        }
      }
      const parsed = ObjectCreatedEvent.safeParse(event);
      if (!parsed.success) {
        logger.warn('not an Object Created event', { issues: parsed.error.issues.map((i) => i.path.join('.')) });
        return { outcome: 'ignored' };
      }
      // S3 event keys are URL-encoded (spaces as '+').
      const key = decodeURIComponent(parsed.data.detail.object.key.replace(/\+/g, ' '));
      const ids = parseEvidenceKey(key);
      if (!ids) {
        logger.warn('object outside the evidence layout', { key });
        return { outcome: 'ignored', key };
      }
      const versionId = parsed.data.detail.object['version-id'];
      try {
        const outcome = await record({ ...ids, ...(versionId ? { versionId } : {}) });
        if (outcome.outcome === 'not-declared') logger.warn('object without a declared upload', { key });
        else
          logger.info('evidence recorded', {
            caseId: ids.caseId,
            evidenceId: ids.evidenceId,
            outcome: outcome.outcome,
          });
        return { outcome: outcome.outcome, key };
      } catch (error) {
        if (!(error instanceof UseCaseError)) throw error;
        logger.warn('evidence refused', { caseId: ids.caseId, evidenceId: ids.evidenceId, code: error.code });
        return { outcome: 'refused', key, reason: error.message };
      }
    });
  return handler as unknown as (event: unknown, context: Context) => Promise<RecordEvidenceResult>;
}
