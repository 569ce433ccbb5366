/**
 * The only function that may resume a waiting execution (it alone holds states:SendTask*). Its inputs:
 * - staff decisions through the staff API (API Gateway sends POST /tasks/{approvalId}/decision here, with the
 *   Cognito authorizer's claims);
 * - an operator's direct invocation naming a user of the staff directory: a decision on an approval, conduct an
 *   officer records, an early release the court orders; and a payment the case account's bank reports. Each may
 *   wake a waiting execution;
 * - partner answers arriving on the partner queue (SQS batches).
 */

import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { Logger } from '@aws-lambda-powertools/logger';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod/mini';
import '#contracts/zod-english.ts';
import { DecisionData, Reason } from '#contracts/decisions.ts';
import { issueLines } from '#contracts/issues.ts';
import { type MetricPoint, partnerLatency } from '#domain/metrics/case-metrics.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { orderEarlyRelease, recordConduct } from '#use-cases/coercion.ts';
import type { Deps } from '#use-cases/context.ts';
import { recordPayment } from '#use-cases/disbursement.ts';
import { issuingAfter } from '#use-cases/documents.ts';
import { UseCaseError } from '#use-cases/errors.ts';
import { dispatchMeasures } from '#use-cases/measure-dispatch.ts';
import { decideWithMeasures } from '#use-cases/measures.ts';
import { objectionJudgmentArrived } from '#use-cases/objections.ts';
import { answerPartner } from '#use-cases/partner-answers.ts';
import { wakeOnRequest } from '#use-cases/performance.ts';
import { applyForResumption } from '#use-cases/settlement.ts';
import { isApiGatewayEvent, NOT_SERVED_HERE, requestFrom, toApiGateway } from '../api/gateway.ts';
import { decisionHandlers } from '../api/handlers.ts';
import { createRouter } from '../api/router.ts';
import { SETTLE_ROUTES } from '../api/settle-routes.ts';
import { SETTLE_USES } from './uses.ts';

export { SETTLE_USES };

/** A string trimmed, then of at most `max` characters (and at least `min`). */
const trimmed = (min: number, max: number) =>
  min > 0
    ? z.string().check(z.trim(), z.minLength(min), z.maxLength(max))
    : z.string().check(z.trim(), z.maxLength(max));

export const DecisionRequest = z.object({
  kind: z.literal('decision'),
  approvalId: z.string().check(z.regex(/^a[a-z2-7]{11}$/, 'must be an approval id')),
  decision: z.enum(['approved', 'rejected']),
  userId: z.string().check(z.minLength(1), z.maxLength(60)),
  reason: z.optional(Reason),
  data: z.optional(DecisionData),
});

const caseId = z.string().check(z.regex(/^c[a-z2-7]{19}$/, 'must be a case id'));
const userId = z.string().check(z.minLength(1), z.maxLength(60));

export const ConductRequest = z.object({
  kind: z.literal('conduct'),
  caseId,
  userId,
  conduct: z.string().check(z.minLength(1), z.maxLength(40)),
  respondentId: z.optional(z.string().check(z.maxLength(40))),
  note: z.optional(trimmed(0, 1000)),
});
export const ReleaseRequest = z.object({
  kind: z.literal('early-release'),
  caseId,
  userId,
  reason: trimmed(1, 1000),
});
/** The applicant's application to resume after a breached settlement, recorded by the officer (执行和解规定 第九条). */
export const ResumptionApplication = z.object({
  kind: z.literal('resumption'),
  caseId,
  userId,
  note: z.optional(trimmed(0, 1000)),
});
/** The judgment of 执行异议之诉, as the trial division's system reports it (functions/use-cases/objections.ts). */
export const ObjectionJudgmentNotice = z.object({
  kind: z.literal('objection-judgment'),
  caseId,
  objectionId: z.string().check(z.regex(/^o[a-z2-7]{11}$/, 'must be an objection id')),
  for: z.enum(['third-party', 'applicant']),
  reference: trimmed(1, 100),
});
export const PaymentNotice = z.object({
  kind: z.literal('payment'),
  caseId,
  amountFen: z.int().check(z.minimum(1), z.maximum(Number.MAX_SAFE_INTEGER)),
  reference: trimmed(1, 100),
});

/** A step that satisfied the claim asks settle to wake what waits on the case (see ports/wakes.ts). */
export const WakeMessage = z.object({
  wake: z.object({ caseId, reason: z.string().check(z.maxLength(200)) }),
});

export const SettleCommand = z.discriminatedUnion('kind', [
  DecisionRequest,
  ConductRequest,
  ReleaseRequest,
  ResumptionApplication,
  PaymentNotice,
  ObjectionJudgmentNotice,
]);
export type SettleCommand = z.infer<typeof SettleCommand>;

