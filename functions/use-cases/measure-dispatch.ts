/**
 * What the measures owe after every staff action, decision and answer: the follow-up that needs nobody outside
 * (a decision applied, a notice published, a restriction lifted), then the notices to the outside parties, sent as
 * partner requests through the PartnerGateway (the exit-entry authority's restriction or lifting, each person on
 * its own; the referral to the bankruptcy court). Answers come back through the partner-answer use case, which
 * hands them to `recordMeasureAnswer`. A notice whose answer is overdue is closed as it stands and sent again to
 * the persons still unconfirmed, up to P-MEASURES' rounds; after that the command center is told.
 */
import { RESULT_SCHEMAS } from '#contracts/partner-answers.ts';
import { ladderOf } from '#domain/approvals/policy.ts';
import { chinaDateOf, isBefore } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { meetNode, timeNode } from '#domain/case/nodes.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { liftingDue } from '#domain/coercion/measures.ts';
import { coercionRunning } from '#domain/control/plan.ts';
import { executionName, parseExecutionName, requestIdFor } from '#domain/ids.ts';
import { resumedRun, runsStoppedOnAcceptance } from '#domain/measures/bankruptcy.ts';
import { measureFollowUp } from '#domain/measures/decisions.ts';
import { exitNoticeAnswer, exitNoticeDue, exitNoticeSettled } from '#domain/measures/exit-ban.ts';
import { isMeasureRequest } from '#domain/partners/requests.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { withdrawStoppedAuctions } from './auction-withdrawal.ts';
import { wakeWatch } from './coercion.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { ensureSent } from './partner-send.ts';
import { settleRequest } from './requests.ts';

export type DispatchDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'partners' | 'alerts'>;

const CAUSE = { action: 'measures-dispatch' } as const;

/** An exit-entry notice or a referral still pending past its due instant: closed as it stands, then recorded. */
async function settleOverdue(deps: DispatchDeps, state: EnforcementCase): Promise<void> {
  const now = deps.clock.now();
  const pending = [
    ...(state.measures?.exitBan?.notices.filter((n) => !n.answered).map((n) => n.requestId) ?? []),
    ...(state.measures?.bankruptcy?.requestId && !state.measures.bankruptcy.answeredAt
      ? [state.measures.bankruptcy.requestId]
      : []),
    ...Object.values(state.disposal?.lots ?? {}).flatMap((l) =>
      l.rounds.flatMap((r) => (r.withdrawal && !r.withdrawal.answer ? [r.withdrawal.requestId] : [])),
    ),
  ];
  for (const requestId of pending) {
    const request = await deps.requests.get(requestId);
    if (request?.status !== 'pending' || isBefore(now, request.dueAt)) continue;
    await recordMeasureAnswer(deps)(await settleRequest(deps, requestId));
  }
}

/** Records the exit-entry notice due now, if one is; then makes sure every unanswered notice is with the authority. */
async function sendExitNotices(deps: DispatchDeps, caseId: string): Promise<string[]> {
  const { state } = await mutateCase(deps, caseId, SYSTEM, CAUSE, (s, now) => {
    const ban = s.measures?.exitBan;
    const plan = exitNoticeDue(ban, deps.rules);
    if (!ban || !plan) return { events: [], result: undefined };
    const requestId = requestIdFor(ban.execution, `exit-entry:${plan.kind}`, plan.round);
    const events: CaseEvent[] = [
      { type: 'exit-notice-sent', requestId, kind: plan.kind, round: plan.round, persons: plan.persons },
    ];
    // One node per kind of notice: set with its first round, kept (not restarted) by later rounds.
    if (plan.round === 1 || s.nodes['exit-entry-answer']?.status !== 'open') {
      const rules = deps.rules;
      events.push({
        type: 'node-set',
        node: timeNode('exit-entry-answer', rules.M_EXIT_BAN.id, rules.P_MEASURES.exitEntryAnswer, now, deps.calendar),
      });
    }
    return { events, result: undefined };
  });
  const ban = state.measures?.exitBan;
  const open = ban?.notices.filter((n) => !n.answered) ?? [];
  for (const notice of open) {
    const dueAt = state.nodes['exit-entry-answer']?.dueAt ?? deps.clock.now();
    await ensureSent(deps, state, {
      requestId: notice.requestId,
      kind: 'exit-entry',
      method: notice.kind,
      items: notice.persons.map((p) => ({ itemId: p, reference: String(notice.round) })),
      dueAt,
      execution: ban?.execution ?? '',
    });
  }
  return open.map((n) => n.requestId);
}

