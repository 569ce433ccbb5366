/**
 * Approvals through task tokens. The waiting step stores the approval with its token; staff decide by approval id;
 * exactly one decision resumes the execution; a late or repeated decision changes nothing and is recorded.
 */
import { DECISION_DATA } from '#contracts/decisions.ts';
import { issueLinesZh } from '#contracts/issues.ts';
import { deciderRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import { isPanelStep, type PanelVote, panelOutcome, voteProblem } from '#domain/approvals/panel.ts';
import {
  APPROVAL_STEPS,
  type ApprovalStep,
  approvalAmount,
  approvalSummary,
  approvalTerms,
  canEscalate,
  firstLevel,
  isApprovalStep,
  type StepPolicy,
} from '#domain/approvals/policy.ts';
import { endOfChinaDay, type Instant } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { sanctionLimitProblem } from '#domain/coercion/measures.ts';
import { creditDecisionProblem } from '#domain/coercion/signature.ts';
import { depositProblem, percentOfCeil, startingPriceProblem } from '#domain/disposal/auction.ts';
import { lotAwaitingTerms } from '#domain/disposal/plan.ts';
import { approvalIdFor } from '#domain/ids.ts';
import { isMeasureStep, measureDecisionEvents } from '#domain/measures/decisions.ts';
import { reliefCaps, reliefGrantProblem } from '#domain/measures/relief.ts';
import type { Fen } from '#domain/money.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { Identity, Role } from '#domain/staff/roles.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import { type Approval, ApprovalNotPendingError } from '#ports/approval-store.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { approvalNotFound, conflict, forbidden, gone, invalid, unauthenticated } from './errors.ts';
import type { StepInput } from './service.ts';

/** What the workflow carries between the steps of one approval: no token, no documents, no names. */
export interface ApprovalRequestTerms {
  readonly step: ApprovalStep;
  readonly level: number;
  readonly requiredRole: Role;
  readonly dueAt: Instant;
  readonly timeoutSeconds: number;
  /** The time node a node task is about (overdue-node, term-extension), and an extension's proposed months. */
  readonly node?: string;
  readonly months?: number;
  /** Tells apart approvals of one step in one execution (e.g. each auction's terms). */
  readonly occasion?: string;
  /** Who asked, when it is not the case's officer (a measure proposed by a team lead): they may not decide it. */
  readonly requester?: string;
}

/** One approval per execution, step, occasion and rung: a retried step finds the one it made. */
function approvalIdOf(execution: string, terms: ApprovalRequestTerms): string {
  return approvalIdFor(terms.occasion ? `${execution}#${terms.occasion}` : execution, terms.step, terms.level);
}

export function approvalRequestTerms(
  deps: Pick<Deps, 'clock' | 'rules' | 'calendar'>,
  step: ApprovalStep,
  context: { readonly amountFen?: Fen } = {},
  level: number = firstLevel(step, context, deps.rules),
): ApprovalRequestTerms {
  const terms = approvalTerms(step, level, deps.clock.now(), deps.rules, deps.calendar);
  return { step, level, requiredRole: terms.requiredRole, dueAt: terms.dueAt, timeoutSeconds: terms.timeoutSeconds };
}

/** The waiting step: store the pending approval and its token; the case timeline shows the request. */
export function requestApproval(deps: Pick<Deps, 'cases' | 'clock' | 'approvals' | 'rules'>) {
  return async (input: StepInput & { readonly approval: ApprovalRequestTerms; readonly taskToken: string }) => {
    const approvalId = approvalIdOf(input.execution, input.approval);
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: `request-${input.approval.step}` },
      (s) => {
        if (s.approvals[approvalId]) return { events: [], result: undefined };
        const events: CaseEvent[] = [
          {
            type: 'approval-requested',
            approvalId,
            step: input.approval.step,
            requiredRole: input.approval.requiredRole,
            level: input.approval.level,
            requester: input.approval.requester ?? s.officer ?? 'system',
            dueAt: input.approval.dueAt,
            summary: approvalSummary(input.approval.step, s, deps.rules, input.approval),
          },
        ];
        return { events, result: undefined };
      },
    );
    const amountFen = approvalAmount(input.approval.step, state);
    await deps.approvals.register(
      {
        approvalId,
        caseId: state.caseId,
        caseNumber: state.caseNumber,
        court: state.court.code,
        step: input.approval.step,
        level: input.approval.level,
        requiredRole: input.approval.requiredRole,
        requester: input.approval.requester ?? state.officer ?? 'system',
        summary: approvalSummary(input.approval.step, state, deps.rules, input.approval),
        dueAt: input.approval.dueAt,
        createdAt: deps.clock.now(),
        execution: input.execution,
        ...(state.team ? { team: state.team } : {}),
        ...(amountFen !== undefined ? { amountFen } : {}),
        ...(input.definition ? { definition: input.definition } : {}),
        status: 'pending',
      },
      input.taskToken,
    );
    // A repeated request (a retried step) rewrites the approval: keep who holds it, as the journal says.
    const holder = state.approvals[approvalId]?.assignee;
    if (holder) await deps.approvals.setAssignee(approvalId, holder);
    return { approvalId };
  };
}

