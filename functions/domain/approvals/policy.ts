/**
 * Which role decides which step, and who it escalates to when the decision is late: the decision table. Each step
 * names its ladder of deciding roles (level 0 is the first rung) and where on it a request starts; what else each
 * role may do with tasks and cases is the other half of the role table, in ./authority.ts.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, secondsUntil } from '../calendar/local-date.ts';
import type { EnforcementCase } from '../case/model.ts';
import { nodeLabel } from '../case/node-labels.ts';
import type { CaseStatus } from '../case/status.ts';
import { CLOSURE_WAY_LABELS, groundOf, isStaffWay } from '../closure/grounds.ts';
import { CONDUCT_LABELS } from '../coercion/labels.ts';
import { outstandingFen } from '../control/plan.ts';
import { FEE_PAYEE } from '../disbursement/owed.ts';
import { lotAwaitingTerms } from '../disposal/plan.ts';
import { isMeasureStep, measureSummary } from '../measures/decisions.ts';
import { isReliefPayee } from '../measures/relief.ts';
import { isRewardPayee } from '../measures/reward.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { RULES } from '../rules/values.ts';
import type { Role } from '../staff/roles.ts';

/** The bureau's escalation ladder: an approval not decided in time goes one rung up. */
export const ESCALATION_LADDER = ['team-lead', 'bureau-chief', 'president'] as const satisfies readonly Role[];

/** One row of the decision table. */
export interface StepPolicy {
  readonly label: string;
  readonly ladder: readonly Role[];
  readonly firstRole: Role | 'by-amount';
  /** The status the case waits in, and where each decision takes it; absent: the decision changes no status. */
  readonly waiting?: CaseStatus;
  readonly onApproved?: CaseStatus;
  readonly onRejected?: CaseStatus;
}

