/**
 * 撤回拍卖: when enforcement stops while a round is on the auction platform, the platform is asked to withdraw it.
 * Enforcement stops on an objection to the auction that stood (the round annulled, OBJ-ACT; 网拍规定 第三十一条),
 * a suspension or deferral in force (民诉法 第二百六十七条), a bankruptcy referral (法发〔2017〕2号 第8条), or, for the one
 * lot, a third party's objection to it that was upheld or went to 执行异议之诉 (OBJ-THIRD-PARTY: enforcement against
 * the asset is suspended; 民诉法解释 as OBJ-THIRD-PARTY cites it: not disposed of while the suit runs); the other lots go on. Each
 * round is withdrawn once; a round that already has its outcome is never withdrawn.
 */
import type { EnforcementCase } from '../case/model.ts';
import { heldAssets } from '../disputes/objection-effects.ts';

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

/**
 * Why enforcement against this one asset is stopped by a third party's objection, if it is: upheld (the ruling, or
 * affirmed on reconsideration, not final yet), or in 执行异议之诉 whatever the ruling was. A dismissal still open to
 * suit holds the asset too, but nothing is withdrawn for it: the third party may never sue.
 */
function claimedBecause(state: EnforcementCase, assetId: string): string | undefined {
  if (!heldAssets(state).has(assetId)) return undefined;
  for (const o of Object.values(state.objections ?? {})) {
    if (o.kind !== 'third-party' || o.assetId !== assetId || o.status === 'final') continue;
    if (o.status === 'in-suit') return '案外人异议之诉审理期间，不得处分该财产';
    if (o.ruling?.outcome === 'upheld') return '案外人异议成立，对该财产中止执行';
  }
  return undefined;
}

export function auctionWithdrawalsDue(state: EnforcementCase): WithdrawalDue[] {
  const stopped = stoppedBecause(state);
  return Object.values(state.disposal?.lots ?? {}).flatMap((lot) => {
    const held = lot.rounds.filter((r) => !r.annulled).at(-1);
    const reason = stopped ?? (lot.status === 'announced' ? claimedBecause(state, lot.assetId) : undefined);
    return lot.rounds.flatMap((r) => {
      if (r.outcome || r.withdrawal) return [];
      if (r.annulled) return [{ assetId: lot.assetId, round: r.round, reason: '执行异议成立，拍卖被撤销' }];
      if (reason && lot.status === 'announced' && r === held) return [{ assetId: lot.assetId, round: r.round, reason }];
      return [];
    });
  });
}
