/**
 * What an objection decided for good does to the case (OBJ-ACT, OBJ-THIRD-PARTY, OBJ-RELEASE, C6): the seizure of
 * the asset released, the listing removed, or nothing; and which assets a third party's objection holds from
 * disposal meanwhile.
 */
import type { LegalCalendar, Period } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, type LocalDate } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { EnforcementCase, TimeNode } from '../case/model.ts';
import { accountBalance } from '../case/reducer.ts';
import { fen, formatYuan } from '../money.ts';
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
  if (o.act === 'restriction' && objectorWins) return restrictionLifted(state, o, why);
  if (o.act === 'deduction' && objectorWins) return deductionRefunded(state, o, why);
  // A third party's claim to a deposit already deducted: the money held on the account goes back to that account.
  if (o.kind === 'third-party' && objectorWins && claimedMoney(state, o.assetId)?.status === 'deducted')
    return deductionRefunded(state, o, why);
  if ((o.act === 'price' || o.act === 'auction') && objectorWins)
    return disposalSetAside(state, o, o.act, why, ctx?.now);
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

/**
 * An objection to the consumption restriction that stands (限高规定; 执行异议复议规定 第七条): the restriction is lifted
 * at once, and the coercion phase publishes the lifting to the credit-discipline recipients (../coercion/plan.ts).
 */
function restrictionLifted(state: EnforcementCase, o: Objection, why: string): CaseEvent[] {
  const restriction = state.coercion?.restriction;
  if (!restriction || restriction.liftedAt)
    return [
      { type: 'objection-final', objectionId: o.objectionId, effect: 'unchanged', reason: `${why}；限制消费令已解除` },
    ];
  const reason = `${why}：异议成立，撤销限制消费令`;
  return [
    { type: 'restriction-lifted', on: 'objection' },
    { type: 'objection-final', objectionId: o.objectionId, effect: 'lifted', reason },
  ];
}

/**
 * An objection to a deduction that stands: the deducted money still on the case account goes back to the
 * respondent (the use case pays it, once, by `refundEntryId`); what was already paid out is returned only by a
 * reversal (执行回转, 民诉法 第二百四十四条).
 */
function deductionRefunded(state: EnforcementCase, o: Objection, why: string): CaseEvent[] {
  const deducted = state.assets[o.assetId]?.deductedFen ?? 0;
  // Never the money a distribution among creditors holds: that leaves only through the distribution.
  const refund = fen(Math.max(0, Math.min(deducted, accountBalance(state) - distributionHeldFen(state))));
  const paidOut = deducted - refund;
  if (refund === 0)
    return [
      {
        type: 'objection-final',
        objectionId: o.objectionId,
        effect: 'unchanged',
        reason: `${why}：异议成立，但扣划款项已发放，依法通过执行回转返还`,
      },
    ];
  const undo = o.kind === 'third-party' ? '扣划款项退回被扣划账户' : '异议成立，撤销扣划，退还被执行人';
  const reason = `${why}：${undo}${formatYuan(refund)}${paidOut > 0 ? `（其余${formatYuan(fen(paidOut))}已发放，依法通过执行回转返还）` : ''}`;
  return [{ type: 'objection-final', objectionId: o.objectionId, effect: 'refunded', reason, refundFen: refund }];
}

/**
 * An objection to the reference price or to the auction that stands (执行异议复议规定 第七条; 参考价规定; 网拍规定
 * 第三十一条): the price set aside, the lot priced again and auctioned afresh; or the auction stopped (still running)
 * or annulled (the balance not yet paid), the panel setting new terms. The panel's terms approvals not yet used are
 * voided; the disposal phase waiting on the auction is woken by the use case. A lot sold or disposed of meanwhile
 * stays so (what then is for 执行回转 or a lawsuit).
 */
