/**
 * Disbursement: money on the case account goes to the applicants, item by item of the claim, up to what each is
 * owed; anything above the claim goes back to the respondent who paid it.
 */
import type { EnforcementCase } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { type Fen, fen, min } from '../money.ts';

export interface DisbursementPlan {
  readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
  readonly refundFen: Fen;
  readonly refundTo?: string;
  readonly totalFen: Fen;
}

function alreadyPaidTo(state: EnforcementCase, payeeId: string): number {
  return state.ledger
    .filter((e) => e.kind === 'disbursed' && e.counterparty === payeeId)
    .reduce((t, e) => t + e.amountFen, 0);
}

export function planDisbursement(state: EnforcementCase): DisbursementPlan {
  let available = fen(Math.max(0, accountBalance(state)));
  const owed = new Map<string, number>();
  for (const item of state.claim.items) owed.set(item.creditorId, (owed.get(item.creditorId) ?? 0) + item.amountFen);
  const payouts: { payeeId: string; amountFen: Fen }[] = [];
  for (const [payeeId, total] of owed) {
    const due = fen(Math.max(0, total - alreadyPaidTo(state, payeeId)));
    const amount = min(due, available);
    if (amount > 0) payouts.push({ payeeId, amountFen: amount });
    available = fen(available - amount);
  }
  const payer = state.respondents[0]?.partyId;
  const totalFen = fen(payouts.reduce((t, p) => t + p.amountFen, 0) + available);
  return { payouts, refundFen: available, ...(available > 0 && payer ? { refundTo: payer } : {}), totalFen };
}

/** G1 "fully performed": every applicant has received what the claim awards. */
export function isFullyPerformed(state: EnforcementCase): boolean {
  const paid = state.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0);
  return paid >= state.claim.totalFen;
}
