/**
 * The disposal phase (A11, E1-E11): opened when a case waits for its sealed property to be sold, then advanced
 * answer by answer. What to do next is the domain's decision (planDisposal); this file records answers, creates the
 * requests and approvals the plan asks for, hands the case on, and tells the command center.
 */

import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { chinaDateOf, plusSeconds } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Bid, EnforcementCase, PricingMethod } from '#domain/case/model.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { handoverStatus, outstandingFen } from '#domain/control/plan.ts';
import { type DisposalAnswer, recordDisposalAnswer } from '#domain/disposal/outcomes.ts';
import { type DisposalWait, planDisposal } from '#domain/disposal/plan.ts';
import { executionName, parseExecutionName } from '#domain/ids.ts';
import { exitLiftNoticeOwed, withExitLift } from '#domain/measures/exit-ban.ts';
import type { DisposalRequestKind } from '#domain/partners/requests.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { type ApprovalRequestTerms, approvalRequestTerms } from './approvals.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { nextPhase } from './hand-over.ts';
import { liftingRun } from './performance.ts';
import { ensureRequest, type RequestSpec, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type DisposalDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts' | 'wakes'>;

/** The platforms a property is valued on by online inquiry (司法网络询价平台): each answers on its own. */
export const INQUIRY_PLATFORMS = ['inquiry-platform-1', 'inquiry-platform-2', 'inquiry-platform-3'] as const;

export type DisposalTerms =
  | { readonly next: 'request'; readonly requestId: string; readonly timeoutSeconds: number; readonly round: number }
  | {
      readonly next: 'approve';
      readonly requestId: '';
      readonly approval: ApprovalRequestTerms;
      readonly round: number;
    }
  | { readonly next: 'disburse'; readonly requestId: ''; readonly disbursement: string; readonly round: number }
  | {
      readonly next: 'handover';
      readonly requestId: '';
      readonly round: number;
      readonly coercion?: string;
      readonly disposal?: string;
    }
  | { readonly next: 'closed'; readonly requestId: ''; readonly round: number; readonly lift?: string };

function okAnswers(request: PartnerRequest) {
  return request.answers.filter((a) => !a.late && a.outcome === 'ok');
}

function parsed<K extends keyof typeof RESULT_SCHEMAS>(schema: K, result: unknown) {
  return RESULT_SCHEMAS[schema].safeParse(result).data as Record<string, unknown> | undefined;
}

/** What the answers to a settled request say, in the domain's terms; no answer is an answer too. */
export function disposalAnswer(request: PartnerRequest): DisposalAnswer {
  const kind = request.kind as DisposalRequestKind;
  const assetId = request.items[0]?.assetId ?? '';
  const round = Number(request.method?.replace('round-', '') ?? 0);
  switch (kind) {
    case 'pricing': {
      const results = okAnswers(request)
        .map((a) => parsed('pricing', a.result))
        .filter((r) => r !== undefined);
      return {
        kind,
        assetId,
        method: (request.method ?? 'appraisal') as PricingMethod,
        valuations: results.map((r) => r.valueFen as number),
        report: results.map((r) => r.report as string).join('；'),
      };
    }
    case 'auction': {
      const result = okAnswers(request)
        .map((a) => parsed('auction', a.result))
        .find((r) => r !== undefined);
      return {
        kind,
        assetId,
        round,
        ...(result
          ? {
              result: {
                outcome: result.outcome as 'sold' | 'failed',
                endedAt: result.endedAt as string,
                bids: result.bids as number,
                ...(typeof result.priceFen === 'number' ? { priceFen: result.priceFen } : {}),
                ...(typeof result.buyer === 'string' ? { buyer: result.buyer } : {}),
                ...(result.applicantBuyer === true ? { applicantBuyer: true } : {}),
                topBids: result.topBids as Bid[],
              },
            }
          : {}),
      };
    }
    case 'balance': {
      const paid = okAnswers(request)
        .map((a) => parsed('balance', a.result))
        .some((r) => r !== undefined && (r.paidFen as number) >= (request.items[0]?.amountFen ?? 0));
      return { kind, assetId, round, paid };
    }
    case 'in-lieu': {
      const answer = okAnswers(request)
        .map((a) => parsed('in-lieu', a.result))
        .find((r) => r !== undefined);
      return {
        kind,
        assetId,
        accepted: answer?.accepted === true,
        ...(typeof answer?.differencePaidFen === 'number' ? { differencePaidFen: answer.differencePaidFen } : {}),
      };
    }
    case 'fixed-price': {
      const answer = okAnswers(request)
        .map((a) => parsed('fixed-price', a.result))
        .find((r) => r !== undefined);
      return {
        kind,
        assetId,
        ...(answer?.sold === true && typeof answer.priceFen === 'number'
          ? { sold: { priceFen: answer.priceFen, buyer: typeof answer.buyer === 'string' ? answer.buyer : '' } }
          : {}),
      };
    }
  }
}

function requestSpec(
  state: EnforcementCase,
  wait: Extract<DisposalWait, { kind: DisposalRequestKind }>,
  deps: Pick<Deps, 'rules' | 'clock'>,
  round: number,
): RequestSpec {
  const { rules } = deps;
  const policy = rules.P_DISPOSAL;
  const asset = state.assets[wait.assetId];
  const reference = asset?.reference ?? wait.assetId;
  switch (wait.kind) {
    case 'pricing': {
      const valuers =
        wait.method === 'online-inquiry'
          ? INQUIRY_PLATFORMS
          : wait.method === 'appraisal'
            ? ['appraiser']
            : ['parties'];
      return {
        kind: 'pricing',
        round,
        tag: wait.assetId,
        method: wait.method,
        items: valuers.map((itemId) => ({ itemId, assetId: wait.assetId, reference })),
        period: wait.method === 'appraisal' ? policy.appraisalWait : policy.onlineInquiryWait,
      };
    }
    case 'auction': {
      const lot = state.disposal?.lots[wait.assetId];
      const held = lot?.rounds.find((r) => r.round === wait.round);
      if (!held) throw new Error(`lot ${wait.assetId} has no auction round ${wait.round}`);
      return {
        kind: 'auction',
        round,
        tag: wait.assetId,
        method: `round-${held.round}`,
        items: [
          {
            itemId: held.auctionId,
            assetId: wait.assetId,
            amountFen: held.startingPriceFen,
            reference,
            opensAt: held.startsAt,
            closesAt: held.endsAt,
          },
        ],
        // The platform reports the result after bidding closes; extensions move the close by minutes.
        period: { dueAt: plusSeconds(held.endsAt, policy.auctionResult.days * 86_400) },
      };
    }
    case 'balance':
      return {
        kind: 'balance',
        round,
        tag: wait.assetId,
        method: `round-${wait.round}`,
        items: [{ itemId: 'buyer', assetId: wait.assetId, amountFen: wait.amountFen, reference }],
        period: policy.balancePayment,
      };
    case 'in-lieu':
      return {
        kind: 'in-lieu',
        round,
        tag: wait.assetId,
        ...(wait.afterRound !== undefined ? { method: `after-round-${wait.afterRound}` } : {}),
        items: [
          {
            itemId: wait.applicantId,
            assetId: wait.assetId,
            amountFen: wait.valueFen,
            ...(wait.differenceFen > 0 ? { differenceFen: wait.differenceFen } : {}),
            reference,
          },
        ],
        period: policy.inLieuAnswer,
      };
    case 'fixed-price':
      return {
        kind: 'fixed-price',
        round,
        tag: wait.assetId,
        items: [{ itemId: 'fixed-price', assetId: wait.assetId, amountFen: wait.priceFen, reference }],
        period: { dueAt: wait.until },
      };
  }
}

/**
 * Records what the last request brought (when there was one), lets the domain plan, and prepares what comes next:
 * a request, the panel's approval, the hand-over to disbursement or to the phase the case needs, or the closure.
 */
export function advanceDisposal(deps: DisposalDeps) {
  return async (input: StepInput & { readonly requestId: string; readonly round: number }): Promise<DisposalTerms> => {
    const cause = { execution: input.execution, step: 'advance-disposal' };
    if (input.requestId) {
      const request = await settleRequest(deps, input.requestId);
      const { state, result: alerts } = await mutateCase(
        deps,
        input.caseId,
        SYSTEM,
        { ...cause, request: request.requestId },
        (s, now) => {
          if (s.disposal?.recorded.includes(request.requestId)) return { events: [], result: [] as readonly string[] };
          const recorded: CaseEvent = {
            type: 'disposal-answer-recorded',
            requestId: request.requestId,
            kind: request.kind,
            ...(request.status === 'superseded' ? { superseded: true as const } : {}),
          };
          if (request.status === 'superseded') return { events: [recorded], result: [] as readonly string[] };
          const outcome = recordDisposalAnswer(s, disposalAnswer(request), deps.rules, deps.calendar, now);
          return { events: [recorded, ...outcome.events], result: outcome.alerts };
        },
      );
      // A sale satisfied the claim: the measures running beside are woken (through settle) to be lifted now.
      if (outstandingFen(state) === 0 && state.coercion?.awaiting && state.coercion.outcome === undefined) {
        await deps.wakes.requestWake({ caseId: state.caseId, reason: '处置价款到账，执行标的已足额清偿' });
      }
      for (const message of alerts) {
        await deps.alerts.alert({
          kind: 'partner-overdue',
          caseId: state.caseId,
          court: state.court.code,
          at: deps.clock.now(),
          message: `${state.caseNumber}：${message}`,
        });
      }
    }
    const { state, result: next } = await mutateCase(deps, input.caseId, SYSTEM, cause, (s, now) => {
      const planned = planDisposal(s, deps.rules, deps.calendar, now);
      const events: CaseEvent[] = [...planned.events];
      const after = planned.next;
      if (after.kind === 'closed' && s.status === 'disposing') {
        const closing: CaseEvent[] = [
          { type: 'case-closed', way: 'fully-performed' },
          { type: 'status-changed', from: s.status, to: 'closed', reason: '以物抵债，执行完毕' },
        ];
        // M-EXIT-BAN: an exit restriction still in force is lifted with the closure.
        events.push(
          ...withExitLift(
            planned.events.reduce((c, event) => applyEvent(c, event, now), s),
            closing,
            now,
          ),
        );
      }
      if (
        (after.kind === 'handover' || after.kind === 'officer' || after.kind === 'held') &&
        s.status === 'disposing'
      ) {
        // Where the case goes is decided on the case as it is after this step's events.
        const projected = planned.events.reduce((c, event) => applyEvent(c, event, now), s);
        const to = after.kind === 'handover' ? handoverStatus(projected) : 'awaiting-officer';
        events.push({ type: 'status-changed', from: s.status, to, reason: after.reason });
      }
      return { events, result: after };
    });
    const round = input.round + 1;
    switch (next.kind) {
      case 'approve-terms':
        return {
          next: 'approve',
          requestId: '',
          approval: {
            ...approvalRequestTerms(deps, 'auction-terms'),
            occasion: `${next.assetId}-${next.stage}-${round}`,
          },
          round,
        };
      case 'disburse':
        return {
          next: 'disburse',
          requestId: '',
          disbursement: executionName(state.caseId, 'disbursement', (state.phaseRuns.disbursement ?? 0) + 1),
          round,
        };
      case 'closed':
        // M-EXIT-BAN: the lifting decided with the closure is sent to the exit-entry authority by settle.
        if (exitLiftNoticeOwed(state)) await deps.wakes.requestWake({ caseId: state.caseId, reason: '解除限制出境' });
        return {
          next: 'closed',
          requestId: '',
          round,
          ...liftingRun(state, deps.rules, chinaDateOf(deps.clock.now())),
        };
      case 'handover':
      case 'officer':
      case 'held':
        return { next: 'handover', requestId: '', round, ...nextPhase(state) };
      default: {
        const spec = requestSpec(state, next, deps, round);
        const terms = await ensureRequest(deps, state, input.execution, spec);
        await mutateCase(deps, input.caseId, SYSTEM, cause, (s) => ({
          events:
            s.disposal?.awaiting === terms.requestId ? [] : [{ type: 'disposal-awaiting', requestId: terms.requestId }],
          result: undefined,
        }));
        return { next: 'request', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round };
      }
    }
  };
}

/**
 * Opens the phase: the case was waiting for its property to be sold. If no coercive measures were taken yet, they
 * run beside the disposal (the restriction order, the list, a sanction when the respondent obstructs): the
 * returned `coercion` names that execution.
 */
export function openDisposal(deps: DisposalDeps) {
  const advance = advanceDisposal(deps);
  return async (input: StepInput): Promise<DisposalTerms & { readonly coercion?: string }> => {
    const { run } = parseExecutionName(input.execution);
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'open-disposal' },
      (s) => {
        if (s.phaseRuns.disposal === run) return { events: [], result: undefined };
        return {
          events: [
            { type: 'phase-started', phase: 'disposal', run, execution: input.execution },
            // A run started again (after a suspension or a referral not accepted) finds the case disposing already.
            ...(s.status === 'disposing'
              ? []
              : [
                  {
                    type: 'status-changed',
                    from: s.status,
                    to: 'disposing',
                    reason: '对查封财产进行处置变现',
                  } as const,
                ]),
          ],
          result: undefined,
        };
      },
    );
    const terms = await advance({ ...input, requestId: '', round: 0 });
    const coercion = state.phaseRuns.coercion === undefined ? executionName(state.caseId, 'coercion', 1) : undefined;
    return { ...terms, ...(coercion ? { coercion } : {}) };
  };
}
