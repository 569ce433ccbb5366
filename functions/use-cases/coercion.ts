/**
 * The coercion phase (C1-C6, D1-D5): opened when a case waits for coercive measures, then advanced answer by
 * answer. What to do next is the domain's decision (planCoercion); this file records answers, creates the
 * requests and approvals the plan asks for, and tells the command center.
 */

import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { actionRefusal } from '#domain/approvals/authority.ts';
import { chinaDateOf, endOfChinaDay, plusSeconds } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { CONDUCT_KINDS, type ConductKind, type EnforcementCase } from '#domain/case/model.ts';
import { type CoercionAnswer, recordCoercionAnswer } from '#domain/coercion/outcomes.ts';
import { type CoercionWait, planCoercion } from '#domain/coercion/plan.ts';
import { publicationDocuments } from '#domain/documents/service-documents.ts';
import { derivedId, executionName, parseExecutionName, requestIdFor } from '#domain/ids.ts';
import type { CoercionRequestKind } from '#domain/partners/requests.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type ApprovalRequestTerms, approvalRequestTerms } from './approvals.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { issuePhaseDocuments } from './documents.ts';
import { caseNotFound, forbidden, invalid, unauthenticated } from './errors.ts';
import { nextPhase } from './hand-over.ts';
import { ensureRequest, type RequestSpec, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type CoercionDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts'> &
  Partial<Pick<Deps, 'staff' | 'issuing'>>;

export type CoercionTerms =
  | { readonly next: 'request'; readonly requestId: string; readonly timeoutSeconds: number; readonly round: number }
  | {
      /** `approve`: the fine or detention (C1, C2); `approve-credit`: the restriction order and listing (C4, C6). */
      readonly next: 'approve' | 'approve-credit';
      readonly requestId: '';
      readonly approval: ApprovalRequestTerms;
      readonly round: number;
    }
  | { readonly next: 'disburse'; readonly requestId: ''; readonly disbursement: string; readonly round: number }
  | { readonly next: 'exhausted'; readonly requestId: ''; readonly round: number; readonly closure?: string }
  /** The measures ran beside another phase and have nothing more to do: that phase goes on with the case. */
  | { readonly next: 'beside'; readonly requestId: ''; readonly round: number };

/** The 终本 review that takes over a case whose measures ran out (see ./hand-over.ts). */
function closurePhase(state: EnforcementCase): { closure?: string } {
  const { closure } = nextPhase(state);
  return closure ? { closure } : {};
}

/** Requests staff or the case account answer: one per case, so that they can be found without the execution. */
export function caseRequestId(caseId: string, kind: 'detention-term' | 'performance-watch', round = 1): string {
  return requestIdFor(caseId, kind, round);
}

function firstAnswer(request: PartnerRequest, itemId?: string) {
  return request.answers.find((a) => !a.late && (itemId === undefined || a.itemId === itemId) && a.outcome === 'ok');
}

/** What the answers to a settled request say, in the domain's terms; no answer is an answer too. */
export function coercionAnswer(request: PartnerRequest): CoercionAnswer {
  const kind = request.kind as CoercionRequestKind;
  const answer = firstAnswer(request);
  const parsed = <K extends keyof typeof RESULT_SCHEMAS>(schema: K) =>
    answer ? (RESULT_SCHEMAS[schema].safeParse(answer.result).data as Record<string, unknown> | undefined) : undefined;
  switch (kind) {
    case 'credit-publish':
      return {
        kind,
        what: request.method as Extract<CoercionAnswer, { kind: 'credit-publish' }>['what'],
        acknowledged: request.answers.filter((a) => !a.late && a.outcome === 'ok').map((a) => a.itemId),
      };
    case 'sanction-service':
      return { kind, delivered: answer !== undefined };
    case 'custody':
      return { kind, confirmed: parsed('custody') !== undefined };
    case 'family-notice':
      return { kind, notified: parsed('family-notice') !== undefined };
    case 'review-request':
      return { kind, requested: parsed('review-request') !== undefined };
    case 'review-decision': {
      const outcome = parsed('review-decision')?.outcome as 'upheld' | 'revoked' | undefined;
      return { kind, outcome: outcome ?? 'undecided' };
    }
    case 'detention-term':
      return { kind, early: parsed('detention-term') !== undefined };
    case 'police-referral': {
      const result = parsed('police-referral');
      const outcome = (result?.outcome as 'opened' | 'complex' | 'refused' | undefined) ?? 'silent';
      return { kind, outcome, ...(typeof result?.reasons === 'string' ? { reasons: result.reasons } : {}) };
    }
    case 'procuratorate': {
      const result = parsed('procuratorate');
      const outcome =
        (result?.outcome as 'explanation-requested' | 'ordered' | 'opened' | 'refusal-upheld' | undefined) ?? 'silent';
      return { kind, outcome, ...(typeof result?.reasons === 'string' ? { reasons: result.reasons } : {}) };
    }
    case 'performance-watch':
      return { kind, woken: answer !== undefined };
  }
}

/** A partner acknowledges within `creditAck`; a removal's round never waits past the removal's deadline (C6). */
function creditPeriod(
  state: EnforcementCase,
  what: string,
  deps: Pick<Deps, 'rules' | 'clock' | 'calendar'>,
): RequestSpec['period'] {
  const ack = deps.rules.P_COERCION_WAITS.creditAck;
  const node = state.nodes['listing-removal'];
  if (what !== 'listing-removed' || node?.status !== 'open') return ack;
  const ackEnd = endOfChinaDay(deps.calendar.periodEnd(chinaDateOf(deps.clock.now()), ack).date);
  return { dueAt: Date.parse(node.dueAt) < Date.parse(ackEnd) ? node.dueAt : ackEnd };
}

function requestSpec(
  state: EnforcementCase,
  wait: CoercionWait,
  deps: Pick<Deps, 'rules' | 'clock' | 'calendar'>,
  round: number,
): RequestSpec | undefined {
  const { rules } = deps;
  const sanction = state.coercion?.sanction;
  const respondent = [
    {
      itemId: sanction?.respondentId ?? state.respondents[0]?.partyId ?? '',
      respondentId: sanction?.respondentId ?? '',
    },
  ];
  switch (wait.kind) {
    case 'credit-publish':
      return {
        kind: 'credit-publish',
        round,
        tag: wait.what,
        method: wait.what,
        items: wait.recipients.map((id) => ({ itemId: id, channel: id })),
        period: creditPeriod(state, wait.what, deps),
      };
    case 'sanction-service':
      return { kind: 'sanction-service', round, items: respondent, period: rules.P_PARTNER_WAITS.eService };
    case 'custody':
      return { kind: 'custody', round, items: respondent, period: rules.P_COERCION_WAITS.custody };
    case 'family-notice':
      return {
        kind: 'family-notice',
        round,
        items: respondent,
        period: { dueAt: plusSeconds(deps.clock.now(), rules.C3.familyNoticeHours * 3600) },
      };
    case 'review-request':
      return { kind: 'review-request', round, items: respondent, period: rules.C3.reviewRequest };
    case 'review-decision':
      return { kind: 'review-decision', round, items: [{ itemId: 'higher-court' }], period: rules.C3.reviewDecision };
    case 'detention-term':
      return {
        kind: 'detention-term',
        round: 1,
        scope: state.caseId,
        items: respondent,
        period: { dueAt: endOfChinaDay(sanction?.releaseOn ?? chinaDateOf(deps.clock.now())) },
      };
    case 'police-referral':
      if (wait.ordered) {
        // D3: the police open the case within 15 days of the procuratorate's order (the supervision-open node).
        const due = state.nodes['supervision-open']?.dueDate ?? chinaDateOf(deps.clock.now());
        return {
          kind: 'police-referral',
          round,
          tag: 'ordered',
          method: 'ordered',
          items: [{ itemId: 'police' }],
          period: { dueAt: endOfChinaDay(due) },
        };
      }
      return {
        kind: 'police-referral',
        round,
        tag: wait.complex ? 'complex' : 'first',
        method: wait.complex ? 'complex' : 'first',
        items: [{ itemId: 'police' }],
        // D2 gives the police 7 days (30 when complex); the referral-answer node holds them to it. The applicant's
        // private prosecution opens only when no written answer came within D4's 60 days, so the wait runs that long.
        period: wait.complex ? rules.D2.decideComplex : rules.D4.noAnswer,
      };
    case 'procuratorate': {
      if (wait.stage === 'explanation') {
        // D3: the police explain within 7 days of the notice (the supervision-explain node); the procuratorate's
        // order, or its finding that the refusal stands, follows the explanation.
        const due = state.nodes['supervision-explain']?.dueDate ?? chinaDateOf(deps.clock.now());
        return {
          kind: 'procuratorate',
          round,
          tag: 'explanation',
          method: 'explanation',
          items: [{ itemId: 'procuratorate' }],
          period: { dueAt: endOfChinaDay(due) },
        };
      }
      // The procuratorate reviews the request and notifies the police: no legal period of its own, so it is given
      // as long as the police would have to explain and open (D3), after which its silence is recorded.
      const explained = deps.calendar.periodEnd(chinaDateOf(deps.clock.now()), rules.D3.explain).date;
      const opened = deps.calendar.periodEnd(explained, rules.D3.openWhenOrdered).date;
      return {
        kind: 'procuratorate',
        round,
        tag: 'review',
        method: 'review',
        items: [{ itemId: 'procuratorate' }],
        period: { dueAt: endOfChinaDay(opened) },
      };
    }
    case 'performance-watch':
      return {
        kind: 'performance-watch',
        round: state.coercion?.watchRound ?? 1,
        scope: state.caseId,
        items: [{ itemId: 'case-account' }],
        period: { dueAt: wait.until },
      };
    default:
      return undefined;
  }
}

/**
 * Records what the last request brought (when there was one), lets the domain plan, and prepares what comes
 * next: a request, the president's approval, the hand-over to disbursement, or the end of the measures.
 */
export function advanceCoercion(deps: CoercionDeps) {
  return async (input: StepInput & { readonly requestId: string; readonly round: number }): Promise<CoercionTerms> => {
    const cause = { execution: input.execution, step: 'advance-coercion' };
    if (input.requestId) {
      const request = await settleRequest(deps, input.requestId);
      const { state, result: alerts } = await mutateCase(
        deps,
        input.caseId,
        SYSTEM,
        { ...cause, request: request.requestId },
        (s, now) => {
          // Each request's answers go on the case once: a retried step finds them recorded.
          if (s.coercion?.recorded.includes(request.requestId)) return { events: [], result: [] as readonly string[] };
          if (request.status === 'superseded') {
            const superseded: CaseEvent = {
              type: 'coercion-answer-recorded',
              requestId: request.requestId,
              kind: request.kind,
              superseded: true,
            };
            return { events: [superseded], result: [] as readonly string[] };
          }
          const outcome = recordCoercionAnswer(s, coercionAnswer(request), deps.rules, now, deps.calendar);
          const recorded: CaseEvent = {
            type: 'coercion-answer-recorded',
            requestId: request.requestId,
            kind: request.kind,
          };
          return { events: [recorded, ...outcome.events], result: outcome.alerts };
        },
      );
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
    const watch = (watchRound: number) => caseRequestId(input.caseId, 'performance-watch', watchRound);
    const { state, result: next } = await mutateCase(deps, input.caseId, SYSTEM, cause, (s, now) => {
      const planned = planCoercion(s, deps.rules, deps.calendar, now, watch);
      const events: CaseEvent[] = [...planned.events];
      // Beside another phase (a disposal), the measures run without owning the case's status: that phase hands
      // the money on, and decides where the case goes when it ends.
      const owns = s.status === 'coercing';
      if (planned.next.kind === 'disburse' && s.coercion?.outcome !== 'performed')
        events.push({ type: 'coercion-ended', outcome: 'performed' });
      if (planned.next.kind === 'exhausted' && s.coercion?.outcome !== 'exhausted') {
        events.push({ type: 'coercion-ended', outcome: 'exhausted' });
        if (owns) {
          events.push({
            type: 'status-changed',
            from: s.status,
            to: 'awaiting-final-closure',
            reason: '强制措施已穷尽，待终结本次执行程序审查',
          });
        }
      }
      const ends = ['disburse', 'exhausted', 'lifted'];
      const next = planned.next.kind === 'lifted' || (!owns && ends.includes(planned.next.kind)) ? null : planned.next;
      return { events, result: next };
    });
    const round = input.round + 1;
    if (next === null) return { next: 'beside', requestId: '', round };
    if (next.kind === 'approve-sanction') {
      return { next: 'approve', requestId: '', approval: approvalRequestTerms(deps, 'sanction'), round };
    }
    if (next.kind === 'approve-credit') {
      const approval = { ...approvalRequestTerms(deps, 'credit-discipline'), occasion: next.occasion };
      return { next: 'approve-credit', requestId: '', approval, round };
    }
    if (next.kind === 'disburse') {
      const disbursement = executionName(state.caseId, 'disbursement', (state.phaseRuns.disbursement ?? 0) + 1);
      return { next: 'disburse', requestId: '', disbursement, round };
    }
    if (next.kind === 'exhausted') return { next: 'exhausted', requestId: '', round, ...closurePhase(state) };
    const planned = requestSpec(state, next, deps, round);
    if (!planned) throw new Error(`no request for ${next.kind}`);
    const spec =
      next.kind === 'credit-publish' ? await withPublicationDocuments(deps, state.caseId, next.what, planned) : planned;
    const terms = await ensureRequest(deps, state, input.execution, spec);
    await mutateCase(deps, input.caseId, SYSTEM, cause, (s) => ({
      events:
        s.coercion?.awaiting === terms.requestId ? [] : [{ type: 'coercion-awaiting', requestId: terms.requestId }],
      result: undefined,
    }));
    return { next: 'request', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round };
  };
}

/** Opens the phase: the case was waiting for coercive measures. */
export function openCoercion(deps: CoercionDeps) {
  const advance = advanceCoercion(deps);
  return async (input: StepInput): Promise<CoercionTerms> => {
    const { run } = parseExecutionName(input.execution);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'open-coercion' }, (s) => {
      if (s.phaseRuns.coercion === run) return { events: [], result: undefined };
      const events: CaseEvent[] = [{ type: 'phase-started', phase: 'coercion', run, execution: input.execution }];
      // Opened by a disposal, the measures run beside it and the case stays `disposing`.
      if (s.status === 'awaiting-coercion') {
        events.push({ type: 'status-changed', from: s.status, to: 'coercing', reason: '未履行义务，采取强制措施' });
      }
      return { events, result: undefined };
    });
    return advance({ ...input, requestId: '', round: 0 });
  };
}