/** After a wait timed out: record it, tell the command center, and go one rung up the ladder if there is one. */
export function escalateApproval(deps: Pick<Deps, 'cases' | 'clock' | 'approvals' | 'alerts' | 'rules' | 'calendar'>) {
  return async (input: StepInput & { readonly approval: ApprovalRequestTerms }) => {
    const approvalId = approvalIdOf(input.execution, input.approval);
    await deps.approvals.markTimedOut(approvalId, deps.clock.now());
    const exhausted = !canEscalate(input.approval.step, input.approval.level);
    const subject = {
      ...(input.approval.node ? { node: input.approval.node } : {}),
      ...(input.approval.months ? { months: input.approval.months } : {}),
    };
    const next = exhausted
      ? input.approval
      : {
          ...approvalRequestTerms(deps, input.approval.step, {}, input.approval.level + 1),
          ...(input.approval.occasion ? { occasion: input.approval.occasion } : {}),
          ...(input.approval.requester ? { requester: input.approval.requester } : {}),
          ...subject,
        };
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'escalate-approval' },
      (s) => ({
        events:
          s.approvals[approvalId]?.status === 'pending'
            ? [{ type: 'approval-timed-out', approvalId, ...(exhausted ? {} : { escalateTo: next.requiredRole }) }]
            : [],
        result: undefined,
      }),
    );
    await deps.alerts.alert({
      kind: 'approval-escalated',
      caseId: state.caseId,
      court: state.court.code,
      at: deps.clock.now(),
      message: exhausted
        ? `${state.caseNumber}：${APPROVAL_STEPS[input.approval.step].label}逾期未决，已无上级可报，需人工处理`
        : `${state.caseNumber}：${APPROVAL_STEPS[input.approval.step].label}逾期未决，已报${ROLE_LABELS[next.requiredRole]}`,
    });
    return { approval: next, exhausted };
  };
}

export interface DecisionOutput {
  readonly approvalId: string;
  readonly decision: 'approved' | 'rejected';
  readonly by: string;
  readonly role: Role;
  readonly reason?: string;
  readonly data?: Readonly<Record<string, string | number | boolean>>;
}

function decidedEvent(decision: DecisionOutput): CaseEvent {
  return {
    type: 'approval-decided',
    approvalId: decision.approvalId,
    decision: decision.decision,
    by: decision.by,
    role: decision.role,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.data && Object.keys(decision.data).length > 0 ? { data: decision.data } : {}),
  };
}

/**
 * A2: an approved extension moves the term's due date by the months decided (P-TERM-EXTENSION's default when the
 * president named none), counted from the current due date with the counting rules of a month period.
 */
function extensionEvents(
  deps: Pick<Deps, 'rules' | 'calendar'>,
  state: EnforcementCase,
  node: string | undefined,
  execution: string,
  decision: DecisionOutput,
): CaseEvent[] {
  const current = node ? state.nodes[node] : undefined;
  // Once: the node remembers the execution that asked for this extension until the extension is applied.
  if (!current || decision.decision !== 'approved' || current.extension !== execution) return [];
  const months = typeof decision.data?.months === 'number' ? decision.data.months : deps.rules.A2.extensionMonths;
  const end = deps.calendar.periodEnd(current.dueDate, { months });
  return [
    {
      type: 'node-extended',
      node: current.node,
      months,
      dueDate: end.date,
      dueAt: endOfChinaDay(end.date),
      unconfirmedYears: end.unconfirmedYears,
      approvalId: decision.approvalId,
    },
  ];
}

