/**
 * M-REWARD (财产调查规定 第二十一条至第二十四条): the applicant applies in writing for a reward notice, undertaking
 * to pay a fixed sum or a share of what a lead brings; the court decides, the applicant deposits the most it can
 * come to (the court's practice, P-MEASURES: security only), the notice is published; leads are recorded (the
 * informant kept as an opaque reference), checked, and a confirmed lead that brings money onto the case account
 * earns the reward. 第二十四条: the reward is deducted from that applicant's share of the enforcement money when it
 * is paid out (its own payee in the disbursement plan); only where deduction is impossible does the applicant pay it
 * separately (`reward-paid`, from the deposit). The deposit not used so goes back when the notice closes.
 * Money in integer fen throughout: deposit = paid separately + refunded + held.
 */
import type { EnforcementCase } from '../case/model.ts';
import { ledgerTotal, totalReceived } from '../case/reducer.ts';
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
  if ((lead.status !== 'confirmed' && lead.status !== 'rewarded') || lead.realisedFen <= 0) return fen(0);
  const earnedByOthers = reward.leads.filter((l) => l.leadId !== lead.leadId).reduce((t, l) => t + leadReward(l), 0);
  const left = Math.max(0, reward.capFen - earnedByOthers);
  const method: RewardMethod = reward.method;
  const due =
    method === 'fixed'
      ? (reward.amountFen ?? 0)
      : Math.floor((lead.realisedFen * (reward.shareBasisPoints ?? 0)) / 10_000);
  return fen(Math.min(due, left));
}

const leadReward = (lead: Lead): number => lead.rewardFen ?? 0;

/** The payee that pays the informants' rewards out of an applicant's share of the enforcement money (第二十四条). */
export function rewardPayee(applicantId: string): string {
  return `reward:informants:${applicantId}`;
}

export function isRewardPayee(payeeId: string): boolean {
  return payeeId.startsWith('reward:informants:');
}

/** The applicant whose share a reward payee is deducted from. */
export function rewardApplicant(payeeId: string): string {
  return payeeId.slice('reward:informants:'.length);
}

/** The rewards the leads have earned so far (fixed when each lead's money is recorded). */
export function rewardEarnedFen(reward: RewardNotice | undefined): Fen {
  return fen((reward?.leads ?? []).reduce((t, l) => t + leadReward(l), 0));
}

/** Already deducted from the applicant's share of the enforcement money and paid to the informants. */
export function rewardDeductedFen(state: EnforcementCase): Fen {
  const reward = state.measures?.reward;
  return fen(reward ? ledgerTotal(state, 'disbursed', rewardPayee(reward.applicantId)) : 0);
}

/**
 * 第二十四条: the earned reward still to be deducted from the applicant's share: earned, less what was deducted
 * already and what the applicant paid separately (only where deduction was impossible). Never deducted twice.
 */
export function rewardToDeductFen(state: EnforcementCase): Fen {
  const reward = state.measures?.reward;
  if (!reward) return fen(0);
  return fen(Math.max(0, rewardEarnedFen(reward) - rewardDeductedFen(state) - reward.paidFen));
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
