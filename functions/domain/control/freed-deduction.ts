/**
 * A deposit a third party claimed (OBJ-THIRD-PARTY) is frozen but not deducted while the objection runs (执行程序解释
 * 第十五条). When the objection ends for the applicant (dismissed and not sued on, or the suit lost) and the control
 * rounds that deduct are over, nothing else would deduct it: it is deducted now, on the same kind of order to the
 * bank as the control rounds send (`deduct`), once. While the control rounds still run, they deduct it themselves.
 */
import type { Asset, EnforcementCase } from '../case/model.ts';
import { heldAssets } from '../disputes/objection-effects.ts';
import { isMoney } from './plan.ts';

/** The statuses in which the control rounds (freeze, entrust, deduct) may still act. */
const CONTROL_RUNNING: readonly string[] = ['filed', 'triaged', 'investigating', 'control-approval', 'controlling'];

export const FREED_DEDUCTION_REASON = '案外人异议已了结，异议不成立，冻结款项依法扣划';

/** The request kind's tag of a freed deposit's deduction: one per asset (requestIdFor(caseId, tag, 1)). */
export function freedDeductionTag(assetId: string): string {
  return `freed-deduction:${assetId}`;
}

/**
 * Frozen deposits to deduct now: claimed by a third party whose objection is final and did not release them, not
 * held by another objection, not already ordered, on a case the control rounds no longer run for.
 */
export function freedDeposits(state: EnforcementCase): Asset[] {
  if (state.status === 'closed' || CONTROL_RUNNING.includes(state.status)) return [];
  const held = heldAssets(state);
  const claimed = new Set(
    Object.values(state.objections ?? {})
      .filter((o) => o.kind === 'third-party' && o.status === 'final')
      .map((o) => o.assetId),
  );
  return Object.values(state.assets).filter(
    (a) =>
      isMoney(a) &&
      a.status === 'frozen' &&
      a.frozenFen > 0 &&
      !a.awaitingAnswer &&
      claimed.has(a.assetId) &&
      !held.has(a.assetId),
  );
}
