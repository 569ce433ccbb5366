/**
 * 参与分配 on the case holding the money (民诉法解释 第五百零六条至第五百一十条, 2022年修正): who may apply and when
 * (DIST-APPLY), the plan (DIST-ORDER, ./distribution-plan.ts), the objection, opposition and suit windows
 * (DIST-OBJECTION, DIST-OPPOSITION) as time nodes, and what the court does when each window ends without the next
 * step: pay the plan as made, or as the objection revised it. Pure: the clock comes in as `now`.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant, isBefore, type LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase, TimeNode } from '../case/model.ts';
import { timeNode } from '../case/nodes.ts';
import { ledgerTotal } from '../case/reducer.ts';
import { FEE_PAYEE, owed } from '../disbursement/owed.ts';
import { derivedId } from '../ids.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { propertyPending } from './distribution-funds.ts';
import { type PlanFigures, planShares, type Share, settle, undisputed } from './distribution-plan.ts';
import type { DistributionCreditor, DistributionState, PayoutOrder } from './distribution-state.ts';
import { shareableFen } from './objection-effects.ts';
import type { Problem } from './suspension.ts';

export const OBJECTION_NODE = 'dispute:distribution-objection';
export const OPPOSITION_NODE = 'dispute:distribution-opposition';
export const SUIT_NODE = 'dispute:distribution-suit';

export type DistributionRules = Pick<
  Rules,
  'DIST_APPLY' | 'DIST_ORDER' | 'DIST_OBJECTION' | 'DIST_OPPOSITION' | 'F_DELAY_INTEREST' | 'F_PAYMENT_ORDER' | 'F1_FEE'
>;

/** The respondent whose money is shared: the case's only respondent. */
export function sharedRespondent(state: EnforcementCase): string | undefined {
  return state.respondents.length === 1 ? state.respondents[0]?.partyId : undefined;
}

/** What each applicant of this case is still owed on its money debt (claim items less what it was paid). */
export function hostClaims(state: EnforcementCase): { creditorId: string; name: string; claimFen: Fen }[] {
  return state.applicants.map((applicant) => {
    const debt = state.claim.items
      .filter((i) => i.creditorId === applicant.partyId)
      .reduce((t, i) => t + i.amountFen, 0);
    const paid = ledgerTotal(state, 'disbursed', applicant.partyId) + ledgerTotal(state, 'in-lieu', applicant.partyId);
    return { creditorId: applicant.partyId, name: applicant.name, claimFen: fen(Math.max(0, debt - paid)) };
  });
}

export interface Application {
  readonly creditorId: string;
  readonly claimFen: number;
  readonly priority: boolean;
  /** The creditor's own case, when this court runs it: it must be against the same respondent. */
  readonly otherCase?: EnforcementCase;
}

/**
 * What stands in the way of an application (DIST-APPLY): a respondent who is a natural person, money on the account
 * not yet paid out under a plan, a title (or a priority right), one application per creditor, and claims that the
 * money cannot pay in full (第五百零六条: 不能清偿所有债权).
 */
export function applicationProblems(
  state: EnforcementCase,
  application: Application,
  rules: Pick<Rules, 'DIST_APPLY'>,
): Problem[] {
  const problems: Problem[] = [];
  const rule = rules.DIST_APPLY.id;
  const respondentId = sharedRespondent(state);
  const respondent = state.respondents.find((r) => r.partyId === respondentId);
  if (!respondent || !(rules.DIST_APPLY.respondentKinds as readonly string[]).includes(respondent.kind))
    problems.push({ rule, message: '参与分配仅适用于被执行人为公民的案件（被执行人为企业法人的，依法申请破产）' });
  if (state.status === 'closed') problems.push({ rule, message: '案件已结案，被执行人的财产已执行终结' });
  if (state.status === 'disbursing') problems.push({ rule, message: '执行款正在发放，申请应在发放前提出' });
  const stage = state.distribution?.stage;
  if (stage && stage !== 'applying' && stage !== 'paid')
    problems.push({ rule, message: '分配方案已作出，申请应在执行款发放前提出' });
  // 第五百零六条: before the respondent's property is executed to its end: money on the account, or property still
  // being executed (a seal, a freeze) whose proceeds will come in.
  const pending = propertyPending(state).length > 0;
  if (shareableFen(state) <= 0 && !pending)
    problems.push({ rule, message: '本案账户没有可供分配的执行款，也没有尚在执行中的被执行人财产' });
  if (state.applicants.some((a) => a.partyId === application.creditorId))
    problems.push({ rule, message: '本案申请执行人无需申请参与分配' });
  const current = stage === 'paid' ? [] : (state.distribution?.creditors ?? []);
  if (current.some((c) => c.creditorId === application.creditorId))
    problems.push({ rule, message: '该债权人已申请参与分配' });
  if (application.claimFen <= 0) problems.push({ rule, message: '申请参与分配的债权应大于零' });
  const other = application.otherCase;
  if (other && respondentId && !other.respondents.some((r) => r.partyId === respondentId))
    problems.push({ rule, message: `${other.caseNumber}的被执行人与本案不是同一人` });
  if (other?.status === 'closed') problems.push({ rule, message: `${other.caseNumber}已结案` });
  const claims =
    hostClaims(state).reduce((t, c) => t + c.claimFen, 0) +
    current.reduce((t, c) => t + c.claimFen, 0) +
    application.claimFen;
  if (problems.length === 0 && !pending && claims <= shareableFen(state))
    problems.push({ rule, message: '被执行人的财产足以清偿全部债权，无需参与分配' });
  return problems;
}

