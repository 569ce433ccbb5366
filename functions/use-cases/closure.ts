/**
 * Closure (G1) and 终本 (G2). The closure phase reviews a closure the coercion phase handed over (终本) or an
 * officer asked for (any way of G1): what to do next is the domain's decision (planClosure); this file records
 * the applicant's answer, creates the interview request and the approval the plan asks for, and tells the
 * command center of a refusal. Staff ask for a closure and record the applicant's interview here too.
 */

import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { ClosureReview, EnforcementCase, InterviewOpinion } from '#domain/case/model.ts';
import { notImpoundedProblem, WAITABLE_PROBLEMS } from '#domain/closure/final-closure.ts';
import { CLOSURE_WAY_LABELS, closureProblems, isStaffWay } from '#domain/closure/grounds.ts';
import { type ClosureNext, planClosure, reviewProblems } from '#domain/closure/plan.ts';
import { liftingDue } from '#domain/coercion/measures.ts';
import { coercionRunning } from '#domain/control/plan.ts';
import { executionName, parseExecutionName } from '#domain/ids.ts';
import { exitLiftNoticeOwed } from '#domain/measures/exit-ban.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type ApprovalRequestTerms, approvalRequestTerms } from './approvals.ts';
import { type RulingDeps, recordRulingService, serveRuling } from './closure-ruling.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { caseNotFound, conflict, forbidden, invalid, unauthenticated } from './errors.ts';
import { liftingRun } from './performance.ts';
import { ensureRequest, settleRequest } from './requests.ts';
import type { StepInput } from './service.ts';

type ClosureDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'alerts' | 'wakes'> &
  Pick<RulingDeps, 'staff' | 'issuing'>;

export type ClosureTerms =
  | {
      readonly next: 'wait' | 'closed' | 'refused';
      readonly requestId: '';
      readonly until: string;
      readonly round: number;
      readonly requery?: string;
      /** A closure otherwise than 终本 that leaves a restriction or listing to lift or remove (C5, C6): the run. */
      readonly lift?: string;
    }
  | { readonly next: 'interview'; readonly requestId: string; readonly timeoutSeconds: number; readonly round: number }
  | {
      readonly next: 'approve-final' | 'approve';
      readonly requestId: '';
      readonly approval: ApprovalRequestTerms;
      readonly round: number;
    };

function interviewAnswer(request: PartnerRequest): { opinion: InterviewOpinion; note?: string } {
  const answer = request.answers.find((a) => !a.late && a.outcome === 'ok');
  const parsed = answer ? RESULT_SCHEMAS['applicant-interview'].safeParse(answer.result) : undefined;
  if (!parsed?.success) return { opinion: 'unreachable' };
  return { opinion: parsed.data.opinion, ...(parsed.data.note ? { note: parsed.data.note } : {}) };
}

async function next(deps: ClosureDeps, input: StepInput, round: number): Promise<ClosureTerms> {
  const cause = { execution: input.execution, step: 'review-closure' };
  const { state, result } = await mutateCase(deps, input.caseId, SYSTEM, cause, (s, now) => {
    const planned = planClosure(s, deps.rules, now, input.execution);
    return { events: planned.events, result: planned };
  });
  const now = deps.clock.now();
  if (result.refusal) {
    await deps.alerts.alert({
      kind: 'needs-attention',
      caseId: state.caseId,
      court: state.court.code,
      at: now,
      message: `${state.caseNumber}：不符合${CLOSURE_WAY_LABELS[state.closureReview?.way ?? 'final-round-closure']}的条件，退回承办人：${result.refusal.map((p) => p.message).join('；')}`,
    });
    // Money received while the 终本 ruling was being served: settle starts the disbursement that pays it out.
    if (state.closureReview?.ruled && result.refusal.some((p) => p.code === 'account'))
      await deps.wakes.requestWake({ caseId: state.caseId, reason: '终本裁定送达期间案款到账，发放案款' });
  }
  const planned: ClosureNext = result.next;
  const r = round + 1;
  switch (planned.kind) {
    case 'wait':
      return { next: 'wait', requestId: '', until: planned.until, round: r };
    case 'refused':
      return { next: 'refused', requestId: '', until: now, round: r };
    case 'closed': {
      // M-EXIT-BAN: the lifting decided with the closure is sent to the exit-entry authority by settle.
      if (exitLiftNoticeOwed(state)) await deps.wakes.requestWake({ caseId: state.caseId, reason: '解除限制出境' });
      const finalRound = state.closure?.way === 'final-round-closure' && !state.watches?.requery;
      // A coercion phase still running (waiting on the police, the watch, ...) is woken to lift and remove at once
      // what the closure ends (C5, C6); settle, the only holder of SendTask*, does it.
      if (coercionRunning(state) && liftingDue(state, deps.rules, chinaDateOf(now)))
        await deps.wakes.requestWake({ caseId: state.caseId, reason: '结案，解除限制消费令、删除失信信息' });
      return {
        next: 'closed',
        requestId: '',
        until: now,
        round: r,
        ...(finalRound ? { requery: executionName(state.caseId, 'requery', 1) } : {}),
        ...liftingRun(state, deps.rules, chinaDateOf(now)),
      };
    }
    case 'approve':
      return {
        next: planned.step === 'final-closure' ? 'approve-final' : 'approve',
        requestId: '',
        approval: approvalRequestTerms(deps, planned.step),
        round: r,
      };
    case 'serve-ruling': {
      // 法〔2016〕373号 第六条: closed as 终本 only once the ruling is served on the applicant. The definition's
      // HearApplicant state waits on any request of the phase, so the service is awaited there (next: 'interview').
      const terms = await serveRuling(deps, state, input.execution, planned.method);
      return { next: 'interview', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round: r };
    }
    case 'interview': {
      const applicants = state.applicants.map((a) => ({ itemId: a.partyId }));
      const terms = await ensureRequest(deps, state, input.execution, {
        kind: 'applicant-interview',
        round: r,
        items: applicants.slice(0, 1),
        period: deps.rules.P_FINAL_CLOSURE.interview,
      });
      await mutateCase(deps, input.caseId, SYSTEM, { ...cause, step: 'interview' }, (s) => ({
        events:
          s.closureReview?.interviewRequest === terms.requestId
            ? []
            : [{ type: 'interview-requested', requestId: terms.requestId }],
        result: undefined,
      }));
      return { next: 'interview', requestId: terms.requestId, timeoutSeconds: terms.timeoutSeconds, round: r };
    }
  }
}