/** Records the referral the president signed as sent, once; then makes sure the receiving court has it. */
async function sendReferral(deps: DispatchDeps, caseId: string): Promise<string | undefined> {
  const { state } = await mutateCase(deps, caseId, SYSTEM, CAUSE, (s) => {
    const referral = s.measures?.bankruptcy;
    if (referral?.status !== 'referred' || referral.requestId) return { events: [], result: undefined };
    const requestId = requestIdFor(referral.execution, 'bankruptcy-review', 1);
    return { events: [{ type: 'bankruptcy-referred', requestId }], result: undefined };
  });
  const referral = state.measures?.bankruptcy;
  if (!referral?.requestId || referral.answeredAt) return undefined;
  await ensureSent(deps, state, {
    requestId: referral.requestId,
    kind: 'bankruptcy-review',
    items: [{ itemId: referral.respondentId, respondentId: referral.respondentId, toCourt: referral.toCourt.code }],
    dueAt: state.nodes['bankruptcy-acceptance']?.dueAt ?? deps.clock.now(),
    execution: referral.execution,
  });
  return referral.requestId;
}

/** The follow-up on the case, then what is due to the outside parties. Idempotent: run it as often as you like. */
export function dispatchMeasures(deps: DispatchDeps) {
  return async (caseId: string): Promise<{ readonly sent: readonly string[] }> => {
    const loaded = await deps.cases.load(caseId);
    if (loaded?.measures)
      await mutateCase(deps, caseId, SYSTEM, CAUSE, (s, now) => ({
        events: measureFollowUp(s, now, deps.rules, deps.calendar, (step) => ladderOf(step).length),
        result: undefined,
      }));
    // An auction on the platform when enforcement stopped (a referral decided) is withdrawn there (撤回拍卖).
    const withdrawn = (await withdrawStoppedAuctions(deps)(caseId)).sent;
    // Most cases have no measures: nothing more (but a withdrawal overdue is closed as it stands).
    if (!loaded?.measures) {
      if (loaded) await settleOverdue(deps, loaded);
      return { sent: withdrawn };
    }
    const before = await deps.cases.load(caseId);
    if (before) await settleOverdue(deps, before);
    const sent: string[] = [...withdrawn, ...(await sendExitNotices(deps, caseId))];
    const referral = await sendReferral(deps, caseId);
    if (referral) sent.push(referral);
    return { sent };
  };
}

function answersOf(request: PartnerRequest) {
  return request.answers
    .filter((a) => !a.late)
    .map((a) => {
      const reason = (a.result as { reason?: unknown } | undefined)?.reason;
      return { itemId: a.itemId, outcome: a.outcome, ...(typeof reason === 'string' ? { reason } : {}) };
    });
}

/** The platform's answer to a withdrawal (撤回拍卖), once; silence is recorded as such. */
function withdrawalAnswer(state: EnforcementCase, request: PartnerRequest): CaseEvent[] {
  for (const lot of Object.values(state.disposal?.lots ?? {})) {
    const round = lot.rounds.find((r) => r.withdrawal?.requestId === request.requestId);
    if (!round) continue;
    if (round.withdrawal?.answer) return [];
    const answer = request.answers.find((a) => !a.late && a.outcome === 'ok');
    const parsed = answer ? RESULT_SCHEMAS['auction-withdrawal'].safeParse(answer.result) : undefined;
    const outcome = parsed?.success ? parsed.data.outcome : 'silent';
    return [{ type: 'auction-withdrawal-answered', assetId: lot.assetId, round: round.round, outcome }];
  }
  return [];
}

