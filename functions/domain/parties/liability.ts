/**
 * V-CAP (变更追加规定 第十条、第十七条至第十九条、第二十六条): a respondent who joined the case by a final ruling within
 * a limit (the capital not paid in, the estate) answers up to that limit and no further. Freezes and seals stop at
 * the limit (../control/plan.ts); money a deduction or a sale brought from that respondent above it goes back to the
 * respondent before anything is paid out (../disbursement/plan.ts), so that what is kept never exceeds the limit.
 * Property of that respondent taken in lieu of payment (以物抵债) counts at its value like a sale: the offer is priced
 * against what is left of the limit (../disposal/plan.ts), and what the applicant pays in above it goes back to him.
 */
import type { AssetClass, EnforcementCase } from '../case/model.ts';
import { ledgerTotal } from '../case/reducer.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';

const MONEY_CLASSES: readonly AssetClass[] = ['deposit', 'online-funds'];

/** The limit of each joined respondent whose final ruling set one. */
export function liabilityCaps(state: EnforcementCase): Map<string, Fen> {
  const caps = new Map<string, Fen>();
  for (const change of Object.values(state.partyChanges ?? {})) {
    if (change.status !== 'settled' || change.final !== 'granted' || change.liabilityCapFen === undefined) continue;
    caps.set(change.party.partyId, change.liabilityCapFen);
  }
  return caps;
}

/**
 * Money taken from a respondent and kept: deducted from its accounts, the proceeds of its property sold (the price,
 * or a forfeited deposit the lot brought) and the value of its property taken in lieu of payment, less what the case
 * gave back to it.
 */
export function takenFromFen(state: EnforcementCase, partyId: string): Fen {
  let taken = 0;
  for (const asset of Object.values(state.assets)) {
    if (asset.respondentId !== partyId) continue;
    if (MONEY_CLASSES.includes(asset.class)) {
      taken += asset.deductedFen;
      continue;
    }
    const lot = state.disposal?.lots[asset.assetId];
    taken += (lot?.proceedsFen ?? 0) + (lot?.status === 'in-lieu' ? (lot.inLieu?.valueFen ?? 0) : 0);
  }
  return fen(Math.max(0, taken - ledgerTotal(state, 'refunded', partyId)));
}

/** What each capped respondent gave above its limit and is owed back (only those with something to return). */
export function liabilityExcess(state: EnforcementCase): Map<string, Fen> {
  const excess = new Map<string, Fen>();
  for (const [partyId, cap] of liabilityCaps(state)) {
    const over = takenFromFen(state, partyId) - cap;
    if (over > 0) excess.set(partyId, fen(over));
  }
  return excess;
}

/** Why an application on `ground` must state its limit; undefined when it need not or does. */
export function capProblem(
  ground: string,
  liabilityCapFen: number | undefined,
  rules: Pick<Rules, 'V_CAP'>,
): string | undefined {
  if (!(rules.V_CAP.limitedGrounds as readonly string[]).includes(ground)) return undefined;
  if (liabilityCapFen !== undefined && Number.isSafeInteger(liabilityCapFen) && liabilityCapFen > 0) return undefined;
  return 'liabilityCapFen：该事由的被执行人在一定范围内承担责任，须写明责任限额（V-CAP）';
}