export const APPROVAL_STEPS = {
  'control-plan': {
    label: '冻结扣划方案审批',
    ladder: ESCALATION_LADDER,
    firstRole: 'team-lead',
    waiting: 'control-approval',
    onApproved: 'controlling',
    onRejected: 'awaiting-officer',
  },
  disbursement: {
    label: '执行款发放审批',
    ladder: ESCALATION_LADDER,
    /** F2: where the request starts depends on the amount (P-DISBURSEMENT-LEVELS). */
    firstRole: 'by-amount',
    waiting: 'disbursement-approval',
    onApproved: 'disbursing',
    onRejected: 'awaiting-officer',
  },
  /** E2, E5, E8: the collegial panel sets each auction's starting price and deposit. */
  'auction-terms': {
    label: '拍卖条件审批（合议庭）',
    ladder: ['panel-member'],
    firstRole: 'panel-member',
    waiting: 'disposing',
    onApproved: 'disposing',
    onRejected: 'disposing',
  },
  /** C2: fines and detention need the president's (or a vice-president's) approval; the phase goes on either way. */
  sanction: {
    label: '罚款、拘留审批',
    /** Only the president decides: a late decision is not escalated, the command center is told. */
    ladder: ['president'],
    firstRole: 'president',
    waiting: 'coercing',
    onApproved: 'coercing',
    onRejected: 'coercing',
  },
  /**
   * C4, C6: the consumption-restriction order (限高规定 第五条) and the listing decision (法释〔2017〕7号 第五条) are
   * signed by the president. One approval per proposal: when both are proposed together the president decides each
   * measure on its own (decision data `restriction`, `listing`). No status: the phase goes on either way.
   */
  'credit-discipline': {
    label: '限制消费令、失信决定书签发审批',
    ladder: ['president'],
    firstRole: 'president',
  },
  /** G2: 终本 is decided by the bureau chief (court working rule), escalating to the president. */
  'final-closure': {
    label: '终结本次执行程序审批',
    ladder: ['bureau-chief', 'president'],
    firstRole: 'bureau-chief',
    waiting: 'final-closure-review',
    onApproved: 'final-closure-review',
    onRejected: 'awaiting-officer',
  },
  /**
   * G1: termination, withdrawal, non-enforcement and rejection, asked for by the officer while the case goes on: the
   * case keeps its status until the closure is recorded (no status of its own while it waits).
   */
  closure: {
    label: '结案审批（终结执行、销案、不予执行、驳回申请）',
    ladder: ['bureau-chief', 'president'],
    firstRole: 'bureau-chief',
  },
  /**
   * An overdue time node of any kind becomes a supervision task: the team lead, then the bureau chief when the team
   * lead lets it lie (P-NODE-WARNING). Approve: supervision arranged; reject: with the reason it needs none. The
   * case's status does not change.
   */
  'overdue-node': {
    label: '逾期节点督办',
    ladder: ['team-lead', 'bureau-chief'],
    firstRole: 'team-lead',
  },
  /** A2: extending the enforcement term (A1) needs the president's approval, requested in its last days. */
  'term-extension': {
    label: '延长执行期限审批',
    ladder: ['president'],
    firstRole: 'president',
  },
  /** M-EXIT-BAN: the law names no approver; the court's working rule (P-MEASURES): the bureau chief, then the president. */
  'exit-ban': {
    label: '限制出境审批',
    ladder: ['bureau-chief', 'president'],
    firstRole: 'bureau-chief',
  },
  /** M-REWARD 第二十一条: the court decides whether to publish; the team lead, then the bureau chief (working rule). */
  'reward-notice': {
    label: '悬赏公告审批',
    ladder: ['team-lead', 'bureau-chief'],
    firstRole: 'team-lead',
  },
  /** M-RELIEF: the amount within the cap; the bureau chief, then the president (working rule; verify per court). */
  'judicial-relief': {
    label: '国家司法救助审批',
    ladder: ['bureau-chief', 'president'],
    firstRole: 'bureau-chief',
  },
  /** M-BANKRUPTCY 第5条: the collegial panel reviews the proposed referral first (E8-PANEL: each member votes). */
  'bankruptcy-panel': {
    label: '移送破产审查合议庭评议',
    ladder: ['panel-member'],
    firstRole: 'panel-member',
  },
  /** M-BANKRUPTCY 第5条: the president signs the referral decision, once the panel agreed. */
  'bankruptcy-referral': {
    label: '移送破产审查决定（院长签署）',
    ladder: ['president'],
    firstRole: 'president',
  },
} as const satisfies Record<string, StepPolicy>;
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
  const level = ladderOf(step).indexOf(role);
  if (level < 0) throw new Error(`role ${role} is not on the escalation ladder of ${step}`);
  return level;
}

export function ladderOf(step: ApprovalStep): readonly Role[] {
  return APPROVAL_STEPS[step].ladder;
}

/** The role that decides `step` at `level`. */
export function roleAt(step: ApprovalStep, level: number): Role {
  const role = ladderOf(step)[level];
  if (!role) throw new Error(`no escalation level ${level} for ${step}`);
  return role;
}

export function canEscalate(step: ApprovalStep, level: number): boolean {
  return level + 1 < ladderOf(step).length;
}

