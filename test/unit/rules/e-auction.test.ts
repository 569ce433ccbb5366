/**
 * Paired tests for the reference price (A11) and the online auction rules (E2-E9): each rule once where it allows
 * and once where it refuses, with dates worked by hand from the 2026 holiday notice.
 */
import { describe, expect, it } from 'vitest';
import type { AuctionRound, Bid, Lot } from '#domain/case/model.ts';
import { isLate, timeNode } from '#domain/case/nodes.ts';
import {
  applicantDepositFen,
  auctionResultProblems,
  auctionSchedule,
  auctionWinner,
  biddingClose,
  depositPaid,
  depositProblem,
  fallbackPrice,
  minimumStartingPrice,
  proposedTerms,
  startingPriceProblem,
} from '#domain/disposal/auction.ts';
import { pricingMethod, referencePriceFrom } from '#domain/disposal/pricing.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';

const REFERENCE = 1_000_000_00;

function round(
  n: number,
  stage: AuctionRound['stage'],
  start: number,
  extra: Partial<AuctionRound> = {},
): AuctionRound {
  return {
    round: n,
    stage,
    auctionId: `u${n}`,
    startingPriceFen: fen(start),
    depositFen: fen(Math.ceil(start / 10)),
    announcedAt: cst('2026-03-02 10:00'),
    startsAt: cst('2026-04-02 10:00'),
    endsAt: cst('2026-04-03 10:00'),
    ...extra,
  };
}

function lot(rounds: AuctionRound[] = []): Lot {
  return { assetId: 'flat', status: 'priced', referencePriceFen: fen(REFERENCE), rounds, proceedsFen: fen(0) };
}

const bid = (bidder: string, yuan: number, at: string, extra: Partial<Bid> = {}): Bid => ({
  bidder,
  priceFen: fen(yuan * 100),
  at: cst(at),
  ...extra,
});

describe('A11: the reference price procedure starts within 30 days of the seizure', () => {
  const node = timeNode('reference-price:flat', 'A11', RULES.A11.period, cst('2026-03-06 13:00'), calendar);
  it('is due 30 days on, 5 April 2026; a Sunday in Qingming moves it to Tuesday 7 April', () => {
    // 6 March + 30 days = 5 April, inside the Qingming holiday (4-6 April): the period ends on 7 April.
    expect(node.dueDate).toBe('2026-04-07');
  });
  it('pass: started on the last day', () => {
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-04-07 17:00') })).toBe(false);
  });
  it('fail: started the day after', () => {
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-04-08 09:00') })).toBe(true);
  });
  it('an online inquiry takes the average of the platforms; other methods give their one value', () => {
    expect(referencePriceFrom('online-inquiry', [100_000_00, 103_000_00, 98_500_00])).toBe(100_500_00);
    expect(referencePriceFrom('online-inquiry', [100, 101])).toBe(101);
    expect(referencePriceFrom('appraisal', [99_000_00])).toBe(99_000_00);
    expect(referencePriceFrom('online-inquiry', [])).toBeUndefined();
  });
  it('real estate is valued by online inquiry first, by appraisal after an attempt that brought no price', () => {
    expect(pricingMethod('real-estate', lot(), RULES)).toBe('online-inquiry');
    const tried: Lot = {
      ...lot(),
      pricing: { method: 'online-inquiry', startedAt: cst('2026-03-06 10:00'), attempts: 1, failed: true },
    };
    expect(pricingMethod('real-estate', tried, RULES)).toBe('appraisal');
  });
});

describe('E2: the first starting price is at least 70% of the reference price', () => {
  it('pass: exactly 70%', () => {
    expect(minimumStartingPrice(lot(), 'first', RULES)).toBe(700_000_00);
    expect(startingPriceProblem(lot(), 'first', 700_000_00, RULES)).toBeUndefined();
  });
  it('fail: one fen less, with the rule named', () => {
    expect(startingPriceProblem(lot(), 'first', 700_000_00 - 1, RULES)).toContain('规则E2');
  });
  it('the proposal is the policy share, never under the floor', () => {
    expect(proposedTerms(lot(), 'first', RULES)).toEqual({ startingPriceFen: 700_000_00, depositFen: 70_000_00 });
  });
});

