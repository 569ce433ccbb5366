/**
 * Which role decides which step, and who it escalates to when the decision is late. One table.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, secondsUntil } from '../calendar/local-date.ts';
import type { EnforcementCase } from '../case/model.ts';
import type { CaseStatus } from '../case/status.ts';
import { CONDUCT_LABELS } from '../coercion/labels.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import type { Role, StaffMember } from '../staff/roles.ts';

/** The escalation ladder: an approval not decided in time goes one rung up. */
export const ESCALATION_LADDER: readonly Role[] = ['team-lead', 'bureau-chief', 'president'];

export const APPROVAL_STEPS = {
  'control-plan': {
    label: '冻结扣划方案审批',
    firstRole: 'team-lead',
    waiting: 'control-approval',
    onApproved: 'controlling',
    onRejected: 'awaiting-officer',
  },
  disbursement: {
    label: '执行款发放审批',
    firstRole: 'by-amount',
    waiting: 'disbursement-approval',
    onApproved: 'disbursing',
    onRejected: 'awaiting-officer',
  },
  /** C2: fines and detention need the president's (or a vice-president's) approval; the phase goes on either way. */
  sanction: {
    label: '罚款、拘留审批',
    firstRole: 'president',
    waiting: 'coercing',
    onApproved: 'coercing',
    onRejected: 'coercing',
  },
} as const satisfies Record<
  string,
  { label: string; firstRole: Role | 'by-amount'; waiting: CaseStatus; onApproved: CaseStatus; onRejected: CaseStatus }
>;
export type ApprovalStep = keyof typeof APPROVAL_STEPS;

export function isApprovalStep(step: string): step is ApprovalStep {
  return Object.hasOwn(APPROVAL_STEPS, step);
}

export class NoEscalationError extends Error {
  constructor(role: Role) {
    super(`no role above ${role} to escalate to`);
    this.name = 'NoEscalationError';
  }
}

/** F2: the disbursement approver depends on the amount. */
export function disbursementApprover(amount: Fen, rules: Rules): Role {
  const level = rules.P_DISBURSEMENT_LEVELS.levels.find((l) => amount <= l.upToFen);
  if (!level) throw new Error(`no disbursement approval level covers ${amount} fen`);
  return level.role;
}

/** The rung on the ladder where a step's approval starts. */
export function firstLevel(step: ApprovalStep, context: { readonly amountFen?: Fen }, rules: Rules): number {
  const first = APPROVAL_STEPS[step].firstRole;
  const role: Role = first === 'by-amount' ? disbursementApprover(context.amountFen ?? (0 as Fen), rules) : first;
  const level = ESCALATION_LADDER.indexOf(role);
  if (level < 0) throw new Error(`role ${role} is not on the escalation ladder`);
  return level;
}

export function roleAt(level: number): Role {
  const role = ESCALATION_LADDER[level];
  if (!role) throw new Error(`no escalation level ${level}`);
  return role;
}

export function canEscalate(level: number): boolean {
  return level + 1 < ESCALATION_LADDER.length;
}

export interface ApprovalTerms {
  readonly level: number;
  readonly requiredRole: Role;
  readonly dueAt: Instant;
  /** For the workflow's TimeoutSecondsPath: whole seconds from now to the due instant. */
  readonly timeoutSeconds: number;
  readonly unconfirmedYears: readonly number[];
}

/** Due at the end of the P-APPROVAL period (working days) counted from today, in China time. */
export function approvalTerms(level: number, now: Instant, rules: Rules, calendar: LegalCalendar): ApprovalTerms {
  const end = calendar.periodEnd(chinaDateOf(now), rules.P_APPROVAL.period);
  const dueAt = endOfChinaDay(end.date);
  return {
    level,
    requiredRole: roleAt(level),
    dueAt,
    timeoutSeconds: Math.max(1, secondsUntil(now, dueAt)),
    unconfirmedYears: end.unconfirmedYears,
  };
}

/**
 * What the approver is asked to decide, in one line, built from the case when the approval is requested. It is
 * kept with the approval, never carried in workflow state, and names amounts, not people.
 */
export function approvalSummary(step: ApprovalStep, state: EnforcementCase): string {
  if (step === 'control-plan') {
    const plan = state.controlPlan;
    if (!plan) return '冻结扣划方案';
    const amount = fen(plan.freezes.reduce((t, f) => t + f.amountFen, 0));
    return `冻结${plan.freezes.length}项财产共${formatYuan(amount)}；委托外地法院${plan.entrustments.length}项；待执行${formatYuan(plan.outstandingFen)}`;
  }
  if (step === 'sanction') {
    const sanction = state.coercion?.sanction;
    if (!sanction) return '罚款、拘留';
    const respondent = state.respondents.find((r) => r.partyId === sanction.respondentId)?.name ?? '';
    const measure =
      sanction.kind === 'detention'
        ? `司法拘留${respondent}${sanction.proposedDays ?? ''}日`
        : `罚款${respondent}${formatYuan(sanction.proposedFen ?? fen(0))}`;
    return `拟${measure}（依据：${sanction.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}）；可在法定限度内决定${sanction.kind === 'detention' ? '日数' : '金额'}`;
  }
  const plan = state.disbursementPlan;
  if (!plan) return '执行款发放';
  const paid = fen(plan.payouts.reduce((t, p) => t + p.amountFen, 0));
  const refund = plan.refundFen > 0 ? `；退还被执行人${formatYuan(plan.refundFen)}` : '';
  return `向${plan.payouts.length}名申请执行人发放共${formatYuan(paid)}${refund}`;
}

export type DeciderRefusal = 'unknown-user' | 'wrong-role' | 'other-court' | 'own-request';

/** Why this staff member may not decide this approval, or undefined if they may (separation of duties included). */
export function deciderRefusal(
  member: StaffMember | undefined,
  approval: { readonly requiredRole: Role; readonly court: string; readonly requester: string },
): DeciderRefusal | undefined {
  if (!member?.active) return 'unknown-user';
  if (!member.roles.includes(approval.requiredRole)) return 'wrong-role';
  if (member.court !== approval.court) return 'other-court';
  if (member.userId === approval.requester) return 'own-request';
  return undefined;
}
