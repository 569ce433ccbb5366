/**
 * The execution application fee (申请执行费, F1-FEE) on the amount actually executed, in integer fen: a flat fee up
 * to the first bound, then each part above it at its tier's rate (marginal, as the 办法 counts "超过…的部分"),
 * rounded once, half up, to the fen. A computed figure: it is shown, not deducted from what the applicant is paid.
 */
import type { Rules } from '../rules/table.ts';

export function executionFeeFen(executedFen: number, rules: Pick<Rules, 'F1_FEE'>): number {
  if (!Number.isSafeInteger(executedFen) || executedFen < 0)
    throw new RangeError(`not an amount in fen: ${executedFen}`);
  // Nothing executed: the 办法 charges 50-500 yuan per case at the court's discretion, which is not computed here.
  if (executedFen === 0) return 0;
  const rule = rules.F1_FEE;
  let scaled = 0; // fen × 10,000
  let lower: number = rule.flatUpToFen;
  for (const tier of rule.tiers) {
    if (executedFen <= lower) break;
    scaled += (Math.min(executedFen, tier.upToFen) - lower) * tier.basisPoints;
    lower = tier.upToFen;
  }
  return rule.flatFen + Math.floor((scaled + 5_000) / 10_000);
}
