/**
 * The order of control actions once a plan is approved: freeze (and seal locally), entrust what lies elsewhere,
 * deduct what was frozen, then assess. Each is done once; the case record says which are done.
 */
import type { EnforcementCase } from '../case/model.ts';
import { heldAssets } from '../disputes/objection-effects.ts';
import type { RequestItem } from '../partners/requests.ts';

export type ControlStep = 'freeze' | 'entrust' | 'deduct' | 'assess';

export function nextControlStep(state: EnforcementCase): { step: ControlStep; items: RequestItem[] } {
  const plan = state.controlPlan;
  if (!plan) return { step: 'assess', items: [] };
  const toFreeze = plan.freezes.filter((f) => state.assets[f.assetId]?.status === 'found');
  if (toFreeze.length > 0) {
    return {
      step: 'freeze',
      items: toFreeze.map((f) => orderItem(state, f.assetId, f.amountFen)),
    };
  }
  const toEntrust = plan.entrustments.filter((e) => state.assets[e.assetId]?.status === 'found');
  if (toEntrust.length > 0) {
    return {
      step: 'entrust',
      items: toEntrust.map((e) => ({ ...orderItem(state, e.assetId), toCourt: e.toCourt.code })),
    };
  }
  const held = heldAssets(state);
  const toDeduct = Object.values(state.assets).filter(
    (a) =>
      (a.class === 'deposit' || a.class === 'online-funds') &&
      a.status === 'frozen' &&
      a.frozenFen > 0 &&
      !a.awaitingAnswer &&
      // A third party claims it (OBJ-THIRD-PARTY): not deducted while the objection runs.
      !held.has(a.assetId),
  );
  if (toDeduct.length > 0) {
    return {
      step: 'deduct',
      items: toDeduct.map((a) => orderItem(state, a.assetId, a.frozenFen)),
    };
  }
  return { step: 'assess', items: [] };
}

export function orderItem(state: EnforcementCase, assetId: string, amountFen?: number): RequestItem {
  const asset = state.assets[assetId];
  return {
    itemId: assetId,
    assetId,
    ...(amountFen !== undefined ? { amountFen } : {}),
    ...(asset ? { channel: asset.channel, reference: asset.reference, respondentId: asset.respondentId } : {}),
  };
}