/** After the wait: the decision on the case (once, whoever writes it first) and the status it leads to. */
export function applyDecision(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (
    input: StepInput & { readonly step: ApprovalStep; readonly decision: DecisionOutput; readonly node?: string },
  ) => {
    const policy: StepPolicy = APPROVAL_STEPS[input.step];
    await mutateCase(
      deps,
      input.caseId,
      { kind: 'staff', id: input.decision.by, role: input.decision.role },
      { execution: input.execution, approval: input.decision.approvalId },
      (s) => {
        const events: CaseEvent[] = [];
        if (s.approvals[input.decision.approvalId]?.status === 'pending') events.push(decidedEvent(input.decision));
        if (input.step === 'term-extension')
          events.push(...extensionEvents(deps, s, input.node, input.execution, input.decision));
        if (isMeasureStep(input.step))
          events.push(
            ...measureDecisionEvents(input.step, s, input.decision, deps.clock.now(), deps.rules, deps.calendar),
          );
        const to = input.decision.decision === 'approved' ? policy.onApproved : policy.onRejected;
        // A step without statuses (a closure asked for while the case goes on) leaves the status to its phase.
        if (to && s.status === policy.waiting && to !== s.status) {
          events.push({
            type: 'status-changed',
            from: s.status,
            to,
            reason:
              input.decision.decision === 'approved' ? `${policy.label}：同意` : `${policy.label}：不同意，退回承办人`,
          });
        }
        return { events, result: undefined };
      },
    );
    return { decision: input.decision.decision };
  };
}

/**
 * A loop's advance step handed the decision its execution waited for: the decision is applied first (as
 * apply-decision would), then the loop advances on the case it left. One billed Task instead of apply-decision, a
 * Choice on the decision and the advance (both branches of such a loop's approval go to its advance).
 */
export function applyingDecision<
  I extends StepInput & { readonly step?: ApprovalStep; readonly decision?: DecisionOutput },
  R,
>(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>, advance: (input: I) => Promise<R>) {
  const apply = applyDecision(deps);
  return async (input: I): Promise<R> => {
    if (input.decision && input.step) await apply({ ...input, step: input.step, decision: input.decision });
    return advance(input);
  };
}

export interface DecideCommand {
  readonly approvalId: string;
  readonly decision: 'approved' | 'rejected';
  /** The verified caller; undefined when the caller could not be identified (refused with 401). */
  readonly identity: Identity | undefined;
  readonly reason?: string;
  readonly data?: Readonly<Record<string, unknown>>;
}

/** The cause of every commit a staff action on an approval writes: the approval and its definition version. */
export function approvalCause(approval: Approval): Record<string, string> {
  return { approval: approval.approvalId, ...(approval.definition ? { definition: approval.definition } : {}) };
}

export function refusalError(refusal: ReturnType<typeof deciderRefusal>, approval: Approval, who: string) {
  if (refusal === 'unknown-user') return unauthenticated(`未知或已停用的用户：${who}`);
  if (refusal === 'other-court') return approvalNotFound();
  if (refusal === 'wrong-role') return forbidden(`该事项需由${ROLE_LABELS[approval.requiredRole]}审批，${who}无此权限`);
  return forbidden(`${who}：${REFUSAL_LABELS[refusal ?? 'not-permitted']}`);
}

/** The step's decision data, validated against its schema; a mismatch with what the approval is about is refused. */
function decisionData(approval: Approval, command: DecideCommand): Record<string, string | number | boolean> {
  if (!isApprovalStep(approval.step)) return {};
  const parsed = DECISION_DATA[approval.step][command.decision].safeParse(command.data ?? {});
  if (!parsed.success)
    throw invalid(
      `决定数据不符合${APPROVAL_STEPS[approval.step].label}的要求：${issueLinesZh(parsed.error, 'data', 'data').join('；')}`,
    );
  const data = parsed.data as Record<string, string | number | boolean>;
  if (
    data.confirmedAmountFen !== undefined &&
    approval.amountFen !== undefined &&
    data.confirmedAmountFen !== approval.amountFen
  ) {
    throw invalid('核对金额与待审批的发放方案不一致，请重新查看事项后再决定');
  }
  return data;
}

/** E2, E5, E8: auction terms the panel sets outside the law's limits are refused, naming the rule. */
function auctionTermsProblem(
  state: EnforcementCase | undefined,
  data: Readonly<Record<string, unknown>>,
  rules: Rules,
): string | undefined {
  const awaiting = state ? lotAwaitingTerms(state, rules) : undefined;
  if (!awaiting) return '本案没有待确定拍卖条件的财产';
  const start = typeof data.startingPriceFen === 'number' ? data.startingPriceFen : awaiting.proposed.startingPriceFen;
  const deposit =
    typeof data.depositFen === 'number'
      ? data.depositFen
      : typeof data.startingPriceFen === 'number'
        ? percentOfCeil(start, rules.P_DISPOSAL.proposedDepositPercent)
        : awaiting.proposed.depositFen;
  return startingPriceProblem(awaiting.lot, awaiting.stage, start, rules) ?? depositProblem(deposit, start, rules);
}

