/**
 * 撤回拍卖: when enforcement stops while a round is on the auction platform, the platform is asked to withdraw it.
 * Enforcement stops on an objection to the auction that stood (the round annulled, OBJ-ACT; 网拍规定 第三十一条),
 * a suspension or deferral in force (民诉法 第二百六十七条), or a bankruptcy referral (法发〔2017〕2号 第8条). Each round
 * is withdrawn once; a round that already has its outcome is never withdrawn.
 */
import type { EnforcementCase } from '../case/model.ts';

export interface WithdrawalDue {
  readonly assetId: string;
  readonly round: number;
  readonly reason: string;
}

/** Why enforcement against the lots is stopped now, if it is (other than an objection's set-aside). */
function stoppedBecause(state: EnforcementCase): string | undefined {
  if (state.suspension?.status === 'in-force')
    return state.suspension.kind === 'deferral' ? '本案暂缓执行' : '本案中止执行';
  const referral = state.measures?.bankruptcy;
  if ((referral?.status === 'referred' || referral?.status === 'accepted') && referral.interrupted?.disposal)
    return '被执行人已移送破产审查，执行中止';
  return undefined;
}

export function auctionWithdrawalsDue(state: EnforcementCase): WithdrawalDue[] {
  const stopped = stoppedBecause(state);
  return Object.values(state.disposal?.lots ?? {}).flatMap((lot) => {
    const held = lot.rounds.filter((r) => !r.annulled).at(-1);
    return lot.rounds.flatMap((r) => {
      if (r.outcome || r.withdrawal) return [];
      if (r.annulled) return [{ assetId: lot.assetId, round: r.round, reason: '执行异议成立，拍卖被撤销' }];
      if (stopped && lot.status === 'announced' && r === held)
        return [{ assetId: lot.assetId, round: r.round, reason: stopped }];
      return [];
    });
  });
}
