/**
 * 中止执行 (SUSPENSION: 民诉法 第二百六十七条) and 暂缓执行 on a guarantee (DEFERRAL: 第二百四十二条, 执行担保规定
 * 第十条至第十三条). The officer proposes, the bureau chief rules (never the proposer); from the ruling the running
 * phases stop. A suspension lasts until its ground is gone; a deferral until its last day, when the respondent who
 * still has not performed has the guarantee called (the guaranteed property or the guarantor, within the guarantee
 * period). Either way the days stopped are not counted in the enforcement term (TERM-EXCLUDED): resuming moves the
 * A1 node's due date on by as many days.
 */
import {
  compareDates,
  daysBetween,
  endOfChinaDay,
  type Instant,
  isBefore,
  type LocalDate,
  plusDays,
  plusMonths,
} from '../calendar/local-date.ts';
import type { EnforcementCase, TimeNode } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';
import type { Guarantee, SuspensionState } from './distribution-state.ts';

export const GROUND_LABELS: Readonly<Record<string, string>> = {
  'applicant-agrees-to-defer': '申请人表示可以延期执行',
  'third-party-objection-justified': '案外人对执行标的提出确有理由的异议',
  'party-died-awaiting-successor': '作为一方当事人的公民死亡，需要等待继承人继承权利或者承担义务',
  'organisation-ended-awaiting-successor': '作为一方当事人的法人或者其他组织终止，尚未确定权利义务承受人',
  'other-court-finds': '人民法院认为应当中止执行的其他情形',
  'retrial-ordered': '按照审判监督程序决定再审，裁定中止原判决、裁定、调解书的执行',
  'bankruptcy-accepted': '人民法院受理以被执行人为债务人的破产申请',
  guarantee: '被执行人提供担保，申请执行人同意（执行担保）',
  'higher-court-deferral': '上级人民法院通知暂缓执行',
};

export const DEFERRAL_NODE = 'dispute:deferral';
export const GUARANTEE_NODE = 'dispute:guarantee';
/** Who resumes a deferral at its term's end (the `by` of that lifting): the node sweeper, as the system. */
export const DEFERRAL_END = 'system:deferral-end';

export interface Problem {
  readonly rule: string;
  readonly message: string;
}

/** A suspension or deferral cannot be proposed on a closed case, or while another is pending or in force. */
function blocking(state: EnforcementCase): Problem[] {
  if (state.status === 'closed') return [{ rule: 'SUSPENSION', message: '案件已结案' }];
  const current = state.suspension?.status;
  if (current === 'proposed') return [{ rule: 'SUSPENSION', message: '已有待审批的中止（暂缓）执行' }];
  if (current === 'in-force') return [{ rule: 'SUSPENSION', message: '案件已中止（暂缓）执行' }];
  return [];
}

/** What stands in the way of a suspension on `ground` (SUSPENSION: one of 第二百六十七条's grounds). */
export function suspensionProblems(
  state: EnforcementCase,
  ground: string,
  rules: Pick<Rules, 'SUSPENSION'>,
): Problem[] {
  const problems = blocking(state);
  if (!(rules.SUSPENSION.grounds as readonly string[]).includes(ground))
    problems.push({
      rule: 'SUSPENSION',
      message:
        '中止执行的事由不属于民事诉讼法第二百六十七条、审判监督程序、企业破产法第十九条规定的情形或上级人民法院通知暂缓执行',
    });
  return problems;
}

export interface DeferralTerms {
  readonly until: LocalDate;
  readonly guarantor: string;
  readonly form: Guarantee['form'];
  readonly amountFen: number;
  /** The guarantee's own period from the end of the deferral; the GUARANTEE default when the guarantee names none. */
  readonly periodMonths?: number;
  readonly applicantConsent: boolean;
}

/**
 * What stands in the way of a deferral (DEFERRAL): the applicant's consent (第二百四十二条), a guarantee with an
 * amount, a last day after today and at most DEFERRAL.maxMonths away (第十条).
 */
