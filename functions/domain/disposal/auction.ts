/**
 * The rules of an online judicial auction (E1-E11), as pure functions: the least starting price and the deposit
 * range the collegial panel may set, the announcement period, the bidding schedule and its extension, who wins,
 * and what a platform's result must agree with.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant, plusSeconds, startOfChinaDay } from '../calendar/local-date.ts';
import type { AssetClass, AuctionRound, AuctionStage, Bid, Lot } from '../case/model.ts';
import { type Fen, fen, formatYuan } from '../money.ts';
import type { Rules } from '../rules/table.ts';

const MINUTE = 60;
const HOUR = 3600;
/** Bidding opens at 10:00 China time on the day after the announcement period (platform practice). */
const OPENING_HOUR_CHINA = 10;

/** `percent` of `amount`, rounded up to the fen: a floor is never undercut by rounding. */
export function percentOfCeil(amount: number, percent: number): Fen {
  return fen(Math.ceil((amount * percent) / 100));
}

/** `percent` of `amount`, rounded down to the fen. */
export function percentOfFloor(amount: number, percent: number): Fen {
  return fen(Math.floor((amount * percent) / 100));
}

/** E4: real estate and other property rights (securities, shares) have the longer announcement; vehicles do not. */
function isPropertyRight(assetClass: AssetClass, rules: Pick<Rules, 'E4'>): boolean {
  return (rules.E4.propertyRightClasses as readonly AssetClass[]).includes(assetClass);
}

/** The last auction that was held, a re-auction after a default counting as the stage it repeats. */
export function lastHeldRound(lot: Lot): AuctionRound | undefined {
  return heldRounds(lot).at(-1);
}

/** The rounds that count: an auction set aside by an objection (`annulled`) is on the record only. */
export function heldRounds(lot: Lot): readonly AuctionRound[] {
  return lot.rounds.filter((r) => !r.annulled);
}

/** The stage a round stands for: a re-auction (E10) repeats the stage of the round the buyer defaulted in. */
export function effectiveStage(lot: Lot, round: AuctionRound): Exclude<AuctionStage, 're-auction'> {
  if (round.stage !== 're-auction') return round.stage;
  const earlier = heldRounds(lot)
    .filter((r) => r.round < round.round && r.stage !== 're-auction')
    .at(-1);
  return earlier?.stage === 'second' ? 'second' : 'first';
}

/** E4 and E8: how long an auction is announced before bidding opens. */
export function announcementPeriod(assetClass: AssetClass, stage: Exclude<AuctionStage, 're-auction'>, rules: Rules) {
  if (stage === 'second')
    return isPropertyRight(assetClass, rules) ? rules.E8.realEstateAnnouncement : rules.E8.movableAnnouncement;
  return isPropertyRight(assetClass, rules) ? rules.E4.realEstate : rules.E4.movable;
}

/**
 * E4, E6: bidding opens at 10:00 on the day after the announcement period ends (counted by the period rules,
 * so a period ending on a holiday moves on) and runs at least 24 hours.
 */
export function auctionSchedule(
  announcedAt: Instant,
  assetClass: AssetClass,
  stage: Exclude<AuctionStage, 're-auction'>,
  rules: Rules,
  calendar: LegalCalendar,
): { readonly startsAt: Instant; readonly endsAt: Instant } {
  const lastDay = calendar.periodEnd(chinaDateOf(announcedAt), announcementPeriod(assetClass, stage, rules)).date;
  const startsAt = plusSeconds(startOfChinaDay(lastDay), (24 + OPENING_HOUR_CHINA) * HOUR);
  return { startsAt, endsAt: plusSeconds(startsAt, rules.E6.minBiddingHours * HOUR) };
}

/** The least starting price the panel may set for a stage (E2 against the reference price, E8 against the last). */
export function minimumStartingPrice(lot: Lot, stage: AuctionStage, rules: Rules): Fen | undefined {
  const last = lastHeldRound(lot);
  if (stage === 'first') {
    return lot.referencePriceFen === undefined
      ? undefined
      : percentOfCeil(lot.referencePriceFen, rules.E2.minStartingPricePercent);
  }
  if (!last) return undefined;
  if (stage === 're-auction') return last.startingPriceFen;
  const firstRound =
    heldRounds(lot)
      .filter((r) => effectiveStage(lot, r) === 'first')
      .at(-1) ?? last;
  return percentOfCeil(firstRound.startingPriceFen, 100 - rules.E8.maxCutPercent);
}

