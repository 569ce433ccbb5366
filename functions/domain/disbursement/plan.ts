/**
 * Disbursement: money on the case account goes to the applicants up to what each is owed (the money debt, then
 * the doubled interest for late performance), then the execution fee to the court; anything above goes back to
 * the respondent who paid it.
 */

import type { LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase } from '../case/model.ts';
import { accountBalance, ledgerTotal } from '../case/reducer.ts';
import { heldMoneyFen } from '../disputes/objection-effects.ts';
import { reliefPayee, reliefToRecoverFen } from '../measures/relief.ts';
import { rewardPayee, rewardToDeductFen } from '../measures/reward.ts';
import { type Fen, fen, min } from '../money.ts';
import { liabilityExcess } from '../parties/liability.ts';
import { RULES } from '../rules/values.ts';
import { FEE_PAYEE, lastReceiptDay, type OwedRules, owed } from './owed.ts';

export interface DisbursementPlan {
  /** To the applicants (money debt and doubled interest), then the execution fee to the court (FEE_PAYEE). */
  readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
  /** Everything given back (the surplus, and what capped respondents gave above their limits). */
  readonly refundFen: Fen;
  readonly refundTo?: string;
  /**
   * V-CAP: when a respondent who joined within a limit gave more than it, each refund by respondent (summing to
   * `refundFen`); absent, the whole refund goes to `refundTo`.
   */
  readonly refunds?: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
  readonly totalFen: Fen;
  /** The doubled interest for late performance counted in this plan (all of it, paid or not), and its last day. */
  readonly interestFen: Fen;
  readonly interestThrough?: LocalDate;
  /** The execution fee, borne by the respondent, taken from the money after the applicants are paid (F1-FEE). */
  readonly feeFen: Fen;
}

/**
 * Who gets a surplus back: the respondent whose assets gave the most; the first respondent when the money came
 * as a voluntary payment.
 */
function refundRecipient(state: EnforcementCase): string | undefined {
  const given = new Map<string, number>();
  for (const asset of Object.values(state.assets)) {
    if (asset.deductedFen > 0) given.set(asset.respondentId, (given.get(asset.respondentId) ?? 0) + asset.deductedFen);
  }
  const [most] = [...given].sort((a, b) => b[1] - a[1]);
  return most?.[0] ?? state.respondents[0]?.partyId;
}

/** Paid to a payee so far: disbursed, and for an applicant property accepted in lieu too. */
function paidTo(state: EnforcementCase, payeeId: string): number {
  // What repaid the judicial-relief fund out of the applicant's share was paid for the applicant (M-RELIEF).
  return (
    ledgerTotal(state, 'disbursed', payeeId) +
    ledgerTotal(state, 'in-lieu', payeeId) +
    ledgerTotal(state, 'shared-in', payeeId) +
    ledgerTotal(state, 'disbursed', reliefPayee(payeeId)) +
    // So was the informants' reward deducted from the applicant's share (M-REWARD 第二十四条).
    ledgerTotal(state, 'disbursed', rewardPayee(payeeId))
  );
}

/**
 * M-RELIEF: out of a relieved applicant's payout, the relief not yet recovered goes back to the fund first (its own
 * payee); the applicant receives the rest. The respondent's debt is paid by both alike.
 */
function recoverRelief(state: EnforcementCase, toPay: Map<string, number>): void {
  const relief = state.measures?.relief;
  const due = reliefToRecoverFen(state);
  if (!relief || due === 0) return;
  const share = toPay.get(relief.applicantId) ?? 0;
  const recovered = Math.min(share, due);
  if (recovered === 0) return;
  toPay.set(relief.applicantId, share - recovered);
  if (share - recovered === 0) toPay.delete(relief.applicantId);
  toPay.set(reliefPayee(relief.applicantId), recovered);
}

/**
 * M-REWARD 第二十四条: the reward earned by leads and not yet deducted (nor paid separately) is taken out of that
 * applicant's payout, to its own payee; the applicant receives the rest. Once deducted it is not due again.
 */
function deductReward(state: EnforcementCase, toPay: Map<string, number>, planned = 0): void {
  const reward = state.measures?.reward;
  const due = Math.max(0, rewardToDeductFen(state) - planned);
  if (!reward || due === 0) return;
  const share = toPay.get(reward.applicantId) ?? 0;
  const deducted = Math.min(share, due);
  if (deducted === 0) return;
  toPay.set(reward.applicantId, share - deducted);
  if (share - deducted === 0) toPay.delete(reward.applicantId);
  toPay.set(rewardPayee(reward.applicantId), (toPay.get(rewardPayee(reward.applicantId)) ?? 0) + deducted);
}

/**
 * A plan awaiting approval when a lead's reward is fixed (its money was already on the account): the reward still
 * to deduct, less what the plan already deducts, moves from the applicant's payout to the reward payee. Undefined
 * when nothing changes. The total, the interest and the fee stay as planned.
 */
export function withRewardDeducted(
  state: EnforcementCase,
  plan: { readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[] },
): { payeeId: string; amountFen: Fen }[] | undefined {
  const reward = state.measures?.reward;
  if (!reward) return undefined;
  const toPay = new Map<string, number>(plan.payouts.map((p) => [p.payeeId, p.amountFen]));
  const planned = toPay.get(rewardPayee(reward.applicantId)) ?? 0;
  const before = planned;
  deductReward(state, toPay, planned);
  if ((toPay.get(rewardPayee(reward.applicantId)) ?? 0) === before) return undefined;
  return [...toPay].map(([payeeId, amountFen]) => ({ payeeId, amountFen: fen(amountFen) }));
}

