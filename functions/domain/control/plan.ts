/**
 * Asset control: what to freeze, seal or entrust, from what the network inquiry found.
 * Deposits and online funds are frozen up to the outstanding claim, largest first (fewest orders); property is
 * sealed only while money does not cover the claim; property outside this court's area is entrusted to the court
 * where it lies (H1).
 */
import { type LocalDate, plusDays, plusMonths } from '../calendar/local-date.ts';
import type { Asset, AssetClass, Court, EnforcementCase } from '../case/model.ts';
import { owed } from '../disbursement/owed.ts';
import { type Fen, fen, min, minusFloor } from '../money.ts';
import { liabilityCaps, takenFromFen } from '../parties/liability.ts';
import type { Rules } from '../rules/table.ts';
import { RULES } from '../rules/values.ts';

const MONEY_CLASSES: readonly AssetClass[] = ['deposit', 'online-funds'];

export interface ControlPlan {
  readonly outstandingFen: Fen;
  readonly freezes: readonly { readonly assetId: string; readonly amountFen: Fen }[];
  readonly entrustments: readonly { readonly assetId: string; readonly toCourt: Court }[];
  /** covered: money on the case account already covers the claim (e.g. paid voluntarily after the notice). */
  readonly outcome: 'covered' | 'control' | 'nothing-to-control';
  readonly note: string;
}

/**
 * What the respondent still owes: the money debt, the doubled interest for late performance and the execution fee
 * (disbursement/owed.ts), less what came in and was not given back and property accepted in lieu (E9). Without a
 * day, the figures stand on the last day money came in: exact for "is anything still owed", since the interest
 * stops once the money debt is paid.
 */
export function outstandingFen(state: EnforcementCase, asOf?: LocalDate): Fen {
  return owed(state, asOf).outstandingFen;
}

/** Sealed property (here, or by the court where it lies) that the disposal phase can turn into money. */
export function heldForDisposal(state: EnforcementCase): boolean {
  return Object.values(state.assets).some((a) => !isMoney(a) && a.status === 'sealed');
}

export type Holder =
  | 'awaiting-disposal'
  | 'coercing'
  | 'awaiting-coercion'
  | 'awaiting-final-closure'
  | 'awaiting-officer';

/**
 * Where a case goes when money does not close it: to disposal while sealed property is left; else to the coercive
 * measures (the coercion running beside a disposal takes the case over; measures that ran out leave it for the
 * final-round closure review).
 */
export function handoverStatus(state: EnforcementCase): Holder {
  // A breached settlement resumes nothing by itself: the applicant may apply (执行和解规定 第九条).
  if (state.settlement?.status === 'breached' && !state.settlement.resumptionApplied) return 'awaiting-officer';
  if (heldForDisposal(state)) return 'awaiting-disposal';
  if (coercionRunning(state)) return 'coercing';
  if (state.coercion?.outcome === 'exhausted') return 'awaiting-final-closure';
  return 'awaiting-coercion';
}

/** A coercion run is under way: started, not ended, and not stopped by a settlement agreement. */
export function coercionRunning(state: EnforcementCase): boolean {
  const run = state.phaseRuns.coercion;
  return run !== undefined && state.coercion?.outcome === undefined && (state.interrupted?.coercion ?? 0) < run;
}

/**
 * `asOf` is the day of the plan: what is owed then, and the doubled interest P-FREEZE-MARGIN ahead (to the
 * deduction) is frozen; a surplus the deduction brings goes back to the respondent at disbursement.
 */
/**
 * What each respondent who joined by a ruling within a limit (`liabilityCapFen`, V-CAP) may still be made to answer
 * for: the limit less what is frozen on its accounts and what was already taken from it (deducted or sold).
 */
export function liabilityLeft(state: EnforcementCase): Map<string, Fen> {
  const left = new Map<string, Fen>();
  for (const [partyId, cap] of liabilityCaps(state)) {
    const frozen = Object.values(state.assets)
      .filter((a) => a.respondentId === partyId)
      .reduce((total, a) => total + a.frozenFen, 0);
    left.set(partyId, fen(Math.max(0, cap - frozen - takenFromFen(state, partyId))));
  }
  return left;
}