/** The creditors in the order they share: this case's applicants first (their case came first), then by application. */
export function creditorsOf(state: EnforcementCase, now: Instant): DistributionCreditor[] {
  const applied = state.distribution?.creditors ?? [];
  const host = hostClaims(state)
    .filter((c) => c.claimFen > 0)
    .map((c) => ({ ...c, priority: false, title: state.basis.documentNumber, host: true, appliedAt: now }));
  return [...host, ...applied.filter((c) => !c.host)];
}

/** The most the plan may take as costs: what is left of this case's execution fee (F1-FEE), which it bears. */
export function costsCap(state: EnforcementCase, rules: DistributionRules, today: LocalDate): number {
  return Math.max(0, owed(state, today, rules).feeFen - ledgerTotal(state, 'disbursed', FEE_PAYEE));
}

export function planProblems(
  state: EnforcementCase,
  costsFen: number,
  rules: DistributionRules,
  today: LocalDate,
): Problem[] {
  const problems: Problem[] = [];
  const stage = state.distribution?.stage;
  if (stage !== 'applying' && stage !== 'planned')
    problems.push({ rule: rules.DIST_ORDER.id, message: '没有待分配的参与分配申请' });
  if (!(state.distribution?.creditors ?? []).some((c) => !c.host))
    problems.push({ rule: rules.DIST_ORDER.id, message: '尚无其他债权人申请参与分配' });
  if (costsFen > costsCap(state, rules, today))
    problems.push({ rule: rules.DIST_ORDER.id, message: '执行费用超过本案尚未收取的申请执行费' });
  if (shareableFen(state) <= 0)
    problems.push({
      rule: rules.DIST_ORDER.id,
      message: '尚无可供分配的执行款：拍卖、变卖所得或扣划的存款到账后再制作分配方案',
    });
  else if (costsFen > shareableFen(state))
    problems.push({ rule: rules.DIST_ORDER.id, message: '执行费用超过可供分配的案款' });
  return problems;
}

/** The plan over the money now on the account, less what a third party's objection holds. */
export function makePlan(state: EnforcementCase, costsFen: number, now: Instant): PlanFigures {
  const creditors = creditorsOf(state, now);
  return planShares(shareableFen(state), costsFen, creditors);
}

/** The plan with one creditor's claim as the objector says it is (第五百一十条: 依异议人的意见修正). */
export function revisedPlan(state: EnforcementCase, against: string, claimFen: number, now: Instant): PlanFigures {
  const plan = state.distribution?.plan;
  if (!plan) throw new Error('no plan to revise');
  const creditors = creditorsOf(state, now).map((c) =>
    c.creditorId === against ? { ...c, claimFen: fen(claimFen) } : c,
  );
  return planShares(plan.availableFen, plan.costsFen, creditors);
}

