/**
 * M-REWARD (财产调查规定 第二十一条至第二十四条): the applicant applies in writing for a reward notice, undertaking
 * to pay a fixed sum or a share of what a lead brings; the court decides, the applicant deposits the most it can
 * come to, the notice is published; leads are recorded (the informant kept as an opaque reference), checked, and a
 * confirmed lead that brings money onto the case account earns the reward, paid from the deposit; the rest of the
 * deposit goes back when the notice closes. Money in integer fen throughout: deposit = paid + refunded + held.
 */
import type { EnforcementCase } from '../case/model.ts';
import { totalReceived } from '../case/reducer.ts';
import { outstandingFen } from '../control/plan.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import type { Lead, RewardMethod, RewardNotice } from './model.ts';

export interface RewardApplication {
  readonly applicantId: string;
  readonly method: string;
  readonly amountFen?: number;
  readonly shareBasisPoints?: number;
  readonly capFen?: number;
}

const isFen = (v: number | undefined): v is number => v !== undefined && Number.isSafeInteger(v) && v > 0;

/** Why a reward notice cannot be applied for; undefined when it can. */
export function rewardApplicationProblem(
  state: EnforcementCase,
  application: RewardApplication,
  rules: Rules,
): string | undefined {
  if (state.status === 'closed' || state.status === 'filed') return '案件未在执行中，不能申请悬赏';
  if (!state.applicants.some((a) => a.partyId === application.applicantId))
    return 'applicantId：悬赏须由申请执行人书面申请（M-REWARD 第二十一条）';
  if (outstandingFen(state) === 0) return '被执行人已履行全部义务，无须悬赏';
  const current = state.measures?.reward;
  if (current && current.status !== 'refused' && current.status !== 'closed') return '本案已有悬赏（待决定或已发布）';
  if (!(rules.M_REWARD.rewardMethods as readonly string[]).includes(application.method))
    return 'method：悬赏金须写明数额（fixed）或计算方法（share）';
  if (application.method === 'fixed' && !isFen(application.amountFen)) return 'amountFen：悬赏金数额须为正的整数分';
  if (application.method === 'share') {
    const bp = application.shareBasisPoints;
    if (bp === undefined || !Number.isInteger(bp) || bp < 1 || bp > rules.P_MEASURES.rewardMaxShareBasisPoints)
      return `shareBasisPoints：按比例计算的悬赏金须为1至${rules.P_MEASURES.rewardMaxShareBasisPoints}个基点`;
    if (!isFen(application.capFen)) return 'capFen：按比例计算的悬赏金须写明最高数额（分），申请执行人预交该数额';
  }
  return undefined;
}

/** The most the notice can cost the applicant: the fixed sum, or the share's stated maximum. */
export function rewardCap(application: RewardApplication): Fen {
  return fen(application.method === 'fixed' ? (application.amountFen ?? 0) : (application.capFen ?? 0));
}

/** Published once approved and (P-MEASURES) the whole cap is deposited. */
export function readyToPublish(reward: RewardNotice | undefined, rules: Rules): boolean {
  if (reward?.status !== 'approved') return false;
  return !rules.P_MEASURES.rewardDepositRequired || reward.depositFen >= reward.capFen;
}

/** 第二十四条: the reward a lead earns for the money it brought, within what is left of the cap; integer fen. */
export function rewardFor(reward: RewardNotice, lead: Lead): Fen {
  if (lead.status !== 'confirmed' || lead.realisedFen <= 0) return fen(0);
  const left = Math.max(0, reward.capFen - reward.paidFen);
  const method: RewardMethod = reward.method;
  const due =
    method === 'fixed'
      ? (reward.amountFen ?? 0)
      : Math.floor((lead.realisedFen * (reward.shareBasisPoints ?? 0)) / 10_000);
  return fen(Math.min(due, left));
}

/** Money a lead may be credited with: at most what came onto the account and is not yet credited to a lead. */
export function unattributedReceivedFen(state: EnforcementCase): Fen {
  const credited = (state.measures?.reward?.leads ?? []).reduce((t, l) => t + l.realisedFen, 0);
  return fen(Math.max(0, totalReceived(state) - credited));
}

/** What goes back to the applicant when the notice closes: the deposit not paid out. */
export function rewardRefund(reward: RewardNotice): Fen {
  return fen(Math.max(0, reward.depositFen - reward.paidFen - reward.refundedFen));
}

export const REWARD_METHOD_LABELS: Readonly<Record<RewardMethod, string>> = {
  fixed: '固定数额',
  share: '按执行到位金额的比例',
};
