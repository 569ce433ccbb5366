/**
 * Approvals through task tokens. The waiting step stores the approval with its token; staff decide by approval id;
 * exactly one decision resumes the execution; a late or repeated decision changes nothing and is recorded.
 */
import {
  APPROVAL_STEPS,
  type ApprovalStep,
  approvalSummary,
  approvalTerms,
  canEscalate,
  deciderRefusal,
  firstLevel,
} from '#domain/approvals/policy.ts';
import type { Instant } from '#domain/calendar/local-date.ts';
import type { CaseEvent, DecisionData } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { sanctionLimitProblem } from '#domain/coercion/measures.ts';
import { approvalIdFor } from '#domain/ids.ts';
import type { Fen } from '#domain/money.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { Role } from '#domain/staff/roles.ts';
import { ROLE_LABELS } from '#domain/staff/roles.ts';
import { ApprovalNotPendingError } from '#ports/approval-store.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type Deps, loadCase, mutateCase, SYSTEM } from './context.ts';
import { conflict, forbidden, gone, invalid, notFound, unauthenticated } from './errors.ts';
import type { StepInput } from './service.ts';

/** What the workflow carries between the steps of one approval: no token, no documents, no names. */
export interface ApprovalRequestTerms {
  readonly step: ApprovalStep;
  readonly level: number;
  readonly requiredRole: Role;
  readonly dueAt: Instant;
  readonly timeoutSeconds: number;
}

export function approvalRequestTerms(
  deps: Pick<Deps, 'clock' | 'rules' | 'calendar'>,
  step: ApprovalStep,
  context: { readonly amountFen?: Fen } = {},
  level: number = firstLevel(step, context, deps.rules),
): ApprovalRequestTerms {
  const terms = approvalTerms(level, deps.clock.now(), deps.rules, deps.calendar);
  return { step, level, requiredRole: terms.requiredRole, dueAt: terms.dueAt, timeoutSeconds: terms.timeoutSeconds };
}

/** The waiting step: store the pending approval and its token; the case timeline shows the request. */
export function requestApproval(deps: Pick<Deps, 'cases' | 'clock' | 'approvals'>) {
  return async (input: StepInput & { readonly approval: ApprovalRequestTerms; readonly taskToken: string }) => {
    const approvalId = approvalIdFor(input.execution, input.approval.step, input.approval.level);
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
            requester: s.officer ?? 'system',
            dueAt: input.approval.dueAt,
            summary: approvalSummary(input.approval.step, s),
          },
        ];
        return { events, result: undefined };
      },
    );
    await deps.approvals.register(
      {
        approvalId,
        caseId: state.caseId,
        caseNumber: state.caseNumber,
        court: state.court.code,
        step: input.approval.step,
        level: input.approval.level,
        requiredRole: input.approval.requiredRole,
        requester: state.officer ?? 'system',
        summary: approvalSummary(input.approval.step, state),
        dueAt: input.approval.dueAt,
        createdAt: deps.clock.now(),
        execution: input.execution,
        status: 'pending',
      },
      input.taskToken,
    );
    return { approvalId };
  };
}

/** After a wait timed out: record it, tell the command center, and go one rung up the ladder if there is one. */
export function escalateApproval(deps: Pick<Deps, 'cases' | 'clock' | 'approvals' | 'alerts' | 'rules' | 'calendar'>) {
  return async (input: StepInput & { readonly approval: ApprovalRequestTerms }) => {
    const approvalId = approvalIdFor(input.execution, input.approval.step, input.approval.level);
    await deps.approvals.markTimedOut(approvalId, deps.clock.now());
    const exhausted = !canEscalate(input.approval.level);
    const next = exhausted
      ? input.approval
      : approvalRequestTerms(deps, input.approval.step, {}, input.approval.level + 1);
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
  readonly data?: DecisionData;
}

function decidedEvent(decision: DecisionOutput): CaseEvent {
  return {
    type: 'approval-decided',
    approvalId: decision.approvalId,
    decision: decision.decision,
    by: decision.by,
    role: decision.role,
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.data ? { data: decision.data } : {}),
  };
}