/** Opens the phase: a closure an officer asked for, or 终本 after the measures ran out. */
export function openClosure(deps: ClosureDeps) {
  return async (input: StepInput): Promise<ClosureTerms> => {
    const { run } = parseExecutionName(input.execution);
    await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'open-closure' }, (s) => {
      if (s.phaseRuns.closure === run) return { events: [], result: undefined };
      const events: CaseEvent[] = [{ type: 'phase-started', phase: 'closure', run, execution: input.execution }];
      let review: ClosureReview['way'] = s.closureReview?.run === run ? s.closureReview.way : 'final-round-closure';
      if (s.closureReview?.run !== run) {
        review = 'final-round-closure';
        events.push({ type: 'closure-requested', run, way: review, by: 'system', reason: '强制措施已穷尽' });
      }
      if (
        review === 'final-round-closure' &&
        (s.status === 'awaiting-final-closure' || s.status === 'awaiting-officer')
      ) {
        events.push({
          type: 'status-changed',
          from: s.status,
          to: 'final-closure-review',
          reason: '审查是否符合终结本次执行程序的条件',
        });
      }
      return { events, result: undefined };
    });
    return next(deps, input, 0);
  };
}

/** After a wait, the applicant's answer, or a decision: record it, then let the domain plan again. */
export function advanceClosure(deps: ClosureDeps) {
  return async (input: StepInput & { readonly requestId: string; readonly round: number }): Promise<ClosureTerms> => {
    if (input.requestId) {
      const request = await settleRequest(deps, input.requestId);
      const before = await deps.cases.load(input.caseId);
      if (before?.closureReview?.rulingRequest === request.requestId) {
        await recordRulingService(deps, input.execution, request);
        return next(deps, input, input.round);
      }
      await mutateCase(
        deps,
        input.caseId,
        SYSTEM,
        { execution: input.execution, step: 'record-interview', request: request.requestId },
        (s) => {
          // Recorded once: an officer who recorded the interview meanwhile answered it already.
          if (s.closureReview?.interviewRequest !== request.requestId) return { events: [], result: undefined };
          const { opinion, note } = interviewAnswer(request);
          return {
            events: [
              {
                type: 'applicant-heard',
                opinion,
                by: opinion === 'unreachable' ? 'system' : 'applicant',
                ...(note ? { note } : {}),
              },
            ],
            result: undefined,
          };
        },
      );
    }
    return next(deps, input, input.round);
  };
}

/** Who may ask for a closure, record a settlement, or record the applicant's interview: the role table says. */
function refuseUnlessCloser(identity: Identity | undefined, state: EnforcementCase): Identity {
  const refusal = actionRefusal(identity, 'close-cases', state.court.code);
  if (refusal === 'unknown-user' || !identity) throw unauthenticated('未登录或身份无法核验');
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
  return identity;
}

async function courtCase(deps: Pick<Deps, 'cases'>, caseId: string): Promise<EnforcementCase> {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  return state;
}

/**
 * An officer asks to close the case in one of G1's ways (终本 included, from the officer's desk). The conditions the
 * review cannot wait out are checked now, each named; accepted, the request goes on the journal and the closure
 * phase starts under its deterministic name.
 */