export function planControl(
  state: EnforcementCase,
  asOf?: LocalDate,
  rules: Pick<Rules, 'P_FREEZE_MARGIN'> = RULES,
): ControlPlan {
  const outstanding = outstandingFen(state, asOf);
  if (outstanding === 0) {
    return { outstandingFen: outstanding, freezes: [], entrustments: [], outcome: 'covered', note: '案款已足额到账' };
  }
  const found = Object.values(state.assets).filter((a) => a.status === 'found');
  const money = found
    .filter((a) => MONEY_CLASSES.includes(a.class) && (a.balanceFen ?? 0) > 0)
    .sort((a, b) => (b.balanceFen ?? 0) - (a.balanceFen ?? 0) || a.assetId.localeCompare(b.assetId));
  const freezes: { assetId: string; amountFen: Fen }[] = [];
  let remaining = asOf ? outstandingFen(state, plusDays(asOf, rules.P_FREEZE_MARGIN.interestAhead.days)) : outstanding;
  // Money frozen by a preservation carried into the case (B3-CARRY) is already held: it is deducted with the rest.
  const preservedMoney = Object.values(state.assets).filter(
    (a) => a.preserved !== undefined && MONEY_CLASSES.includes(a.class) && a.status === 'frozen' && a.frozenFen > 0,
  );
  for (const asset of preservedMoney) remaining = minusFloor(remaining, asset.frozenFen);
  const caps = liabilityLeft(state);
  for (const asset of money) {
    if (remaining === 0) break;
    // A respondent who joined within a limit (e.g. the capital not paid in, 变更追加规定 第十七条) answers up to it.
    const cap = caps.get(asset.respondentId);
    const amount = min(min(fen(asset.balanceFen ?? 0), remaining), cap ?? remaining);
    if (amount === 0) continue;
    if (cap !== undefined) caps.set(asset.respondentId, minusFloor(cap, amount));
    freezes.push({ assetId: asset.assetId, amountFen: amount });
    remaining = minusFloor(remaining, amount);
  }
  const entrustments: { assetId: string; toCourt: Court }[] = [];
  if (remaining > 0) {
    for (const asset of found.filter((a) => !MONEY_CLASSES.includes(a.class))) {
      // Nothing is sealed from a respondent who has answered up to its limit (V-CAP).
      if (caps.get(asset.respondentId) === 0) continue;
      if (asset.locatedCourt && asset.locatedCourt.code !== state.court.code) {
        entrustments.push({ assetId: asset.assetId, toCourt: asset.locatedCourt });
      } else {
        freezes.push({ assetId: asset.assetId, amountFen: fen(0) });
      }
    }
  }
  if (freezes.length === 0 && entrustments.length === 0 && preservedMoney.length > 0) {
    return { outstandingFen: outstanding, freezes, entrustments, outcome: 'control', note: '保全转入的冻结款项待扣划' };
  }
  if (freezes.length === 0 && entrustments.length === 0) {
    return {
      outstandingFen: outstanding,
      freezes,
      entrustments,
      outcome: 'nothing-to-control',
      note: '未查询到可供执行的财产',
    };
  }
  const others = freezes.length - money.filter((a) => freezes.some((f) => f.assetId === a.assetId)).length;
  const note =
    remaining === 0
      ? '存款及网络资金足以清偿，冻结后扣划'
      : others + entrustments.length === 0
        ? '存款不足以清偿，冻结后扣划，未发现其他可供执行的财产'
        : `存款不足以清偿，同时查封其他财产${entrustments.length > 0 ? '（外地财产委托当地法院）' : ''}`;
  return { outstandingFen: outstanding, freezes, entrustments, outcome: 'control', note };
}

/**
 * B1: the last day of a freeze or seal made today. The exact date (no moving past rest days): the bank and the
 * registry count it that way, and a renewal planned for an earlier day is never late.
 */
export function seizureExpiry(start: LocalDate, assetClass: AssetClass, rules: Rules): LocalDate {
  return plusMonths(start, seizurePeriod(assetClass, rules).months);
}

/**
 * B1: the last day of a freeze or seal as the bank's or registry's receipt (回执) gives it: the day it states, when it
 * states one within the class's period from the day the measure took effect; otherwise the period from that day (the
 * receipt's own start day, or the day it came back). A later day than the law allows is not taken.
 */
export function receiptExpiry(
  receipt: { readonly effectiveOn: LocalDate; readonly expiresOn?: LocalDate },
  assetClass: AssetClass,
  rules: Rules,
): LocalDate {
  const most = seizureExpiry(receipt.effectiveOn, assetClass, rules);
  const stated = receipt.expiresOn;
  return stated !== undefined && stated >= receipt.effectiveOn && stated <= most ? stated : most;
}

/** B1: how long one freeze or seal may last, by asset class. */
export function seizurePeriod(assetClass: AssetClass, rules: Rules): { readonly months: number } {
  switch (assetClass) {
    case 'deposit':
    case 'online-funds':
      return rules.B1.deposit;
    case 'vehicle':
      return rules.B1.movable;
    case 'real-estate':
    case 'securities':
      return rules.B1.realEstate;
  }
}

export function isMoney(asset: Asset): boolean {
  return MONEY_CLASSES.includes(asset.class);
}