function isSqsEvent(event: unknown): event is SQSEvent {
  return typeof event === 'object' && event !== null && Array.isArray((event as SQSEvent).Records);
}

export function createSettleHandler(
  deps: Pick<Deps, (typeof SETTLE_USES)[number]>,
  logger = new Logger({ serviceName: 'enforcement', persistentKeys: { function: 'settle' } }),
  /** Where business metrics go (partner latency): Powertools Metrics on AWS, nowhere locally. */
  recordPoints: (points: readonly MetricPoint[]) => void = () => {},
) {
  const decide = decideWithMeasures(deps);
  const answer = answerPartner(deps);
  const route = createRouter(decisionHandlers(deps), logger);
  /** An operator's invocation names a user: the staff directory says who that is (inactive: nobody). */
  const identityOf = async (userId: string): Promise<Identity | undefined> => {
    const member = await deps.staff.member(userId);
    return member?.active ? { userId: member.userId, roles: member.roles, court: member.court } : undefined;
  };
  const wake = wakeOnRequest(deps);
  const dispatch = dispatchMeasures(deps);
  const conduct = recordConduct(deps);
  // The 提前解除拘留决定书 is issued with the order (the detention term's wait may already be over).
  const release = issuingAfter(deps, orderEarlyRelease(deps));
  const pay = recordPayment(deps);
  const resume = applyForResumption(deps);
  const judgment = objectionJudgmentArrived(deps);
  const run = async (command: SettleCommand): Promise<Record<string, unknown>> => {
    switch (command.kind) {
      case 'decision': {
        const { userId, kind: _kind, ...decision } = command;
        return decide({ ...decision, identity: await identityOf(userId) });
      }
      case 'conduct':
        return conduct({ ...command, kind: command.conduct });
      case 'early-release':
        return release(command);
      case 'payment':
        return pay(command);
      case 'resumption':
        return resume(command);
      case 'objection-judgment': {
        const { kind: _kind, ...notice } = command;
        return judgment(notice);
      }
    }
  };
  const processor = new BatchProcessor(EventType.SQS);
  /** One message of the partner queue: a wake request, or a partner's answer. Throws only what a retry may fix. */
  const handleRecord = async (record: SQSRecord): Promise<void> => {
    try {
      const body: unknown = JSON.parse(record.body);
      const wakeRequest = WakeMessage.safeParse(body);
      if (wakeRequest.success) {
        const result = await wake(wakeRequest.data.wake);
        // The measures owe something too when a case closes (an exit restriction's lifting to notify).
        await dispatch(wakeRequest.data.wake.caseId);
        logger.info('wake request handled', { caseId: wakeRequest.data.wake.caseId, woken: result.woken });
        return;
      }
      const result = await answer(body);
      logger.info('partner answer recorded', { requestId: result.requestId, resumed: result.resumed });
      const latency = partnerLatency(result.kind, result.sentAt, result.answeredAt);
      if (latency) recordPoints([latency]);
    } catch (error) {
      if (!(error instanceof UseCaseError || error instanceof SyntaxError)) throw error;
      // A malformed or unknown answer is dropped with a log line; retrying cannot fix it. A JSON parse error
      // quotes the input, which may hold personal data: log a fixed reason for it.
      const reason = error instanceof UseCaseError ? error.message : 'the message body is not JSON';
      logger.warn('partner answer refused', { messageId: record.messageId, reason });
    }
  };
  const handler = middy()
    .use(injectLambdaContext(logger, { logEvent: false, resetKeys: true }))
    .handler(async (event: unknown, context: Context): Promise<unknown> => {
      if (isApiGatewayEvent(event)) {
        const request = requestFrom(event, SETTLE_ROUTES);
        return request ? toApiGateway(await route(request)) : NOT_SERVED_HERE;
      }
      if (isSqsEvent(event)) {
        // Powertools Batch: one record at a time (answers to one request must not race); a record whose handler
        // throws is reported back to SQS for redelivery (batchItemFailures), the others are deleted. A batch that
        // fails whole is reported the same way rather than thrown.
        return processPartialResponse(event, handleRecord, processor, {
          context,
          throwOnFullBatchFailure: false,
          processInParallel: false,
        });
      }
      const parsed = SettleCommand.safeParse(event);
      if (!parsed.success) {
        return {
          ok: false,
          status: 400,
          message: issueLines(parsed.error).join('; '),
        };
      }
      try {
        const result = await run(parsed.data);
        logger.info('command applied', { kind: parsed.data.kind });
        return { ok: true, ...result };
      } catch (error) {
        if (error instanceof UseCaseError) {
          logger.warn('command refused', { kind: parsed.data.kind, code: error.code });
          return { ok: false, status: error.status, code: error.code, message: error.message };
        }
        throw error;
      }
    });
  return handler as unknown as (event: unknown, context: Context) => Promise<unknown>;
}
