/**
 * The closure phase, step by step: after every event (a wait ended, the applicant answered, an approval was
 * decided) the phase asks `planClosure` what to do. 终本 (G2) waits while only time is missing, hears the applicant,
 * then goes to its approval; the other ways of G1 go to theirs once their ground holds. Anything else missing is
 * named and the case goes back to the officer. An approved closure is checked once more, then recorded.
 */

import type { ApprovalStep } from '../approvals/policy.ts';
import { type Instant, plusSeconds, startOfChinaDay } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { ClosureProblem, EnforcementCase } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { approvalIdFor } from '../ids.ts';
import { withExitLift } from '../measures/exit-ban.ts';
import { type Fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { heldAssets } from '../seizures/renewal.ts';
import { earliestFinalClosure, finalClosureProblems, WAITABLE_PROBLEMS } from './final-closure.ts';
import { CLOSURE_WAY_LABELS, closureProblems, isStaffWay } from './grounds.ts';

export type ClosureNext =
  | { readonly kind: 'wait'; readonly until: Instant }
  | { readonly kind: 'interview' }
  | { readonly kind: 'approve'; readonly step: Extract<ApprovalStep, 'final-closure' | 'closure'> }
  | { readonly kind: 'closed' }
  /** 终本 (法〔2016〕373号 第六条): serve the issued ruling on the applicant; the case closes once it is served. */
  | { readonly kind: 'serve-ruling'; readonly method: 'electronic' | 'postal' }
  | { readonly kind: 'refused' };

export interface ClosurePlan {
  readonly events: readonly CaseEvent[];
  readonly next: ClosureNext;
  /** For the command center and the officer, when the review is refused. */
  readonly refusal?: readonly ClosureProblem[];
}

export function approvalStepOf(state: EnforcementCase): 'final-closure' | 'closure' {
  return state.closureReview?.way === 'final-round-closure' ? 'final-closure' : 'closure';
}

/** The decided approval of this execution's closure, if any (the ladder's rungs each have their id). */
function decidedApproval(state: EnforcementCase, execution: string, step: 'final-closure' | 'closure') {
  for (let level = 0; level < 4; level++) {
    const approval = state.approvals[approvalIdFor(execution, step, level)];
    if (approval && (approval.status === 'approved' || approval.status === 'rejected')) return approval;
  }
  return undefined;
}

export function reviewProblems(state: EnforcementCase, rules: Rules, now: Instant): ClosureProblem[] {
  const review = state.closureReview;
  if (!review) return [];
  if (review.way === 'final-round-closure') return finalClosureProblems(state, rules, now);
  if (!isStaffWay(review.way)) return [];
  return closureProblems(state, review.way, review.ground, rules);
}

function sameProblems(a: readonly ClosureProblem[], b: readonly ClosureProblem[]): boolean {
  return a.length === b.length && a.every((p, i) => p.code === b[i]?.code && p.message === b[i]?.message);
}

function refuse(state: EnforcementCase, problems: readonly ClosureProblem[]): ClosurePlan {
  const events: CaseEvent[] = [
    { type: 'closure-refused', problems, next: 'officer' },
    { type: 'closure-review-ended', outcome: 'refused' },
  ];
  if (state.status === 'final-closure-review') {
    events.push({
      type: 'status-changed',
      from: state.status,
      to: 'awaiting-officer',
      reason: `不符合终结本次执行程序的条件：${problems.map((p) => p.message).join('；')}`,
    });
  }
  return { events, next: { kind: 'refused' }, refusal: problems };
}

/**
 * Money received while the 终本 ruling is being served (before the case is closed): 终本 needs that no property is
 * available to enforce on (法〔2016〕373号 第一条第（三）项; 第四条 names the property that may remain, property that
 * cannot be disposed of), and money on the case account is property to pay out. So the closure is not completed: the
 * review is refused as it is for money that came in before the decision ('account', F1), and the money is paid out
 * by a disbursement run (use-cases/closure-ruling.ts), which closes the case as 执行完毕 when it covers the claim, or
 * hands the case back for a new review.
 */
function refuseForMoney(state: EnforcementCase, balance: Fen): ClosurePlan {
  const amount = formatYuan(balance);
  const problems: ClosureProblem[] = [
    {
      ruleId: 'F1',
      code: 'account',
      message: `终本裁定送达期间收到案款${amount}，案款账户尚有${amount}未发放（F1）`,
    },
  ];
  const events: CaseEvent[] = [
    { type: 'closure-refused', problems, next: 'officer' },
    { type: 'closure-review-ended', outcome: 'refused' },
  ];
  if (state.status !== 'awaiting-officer') {
    events.push({
      type: 'status-changed',
      from: state.status,
      to: 'awaiting-officer',
      reason: `终本裁定送达期间收到案款${amount}，不再终结本次执行程序，先依法发放案款`,
    });
  }
  return { events, next: { kind: 'refused' }, refusal: problems };
}

/**
 * What a 终本 closure leaves in force, as the case shows it: the restriction and the listing only when they were
 * issued and are not lifted or removed (a respondent never listed has no listing that 继续有效).
 */
export function finalRoundSummary(state: EnforcementCase): string {
  const c = state.coercion;
  const inForce = [
    c?.restriction && !c.restriction.liftedAt ? '限制消费令' : undefined,
    c?.listing && !c.listing.removedAt ? '失信被执行人名单' : undefined,
  ].filter((x): x is string => x !== undefined);
  return `终结本次执行程序；${inForce.length > 0 ? `${inForce.join('、')}继续有效，` : ''}定期查询被执行人财产`;
}

function close(state: EnforcementCase, now: Instant): CaseEvent[] {
  const review = state.closureReview;
  if (!review) return [];
  const finalRound = review.way === 'final-round-closure';
  const events: CaseEvent[] = [
    { type: 'case-closed', way: review.way, ...(review.ground ? { ground: review.ground } : {}) },
  ];
  // Outside 终本 the case is over: what it holds is released (终本 keeps nothing held, by its conditions).
  if (!finalRound) {
    for (const asset of heldAssets(state))
      events.push({
        type: 'seizure-released',
        assetId: asset.assetId,
        reason: `${CLOSURE_WAY_LABELS[review.way]}结案`,
      });
  }
  events.push(
    {
      type: 'status-changed',
      from: state.status,
      to: 'closed',
      reason: finalRound ? finalRoundSummary(state) : CLOSURE_WAY_LABELS[review.way],
    },
    { type: 'closure-review-ended', outcome: 'granted' },
  );
  // M-EXIT-BAN: closed other than by 终本, an exit restriction still in force is lifted with the closure.
  return withExitLift(state, events, now);
}

/**
 * How the 终本 ruling goes to the applicant: through the e-service platform when the applicant consented to it and
 * no attempt failed yet; otherwise by post.
 */
export function rulingServiceMethod(state: EnforcementCase): 'electronic' | 'postal' {
  const consented = state.applicants[0]?.contact.eServiceConsent === true;
  return consented && (state.closureReview?.rulingAttempts ?? 0) === 0 ? 'electronic' : 'postal';
}

/** `execution` is the closure phase's execution: its approvals are found by their ids. */
export function planClosure(state: EnforcementCase, rules: Rules, now: Instant, execution: string): ClosurePlan {
  const review = state.closureReview;
  if (!review) return { events: [], next: { kind: 'refused' } };
  if (review.status === 'granted' || state.status === 'closed') return { events: [], next: { kind: 'closed' } };
  if (review.status === 'refused' || review.status === 'rejected') return { events: [], next: { kind: 'refused' } };
  const step = approvalStepOf(state);
  const problems = reviewProblems(state, rules, now);
  const decided = decidedApproval(state, execution, step);
  if (decided?.status === 'rejected') {
    const events: CaseEvent[] = [{ type: 'closure-review-ended', outcome: 'rejected' }];
    if (state.status === 'final-closure-review') {
      events.push({
        type: 'status-changed',
        from: state.status,
        to: 'awaiting-officer',
        reason: `${CLOSURE_WAY_LABELS[review.way]}审批未同意，退回承办人`,
      });
    }
    return { events, next: { kind: 'refused' } };
  }
  if (decided?.status === 'approved') {
    // 终本: the ruling is issued; the case is closed only once it is served on the applicant (G2-SERVICE).
    if (review.way === 'final-round-closure') {
      const balance = accountBalance(state);
      if (review.ruled && balance > 0) return refuseForMoney(state, balance as Fen);
      if (review.rulingServedAt) return { events: close(state, now), next: { kind: 'closed' } };
      if (review.ruled) return { events: [], next: { kind: 'serve-ruling', method: rulingServiceMethod(state) } };
    }
    // Checked once more: the case may have changed while the approval waited (money came in, an asset was found).
    if (problems.length > 0) return refuse(state, problems);
    if (review.way === 'final-round-closure')
      return {
        events: [{ type: 'final-round-ruled' }],
        next: { kind: 'serve-ruling', method: rulingServiceMethod(state) },
      };
    return { events: close(state, now), next: { kind: 'closed' } };
  }
  if (problems.length === 0) return { events: [], next: { kind: 'approve', step } };
  const waitable = problems.every((p) => (WAITABLE_PROBLEMS as readonly string[]).includes(p.code));
  if (!waitable) return refuse(state, problems);
  if (problems.some((p) => p.code === 'min-since-filing')) {
    const until = earliestFinalClosure(state, rules);
    const events: CaseEvent[] =
      review.status === 'waiting' && review.waitUntil === until && sameProblems(review.problems, problems)
        ? []
        : [{ type: 'closure-refused', problems, next: 'wait', until }];
    return { events, next: { kind: 'wait', until: plusSeconds(startOfChinaDay(until), 9 * 3600) } };
  }
  return { events: [], next: { kind: 'interview' } };
}
