/**
 * What the respondent owes, to the fen, on a given day: the money debt the basis awards, the doubled interest for
 * the period of late performance (F-DELAY-INTEREST: 民诉法 第二百六十四条, 法释〔2014〕8号), and the execution
 * application fee (F1-FEE), borne by the respondent. Money received pays them in the legal order (F-PAYMENT-ORDER):
 * the money debt item by item (costs, interest, principal), then the doubled interest, then the fee.
 *
 * The doubled interest runs on the part of the money debt (general interest excluded) not yet paid, from the end
 * of the performance period (or the basis's effective date) to the day each part is paid. Once the money debt is
 * paid it stops growing, so the figure is final from then on.
 */
import { chinaDateOf, compareDates, daysBetween, type LocalDate } from '../calendar/local-date.ts';
import type { ClaimItem, EnforcementCase } from '../case/model.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { RULES } from '../rules/values.ts';
import { executionFeeFen } from './fee.ts';

/** The payee of the execution fee: the court itself, not a party. */
export const FEE_PAYEE = 'court:execution-fee';

export type OwedRules = Pick<Rules, 'F_DELAY_INTEREST' | 'F_PAYMENT_ORDER' | 'F1_FEE'>;

export interface DelayInterest {
  readonly amountFen: Fen;
  /** The first day counted; undefined when nothing is computed (the claim brings its own figure). */
  readonly from?: LocalDate;
  /** The last day counted: the day the money debt was paid, or `asOf` while part of it is still unpaid. */
  readonly through?: LocalDate;
  /** The money debt it runs on, as filed. */
  readonly baseFen: Fen;
}

export interface Owed {
  /** The basis's money debt (the claim). */
  readonly debtFen: Fen;
  readonly interest: DelayInterest;
  /** What the applicants are owed in all: the money debt and the doubled interest. */
  readonly applicantsFen: Fen;
  /** The execution fee on what the applicants are owed (执行金额). */
  readonly feeFen: Fen;
  readonly totalFen: Fen;
  /** Already satisfied: money received and not refunded, and property accepted in lieu. */
  readonly satisfiedFen: Fen;
  readonly outstandingFen: Fen;
}

interface Receipt {
  readonly on: LocalDate;
  readonly amountFen: number;
}

/** Money that came in (net of refunds, which only ever return a surplus) and property in lieu, by day. */
function receipts(state: EnforcementCase): Receipt[] {
  return state.ledger
    .filter((e) => e.kind === 'received' || e.kind === 'in-lieu' || e.kind === 'shared-in')
    .map((e) => ({ on: chinaDateOf(e.at), amountFen: e.amountFen }))
    .sort((a, b) => compareDates(a.on, b.on));
}

/** The base still unpaid once `paid` has gone to the money debt in the legal order. */
function unpaidBase(items: readonly ClaimItem[], paid: number, rules: OwedRules): number {
  let left = paid;
  let base = 0;
  for (const kind of rules.F_PAYMENT_ORDER.debtOrder) {
    for (const item of items.filter((i) => i.kind === kind)) {
      const taken = Math.min(left, item.amountFen);
      left -= taken;
      if ((rules.F_DELAY_INTEREST.baseItems as readonly string[]).includes(kind)) base += item.amountFen - taken;
    }
  }
  return base;
}

/** When the doubled interest starts: the end of the performance period, else the basis's effective date. */
export function interestStart(state: EnforcementCase): LocalDate {
  return state.basis.performBy ?? state.basis.effectiveDate;
}

/** The doubled interest accrued to `asOf` (or to the day the money debt was paid, if earlier). */
export function delayInterest(state: EnforcementCase, asOf: LocalDate, rules: OwedRules = RULES): DelayInterest {
  const items = state.claim.items;
  const baseFen = fen(unpaidBase(items, 0, rules));
  // A settlement in force fixed what is owed on the day it was made (its total); a breach lets the basis run on.
  const settled =
    state.settlement && state.settlement.status !== 'breached' ? chinaDateOf(state.settlement.agreedAt) : undefined;
  if (settled && compareDates(settled, asOf) < 0) asOf = settled;
  if (items.some((i) => i.kind === 'delay-interest') || baseFen === 0) return { amountFen: fen(0), baseFen };
  const from = interestStart(state);
  let day = from;
  let paid = 0;
  let base = baseFen as number;
  let scaled = 0n; // fen × days × parts per million
  const rate = BigInt(rules.F_DELAY_INTEREST.dailyRatePerMillion);
  const accrue = (to: LocalDate) => {
    if (compareDates(to, day) <= 0) return;
    scaled += BigInt(base) * BigInt(daysBetween(day, to)) * rate;
    day = to;
  };
  for (const receipt of receipts(state)) {
    if (base === 0 || compareDates(receipt.on, asOf) > 0) break;
    accrue(receipt.on);
    paid += receipt.amountFen;
    base = unpaidBase(items, paid, rules);
  }
  if (base > 0) accrue(asOf);
  const amount = Number((scaled + 500_000n) / 1_000_000n);
  const through = compareDates(day, from) > 0 ? day : from;
  return { amountFen: fen(amount), from, through, baseFen };
}

/** The last day anything came in (or the filing day): where the figures stand without a clock. */
export function lastReceiptDay(state: EnforcementCase): LocalDate {
  const all = receipts(state);
  return all[all.length - 1]?.on ?? chinaDateOf(state.filedAt);
}

/** Everything the respondent owes on `asOf`, and what is still outstanding. */
export function owed(state: EnforcementCase, asOf: LocalDate = lastReceiptDay(state), rules: OwedRules = RULES): Owed {
  const debtFen = state.claim.totalFen;
  const interest = delayInterest(state, asOf, rules);
  const applicantsFen = fen(debtFen + interest.amountFen);
  const feeFen = fen(executionFeeFen(applicantsFen, rules));
  const totalFen = fen(applicantsFen + feeFen);
  const received = state.ledger.reduce(
    (t, e) =>
      t +
      (e.kind === 'received' || e.kind === 'in-lieu' || e.kind === 'shared-in'
        ? e.amountFen
        : e.kind === 'refunded' || e.kind === 'shared'
          ? -e.amountFen
          : 0),
    0,
  );
  const satisfiedFen = fen(Math.max(0, received));
  return {
    debtFen,
    interest,
    applicantsFen,
    feeFen,
    totalFen,
    satisfiedFen,
    outstandingFen: fen(Math.max(0, totalFen - satisfiedFen)),
  };
}
