/**
 * What a distribution among creditors (参与分配) shares: the respondent's money on the case account, whatever brought
 * it there: deposits deducted, the price of property auctioned or sold (and a defaulting buyer's forfeited deposit),
 * the respondent's own payments. Creditors may apply while the respondent's property is still being executed
 * (民诉法解释 第五百零六条: 被执行人的财产执行终结前), before the money it will bring is on the account; the plan is
 * made over the money that has come in.
 */
import type { EnforcementCase } from '../case/model.ts';
import { isMoney } from '../control/plan.ts';
import { type Fen, fen } from '../money.ts';
import { shareableFen } from './objection-effects.ts';

/** The money received on the account, by what brought it, and what of it is still there to share. */
export interface FundSources {
  /** Deposits and online funds deducted (扣划). */
  readonly deductionFen: Fen;
  /** The price of property auctioned or sold (拍卖、变卖), with forfeited deposits of defaulting buyers. */
  readonly saleFen: Fen;
  /** Paid by the respondent or for it (a guarantor, a third party). */
  readonly paidInFen: Fen;
  /** Already paid out of the account before this distribution. */
  readonly paidOutFen: Fen;
  /** What the plan shares: the account balance, less what a third party's objection holds. */
  readonly availableFen: Fen;
}

const SALE_SOURCES: readonly string[] = ['auction', 'forfeited-deposit', 'in-lieu-difference'];

/** The account's money by source (each received entry's counterparty: a money asset deducted, or the source). */
export function fundSources(state: EnforcementCase): FundSources {
  let deduction = 0;
  let sale = 0;
  let paidIn = 0;
  for (const entry of state.ledger) {
    if (entry.kind !== 'received') continue;
    const asset = state.assets[entry.counterparty];
    if (asset) {
      if (isMoney(asset)) deduction += entry.amountFen;
      else sale += entry.amountFen;
    } else if (SALE_SOURCES.includes(entry.counterparty)) sale += entry.amountFen;
    else paidIn += entry.amountFen;
  }
  // A deducted deposit a third party claims is on the account but not the distribution's (OBJ-THIRD-PARTY).
  const available = shareableFen(state);
  return {
    deductionFen: fen(deduction),
    saleFen: fen(sale),
    paidInFen: fen(paidIn),
    paidOutFen: fen(deduction + sale + paidIn - available),
    availableFen: fen(available),
  };
}

/**
 * The respondent's property still being executed here: seized property not yet sold or released, and frozen money
 * not yet deducted. While there is any, creditors may apply though the money it brings is not on the account yet.
 */
export function propertyPending(state: EnforcementCase): string[] {
  return Object.values(state.assets)
    .filter((a) =>
      isMoney(a) ? a.status === 'frozen' && a.frozenFen > 0 : ['sealed', 'frozen', 'entrusted'].includes(a.status),
    )
    .map((a) => a.assetId);
}