export function requestClosure(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'engine'>) {
  return async (
    identity: Identity | undefined,
    command: { readonly caseId: string; readonly way: string; readonly ground?: string; readonly reason?: string },
  ) => {
    const before = await courtCase(deps, command.caseId);
    const caller = refuseUnlessCloser(identity, before);
    const way = command.way;
    if (way !== 'final-round-closure' && !isStaffWay(way))
      throw invalid(
        `未知的结案方式：${way}（可选：final-round-closure、termination、withdrawal、non-enforcement、rejection）`,
      );
    if (before.status === 'closed') throw conflict('案件已结案');
    const review = before.closureReview?.status;
    if (review === 'open' || review === 'waiting') throw conflict('本案已有结案审查正在进行');
    if (way === 'final-round-closure') {
      if (before.status !== 'awaiting-final-closure' && before.status !== 'awaiting-officer')
        throw conflict('终结本次执行程序须在强制措施穷尽后（待终本审查或待承办人处理时）提出（G2）');
      const problems = reviewProblems(
        {
          ...before,
          closureReview: { run: 0, way, requestedBy: caller.userId, requestedAt: '', status: 'open', problems: [] },
        },
        deps.rules,
        deps.clock.now(),
      );
      // Refused for what no waiting cures; the refusal then names every missing condition, the waitable too
      // (立案未满三个月, the interview), so that the officer sees all that is left at once.
      const blocking = problems.filter((p) => !(WAITABLE_PROBLEMS as readonly string[]).includes(p.code));
      if (blocking.length > 0)
        throw conflict(`不符合终结本次执行程序的条件：${problems.map((p) => p.message).join('；')}`);
    } else {
      const problems = closureProblems(before, way, command.ground, deps.rules);
      if (problems.length > 0)
        throw conflict(`不能以${CLOSURE_WAY_LABELS[way]}方式结案：${problems.map((p) => p.message).join('；')}`);
    }
    const { state, result: run } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'request-closure' },
      (s) => {
        const run = (s.phaseRuns.closure ?? 0) + 1;
        return {
          events: [
            {
              type: 'closure-requested',
              run,
              way,
              ...(way !== 'final-round-closure' && command.ground ? { ground: command.ground } : {}),
              by: caller.userId,
              ...(command.reason ? { reason: command.reason } : {}),
            },
          ],
          result: run,
        };
      },
    );
    const execution = executionName(state.caseId, 'closure', run);
    await deps.engine.startExecution('closure', execution, { v: 1, caseId: state.caseId });
    return { caseId: state.caseId, way, execution };
  };
}

/**
 * The officer heard the applicant (约谈, G2) in person or by phone, and records what they said. If the closure
 * phase is asking the applicant right now, this is its answer: the phase goes on at once.
 */
export function recordInterview(deps: Pick<Deps, 'cases' | 'clock' | 'requests' | 'engine'>) {
  return async (
    identity: Identity | undefined,
    command: { readonly caseId: string; readonly opinion: 'agrees' | 'objects'; readonly note?: string },
  ) => {
    const before = await courtCase(deps, command.caseId);
    const caller = refuseUnlessCloser(identity, before);
    const pending = before.closureReview?.interviewRequest;
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'record-interview' },
      () => ({
        events: [
          {
            type: 'applicant-heard',
            opinion: command.opinion,
            by: caller.userId,
            ...(command.note ? { note: command.note } : {}),
          },
        ],
        result: undefined,
      }),
    );
    const applicant = state.applicants[0]?.partyId ?? '';
    if (pending) {
      const { token } = await deps.requests.addAnswer(pending, {
        itemId: applicant,
        at: deps.clock.now(),
        outcome: 'ok',
        result: { opinion: command.opinion, ...(command.note ? { note: command.note } : {}) },
      });
      if (token) {
        try {
          await deps.engine.sendTaskSuccess(token, { requestId: pending, complete: true });
        } catch (error) {
          if (!(error instanceof TaskNoLongerWaitingError)) throw error;
        }
        await deps.requests.clearToken(pending);
      }
    }
    return { caseId: state.caseId, opinion: command.opinion, recorded: true };
  };
}

/**
 * G2 (终本规定 第四条第二项): the officer records that a vehicle sealed at the registry could not actually be impounded,
 * with how the search went. The seal stays; the vehicle no longer bars 终本. Recorded once.
 */
export function recordNotImpounded(deps: Pick<Deps, 'cases' | 'clock'>) {
  return async (
    identity: Identity | undefined,
    command: { readonly caseId: string; readonly assetId: string; readonly note: string },
  ) => {
    const before = await courtCase(deps, command.caseId);
    const caller = refuseUnlessCloser(identity, before);
    const { state } = await mutateCase(
      deps,
      command.caseId,
      { kind: 'staff', id: caller.userId },
      { action: 'record-not-impounded' },
      (s) => {
        if (s.assets[command.assetId]?.notImpounded) return { events: [], result: undefined };
        const problem = notImpoundedProblem(s, command.assetId);
        if (problem) throw conflict(problem);
        return {
          events: [{ type: 'impound-failed', assetId: command.assetId, by: caller.userId, note: command.note }],
          result: undefined,
        };
      },
    );
    return { caseId: state.caseId, assetId: command.assetId, recorded: true as const };
  };
}
