/** The reference price (A11): which method to try, and the price a method's answers give. */
import type { AssetClass, Lot, PricingMethod } from '../case/model.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';

/** The court's first choice by asset class (P-DISPOSAL); a commissioned appraisal when that brought no price. */
export function pricingMethod(assetClass: AssetClass, lot: Lot, rules: Rules): PricingMethod {
  const methods: Readonly<Record<string, PricingMethod>> = rules.P_DISPOSAL.pricingMethod;
  if ((lot.pricing?.attempts ?? 0) > 0) return 'appraisal';
  return methods[assetClass] ?? 'appraisal';
}

/** How many methods are tried before the officer is asked to take the lot over: the first choice, then appraisal. */
export const PRICING_ATTEMPTS = 2;

/**
 * The reference price a method's answers give (A11's source): an online inquiry takes the average of the
 * platforms' results; negotiation, a directed inquiry or an appraisal give one value. Undefined without answers.
 */
export function referencePriceFrom(method: PricingMethod, valuations: readonly number[]): Fen | undefined {
  const usable = valuations.filter((v) => Number.isSafeInteger(v) && v > 0);
  if (usable.length === 0) return undefined;
  if (method !== 'online-inquiry') return fen(usable[0] ?? 0);
  return fen(Math.round(usable.reduce((total, v) => total + v, 0) / usable.length));
}