/** What the system proposes to the panel (P-DISPOSAL), never below the legal floor. */
export function proposedTerms(
  lot: Lot,
  stage: AuctionStage,
  rules: Rules,
): { readonly startingPriceFen: Fen; readonly depositFen: Fen } | undefined {
  const floor = minimumStartingPrice(lot, stage, rules);
  if (floor === undefined) return undefined;
  const policy = rules.P_DISPOSAL;
  let start = floor;
  if (stage === 'first' && lot.referencePriceFen !== undefined)
    start = fen(Math.max(floor, percentOfCeil(lot.referencePriceFen, policy.proposedStartPercent)));
  if (stage === 'second') {
    const firstRound = heldRounds(lot)
      .filter((r) => effectiveStage(lot, r) === 'first')
      .at(-1);
    if (firstRound)
      start = fen(Math.max(floor, percentOfCeil(firstRound.startingPriceFen, 100 - policy.proposedCutPercent)));
  }
  if (stage === 're-auction') {
    const last = lastHeldRound(lot);
    if (last) return { startingPriceFen: last.startingPriceFen, depositFen: last.depositFen };
  }
  return { startingPriceFen: start, depositFen: percentOfCeil(start, policy.proposedDepositPercent) };
}

/** E2, E8: why a starting price is refused, naming the rule; undefined when it may be set. */
export function startingPriceProblem(lot: Lot, stage: AuctionStage, startingPriceFen: number, rules: Rules) {
  if (!Number.isSafeInteger(startingPriceFen) || startingPriceFen <= 0) return '起拍价须为正的整数分';
  const floor = minimumStartingPrice(lot, stage, rules);
  if (floor === undefined) return '尚无参考价，不能确定起拍价（A11）';
  if (startingPriceFen >= floor) return undefined;
  if (stage === 'first') {
    return `起拍价${formatYuan(fen(startingPriceFen))}低于参考价${formatYuan(lot.referencePriceFen ?? fen(0))}的${rules.E2.minStartingPricePercent}%（${formatYuan(floor)}），不符合规则E2`;
  }
  if (stage === 'second') {
    return `再次拍卖的起拍价${formatYuan(fen(startingPriceFen))}降价超过${rules.E8.maxCutPercent}%（不得低于${formatYuan(floor)}），不符合规则E8`;
  }
  return `重新拍卖应沿用原起拍价${formatYuan(floor)}（E10）`;
}

/**
 * E5 (网拍规定 第十七条第二款): 申请执行人参加竞买的，可以不交保证金；但债权数额小于保证金数额的按差额部分交纳. What an
 * applicant bidder owed `claimFen` pays of a deposit of `depositFen`.
 */
export function applicantDepositFen(depositFen: number, claimFen: number, rules: Pick<Rules, 'E5'>): Fen {
  if (!rules.E5.applicantExemptUpToClaim) return fen(depositFen);
  return fen(Math.max(0, depositFen - Math.max(0, claimFen)));
}

/** The deposit the round's buyer actually paid: all of it, unless the buyer is an applicant (E5). */
export function depositPaid(round: AuctionRound): Fen {
  return round.depositPaidFen ?? round.depositFen;
}

/** E5: why a deposit is refused, naming the rule; undefined when it is within 5% to 20% of the starting price. */
export function depositProblem(depositFen: number, startingPriceFen: number, rules: Rules): string | undefined {
  if (!Number.isSafeInteger(depositFen) || depositFen <= 0) return '保证金须为正的整数分';
  const low = percentOfCeil(startingPriceFen, rules.E5.minDepositPercent);
  const high = percentOfFloor(startingPriceFen, rules.E5.maxDepositPercent);
  if (depositFen < low || depositFen > high) {
    return `保证金${formatYuan(fen(depositFen))}应在起拍价的${rules.E5.minDepositPercent}%至${rules.E5.maxDepositPercent}%之间（${formatYuan(low)}至${formatYuan(high)}），不符合规则E5`;
  }
  return undefined;
}

/**
 * E6: when bidding actually closed. A bid in the last 5 minutes moves the close to 5 minutes after it, again and
 * again; a bid after the close does not count. Returns the close and the bids that count.
 */
