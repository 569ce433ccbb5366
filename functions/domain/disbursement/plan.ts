/**
 * Disbursement: money on the case account goes to the applicants, item by item of the claim, up to what each is
 * owed; anything above the claim goes back to the respondent who paid it.
 */
import type { EnforcementCase } from '../case/model.ts';
import { accountBalance, ledgerTotal } from '../case/reducer.ts';
import { type Fen, fen, min } from '../money.ts';

export interface DisbursementPlan {
  readonly payouts: readonly { readonly payeeId: string; readonly amountFen: Fen }[];
  readonly refundFen: Fen;
  readonly refundTo?: string;
  readonly totalFen: Fen;
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

export function planDisbursement(state: EnforcementCase): DisbursementPlan {
  let available = fen(Math.max(0, accountBalance(state)));
  const owed = new Map<string, number>();
  for (const item of state.claim.items) owed.set(item.creditorId, (owed.get(item.creditorId) ?? 0) + item.amountFen);
  const payouts: { payeeId: string; amountFen: Fen }[] = [];
  for (const [payeeId, total] of owed) {
    const paid = ledgerTotal(state, 'disbursed', payeeId) + ledgerTotal(state, 'in-lieu', payeeId);
    const due = fen(Math.max(0, total - paid));
    const amount = min(due, available);
    if (amount > 0) payouts.push({ payeeId, amountFen: amount });
    available = fen(available - amount);
  }
  const payer = refundRecipient(state);
  const totalFen = fen(payouts.reduce((t, p) => t + p.amountFen, 0) + available);
  return { payouts, refundFen: available, ...(available > 0 && payer ? { refundTo: payer } : {}), totalFen };
}

/** G1 "fully performed": every applicant has received what the claim awards, in money or in property (E9). */
export function isFullyPerformed(state: EnforcementCase): boolean {
  return ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'in-lieu') >= state.claim.totalFen;
}

/**
 * F1 counts from when the money now on the account came in: the earliest receipt not yet paid out, first in first
 * out (a second disbursement is not late because of money the first one paid).
 */
export function heldSince(state: EnforcementCase): string | undefined {
  let paidOut = ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'refunded');
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