describe('E5: the deposit is 5% to 20% of the starting price', () => {
  it('pass: the bounds themselves', () => {
    expect(depositProblem(35_000_00, 700_000_00, RULES)).toBeUndefined();
    expect(depositProblem(140_000_00, 700_000_00, RULES)).toBeUndefined();
  });
  it('fail: a fen under 5% or over 20%', () => {
    expect(depositProblem(35_000_00 - 1, 700_000_00, RULES)).toContain('规则E5');
    expect(depositProblem(140_000_00 + 1, 700_000_00, RULES)).toContain('规则E5');
  });
});

describe('E4, E6: announcement period and bidding window', () => {
  it('real estate: 30 days from 7 March end on 6 April (Qingming), so bidding opens 7 April 10:00 for 24 hours', () => {
    // 7 March + 30 = 6 April, the last day of Qingming: the period ends on 7 April; bidding opens the next day.
    const { startsAt, endsAt } = auctionSchedule(cst('2026-03-07 12:00'), 'real-estate', 'first', RULES, calendar);
    expect(startsAt).toBe(cst('2026-04-08 10:00'));
    expect(endsAt).toBe(cst('2026-04-09 10:00'));
  });
  it('movables: 15 days', () => {
    const { startsAt } = auctionSchedule(cst('2026-06-01 09:00'), 'vehicle', 'first', RULES, calendar);
    expect(startsAt).toBe(cst('2026-06-17 10:00'));
  });
  // 网拍规定 第十二条, 第二十六条: securities and shares are "其他财产权", announced like real estate.
  it('pass: securities (other property rights) take 30 days; fail: not the 15 days of a vehicle', () => {
    const securities = auctionSchedule(cst('2026-06-01 09:00'), 'securities', 'first', RULES, calendar);
    expect(securities.startsAt).toBe(cst('2026-07-02 10:00'));
    expect(securities.startsAt).not.toBe(
      auctionSchedule(cst('2026-06-01 09:00'), 'vehicle', 'first', RULES, calendar).startsAt,
    );
  });
  it('second auction: securities 15 days, a vehicle 7 (E8)', () => {
    expect(auctionSchedule(cst('2026-06-01 09:00'), 'securities', 'second', RULES, calendar).startsAt).toBe(
      cst('2026-06-17 10:00'),
    );
    expect(auctionSchedule(cst('2026-06-01 09:00'), 'vehicle', 'second', RULES, calendar).startsAt).toBe(
      cst('2026-06-09 10:00'),
    );
  });
});

describe('E6: a bid in the last 5 minutes extends the close to 5 minutes after it', () => {
  const end = cst('2026-04-09 10:00');
  it('pass: bids at 9:57 and 10:01 move the close to 10:06', () => {
    const { closesAt, valid } = biddingClose(
      end,
      [bid('A', 750_000, '2026-04-09 09:57'), bid('B', 760_000, '2026-04-09 10:01')],
      RULES,
    );
    expect(closesAt).toBe(cst('2026-04-09 10:06'));
    expect(valid).toHaveLength(2);
  });
  it('fail: a bid after the close does not count and does not extend', () => {
    const { closesAt, valid } = biddingClose(
      end,
      [bid('A', 750_000, '2026-04-09 09:30'), bid('B', 760_000, '2026-04-09 10:01')],
      RULES,
    );
    expect(closesAt).toBe(end);
    expect(valid.map((b) => b.bidder)).toEqual(['A']);
  });
});