/**
 * Who may record conduct and order an early release: staff of the case's court whose role the role table
 * (../domain/approvals/authority.ts) allows the action. The caller is a user of the staff directory, named by
 * the staff API's verified identity or by an operator's invocation of settle.
 */
export async function staffOfCase(
  deps: Pick<Deps, 'staff' | 'cases'>,
  caseId: string,
  userId: string,
  action: 'record-conduct' | 'order-release' | 'close-cases',
) {
  const member = await deps.staff.member(userId);
  if (!member?.active) throw unauthenticated(`未知或已停用的用户：${userId}`);
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  const refusal = actionRefusal(
    { userId: member.userId, roles: member.roles, court: member.court },
    action,
    state.court.code,
  );
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${member.name}无权进行此项操作`);
  return { member, state };
}

/** Wakes the phase if it is watching for performance (money, new conduct): it answers the watch request. */
export async function wakeWatch(
  deps: Pick<Deps, 'requests' | 'engine' | 'clock'>,
  state: EnforcementCase,
  reason: string,
) {
  const requestId = state.coercion?.watchRequestId;
  if (!requestId) return;
  const { token } = await deps.requests.addAnswer(requestId, {
    itemId: 'case-account',
    at: deps.clock.now(),
    outcome: 'ok',
    result: { reason },
  });
  if (!token) return;
  try {
    await deps.engine.sendTaskSuccess(token, { requestId, complete: true });
  } catch (error) {
    if (!(error instanceof TaskNoLongerWaitingError)) throw error;
  }
  await deps.requests.clearToken(requestId);
}

export function recordConduct(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'requests' | 'engine'>) {
  return async (command: {
    readonly caseId: string;
    readonly userId: string;
    readonly kind: string;
    readonly respondentId?: string;
    readonly note?: string;
  }) => {
    if (!(CONDUCT_KINDS as readonly string[]).includes(command.kind))
      throw invalid(`kind：未知的行为类型（可选：${CONDUCT_KINDS.join('、')}）`);
    const { member, state: before } = await staffOfCase(deps, command.caseId, command.userId, 'record-conduct');
    const respondentId = command.respondentId ?? before.respondents[0]?.partyId ?? '';
    if (!before.respondents.some((r) => r.partyId === respondentId)) throw invalid('respondentId：本案没有该被执行人');
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: member.userId },
      { action: 'record-conduct' },
      () => ({
        events: [
          {
            type: 'conduct-recorded',
            kind: command.kind as ConductKind,
            respondentId,
            by: member.userId,
            ...(command.note ? { note: command.note } : {}),
          },
        ],
        result: undefined,
      }),
    );
    await wakeWatch(deps, state, '记录被执行人行为');
    return { caseId: state.caseId, conduct: command.kind };
  };
}

/**
 * The president approves a detainee's early release on correction (C2, 民诉法解释 第一百八十二条): the 提前解除拘留
 * 决定书 is made and the term ends at once.
 */
export function orderEarlyRelease(deps: Pick<Deps, 'cases' | 'clock' | 'staff' | 'requests' | 'engine'>) {
  return async (command: { readonly caseId: string; readonly userId: string; readonly reason: string }) => {
    const { member, state: before } = await staffOfCase(deps, command.caseId, command.userId, 'order-release');
    if (before.coercion?.sanction?.status !== 'in-custody') throw invalid('本案没有正在执行的司法拘留');
    const requestId = caseRequestId(command.caseId, 'detention-term');
    // Before the phase waits for the term's end (it may still wait for the review period), the order releases the
    // detainee at once; once it waits, the order answers that wait and the phase records the release.
    const termAwaited = (await deps.requests.get(requestId)) !== undefined;
    await mutateCase(deps, command.caseId, { kind: 'staff', id: member.userId }, { action: 'early-release' }, (s) => {
      if (s.coercion?.sanction?.earlyReleaseOrdered) return { events: [], result: undefined };
      const docId = derivedId('d', s.caseId, 'early-release', s.coercion?.sanction?.respondentId ?? '');
      const events: CaseEvent[] = [{ type: 'early-release-ordered', by: member.userId, reason: command.reason, docId }];
      if (!termAwaited && s.coercion?.sanction?.status === 'in-custody') {
        events.push({ type: 'detainee-released', early: true });
      }
      return { events, result: undefined };
    });
    if (!termAwaited) return { caseId: command.caseId, released: true };
    const itemId = before.coercion.sanction.respondentId;
    const { token } = await deps.requests.addAnswer(requestId, {
      itemId,
      at: deps.clock.now(),
      outcome: 'ok',
      result: { release: 'early', reason: command.reason },
    });
    if (token) {
      try {
        await deps.engine.sendTaskSuccess(token, { requestId, complete: true });
      } catch (error) {
        if (!(error instanceof TaskNoLongerWaitingError)) throw error;
      }
      await deps.requests.clearToken(requestId);
    }
    return { caseId: command.caseId, released: true };
  };
}

/**
 * A restriction order or a listing decision goes to the credit-discipline recipients with its document: issued first
 * (numbered, signed, archived, hashed on the journal), then referenced by each recipient's item by number, key and
 * SHA-256. Where the runtime issues no documents the request goes out as it was.
 */
async function withPublicationDocuments(
  deps: CoercionDeps,
  caseId: string,
  what: string,
  spec: RequestSpec,
): Promise<RequestSpec> {
  const { issuing, staff } = deps;
  if (!issuing || !staff) return spec;
  await issuePhaseDocuments({ ...deps, issuing, staff }, caseId);
  const documents = publicationDocuments(caseId, what, await issuing.archive.list(caseId));
  if (documents.length === 0) return spec;
  return { ...spec, items: spec.items.map((item) => ({ ...item, documents })) };
}
