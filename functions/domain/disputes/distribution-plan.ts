/**
 * The distribution plan of 参与分配 (DIST-ORDER: 民诉法解释 第五百零八条), in whole fen: the enforcement costs first,
 * then the priority claims in order of application, then the ordinary claims pro rata. Each pro rata share is
 * rounded down to the fen and the fen left over go one each to the largest remainders, ties by order of
 * application (P-DISTRIBUTION), so the shares always add up to the money to the fen. What is above every claim
 * goes back to the respondent.
 *
 * When an objection is opposed and the objector sues, the shares both plans agree on are paid at once and the rest
 * is held (第五百一十条第二款); the judgment says which plan the held money follows. `undisputed` and `settle`
 * keep that arithmetic exact: paid now plus held equals the pool, and paid now plus what the judgment releases
 * equals the plan the judgment upheld.
 */
import { type Fen, fen } from '../money.ts';

export interface ShareClaim {
  readonly creditorId: string;
  readonly claimFen: number;
  readonly priority: boolean;
}

export interface Share {
  readonly creditorId: string;
  readonly amountFen: Fen;
  readonly kind: 'priority' | 'pro-rata';
}

export interface PlanFigures {
  readonly availableFen: Fen;
  readonly costsFen: Fen;
  readonly shares: readonly Share[];
  /** Above every claim: back to the respondent. */
  readonly refundFen: Fen;
}

export class DistributionFigureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DistributionFigureError';
  }
}

/**
 * Splits `pool` among `claims` in proportion to their amounts (never more than a claim), in whole fen: each share
 * rounded down, then the fen left over one each by largest remainder, ties by position in `claims`.
 */
export function proRata(pool: number, claims: readonly number[]): number[] {
  const total = claims.reduce((t, c) => t + c, 0);
  if (total <= pool) return [...claims];
  const big = BigInt(pool);
  const sum = BigInt(total);
  const floors = claims.map((c) => Number((big * BigInt(c)) / sum));
  const remainders = claims.map((c, i) => ({ i, r: (big * BigInt(c)) % sum }));
  let left = pool - floors.reduce((t, f) => t + f, 0);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left === 0) break;
    floors[i] = (floors[i] ?? 0) + 1;
    left -= 1;
  }
  return floors;
}

/** The plan for `available` fen: costs, priority claims in order, then the ordinary claims pro rata. */
export function planShares(available: number, costs: number, claims: readonly ShareClaim[]): PlanFigures {
  if (costs > available) throw new DistributionFigureError('执行费用超过可供分配的案款');
  let left = available - costs;
  const shares: Share[] = [];
  for (const claim of claims.filter((c) => c.priority)) {
    const amount = Math.min(left, claim.claimFen);
    left -= amount;
    shares.push({ creditorId: claim.creditorId, amountFen: fen(amount), kind: 'priority' });
  }
  const ordinary = claims.filter((c) => !c.priority);
  const split = proRata(
    left,
    ordinary.map((c) => c.claimFen),
  );
  ordinary.forEach((claim, i) => {
    shares.push({ creditorId: claim.creditorId, amountFen: fen(split[i] ?? 0), kind: 'pro-rata' });
  });
  const given = split.reduce((t, s) => t + s, 0);
  return { availableFen: fen(available), costsFen: fen(costs), shares, refundFen: fen(left - given) };
}

function shareOf(plan: PlanFigures, creditorId: string): number {
  return plan.shares.find((s) => s.creditorId === creditorId)?.amountFen ?? 0;
}

/** What both plans give each creditor (paid at once while the suit runs), and what is held (提存). */
export function undisputed(original: PlanFigures, revised: PlanFigures): { shares: Share[]; heldFen: Fen } {
  const shares = original.shares.map((s) => ({
    ...s,
    amountFen: fen(Math.min(s.amountFen, shareOf(revised, s.creditorId))),
  }));
  const refund = Math.min(original.refundFen, revised.refundFen);
  const paid = original.costsFen + shares.reduce((t, s) => t + s.amountFen, 0) + refund;
  return { shares, heldFen: fen(original.availableFen - paid) };
}

/** What the held money pays once the judgment says which plan stands: that plan less what was paid already. */
export function settle(
  upheld: PlanFigures,
  paid: readonly Share[],
  paidRefundFen: number,
): { shares: Share[]; refundFen: Fen } {
  return {
    shares: upheld.shares.map((s) => ({
      ...s,
      amountFen: fen(s.amountFen - (paid.find((p) => p.creditorId === s.creditorId)?.amountFen ?? 0)),
    })),
    refundFen: fen(upheld.refundFen - paidRefundFen),
  };
}

/** A plan's total: it must equal the money it distributes, to the fen. */
export function planTotal(plan: PlanFigures): number {
  return plan.costsFen + plan.shares.reduce((t, s) => t + s.amountFen, 0) + plan.refundFen;
}