describe('E3, E7: who wins', () => {
  it('one bidder at the starting price suffices (E3); below it, nobody wins', () => {
    expect(auctionWinner([bid('A', 700_000, '2026-04-08 11:00')], 700_000_00, RULES)?.bidder).toBe('A');
    expect(auctionWinner([bid('A', 699_999, '2026-04-08 11:00')], 700_000_00, RULES)).toBeUndefined();
  });
  it('at the same price a holder of a preemptive right wins, the lower rank first, then the earliest bid (E7)', () => {
    const bids = [
      bid('A', 760_000, '2026-04-09 09:50'),
      bid('P2', 760_000, '2026-04-09 09:55', { preemptive: true, rank: 2 }),
      bid('P1', 760_000, '2026-04-09 09:58', { preemptive: true, rank: 1 }),
    ];
    expect(auctionWinner(bids, 700_000_00, RULES)?.bidder).toBe('P1');
    expect(
      auctionWinner(bids.slice(0, 1).concat(bid('B', 760_000, '2026-04-09 09:40')), 700_000_00, RULES)?.bidder,
    ).toBe('B');
  });
  it('a platform result that names another buyer, or ends too early, is flagged with the rule', () => {
    const held = round(1, 'first', 700_000_00, { startsAt: cst('2026-04-08 10:00'), endsAt: cst('2026-04-09 10:00') });
    const topBids = [
      bid('A', 760_000, '2026-04-09 09:00'),
      bid('P1', 760_000, '2026-04-09 09:10', { preemptive: true, rank: 1 }),
    ];
    const consistent = {
      outcome: 'sold' as const,
      endedAt: cst('2026-04-09 10:00'),
      priceFen: 760_000_00,
      buyer: 'P1',
      bids: 2,
      topBids,
    };
    expect(auctionResultProblems(held, consistent, RULES)).toEqual([]);
    expect(auctionResultProblems(held, { ...consistent, buyer: 'A' }, RULES)).toEqual(['买受人与出价记录不符（E7）']);
    expect(auctionResultProblems(held, { ...consistent, endedAt: cst('2026-04-09 09:00') }, RULES)).toContain(
      '竞价时间不足24小时（E6）',
    );
    expect(auctionResultProblems(held, { ...consistent, outcome: 'failed', buyer: undefined }, RULES)).toEqual([
      '有不低于起拍价的有效出价，不应流拍（E3）',
    ]);
  });
  // 网拍规定 第二十四条: 悔拍后重新拍卖的，原买受人不得参加竞买.
  it('E10 pass: the re-auction without the defaulting buyer; fail: his bid is void and cannot win', () => {
    const again = round(2, 're-auction', 700_000_00, {
      startsAt: cst('2026-05-08 10:00'),
      endsAt: cst('2026-05-09 10:00'),
    });
    const result = {
      outcome: 'sold' as const,
      endedAt: cst('2026-05-09 10:00'),
      priceFen: 750_000_00,
      buyer: 'B',
      bids: 1,
      topBids: [bid('B', 750_000, '2026-05-09 09:00')],
    };
    expect(auctionResultProblems(again, result, RULES, ['A'])).toEqual([]);
    const withDefaulter = {
      ...result,
      priceFen: 760_000_00,
      buyer: 'A',
      bids: 2,
      topBids: [bid('B', 750_000, '2026-05-09 09:00'), bid('A', 760_000, '2026-05-09 09:30')],
    };
    expect(auctionResultProblems(again, withDefaulter, RULES, ['A'])).toEqual([
      '悔拍的原买受人参加了重新拍卖，其出价无效（E10）',
      '买受人与出价记录不符（E7）',
    ]);
    expect(RULES.E10.source).toContain('第二十四条');
  });
});