/** A window of the dispute as a node, from `start` (the legal calendar moves a last day off a holiday). */
export function windowNode(
  node: typeof OBJECTION_NODE | typeof OPPOSITION_NODE | typeof SUIT_NODE,
  rules: DistributionRules,
  start: Instant,
  calendar: LegalCalendar,
): TimeNode {
  if (node === OBJECTION_NODE)
    return timeNode(node, rules.DIST_OBJECTION.id, rules.DIST_OBJECTION.period, start, calendar);
  const period = node === OPPOSITION_NODE ? rules.DIST_OPPOSITION.oppose : rules.DIST_OPPOSITION.sue;
  return timeNode(node, rules.DIST_OPPOSITION.id, period, start, calendar);
}

/** Whether the window's node is still open at `now` (a step taken after it closed is refused). */
export function windowOpen(state: EnforcementCase, node: string, now: Instant): boolean {
  const found = state.nodes[node];
  return found?.status === 'open' && !isBefore(found.dueAt, now);
}

export type Lapse =
  | { readonly pay: 'original' | 'revised'; readonly node: string; readonly reason: string }
  | { readonly pay: undefined };

/** What the court does at `now` because a window ended with nobody taking the next step. */
export function lapsed(state: EnforcementCase, now: Instant): Lapse {
  const d = state.distribution;
  const ended = (node: string) => {
    const found = state.nodes[node];
    return found !== undefined && found.status !== 'met' && isBefore(found.dueAt, now);
  };
  if (d?.stage === 'served' && ended(OBJECTION_NODE))
    return { pay: 'original', node: OBJECTION_NODE, reason: '异议期间届满无人提出异议，按分配方案分配' };
  if (d?.stage === 'objected' && ended(OPPOSITION_NODE))
    return { pay: 'revised', node: OPPOSITION_NODE, reason: '未提出反对意见，依异议人的意见修正后分配' };
  if (d?.stage === 'opposed' && ended(SUIT_NODE))
    return { pay: 'original', node: SUIT_NODE, reason: '异议人逾期未起诉，按原分配方案分配' };
  return { pay: undefined };
}

/** The payments for `shares` (and a refund), each with an entry id fixed by the case, the round and the payee. */
export function payoutOrders(
  state: EnforcementCase,
  as: string,
  shares: readonly Share[],
  costsFen: number,
  refundFen: number,
): PayoutOrder[] {
  const d: DistributionState | undefined = state.distribution;
  const round = String(d?.round ?? 1);
  const host = new Set(state.applicants.map((a) => a.partyId));
  const id = (payee: string) => derivedId('e', state.caseId, 'distribution', round, as, payee);
  const orders: PayoutOrder[] = [];
  if (costsFen > 0)
    orders.push({ entryId: id(FEE_PAYEE), payeeId: FEE_PAYEE, amountFen: fen(costsFen), kind: 'disbursed' });
  for (const share of shares) {
    if (share.amountFen <= 0) continue;
    orders.push({
      entryId: id(share.creditorId),
      payeeId: share.creditorId,
      amountFen: share.amountFen,
      kind: host.has(share.creditorId) ? 'disbursed' : 'shared',
    });
  }
  const respondent = sharedRespondent(state);
  if (refundFen > 0 && respondent)
    orders.push({
      entryId: id(`refund:${respondent}`),
      payeeId: respondent,
      amountFen: fen(refundFen),
      kind: 'refunded',
    });
  return orders;
}

/** What the suit leaves to pay at once, and what it holds. */
export function undisputedPart(state: EnforcementCase): { shares: Share[]; refundFen: Fen; heldFen: Fen } {
  const d = state.distribution;
  if (!d?.plan || !d.objection) throw new Error('no objection to hold money for');
  const part = undisputed(d.plan, d.objection.revised);
  return {
    shares: part.shares,
    refundFen: fen(Math.min(d.plan.refundFen, d.objection.revised.refundFen)),
    heldFen: part.heldFen,
  };
}

/** What the held money pays once judged: the upheld plan less what was paid while the suit ran. */
export function judgedPart(
  state: EnforcementCase,
  upheld: 'original' | 'revised',
): { shares: Share[]; refundFen: Fen } {
  const d = state.distribution;
  if (!d?.plan || !d.objection || !d.paidNow) throw new Error('no suit to judge');
  return settle(upheld === 'original' ? d.plan : d.objection.revised, d.paidNow.shares, d.paidNow.refundFen);
}

/** The day the plan was served, as an instant to count the objection window from. */
export function servedDay(now: Instant): LocalDate {
  return chinaDateOf(now);
}