/** M-RELIEF: an amount granted beyond the caps is refused, naming the cap, before anything is written. */
function reliefDecisionProblem(
  state: EnforcementCase | undefined,
  data: Readonly<Record<string, unknown>>,
  rules: Rules,
): string | undefined {
  const relief = state?.measures?.relief;
  if (!state || relief?.status !== 'applied') return '本案没有待决定的司法救助申请';
  const { usualFen, absoluteFen } = reliefCaps(state, rules);
  const granted =
    typeof data.grantedFen === 'number' ? data.grantedFen : Math.min(relief.requestedFen, usualFen, absoluteFen);
  return reliefGrantProblem(state, granted, data.exceptional === true, rules);
}

/** C1: a fine or detention decided beyond the law's limits is refused, naming the limit, before anything is written. */
function sanctionProblem(state: EnforcementCase | undefined, data: Readonly<Record<string, unknown>>, rules: Rules) {
  const sanction = state?.coercion?.sanction;
  const respondent = state?.respondents.find((r) => r.partyId === sanction?.respondentId);
  if (!sanction || !respondent) return '本案没有待审批的罚款或拘留';
  const days = typeof data.days === 'number' ? data.days : sanction.proposedDays;
  const amountFen = typeof data.amountFen === 'number' ? data.amountFen : sanction.proposedFen;
  return sanctionLimitProblem(
    sanction.kind,
    respondent,
    sanction.kind === 'detention' ? { days } : { amountFen },
    rules,
  );
}

/**
 * A staff decision. Checks, in order: the caller is known; holds the role the decision table requires at this
 * rung; belongs to the case's court; did not request it; the approval is still pending and in time; the
 * step's decision data; nobody else holds the task; then the conditional claim; then the token is used; then the
 * decision goes on the case's journal. A failed check changes nothing. A decision on an approval that timed out
 * is refused with 410 and recorded on the case as having arrived too late.
 */