describe('E8: after a failed auction, a second one within 30 days at most 20% cheaper, announced 15 days', () => {
  const failed = lot([round(1, 'first', 700_000_00, { outcome: 'failed' })]);
  it('pass: exactly 20% off the first starting price', () => {
    expect(minimumStartingPrice(failed, 'second', RULES)).toBe(560_000_00);
    expect(startingPriceProblem(failed, 'second', 560_000_00, RULES)).toBeUndefined();
  });
  it('fail: a deeper cut, with the rule named', () => {
    expect(startingPriceProblem(failed, 'second', 560_000_00 - 1, RULES)).toContain('规则E8');
  });
  it('real estate is announced 15 days before the second auction', () => {
    // 10 April + 15 days = Saturday 25 April: the period ends on Monday 27 April; bidding opens on the 28th.
    const { startsAt } = auctionSchedule(cst('2026-04-10 12:00'), 'real-estate', 'second', RULES, calendar);
    expect(startsAt).toBe(cst('2026-04-28 10:00'));
  });
  it('the 30 days run from the failed auction; held on day 30 meets it, day 31 does not', () => {
    // 9 April + 30 days = Saturday 9 May, a make-up working day after Labour Day: the period ends that day.
    const node = timeNode('second-auction:flat', 'E8', RULES.E8.within, cst('2026-04-09 10:00'), calendar);
    expect(node.dueDate).toBe('2026-05-09');
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-05-09 10:00') })).toBe(false);
    expect(isLate({ ...node, status: 'met', metAt: cst('2026-05-10 10:00') })).toBe(true);
  });
});

describe('E9, E10: after the second auction fails; after a buyer defaults', () => {
  it('the fixed-price sale is at the second starting price (in lieu: at each failed auction’s, e9-in-lieu.test.ts)', () => {
    const twice = lot([
      round(1, 'first', 700_000_00, { outcome: 'failed' }),
      round(2, 'second', 560_000_00, { outcome: 'failed' }),
    ]);
    expect(fallbackPrice(twice)).toBe(560_000_00);
    expect(fallbackPrice(lot([round(1, 'first', 700_000_00, { outcome: 'failed' })]))).toBeUndefined();
  });
  it('a re-auction keeps the defaulted round terms (E10): anything else is refused', () => {
    const defaulted = lot([round(1, 'first', 700_000_00, { outcome: 'sold', balance: 'defaulted' })]);
    expect(proposedTerms(defaulted, 're-auction', RULES)).toEqual({
      startingPriceFen: 700_000_00,
      depositFen: 70_000_00,
    });
    expect(startingPriceProblem(defaulted, 're-auction', 650_000_00, RULES)).toContain('E10');
  });
  it('the fixed-price sale lasts 60 days (E9, marked verify)', () => {
    expect(RULES.E9.fixedPriceSale).toEqual({ days: 60, unit: 'calendar' });
    expect(RULES.E9.verify).toBe(true);
  });
});

describe('E5 第十七条第二款: an applicant who bids', () => {
  it('pass: owed at least the deposit, pays none; the round counts the balance from what was paid', () => {
    expect(applicantDepositFen(7_000_000, 70_000_000, RULES)).toBe(0);
    expect(applicantDepositFen(7_000_000, 7_000_000, RULES)).toBe(0);
    const round = { depositFen: fen(7_000_000), depositPaidFen: fen(0) } as AuctionRound;
    expect(depositPaid(round)).toBe(0);
  });

  it('fail: owed less than the deposit, pays the difference; another bidder pays it all', () => {
    expect(applicantDepositFen(7_000_000, 1_000_000, RULES)).toBe(6_000_000);
    expect(applicantDepositFen(7_000_000, 0, RULES)).toBe(7_000_000);
    expect(depositPaid({ depositFen: fen(7_000_000) } as AuctionRound)).toBe(7_000_000);
    const noExemption = { ...RULES, E5: { ...RULES.E5, applicantExemptUpToClaim: false } };
    expect(applicantDepositFen(7_000_000, 70_000_000, noExemption as typeof RULES)).toBe(7_000_000);
  });
});