function disposalSetAside(
  state: EnforcementCase,
  o: Objection,
  what: 'price' | 'auction',
  why: string,
  now: Instant | undefined,
): CaseEvent[] {
  const lot = state.disposal?.lots[o.assetId];
  const open: readonly string[] = what === 'price' ? ['priced', 'announced'] : ['announced', 'awaiting-balance'];
  if (!lot || !open.includes(lot.status))
    return [
      {
        type: 'objection-final',
        objectionId: o.objectionId,
        effect: 'unchanged',
        reason: `${why}：异议成立，但该财产已成交或已处置，依法另行处理`,
      },
    ];
  const used = state.disposal?.usedApprovals ?? [];
  const voided = Object.values(state.approvals)
    .filter((a) => a.step === 'auction-terms' && !used.includes(a.approvalId))
    .map((a) => a.approvalId);
  const stopped = lot.status === 'announced' ? '停止拍卖（撤回拍卖公告）' : '撤销拍卖（买受人已交保证金予以退还）';
  const reason =
    what === 'price'
      ? `${why}：异议成立，撤销处置参考价，重新确定参考价${lot.status === 'announced' ? `，${stopped}` : ''}`
      : `${why}：异议成立，${stopped}`;
  const second = state.nodes[`second-auction:${o.assetId}`];
  return [
    { type: 'disposal-set-aside', assetId: o.assetId, what, reason, voided },
    // The price set aside, the auctions start afresh: the second auction's term (E8) no longer runs.
    ...(what === 'price' && second?.status === 'open' && now
      ? [{ type: 'node-met' as const, node: second.node, at: now }]
      : []),
    { type: 'objection-final', objectionId: o.objectionId, effect: what === 'price' ? 'repriced' : 'annulled', reason },
  ];
}

const MONEY: readonly string[] = ['deposit', 'online-funds'];

function claimedMoney(state: EnforcementCase, assetId: string) {
  const asset = state.assets[assetId];
  return asset && MONEY.includes(asset.class) ? asset : undefined;
}

/**
 * Money on the case account that may not be paid out now: deducted from a deposit a third party claims, from the
 * objection's filing to its end (执行程序解释 第十五条: 案外人异议审查期间，人民法院不得对执行标的进行处分; then the
 * ruling and the lawsuit hold it, OBJ-THIRD-PARTY). A deposit still frozen is not deducted meanwhile (`heldAssets`).
 */
export function heldMoneyFen(state: EnforcementCase): number {
  let held = 0;
  for (const o of Object.values(state.objections ?? {})) {
    if (o.kind !== 'third-party' || o.status === 'final') continue;
    held += claimedMoney(state, o.assetId)?.deductedFen ?? 0;
  }
  return Math.max(0, Math.min(held, accountBalance(state)));
}

/**
 * The account's money a distribution among creditors may share: not what a third party's objection holds (the
 * deducted deposit it claims stays on the account until the objection ends, then goes back or is shared later).
 */
export function shareableFen(state: EnforcementCase): number {
  return Math.max(0, accountBalance(state) - heldMoneyFen(state));
}

/**
 * Money on the account held for a distribution among creditors: from the first application until it is paid out
 * (the disputed share kept for the suit included), everything it may share leaves only through it. An objection's
 * refund or a disbursement never counts it as free.
 */
export function distributionHeldFen(state: EnforcementCase): number {
  const stage = state.distribution?.stage;
  return stage && stage !== 'paid' ? shareableFen(state) : 0;
}

/** What may leave the account now outside a distribution: neither held by an objection nor by a distribution. */
export function freeBalanceFen(state: EnforcementCase): number {
  return Math.max(0, accountBalance(state) - heldMoneyFen(state) - distributionHeldFen(state));
}

/** Assets no disposal may touch now: claimed by a third party whose objection is ruled on or in suit. */
export function heldAssets(state: EnforcementCase): ReadonlySet<string> {
  const held = new Set<string>();
  for (const o of Object.values(state.objections ?? {})) {
    if (o.kind !== 'third-party' || o.status === 'final') continue;
    // A deposit is held from the filing (执行程序解释 第十五条): its deduction waits; other property from the ruling.
    if (o.status === 'ruled' || o.status === 'in-suit' || claimedMoney(state, o.assetId)) held.add(o.assetId);
  }
  return held;
}

/** The disposal phase stopped for held lots only, and none of them is held any more: it goes on. */
export function disposalResumable(state: EnforcementCase): boolean {
  const heldFor = state.disposal?.heldFor;
  if (state.status !== 'awaiting-officer' || !heldFor || heldFor.length === 0 || state.disposal?.ended) return false;
  const held = heldAssets(state);
  return heldFor.every((id) => !held.has(id));
}