export function deferralProblems(
  state: EnforcementCase,
  terms: DeferralTerms,
  today: LocalDate,
  rules: Pick<Rules, 'DEFERRAL'>,
): Problem[] {
  const problems = blocking(state);
  if (!terms.applicantConsent)
    problems.push({ rule: 'DEFERRAL', message: '暂缓执行须经申请执行人同意（民事诉讼法第二百四十二条）' });
  if (terms.amountFen <= 0) problems.push({ rule: 'DEFERRAL', message: '担保数额应大于零' });
  if (compareDates(terms.until, today) <= 0) problems.push({ rule: 'DEFERRAL', message: '暂缓执行的期限应在今日之后' });
  const latest = plusMonths(today, rules.DEFERRAL.maxMonths);
  if (compareDates(terms.until, latest) > 0)
    problems.push({
      rule: 'DEFERRAL',
      message: `暂缓执行的期限最长不得超过${rules.DEFERRAL.maxMonths}个月（至${latest}）`,
    });
  return problems;
}

/** The last day of the guarantee period: from the end of the deferral, the guarantee's own months or GUARANTEE's. */
export function guaranteePeriodEnd(until: LocalDate, months: number | undefined, rules: Pick<Rules, 'GUARANTEE'>) {
  return plusMonths(until, months ?? rules.GUARANTEE.period.months);
}

/** The deferral's last day and the guarantee period's, as nodes: the court acts when each ends. */
export function deferralNodes(
  suspension: SuspensionState,
  from: LocalDate,
  rules: Pick<Rules, 'DEFERRAL' | 'GUARANTEE'>,
): TimeNode[] {
  if (suspension.kind !== 'deferral' || !suspension.until || !suspension.guarantee) return [];
  const fixed = (node: TimeNode['node'], ruleId: string, dueDate: LocalDate): TimeNode => ({
    node,
    ruleId,
    startedOn: from,
    dueDate,
    dueAt: endOfChinaDay(dueDate),
    unconfirmedYears: [],
    status: 'open',
  });
  // The deferral's term ends with its last day: at the first instant after it the node sweeper resumes enforcement
  // (DEFERRAL.resumeAtTermEnd; `deferralEnded`), which meets the node. The guarantee can be called from then on,
  // until the guarantee period's last day at the latest (第十三条: not after it).
  return [
    fixed(DEFERRAL_NODE, rules.DEFERRAL.id, suspension.until),
    fixed(GUARANTEE_NODE, rules.GUARANTEE.id, suspension.guarantee.periodEndsOn),
  ];
}

/**
 * The deferral's term is over and enforcement has not resumed yet: from the first instant after its last day, the
 * court resumes it at once (DEFERRAL: 暂缓执行规定 第十三条), without waiting for anyone to ask.
 */
export function deferralEnded(state: EnforcementCase, now: Instant, rules: Pick<Rules, 'DEFERRAL'>): boolean {
  const s = state.suspension;
  if (!rules.DEFERRAL.resumeAtTermEnd || s?.kind !== 'deferral' || s.status !== 'in-force' || !s.until) return false;
  return isBefore(endOfChinaDay(s.until), now);
}

/**
 * The guarantee may be called (执行担保规定 第十一条): the deferral's term is over, the respondent has not performed
 * and the guarantee was not called yet, whether enforcement resumed by itself at the term's end or not.
 */
export function guaranteeCallable(suspension: SuspensionState | undefined, today: LocalDate): boolean {
  if (suspension?.kind !== 'deferral' || !suspension.until || compareDates(today, suspension.until) <= 0) return false;
  return suspension.status === 'in-force' || suspension.status === 'resumed';
}

/** Days stopped, not counted in the enforcement term: from the ruling's day to the day before resuming. */
export function excludedDays(from: LocalDate, resumedOn: LocalDate): number {
  return Math.max(0, daysBetween(from, resumedOn));
}

/**
 * The enforcement term (A1) moved on by the days stopped (TERM-EXCLUDED), the original due date kept; undefined
 * when the case has no open term.
 */
export function extendedTerm(state: EnforcementCase, days: number, rules: Pick<Rules, 'A1'>): TimeNode | undefined {
  const term = state.nodes['enforcement-term'];
  if (!term || term.status === 'met' || days <= 0 || term.ruleId !== rules.A1.id) return undefined;
  const dueDate = plusDays(term.dueDate, days);
  return {
    ...term,
    dueDate,
    dueAt: endOfChinaDay(dueDate),
    status: 'open',
    originalDueDate: term.originalDueDate ?? term.dueDate,
  };
}

/** Whether the guarantor can still be enforced against on `today` (GUARANTEE 第十三条: not after the period). */
export function guaranteeEnforceable(suspension: SuspensionState | undefined, today: LocalDate): boolean {
  const guarantee = suspension?.guarantee;
  if (!guarantee || suspension?.kind !== 'deferral') return false;
  return compareDates(today, guarantee.periodEndsOn) <= 0;
}