/** The events a settled measure request puts on the case, and what the command center must hear. */
function answerEvents(
  state: EnforcementCase,
  request: PartnerRequest,
  deps: Pick<Deps, 'rules'>,
  now: string,
): { events: CaseEvent[]; alerts: string[] } {
  if (request.kind === 'auction-withdrawal') return { events: withdrawalAnswer(state, request), alerts: [] };
  if (request.kind === 'exit-entry') {
    const ban = state.measures?.exitBan;
    const answered = ban ? exitNoticeAnswer(ban, request.requestId, answersOf(request)) : undefined;
    if (!ban || !answered || answered.type !== 'exit-notice-answered') return { events: [], alerts: [] };
    const events: CaseEvent[] = [answered];
    const after = applyEvent(state, answered, now);
    const settled = after.measures?.exitBan && exitNoticeSettled(after.measures.exitBan, answered.kind);
    if (settled) events.push(...meetNode(state, 'exit-entry-answer', now));
    const lastRound =
      (ban.notices.find((n) => n.requestId === request.requestId)?.round ?? 0) >= deps.rules.P_MEASURES.exitEntryRounds;
    const alerts =
      !settled && lastRound
        ? [
            `出入境管理机构经${deps.rules.P_MEASURES.exitEntryRounds}次通知仍未全部办理${answered.kind === 'restrict' ? '限制出境' : '解除限制出境'}，请指挥中心协调`,
          ]
        : [];
    return { events, alerts };
  }
  const referral = state.measures?.bankruptcy;
  if (!referral || referral.requestId !== request.requestId || referral.answeredAt) return { events: [], alerts: [] };
  const answer = request.answers.find((a) => !a.late && a.outcome === 'ok');
  const parsed = answer ? RESULT_SCHEMAS['bankruptcy-review'].safeParse(answer.result) : undefined;
  if (!parsed?.success) {
    return {
      events: [
        { type: 'bankruptcy-answered', outcome: 'silent' },
        ...(state.nodes['bankruptcy-acceptance']?.status === 'open'
          ? [{ type: 'node-overdue', node: 'bankruptcy-acceptance', at: now } as const]
          : []),
      ],
      alerts: ['受移送法院逾期未告知是否受理破产（M-BANKRUPTCY），请指挥中心协调'],
    };
  }
  // 第18条: not accepted, the coercion or disposal the referral stopped starts again (a new run).
  const resumes = parsed.data.outcome === 'not-accepted' ? resumedRun(state) : undefined;
  // 企业破产法 第十九条: accepted, a run started since the referral stops too.
  const interrupted = parsed.data.outcome === 'accepted' ? runsStoppedOnAcceptance(state) : undefined;
  const events: CaseEvent[] = [
    {
      type: 'bankruptcy-answered',
      outcome: parsed.data.outcome,
      ...(parsed.data.reasons ? { reasons: parsed.data.reasons } : {}),
      ...(resumes ? { resumes } : {}),
      ...(interrupted ? { interrupted } : {}),
    },
    ...meetNode(state, 'bankruptcy-acceptance', now),
  ];
  if (parsed.data.outcome === 'accepted') {
    // 企业破产法 第十九条: the seizures on the respondent's property are released to the bankruptcy.
    for (const asset of Object.values(state.assets)) {
      if (asset.respondentId !== referral.respondentId) continue;
      if (asset.status === 'frozen' || asset.status === 'sealed')
        events.push({
          type: 'seizure-released',
          assetId: asset.assetId,
          reason: '受移送法院受理破产申请，解除保全措施',
        });
    }
    events.push(...removalRunOnAcceptance(state, events, deps, now));
  }
  return { events, alerts: [] };
}

/**
 * C6 第十条第一款第五项: the acceptance suspends enforcement because of bankruptcy, so a listing without a term is
 * removed within 3 working days. The referral stopped the coercion phase: as for a suspension's ruling
 * (./suspension.ts), a short run that only removes and publishes (C5, C6) is recorded here, then started.
 */
function removalRunOnAcceptance(
  state: EnforcementCase,
  events: readonly CaseEvent[],
  deps: Pick<Deps, 'rules'>,
  now: string,
): CaseEvent[] {
  const after = events.reduce((s, e) => applyEvent(s, e, now), state);
  if (!liftingDue(after, deps.rules, chinaDateOf(now)) || coercionRunning(after)) return [];
  return [{ type: 'lifting-run-started', run: (after.phaseRuns.coercion ?? 0) + 1 }];
}

/**
 * A measure request settled (every item answered, or closed overdue): its answers go on the case, once. With the
 * engine (the partner answers, in settle), a referral not accepted starts again the phase it stopped.
 */
export function recordMeasureAnswer(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'alerts'> & Partial<Pick<Deps, 'engine' | 'requests'>>,
) {
  return async (request: PartnerRequest): Promise<void> => {
    if (!isMeasureRequest(request.kind) || request.status === 'pending') return;
    const { state, result } = await mutateCase(
      deps,
      request.caseId,
      { kind: 'partner', id: request.kind },
      { request: request.requestId },
      (s, now) => {
        const { events, alerts } = answerEvents(s, request, deps, now);
        const lifting = events.find((e) => e.type === 'lifting-run-started');
        const stopped = events.some((e) => e.type === 'bankruptcy-answered' && e.outcome === 'accepted');
        return { events, result: { alerts: events.length > 0 ? alerts : [], lifting: lifting?.run, stopped } };
      },
    );
    const { alerts, lifting, stopped } = result;
    // Accepted: a coercion run watching for performance is woken, so that it ends now (phases.ts), not at its timeout.
    if (stopped && deps.engine && deps.requests)
      await wakeWatch(
        { engine: deps.engine, requests: deps.requests, clock: deps.clock },
        state,
        '受移送法院受理破产申请，执行程序中止',
      );
    const resumes = state.measures?.bankruptcy?.resumedAs;
    if (resumes && deps.engine && request.kind === 'bankruptcy-review') {
      const { phase } = parseExecutionName(resumes);
      await deps.engine.startExecution(phase, resumes, { v: 1, caseId: state.caseId });
    }
    if (lifting !== undefined && deps.engine)
      await deps.engine.startExecution('coercion', executionName(state.caseId, 'coercion', lifting), {
        v: 1,
        caseId: state.caseId,
      });
    for (const message of alerts) {
      await deps.alerts.alert({
        kind: 'partner-overdue',
        caseId: state.caseId,
        court: state.court.code,
        at: deps.clock.now(),
        message: `${state.caseNumber}：${message}`,
      });
    }
  };
}