/** The doubled interest shared among the applicants in proportion to their part of its base, remainder to the first. */
export function interestShares(state: EnforcementCase, interestFen: number, rules: OwedRules): Map<string, number> {
  const base = new Map<string, number>();
  for (const item of state.claim.items) {
    if (!(rules.F_DELAY_INTEREST.baseItems as readonly string[]).includes(item.kind)) continue;
    base.set(item.creditorId, (base.get(item.creditorId) ?? 0) + item.amountFen);
  }
  const total = [...base.values()].reduce((t, v) => t + v, 0);
  const shares = new Map<string, number>();
  let given = 0;
  for (const [creditor, part] of base) {
    const share = total === 0 ? 0 : Math.floor((interestFen * part) / total);
    shares.set(creditor, share);
    given += share;
  }
  const [first] = base.keys();
  if (first !== undefined) shares.set(first, (shares.get(first) ?? 0) + interestFen - given);
  return shares;
}

/**
 * What the money on the account pays, in the legal order (F-PAYMENT-ORDER): each applicant's money debt, then the
 * doubled interest counted to `asOf` (法释〔2014〕8号 第四条), then the execution fee; a surplus goes back.
 */
export function planDisbursement(
  state: EnforcementCase,
  asOf: LocalDate = lastReceiptDay(state),
  rules: OwedRules = RULES,
): DisbursementPlan {
  // Money a third party claims stays on the account until its objection ends (OBJ-THIRD-PARTY).
  let available = fen(Math.max(0, accountBalance(state) - heldMoneyFen(state)));
  // V-CAP: what a respondent who joined within a limit gave above it goes back to it before anyone is paid.
  const refunds = new Map<string, number>();
  let capped = false;
  for (const [partyId, excess] of liabilityExcess(state)) {
    const back = min(excess, available);
    if (back > 0) refunds.set(partyId, back);
    capped ||= back > 0;
    available = fen(available - back);
  }
  const figures = owed(state, asOf, rules);
  const debt = new Map<string, number>();
  for (const item of state.claim.items) debt.set(item.creditorId, (debt.get(item.creditorId) ?? 0) + item.amountFen);
  const shares = interestShares(state, figures.interest.amountFen, rules);
  const paid = new Map<string, number>([...debt.keys()].map((payee) => [payee, paidTo(state, payee)]));
  const toPay = new Map<string, number>();
  const pay = (payeeId: string, due: number) => {
    const amount = min(fen(Math.max(0, due)), available);
    if (amount > 0) toPay.set(payeeId, (toPay.get(payeeId) ?? 0) + amount);
    available = fen(available - amount);
  };
  // The money debt first, applicant by applicant; what each already received counts against it first.
  for (const [payeeId, total] of debt) pay(payeeId, total - (paid.get(payeeId) ?? 0));
  // Then the doubled interest: what each received beyond the money debt counts against it.
  for (const [payeeId, share] of shares) {
    const beyondDebt = Math.max(0, (paid.get(payeeId) ?? 0) - (debt.get(payeeId) ?? 0));
    pay(payeeId, share - beyondDebt);
  }
  pay(FEE_PAYEE, figures.feeFen - ledgerTotal(state, 'disbursed', FEE_PAYEE));
  deductReward(state, toPay);
  recoverRelief(state, toPay);
  const payouts = [...toPay].map(([payeeId, amountFen]) => ({ payeeId, amountFen: fen(amountFen) }));
  const payer = refundRecipient(state);
  if (available > 0 && payer) refunds.set(payer, (refunds.get(payer) ?? 0) + available);
  const refundFen = fen([...refunds.values()].reduce((t, v) => t + v, 0) + (payer ? 0 : available));
  const totalFen = fen(payouts.reduce((t, p) => t + p.amountFen, 0) + refundFen);
  const [first] = [...refunds].sort((a, b) => b[1] - a[1]);
  return {
    payouts,
    refundFen,
    ...(first ? { refundTo: first[0] } : {}),
    ...(capped || refunds.size > 1
      ? { refunds: [...refunds].map(([payeeId, amountFen]) => ({ payeeId, amountFen: fen(amountFen) })) }
      : {}),
    totalFen,
    interestFen: figures.interest.amountFen,
    ...(figures.interest.through ? { interestThrough: figures.interest.through } : {}),
    feeFen: figures.feeFen,
  };
}

/**
 * G1 "fully performed": every applicant has received the money debt and the doubled interest, in money or in
 * property (E9), and the execution fee is paid; nothing is left on the account to pay out.
 */
export function isFullyPerformed(state: EnforcementCase, rules: OwedRules = RULES): boolean {
  const figures = owed(state, lastReceiptDay(state), rules);
  const applicants = ledgerTotal(state, 'disbursed') - ledgerTotal(state, 'disbursed', FEE_PAYEE);
  return (
    applicants + ledgerTotal(state, 'in-lieu') + ledgerTotal(state, 'shared-in') >= figures.applicantsFen &&
    ledgerTotal(state, 'disbursed', FEE_PAYEE) >= figures.feeFen
  );
}

/**
 * F1 counts from when the money now on the account came in: the earliest receipt not yet paid out, first in first
 * out (a second disbursement is not late because of money the first one paid).
 */
export function heldSince(state: EnforcementCase): string | undefined {
  let paidOut = ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'refunded') + ledgerTotal(state, 'shared');
  for (const entry of state.ledger) {
    if (entry.kind !== 'received') continue;
    if (paidOut >= entry.amountFen) {
      paidOut -= entry.amountFen;
      continue;
    }
    return entry.at;
  }
  return undefined;
}
