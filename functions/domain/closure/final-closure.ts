/**
 * 终本 (G2): closing this round of enforcement only when every condition holds. Each missing condition is named
 * in Chinese with its rule, so that a refusal says what to do. Pure: the clock is a parameter.
 */
import {
  chinaDateOf,
  daysBetween,
  type Instant,
  type LocalDate,
  plusDays,
  plusMonths,
} from '../calendar/local-date.ts';
import type { Asset, ClosureProblem, EnforcementCase } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { CONDUCT_LABELS, REFERRAL_GROUND_LABELS } from '../coercion/labels.ts';
import { listingPlan, sanctionPlan } from '../coercion/measures.ts';
import { listingGrounds } from '../coercion/plan.ts';
import { CATEGORY_LABELS, referralGrounds, referralPackage } from '../coercion/referral.ts';
import { type Fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { heldAssets } from '../seizures/renewal.ts';

/** The problem codes that time alone, or the applicant's answer, resolves: the review waits instead of refusing. */
export const WAITABLE_PROBLEMS = ['min-since-filing', 'interview'] as const;

/**
 * The day from which G2's "自执行案件立案之日起已超过三个月" holds: the day after the one three months on (终本规定
 * 第一条第（四）项: 超过, not 满).
 */
export function earliestFinalClosure(state: EnforcementCase, rules: Rules): LocalDate {
  return plusDays(plusMonths(chinaDateOf(state.filedAt), rules.G2.minSinceFiling.months), 1);
}

/** Found by the inquiry and worth enforcing on, but never frozen, sealed or deducted. */
export function unprocessedAssets(state: EnforcementCase): Asset[] {
  return Object.values(state.assets).filter(
    (a) => a.status === 'found' && ((a.balanceFen ?? 0) > 0 || a.class === 'real-estate' || a.class === 'vehicle'),
  );
}

/**
 * G2 (终本规定 第四条第二项): a vehicle sealed at the registry that could not actually be impounded is property found
 * that cannot be disposed of: it stays sealed and does not bar 终本.
 */
export function undisposableSealed(asset: Asset, rules: Pick<Rules, 'G2'>): boolean {
  return (
    (rules.G2.undisposable as readonly string[]).includes('sealed-not-impounded') &&
    asset.class === 'vehicle' &&
    asset.status === 'sealed' &&
    asset.notImpounded !== undefined
  );
}

/** Why a vehicle may not be recorded as not impounded, or undefined. */
export function notImpoundedProblem(state: EnforcementCase, assetId: string): string | undefined {
  const asset = state.assets[assetId];
  if (!asset) return 'assetId：本案没有该财产';
  if (asset.class !== 'vehicle') return '只有在登记机关查封的车辆可记录为未能实际扣押（终本规定第四条第二项）';
  if (asset.status !== 'sealed') return '该车辆未在查封中，不能记录为未能实际扣押';
  return undefined;
}

/** Whether the applicant has been heard (or found unreachable) recently enough to count for this review. */
export function interviewCounts(state: EnforcementCase, rules: Rules, now: Instant): boolean {
  const interview = state.interview;
  if (!interview) return false;
  return daysBetween(chinaDateOf(interview.at), chinaDateOf(now)) <= rules.P_FINAL_CLOSURE.interviewValidDays;
}

function assetList(assets: readonly Asset[]): string {
  return assets.map((a) => `${a.institution}${a.reference}`).join('、');
}

/** Every condition of G2 that does not hold now, in a fixed order; none means 终本 may be granted. */
export function finalClosureProblems(state: EnforcementCase, rules: Rules, now: Instant): ClosureProblem[] {
  const problems: ClosureProblem[] = [];
  const add = (ruleId: string, code: string, message: string) => problems.push({ ruleId, code, message });
  const kinds = new Set(state.documents.map((d) => d.kind));
  if (!kinds.has('enforcement-notice') || !kinds.has('asset-report-order'))
    add('G2', 'documents', '未发出执行通知书及报告财产令（G2、A5）');
  const restriction = state.coercion?.restriction;
  if (!restriction || restriction.liftedAt) add('G2', 'restriction', '未发出限制消费令或已解除（G2、C4）');
  const listing = listingPlan(state, rules, chinaDateOf(now));
  // Listed once is what 第一条第（二）项 asks: a listing since removed on a ground of 法释〔2017〕7号 第十条 (the applicant's
  // request, the end of its term) does not bar 终本.
  if (listing && !state.coercion?.listing) {
    add('G2', 'listing', `被执行人具备失信情形（${listingGrounds(listing)}），未纳入失信被执行人名单（G2、C6）`);
  }
  if (!state.inquiry || (state.inquiry.answered.length === 0 && state.inquiry.silent.length === 0))
    add('G2', 'inquiry', '未完成网络查控（G2、A8）');
  const held = heldAssets(state).filter((a) => !undisposableSealed(a, rules));
  if (held.length > 0) add('G2', 'held', `尚有查封、冻结的财产未处置：${assetList(held)}（G2）`);
  const unprocessed = unprocessedAssets(state);
  if (unprocessed.length > 0) add('G2', 'unprocessed', `查控到的财产尚未控制、处置：${assetList(unprocessed)}（G2）`);
  const balance = accountBalance(state);
  if (balance > 0) add('F1', 'account', `案款账户尚有${formatYuan(balance as Fen)}未发放（F1）`);
  const sanction = state.coercion?.sanction;
  const proposal = sanctionPlan(state, rules);
  const decided = sanction && sanction.status !== 'proposed' && sanction.status !== 'approved';
  if ((proposal || sanction) && !decided) {
    const grounds = (sanction?.grounds ?? proposal?.grounds ?? []).map((g) => CONDUCT_LABELS[g]).join('、');
    add('G2', 'sanction', `被执行人有妨害执行行为（${grounds}），尚未依法决定罚款或拘留（G2、C1、C2）`);
  }
  const grounds = referralGrounds(state, rules);
  const referral = state.coercion?.referral;
  if (grounds.length > 0 && (!referral || referral.status === 'blocked')) {
    const missing = referralPackage(state, rules).missing;
    add(
      'G2',
      'referral',
      `具备拒执罪情形（${grounds.map((g) => REFERRAL_GROUND_LABELS[g] ?? g).join('、')}），尚未移送公安机关${missing.length > 0 ? `，移送材料缺少${missing.map((c) => CATEGORY_LABELS[c]).join('、')}` : ''}（G2、D1）`,
    );
  }
  const earliest = earliestFinalClosure(state, rules);
  if (chinaDateOf(now) < earliest) {
    add(
      'G2',
      'min-since-filing',
      `自立案之日起未超过${rules.G2.minSinceFiling.months}个月（G2），最早可于${earliest}终结本次执行程序`,
    );
  }
  if (!interviewCounts(state, rules, now))
    add('G2', 'interview', '尚未约谈申请执行人（告知终本事项并听取申请执行人意见，G2）');
  else if (state.interview?.opinion === 'unreachable')
    add('G2', 'interview-unreachable', '未能约谈申请执行人，须承办人约谈并记录（G2）');
  return problems;
}