/** After the wait: the decision on the case (once, whoever writes it first) and the status it leads to. */
export function applyDecision(deps: Pick<Deps, 'cases' | 'clock'>) {
  return async (input: StepInput & { readonly step: ApprovalStep; readonly decision: DecisionOutput }) => {
    const policy = APPROVAL_STEPS[input.step];
    await mutateCase(
      deps,
      input.caseId,
      { kind: 'staff', id: input.decision.by, role: input.decision.role },
      { execution: input.execution, approval: input.decision.approvalId },
      (s) => {
        const events: CaseEvent[] = [];
        if (s.approvals[input.decision.approvalId]?.status === 'pending') events.push(decidedEvent(input.decision));
        const to = input.decision.decision === 'approved' ? policy.onApproved : policy.onRejected;
        if (s.status === policy.waiting && to !== s.status) {
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

export interface DecideCommand {
  readonly approvalId: string;
  readonly decision: 'approved' | 'rejected';
  readonly userId: string;
  readonly reason?: string;
  /** Step-specific: for a sanction, the days of detention or the fine the president approves. */
  readonly data?: DecisionData;
}

/** Step-specific decision data, checked against the law before anything is written (C1 for a sanction). */
function decisionDataProblem(
  step: string,
  state: EnforcementCase,
  data: DecisionData | undefined,
  rules: Rules,
): string | undefined {
  if (step !== 'sanction') return data ? `审批事项 ${step} 不接受附加数据` : undefined;
  const sanction = state.coercion?.sanction;
  const respondent = state.respondents.find((r) => r.partyId === sanction?.respondentId);
  if (!sanction || !respondent) return '本案没有待审批的罚款或拘留';
  const value =
    sanction.kind === 'detention'
      ? { days: data?.days ?? sanction.proposedDays }
      : { amountFen: data?.amountFen ?? sanction.proposedFen };
  return sanctionLimitProblem(sanction.kind, respondent, value, rules);
}

/**
 * A staff decision. Checks, in order: the caller exists; holds the required role; belongs to the case's court;
 * did not request it; the approval is still pending and in time; then the conditional claim; then the token is
 * used; then the decision goes on the case's journal. A failed check changes nothing.
 */
export function decideApproval(deps: Pick<Deps, 'approvals' | 'staff' | 'engine' | 'cases' | 'clock' | 'rules'>) {
  return async (command: DecideCommand) => {
    const approval = await deps.approvals.get(command.approvalId);
    if (!approval) throw notFound(`没有审批事项 ${command.approvalId}`);
    const member = await deps.staff.member(command.userId);
    const refusal = deciderRefusal(member, approval);
    if (refusal === 'unknown-user' || !member) throw unauthenticated(`未知或已停用的用户：${command.userId}`);
    if (refusal === 'wrong-role')
      throw forbidden(`该事项需由${ROLE_LABELS[approval.requiredRole]}审批，${member.name}无此权限`);
    if (refusal === 'other-court') throw forbidden(`${member.name}不属于本案所在法院`);
    if (refusal === 'own-request') throw forbidden('申请人不能审批自己提出的事项');
    if (approval.status === 'timed-out') throw gone(`审批事项 ${approval.approvalId} 已超时并已上报，本决定未生效`);
    if (approval.status !== 'pending') throw conflict(`审批事项 ${approval.approvalId} 已由他人作出决定`);
    if (command.decision === 'approved' || command.data) {
      const problem = decisionDataProblem(
        approval.step,
        await loadCase(deps.cases, approval.caseId),
        command.data,
        deps.rules,
      );
      if (problem) throw invalid(problem);
    }
    const now = deps.clock.now();
    const decision: DecisionOutput = {
      approvalId: approval.approvalId,
      decision: command.decision,
      by: member.userId,
      role: approval.requiredRole,
      ...(command.reason ? { reason: command.reason } : {}),
      ...(command.data ? { data: command.data } : {}),
    };
    let token: string;
    try {
      ({ token } = await deps.approvals.claimForDecision(approval.approvalId, { ...decision, at: now }));
    } catch (error) {
      if (!(error instanceof ApprovalNotPendingError)) throw error;
      if (error.status === 'timed-out') throw gone(`审批事项 ${approval.approvalId} 已超时，本决定未生效`);
      throw conflict(`审批事项 ${approval.approvalId} 已由他人作出决定`);
    }
    try {
      await deps.engine.sendTaskSuccess(token, decision);
    } catch (error) {
      if (!(error instanceof TaskNoLongerWaitingError)) {
        // The workflow was not told: undo the claim so that the decision can be made again.
        await deps.approvals.releaseClaim(approval.approvalId, member.userId);
        throw error;
      }
      await deps.approvals.markLate(approval.approvalId, now);
      await mutateCase(
        deps,
        approval.caseId,
        { kind: 'staff', id: member.userId, role: approval.requiredRole },
        { approval: approval.approvalId },
        () => ({
          events: [{ type: 'approval-late-decision', approvalId: approval.approvalId, by: member.userId }],
          result: undefined,
        }),
      );
      throw gone(`审批事项 ${approval.approvalId} 已超时，本决定未生效（已记录）`);
    }
    await deps.approvals.clearToken(approval.approvalId);
    await mutateCase(
      deps,
      approval.caseId,
      { kind: 'staff', id: member.userId, role: approval.requiredRole },
      { approval: approval.approvalId },
      (s) => ({
        events: s.approvals[approval.approvalId]?.status === 'pending' ? [decidedEvent(decision)] : [],
        result: undefined,
      }),
    );
    return { approvalId: approval.approvalId, caseId: approval.caseId, decision: command.decision };
  };
}