export function decideApproval(deps: Pick<Deps, 'approvals' | 'engine' | 'cases' | 'clock' | 'rules'>) {
  return async (command: DecideCommand) => {
    const approval = await deps.approvals.get(command.approvalId);
    if (!approval) throw approvalNotFound();
    const identity = command.identity;
    const refusal = deciderRefusal(identity, approval);
    if (refusal || !identity) throw refusalError(refusal, approval, identity?.userId ?? '');
    const actor = { kind: 'staff', id: identity.userId, role: approval.requiredRole } as const;
    if (approval.status === 'timed-out') {
      await recordLate(deps, approval, identity.userId);
      throw gone(`审批事项 ${approval.approvalId} 已超时并已上报，本决定未生效（已记录）`);
    }
    if (approval.status !== 'pending') throw conflict(`审批事项 ${approval.approvalId} 已由他人作出决定`);
    let data = decisionData(approval, command);
    const state = await deps.cases.load(approval.caseId);
    const panel = isPanelStep(approval.step, deps.rules);
    const holder = state?.approvals[approval.approvalId]?.assignee ?? approval.assignee;
    // A panel step is every member's to vote on: nobody holds it alone.
    if (!panel && holder && holder !== identity.userId)
      throw conflict(`审批事项 ${approval.approvalId} 已由他人认领，须由认领人决定或经指派后再决定`);
    if (command.decision === 'approved') {
      const problem =
        approval.step === 'sanction'
          ? sanctionProblem(state, data, deps.rules)
          : approval.step === 'auction-terms'
            ? auctionTermsProblem(state, data, deps.rules)
            : approval.step === 'credit-discipline'
              ? creditDecisionProblem(state?.coercion?.creditProposal, data, command.reason)
              : approval.step === 'judicial-relief'
                ? reliefDecisionProblem(state, data, deps.rules)
                : undefined;
      if (problem) throw invalid(problem);
    }
    let decided: { readonly decision: 'approved' | 'rejected'; readonly reason?: string } = command;
    let tally: { readonly votes: number; readonly needed: number } | undefined;
    if (panel) {
      // E8-PANEL: this member's vote goes on the case; the decision is the majority's, once it has one.
      const outcome = await recordVote(deps, approval, identity.userId, { ...command, data });
      tally = { votes: outcome.votes, needed: outcome.needed };
      if (!outcome.decided)
        return { approvalId: approval.approvalId, caseId: approval.caseId, decision: command.decision, panel: tally };
      decided = {
        decision: outcome.decided.decision,
        reason: outcome.decided.reason ?? `合议庭评议，${outcome.votes}名成员表决，多数意见`,
      };
      data = outcome.decided.data ?? {};
    }
    const now = deps.clock.now();
    const decision: DecisionOutput = {
      approvalId: approval.approvalId,
      decision: decided.decision,
      by: identity.userId,
      role: approval.requiredRole,
      ...(decided.reason ? { reason: decided.reason } : {}),
      ...(Object.keys(data).length > 0 ? { data } : {}),
    };
    let token: string;
    try {
      ({ token } = await deps.approvals.claimForDecision(approval.approvalId, { ...decision, at: now }));
    } catch (error) {
      if (!(error instanceof ApprovalNotPendingError)) throw error;
      if (error.status === 'timed-out') {
        await recordLate(deps, approval, identity.userId);
        throw gone(`审批事项 ${approval.approvalId} 已超时，本决定未生效（已记录）`);
      }
      if (error.status === 'pending') throw conflict(`审批事项 ${approval.approvalId} 已由他人认领`);
      throw conflict(`审批事项 ${approval.approvalId} 已由他人作出决定`);
    }
    try {
      await deps.engine.sendTaskSuccess(token, decision);
    } catch (error) {
      if (!(error instanceof TaskNoLongerWaitingError)) {
        // The workflow was not told: undo the claim so that the decision can be made again.
        await deps.approvals.releaseClaim(approval.approvalId, identity.userId);
        throw error;
      }
      await deps.approvals.markLate(approval.approvalId, now);
      await recordLate(deps, approval, identity.userId);
      throw gone(`审批事项 ${approval.approvalId} 已超时，本决定未生效（已记录）`);
    }
    await deps.approvals.clearToken(approval.approvalId);
    await mutateCase(deps, approval.caseId, actor, approvalCause(approval), (s) => ({
      events: s.approvals[approval.approvalId]?.status === 'pending' ? [decidedEvent(decision)] : [],
      result: undefined,
    }));
    return {
      approvalId: approval.approvalId,
      caseId: approval.caseId,
      decision: decided.decision,
      ...(tally ? { panel: { ...tally, decided: true } } : {}),
    };
  };
}

/**
 * E8-PANEL: records one member's vote (once per member) and returns the panel's outcome on the votes so far. A
 * vote on an approval already decided is refused.
 */
async function recordVote(
  deps: Pick<Deps, 'cases' | 'clock' | 'rules'>,
  approval: Approval,
  userId: string,
  vote: {
    readonly decision: 'approved' | 'rejected';
    readonly reason?: string;
    readonly data: Record<string, unknown>;
  },
) {
  const data = vote.data as PanelVote['data'];
  const { result } = await mutateCase(
    deps,
    approval.caseId,
    { kind: 'staff', id: userId, role: approval.requiredRole },
    approvalCause(approval),
    (s) => {
      const current = s.approvals[approval.approvalId];
      if (current?.status !== 'pending') throw conflict(`审批事项 ${approval.approvalId} 已由合议庭作出决定`);
      const votes = current.votes ?? [];
      const problem = voteProblem(votes, userId, deps.rules);
      if (problem) throw conflict(problem);
      const cast: PanelVote = {
        by: userId,
        decision: vote.decision,
        ...(vote.reason ? { reason: vote.reason } : {}),
        ...(data && Object.keys(data).length > 0 ? { data } : {}),
      };
      return {
        events: [{ type: 'approval-voted', approvalId: approval.approvalId, ...cast }],
        result: panelOutcome([...votes, cast], deps.rules),
      };
    },
  );
  return result;
}

/** A decision that came after the wait had timed out: on the case's journal, so the attempt is on record. */
async function recordLate(deps: Pick<Deps, 'cases' | 'clock'>, approval: Approval, userId: string): Promise<void> {
  await mutateCase(
    deps,
    approval.caseId,
    { kind: 'staff', id: userId, role: approval.requiredRole },
    approvalCause(approval),
    () => ({
      events: [{ type: 'approval-late-decision', approvalId: approval.approvalId, by: userId }],
      result: undefined,
    }),
  );
}