export function biddingClose(
  scheduledEnd: Instant,
  bids: readonly Bid[],
  rules: Rules,
): { readonly closesAt: Instant; readonly valid: readonly Bid[] } {
  const extension = rules.E6.extensionMinutes * MINUTE;
  let closesAt = scheduledEnd;
  const valid: Bid[] = [];
  for (const bid of [...bids].sort((a, b) => a.at.localeCompare(b.at))) {
    if (bid.at > closesAt) continue;
    valid.push(bid);
    const extended = plusSeconds(bid.at, extension);
    if (extended > closesAt) closesAt = extended;
  }
  return { closesAt, valid };
}

/**
 * E3, E7: the winning bid: the highest at or above the starting price (one bidder suffices); at the same price, a
 * holder of a preemptive right, the lower rank among them, then the earliest bid.
 */
export function auctionWinner(bids: readonly Bid[], startingPriceFen: number, rules: Rules): Bid | undefined {
  const eligible = bids.filter((b) => b.priceFen >= startingPriceFen);
  if (eligible.length < rules.E3.minBidders) return undefined;
  return [...eligible].sort(
    (a, b) =>
      b.priceFen - a.priceFen ||
      Number(b.preemptive === true) - Number(a.preemptive === true) ||
      (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) ||
      a.at.localeCompare(b.at),
  )[0];
}

/**
 * What a platform's result for one round must agree with (E3, E6, E7, E10): each disagreement, named. `barred`:
 * buyers who defaulted in an earlier round of the lot, whose bids do not count in the re-auction (E10).
 */
export function auctionResultProblems(
  round: AuctionRound,
  result: {
    readonly outcome: 'sold' | 'failed';
    readonly endedAt: Instant;
    readonly priceFen?: number;
    readonly buyer?: string;
    readonly topBids: readonly Bid[];
  },
  rules: Rules,
  barred: readonly string[] = [],
): string[] {
  const problems: string[] = [];
  const { closesAt, valid: timely } = biddingClose(round.endsAt, result.topBids, rules);
  const valid = timely.filter((b) => !barred.includes(b.bidder));
  if (timely.length > valid.length) problems.push('悔拍的原买受人参加了重新拍卖，其出价无效（E10）');
  const minimumEnd = plusSeconds(round.startsAt, rules.E6.minBiddingHours * HOUR);
  if (result.endedAt < minimumEnd) problems.push(`竞价时间不足${rules.E6.minBiddingHours}小时（E6）`);
  if (result.topBids.length > 0 && result.endedAt !== closesAt) problems.push('结束时间与延时规则不符（E6）');
  const winner = auctionWinner(valid, round.startingPriceFen, rules);
  if (result.outcome === 'sold') {
    if (!winner) problems.push('无不低于起拍价的有效出价，不应成交（E3）');
    else if (winner.bidder !== result.buyer || winner.priceFen !== result.priceFen)
      problems.push('买受人与出价记录不符（E7）');
  } else if (winner) {
    problems.push('有不低于起拍价的有效出价，不应流拍（E3）');
  }
  return problems;
}

/**
 * E9 (拍卖变卖规定 第十九条, 2004年文本): after a failed auction (流拍: no valid bid at or above the starting price, which
 * is the reserve price online) the applicant may take the lot in lieu at that auction's starting price: the round it
 * follows and that price, or undefined when the last round held did not fail (sold, or its buyer defaulted: E10).
 */
export function inLieuAfter(lot: Lot): { readonly round: number; readonly valueFen: Fen } | undefined {
  const last = lastHeldRound(lot);
  if (last?.outcome !== 'failed') return undefined;
  return { round: last.round, valueFen: last.startingPriceFen };
}

/**
 * Whether the lot was already offered in lieu after `round`: an offer recorded without a round (journals written
 * when offers followed only the last auction) counts as made after the last round held.
 */
export function offeredInLieuAfter(lot: Lot, round: number): boolean {
  if (!lot.inLieu) return false;
  return (lot.inLieu.round ?? lastHeldRound(lot)?.round) === round;
}

/** E9: after a failed second auction, the fixed-price sale is at the second auction's starting price. */
export function fallbackPrice(lot: Lot): Fen | undefined {
  return heldRounds(lot)
    .filter((r) => effectiveStage(lot, r) === 'second')
    .at(-1)?.startingPriceFen;
}
