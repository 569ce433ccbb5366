/**
 * C6 (法释〔2017〕7号 第十条): when a listing must be removed, and on which ground. A listing without a term (ground
 * (一) alone) is removed on the grounds of 第十条第一款; a listing with a term (grounds (二)-(六), 第二条) is not
 * (第十条第二款: 有纳入期限的，不适用前款规定) and is removed when its term ends. A termed listing is still removed
 * early on performance: 第二条第二款 lets the court do so, and this system does (the court's discretion, exercised).
 * Each removal is due within C6's 3 working days; the coercion phase records it and publishes it.
 */
import type { LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase } from '../case/model.ts';
import { outstandingFen } from '../control/plan.ts';
import type { Rules } from '../rules/table.ts';

/** The removal grounds this system acts on (第十条第一款 (一)-(七); 第十条第二款: the term ended). */
export type RemovalGround =
  | 'full-performance'
  | 'settlement-performed'
  | 'applicant-request'
  | 'requery-fruitless-twice'
  | 'suspended-review-or-bankruptcy'
  | 'non-enforcement'
  | 'termination'
  | 'term-ended';

export interface ListingRemoval {
  readonly ground: RemovalGround;
  /** As staff read it on the timeline, with the provision. */
  readonly reason: string;
}

const REASONS: Readonly<Record<RemovalGround, string>> = {
  'full-performance': '被执行人已履行生效法律文书确定的义务（第十条第一款第一项）',
  'settlement-performed': '当事人达成执行和解协议且已履行完毕（第十条第一款第二项）',
  'applicant-request': '申请执行人书面申请删除失信信息，本院审查同意（第十条第一款第三项）',
  'requery-fruitless-twice':
    '终结本次执行程序后，通过网络执行查控系统查询被执行人财产两次以上未发现有可供执行财产，且无人提供有效财产线索（第十条第一款第四项）',
  'suspended-review-or-bankruptcy':
    '因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行（第十条第一款第五项）',
  'non-enforcement': '人民法院依法裁定不予执行（第十条第一款第六项）',
  termination: '人民法院依法裁定终结执行（第十条第一款第七项）',
  'term-ended': '失信被执行人名单纳入期限届满（第十条第二款）',
};

/** Grounds (一)/(二) for an untermed listing; for a termed one the same facts, under 第二条第二款 (early removal). */
const EARLY: Readonly<Partial<Record<RemovalGround, string>>> = {
  'full-performance': '被执行人已履行生效法律文书确定的义务，提前删除失信信息（第二条第二款）',
  'settlement-performed': '当事人达成执行和解协议且已履行完毕，提前删除失信信息（第二条第二款）',
};

function removal(ground: RemovalGround, termed: boolean): ListingRemoval {
  return { ground, reason: (termed ? EARLY[ground] : undefined) ?? REASONS[ground] };
}

/** 第十条第一款第四项: after 终本, this many network re-queries (G3) found nothing to enforce on. */
export function requeriesFruitless(state: EnforcementCase, rules: Rules): boolean {
  const requery = state.requery;
  return (
    state.closure?.way === 'final-round-closure' &&
    requery !== undefined &&
    requery.rounds >= rules.C6.removalAfterFruitlessRequeries &&
    requery.resumptionRequestedAt === undefined &&
    state.resumedAs === undefined
  );
}

/**
 * 第十条第一款第五项: enforcement suspended because of 审判监督 or bankruptcy: a suspension in force on one of C6's
 * `removalOnSuspension` grounds, or the receiving court's acceptance of a bankruptcy referral (企业破产法 第十九条).
 */
export function suspendedForReviewOrBankruptcy(state: EnforcementCase, rules: Rules): boolean {
  const suspension = state.suspension;
  const grounds: readonly string[] = rules.C6.removalOnSuspension;
  if (suspension?.kind === 'suspension' && suspension.status === 'in-force' && grounds.includes(suspension.ground))
    return true;
  const referral = state.measures?.bankruptcy?.status;
  return referral === 'accepted' || referral === 'declared';
}

/** Whether a listing is in force with a term, and is therefore outside 第十条第一款 (第十条第二款). */
export function termed(state: EnforcementCase): boolean {
  return state.coercion?.listing?.years !== undefined;
}

/** The ground on which the listing is to be removed `today`, or undefined while it stays (or there is none). */
export function listingRemovalDue(state: EnforcementCase, rules: Rules, today: LocalDate): ListingRemoval | undefined {
  const listing = state.coercion?.listing;
  if (!listing || listing.removedAt) return undefined;
  const hasTerm = listing.years !== undefined;
  if (outstandingFen(state) === 0)
    return removal(state.settlement?.status === 'performed' ? 'settlement-performed' : 'full-performance', hasTerm);
  if (hasTerm) return listing.until !== undefined && today > listing.until ? removal('term-ended', true) : undefined;
  if (listing.removalRequest) return removal('applicant-request', false);
  if (requeriesFruitless(state, rules)) return removal('requery-fruitless-twice', false);
  if (suspendedForReviewOrBankruptcy(state, rules)) return removal('suspended-review-or-bankruptcy', false);
  if (state.closure?.way === 'non-enforcement') return removal('non-enforcement', false);
  if (state.closure?.way === 'termination') return removal('termination', false);
  return undefined;
}

/** Why the applicant's request to remove the listing cannot be recorded (第十条第一款第三项), or undefined. */
export function removalRequestProblem(state: EnforcementCase): string | undefined {
  const listing = state.coercion?.listing;
  if (!listing) return '被执行人未被纳入失信被执行人名单';
  if (listing.removedAt) return '失信信息已删除';
  if (listing.removalRequest) return '已记录申请执行人的删除申请';
  if (listing.years !== undefined)
    return `该失信信息有纳入期限（至${listing.until ?? '期限届满'}），不适用申请执行人申请删除（C6，法释〔2017〕7号第十条第二款），期限届满后删除`;
  return undefined;
}
