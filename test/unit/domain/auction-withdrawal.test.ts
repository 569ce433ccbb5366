import { describe, expect, it } from 'vitest';
import type { AuctionRound, EnforcementCase, Lot } from '#domain/case/model.ts';
import { auctionWithdrawalsDue } from '#domain/disposal/withdrawal.ts';

const round = (extra: Partial<AuctionRound> = {}): AuctionRound =>
  ({
    round: 1,
    stage: 'first',
    auctionId: 'auc-1',
    startingPriceFen: 100_000,
    depositFen: 10_000,
    announcedAt: '2026-03-08T13:00:00.000Z',
    startsAt: '2026-04-08T02:00:00.000Z',
    endsAt: '2026-04-09T02:00:00.000Z',
    ...extra,
  }) as AuctionRound;

function caseWith(lot: Partial<Lot>, extra: Partial<EnforcementCase> = {}): EnforcementCase {
  const full = { assetId: 'flat', status: 'announced', rounds: [round()], ...lot } as Lot;
  return {
    disposal: { lots: { flat: full }, recorded: [], usedApprovals: [] },
    ...extra,
  } as unknown as EnforcementCase;
}

const suspended = {
  suspension: { kind: 'suspension', status: 'in-force', ground: 'x', note: '', proposedBy: 'o' },
} as unknown as Partial<EnforcementCase>;

describe('撤回拍卖: which rounds are withdrawn from the platform', () => {
  it('a round announced while a suspension is in force: withdrawn, once', () => {
    expect(auctionWithdrawalsDue(caseWith({}, suspended))).toEqual([
      { assetId: 'flat', round: 1, reason: '本案中止执行' },
    ]);
    const asked = caseWith({ rounds: [round({ withdrawal: { requestId: 'r', reason: 'x' } })] }, suspended);
    expect(auctionWithdrawalsDue(asked)).toEqual([]);
  });

  it('the same round while enforcement goes on, or after its bidding ended with an outcome: not withdrawn', () => {
    expect(auctionWithdrawalsDue(caseWith({}))).toEqual([]);
    expect(
      auctionWithdrawalsDue(caseWith({ status: 'awaiting-balance', rounds: [round({ outcome: 'sold' })] }, suspended)),
    ).toEqual([]);
  });

  it('a round annulled by an objection that stood, no outcome yet: withdrawn; one with its outcome: not', () => {
    expect(auctionWithdrawalsDue(caseWith({ status: 'priced', rounds: [round({ annulled: true })] }))).toEqual([
      { assetId: 'flat', round: 1, reason: '执行异议成立，拍卖被撤销' },
    ]);
    const sold = caseWith({ status: 'pricing', rounds: [round({ annulled: true, outcome: 'failed' })] });
    expect(auctionWithdrawalsDue(sold)).toEqual([]);
  });

  it('a bankruptcy referral that stopped the disposal: withdrawn; a referral only proposed: not', () => {
    const referral = (status: string) =>
      ({ measures: { bankruptcy: { status, interrupted: { disposal: 1 } } } }) as unknown as Partial<EnforcementCase>;
    expect(auctionWithdrawalsDue(caseWith({}, referral('referred')))).toHaveLength(1);
    expect(auctionWithdrawalsDue(caseWith({}, referral('proposed')))).toEqual([]);
  });

  const claim = (status: string, outcome?: 'upheld' | 'dismissed') =>
    ({
      assets: { flat: { assetId: 'flat', class: 'real-estate' } },
      objections: {
        o1: {
          objectionId: 'o1',
          kind: 'third-party',
          assetId: 'flat',
          status,
          ...(outcome ? { ruling: { outcome } } : {}),
        },
      },
    }) as unknown as Partial<EnforcementCase>;

  it('a lot a third party’s objection holds, upheld or in suit: its announced round is withdrawn, once; others go on', () => {
    expect(auctionWithdrawalsDue(caseWith({}, claim('ruled', 'upheld')))).toEqual([
      { assetId: 'flat', round: 1, reason: '案外人异议成立，对该财产中止执行' },
    ]);
    expect(auctionWithdrawalsDue(caseWith({}, claim('in-suit', 'dismissed')))).toEqual([
      { assetId: 'flat', round: 1, reason: '案外人异议之诉审理期间，不得处分该财产' },
    ]);
    const asked = caseWith(
      { rounds: [round({ withdrawal: { requestId: 'r', reason: 'x' } })] },
      claim('ruled', 'upheld'),
    );
    expect(auctionWithdrawalsDue(asked)).toEqual([]);
    const other = caseWith({}, {
      objections: { o1: { kind: 'third-party', assetId: 'car', status: 'ruled', ruling: { outcome: 'upheld' } } },
    } as unknown as Partial<EnforcementCase>);
    expect(auctionWithdrawalsDue(other)).toEqual([]);
  });

  it('fail: still examined, dismissed and open to suit, or final: the round stays on the platform', () => {
    expect(auctionWithdrawalsDue(caseWith({}, claim('examining')))).toEqual([]);
    expect(auctionWithdrawalsDue(caseWith({}, claim('ruled', 'dismissed')))).toEqual([]);
    expect(auctionWithdrawalsDue(caseWith({}, claim('final', 'upheld')))).toEqual([]);
    expect(auctionWithdrawalsDue(caseWith({ status: 'priced', rounds: [round()] }, claim('ruled', 'upheld')))).toEqual(
      [],
    );
  });
});