/** Every rung of every step: the rows of the decision table (what the authorization matrix is generated from). */
export function decisionRows(): readonly {
  readonly step: ApprovalStep;
  readonly level: number;
  readonly role: Role;
}[] {
  return (Object.keys(APPROVAL_STEPS) as ApprovalStep[]).flatMap((step) =>
    ladderOf(step).map((role, level) => ({ step, level, role })),
  );
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
export function approvalTerms(
  step: ApprovalStep,
  level: number,
  now: Instant,
  rules: Rules,
  calendar: LegalCalendar,
): ApprovalTerms {
  const end = calendar.periodEnd(chinaDateOf(now), rules.P_APPROVAL.period);
  const dueAt = endOfChinaDay(end.date);
  return {
    level,
    requiredRole: roleAt(step, level),
    dueAt,
    timeoutSeconds: Math.max(1, secondsUntil(now, dueAt)),
    unconfirmedYears: end.unconfirmedYears,
  };
}

/**
 * The amount an approval lets leave the case account, when it is about money: the decider confirms it (decision
 * data `confirmedAmountFen`), so that an approval is never given to a plan other than the one the decider read.
 */
export function approvalAmount(step: ApprovalStep, state: EnforcementCase): Fen | undefined {
  if (step !== 'disbursement' || !state.disbursementPlan) return undefined;
  const plan = state.disbursementPlan;
  return fen(plan.payouts.reduce((t, p) => t + p.amountFen, 0) + plan.refundFen);
}

/**
 * What the approver is asked to decide, in one line, built from the case when the approval is requested. It is
 * kept with the approval, never carried in workflow state, and names amounts, not people.
 */
export function approvalSummary(
  step: ApprovalStep,
  state: EnforcementCase,
  rules: Rules,
  subject?: { readonly node?: string; readonly months?: number },
): string {
  if (step === 'overdue-node' || step === 'term-extension') {
    const node = subject?.node ? state.nodes[subject.node] : undefined;
    if (!node) return APPROVAL_STEPS[step].label;
    if (step === 'term-extension')
      return `${nodeLabel(node.node)}：执行期限将于${node.dueDate}届满，申请延长${subject?.months ?? ''}个月（A2，须院长批准）`;
    return `${nodeLabel(node.node)}已逾期（应于${node.dueDate}前完成，规则${node.ruleId}），请督促承办人办理`;
  }
  if (step === 'control-plan') {
    const plan = state.controlPlan;
    if (!plan) return '冻结扣划方案';
    // Money is frozen for an amount; property (a flat, a car, shares) is sealed, which has no amount.
    const isMoney = (assetId: string) => ['deposit', 'online-funds'].includes(state.assets[assetId]?.class ?? '');
    const frozen = plan.freezes.filter((f) => isMoney(f.assetId));
    const sealed = plan.freezes.length - frozen.length;
    const amount = fen(frozen.reduce((t, f) => t + f.amountFen, 0));
    const parts = [
      ...(frozen.length > 0 ? [`冻结存款、网络资金${frozen.length}项共${formatYuan(amount)}`] : []),
      ...(sealed > 0 ? [`查封财产${sealed}项`] : []),
      ...(plan.entrustments.length > 0 ? [`委托外地法院查封${plan.entrustments.length}项`] : []),
    ];
    return `${parts.join('；')}；待执行${formatYuan(plan.outstandingFen)}`;
  }
  if (step === 'auction-terms') {
    const lot = lotAwaitingTerms(state, rules);
    if (!lot) return '拍卖条件';
    const stage = lot.stage === 'first' ? '第一次拍卖' : '再次拍卖';
    return `${stage}：${lot.reference}，参考价${formatYuan(lot.referencePriceFen)}；拟起拍价${formatYuan(lot.proposed.startingPriceFen)}，保证金${formatYuan(lot.proposed.depositFen)}；可在法定限度内另定（E2、E5、E8）`;
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
  if (step === 'credit-discipline') return creditSummary(state);
  if (isMeasureStep(step)) return measureSummary(step, state, rules);
  if (step === 'final-closure' || step === 'closure') return closureSummary(state);
  const plan = state.disbursementPlan;
  if (!plan) return '执行款发放';
  const toApplicants = plan.payouts.filter(
    (p) => p.payeeId !== FEE_PAYEE && !isReliefPayee(p.payeeId) && !isRewardPayee(p.payeeId),
  );
  const paid = fen(toApplicants.reduce((t, p) => t + p.amountFen, 0));
  const recovered = fen(plan.payouts.filter((p) => isReliefPayee(p.payeeId)).reduce((t, p) => t + p.amountFen, 0));
  const rewards = fen(plan.payouts.filter((p) => isRewardPayee(p.payeeId)).reduce((t, p) => t + p.amountFen, 0));
  const fee = plan.payouts.find((p) => p.payeeId === FEE_PAYEE);
  const parts = [
    // Nothing to the applicants (all of it repays the relief fund, or goes back to the respondent): not said as
    // "向0名申请执行人发放共0.00元".
    ...(paid > 0 ? [`向${toApplicants.length}名申请执行人发放共${formatYuan(paid)}`] : []),
    ...(rewards > 0
      ? [`向举报人发放悬赏金${formatYuan(rewards)}（从申请执行人应得的执行款中扣减，M-REWARD 第二十四条）`]
      : []),
    ...(recovered > 0 ? [`归还司法救助资金${formatYuan(recovered)}（扣回先行支付的司法救助金，M-RELIEF）`] : []),
    ...(fee ? [`收取申请执行费${formatYuan(fee.amountFen)}（由被执行人负担）`] : []),
    ...(plan.refundFen > 0 ? [`退还被执行人${formatYuan(plan.refundFen)}`] : []),
    ...(plan.interestFen
      ? [
          `迟延履行期间的加倍部分债务利息截至${plan.interestThrough ?? ''}共${formatYuan(plan.interestFen)}（先清偿金钱债务，再清偿利息）`,
        ]
      : []),
  ];
  if (parts.length === 0) return '本次无款项发放';
  return paid > 0 ? parts.join('；') : `本次不向申请执行人发放：${parts.join('；')}`;
}

/** C4, C6: the measures the president is asked to sign, each of which may be refused on its own. */
function creditSummary(state: EnforcementCase): string {
  const proposal = state.coercion?.creditProposal;
  if (!proposal) return APPROVAL_STEPS['credit-discipline'].label;
  const listing = proposal.listing;
  const measures = [
    proposal.restriction ? '限制消费令（C4，限高规定第五条）' : undefined,
    listing
      ? `纳入失信被执行人名单${listing.years !== undefined ? `${listing.years}年` : '（不设期限）'}的决定书（C6，法释〔2017〕7号第五条；情形：${listing.grounds.map((g) => CONDUCT_LABELS[g]).join('、')}）`
      : undefined,
  ].filter((m) => m !== undefined);
  const separately = measures.length > 1 ? '；可分别同意或不同意' : '';
  const why = proposal.forClosure ? '；此前未予签发，强制措施已穷尽，终结本次执行程序须已发出限制消费令（G2）' : '';
  return `拟签发${measures.join('、')}${separately}${why}`;
}

const OPINION_LABELS = { agrees: '同意终本', objects: '不同意终本', unreachable: '未能约谈' } as const;

/** A closure's approval: the way, its ground, what is left unpaid, and for 终本 what the applicant said. */
function closureSummary(state: EnforcementCase): string {
  const review = state.closureReview;
  if (!review) return '结案';
  const way = CLOSURE_WAY_LABELS[review.way];
  const ground = isStaffWay(review.way) ? groundOf(review.way, review.ground, RULES) : undefined;
  const unpaid = `尚未执行${formatYuan(outstandingFen(state))}`;
  if (review.way === 'final-round-closure') {
    const heard = state.interview ? `；申请执行人意见：${OPINION_LABELS[state.interview.opinion]}` : '';
    // Only the measures actually in force stay in force after 终本: never a listing the respondent never had.
    const coercion = state.coercion;
    const inForce = [
      ...(coercion?.restriction && !coercion.restriction.liftedAt ? ['限制消费令'] : []),
      ...(coercion?.listing && !coercion.listing.removedAt ? ['失信名单'] : []),
    ];
    const measures = inForce.length > 0 ? `，${inForce.join('、')}继续有效` : '';
    return `${way}：${unpaid}，财产调查已穷尽${measures}${heard}`;
  }
  return `${way}（事由：${ground?.zh ?? review.ground ?? ''}）：${unpaid}${review.reason ? `；理由：${review.reason}` : ''}`;
}
