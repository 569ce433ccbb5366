/**
 * What an objection decided for good does to the case (OBJ-ACT, OBJ-THIRD-PARTY, OBJ-RELEASE, C6): the seizure of
 * the asset released, the listing removed, or nothing; and which assets a third party's objection holds from
 * disposal meanwhile.
 */
import type { LegalCalendar, Period } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, type LocalDate } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, TimeNode } from '../case/model.ts';
import type { Rules } from '../rules/table.ts';
import type { Objection } from './objection-model.ts';

/** Seizure statuses an objection can contest or release. */
export const SEIZED: readonly string[] = ['frozen', 'sealed', 'entrusted'];

/** A node of an objection's period: a court term, or a party's window (`window`: no escalation, lapses at its end). */
export function periodNode(
  node: string,
  ruleId: string,
  period: Period,
  startedOn: LocalDate,
  calendar: LegalCalendar,
  window: boolean,
): TimeNode {
  const end = calendar.periodEnd(startedOn, period);
  return {
    node: node as TimeNode['node'],
    ruleId,
    startedOn,
    dueDate: end.date,
    dueAt: endOfChinaDay(end.date),
    unconfirmedYears: end.unconfirmedYears,
    status: 'open',
    ...(window ? { window: true as const } : {}),
  };
}

/**
 * The objection decided for good. `objectorWins`: the seizure (act) or the claim (third party) prevails, and the
 * seizure of the asset is released; otherwise the act stands (执行异议) or disposal goes on (案外人异议).
 */
export function finalEvents(
  state: EnforcementCase,
  o: Objection,
  objectorWins: boolean,
  why: string,
  ctx?: { readonly rules: Rules; readonly calendar: LegalCalendar; readonly now: Instant },
): CaseEvent[] {
  if (o.act === 'listing' && objectorWins) return listingRemoved(state, o, why, ctx);
  const asset = state.assets[o.assetId];
  if (!objectorWins)
    return [
      {
        type: 'objection-final',
        objectionId: o.objectionId,
        effect: o.kind === 'act' ? 'unchanged' : 'resumed',
        reason: o.kind === 'act' ? `${why}：异议不成立，执行行为维持` : why,
      },
    ];
  if (!asset || !SEIZED.includes(asset.status))
    return [
      {
        type: 'objection-final',
        objectionId: o.objectionId,
        effect: 'unchanged',
        reason: `${why}；该财产已不在查封、冻结中（已处置的，依法另行处理）`,
      },
    ];
  const reason = o.kind === 'act' ? `${why}：异议成立，撤销查封、冻结` : why;
  return [
    { type: 'seizure-released', assetId: o.assetId, reason },
    { type: 'objection-final', objectionId: o.objectionId, effect: 'released', reason },
  ];
}

/**
 * An objection to the listing (失信) that stands: the listing is removed, within C6's removal period, and the coercion
 * phase publishes the removal to the credit-discipline recipients (../coercion/plan.ts).
 */
function listingRemoved(
  state: EnforcementCase,
  o: Objection,
  why: string,
  ctx: { readonly rules: Rules; readonly calendar: LegalCalendar; readonly now: Instant } | undefined,
): CaseEvent[] {
  const listing = state.coercion?.listing;
  if (!listing || listing.removedAt || !ctx)
    return [
      { type: 'objection-final', objectionId: o.objectionId, effect: 'unchanged', reason: `${why}；失信信息已删除` },
    ];
  const reason = `${why}：异议成立，撤销纳入失信被执行人名单的决定`;
  const node = periodNode(
    'listing-removal',
    ctx.rules.C6.id,
    ctx.rules.C6.removal,
    chinaDateOf(ctx.now),
    ctx.calendar,
    false,
  );
  return [
    { type: 'debtor-removed', reason, dueDate: node.dueDate },
    { type: 'node-set', node },
    { type: 'objection-final', objectionId: o.objectionId, effect: 'removed', reason },
  ];
}

/** Assets no disposal may touch now: claimed by a third party whose objection is ruled on or in suit. */
export function heldAssets(state: EnforcementCase): ReadonlySet<string> {
  const held = new Set<string>();
  for (const o of Object.values(state.objections ?? {}))
    if (o.kind === 'third-party' && (o.status === 'ruled' || o.status === 'in-suit')) held.add(o.assetId);
  return held;
}

/** The disposal phase stopped for held lots only, and none of them is held any more: it goes on. */
export function disposalResumable(state: EnforcementCase): boolean {
  const heldFor = state.disposal?.heldFor;
  if (state.status !== 'awaiting-officer' || !heldFor || heldFor.length === 0 || state.disposal?.ended) return false;
  const held = heldAssets(state);
  return heldFor.every((id) => !held.has(id));
}
