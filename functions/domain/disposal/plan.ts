/**
 * The disposal phase, step by step (A11, E1-E11). After every answer the phase asks `planDisposal` what to do: the
 * facts to record now (a reference price started, an auction announced, a lot released) and the next thing to wait
 * for (a pricing platform, the collegial panel, the auction platform, the buyer's balance, the applicant), or the end
 * of the phase. Lots are disposed of one after another, in the order they were seized.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, endOfChinaDay, type Instant, type LocalDate } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { AuctionStage, EnforcementCase, Lot, PricingMethod } from '../case/model.ts';
import { meetNode } from '../case/nodes.ts';
import { accountBalance, applyEvent, ledgerTotal } from '../case/reducer.ts';
import { termExclusionDue } from '../case/term-exclusions.ts';
import { liabilityLeft, outstandingFen } from '../control/plan.ts';
import { owed } from '../disbursement/owed.ts';
import { interestShares } from '../disbursement/plan.ts';
import { heldAssets } from '../disputes/objection.ts';
import { derivedId } from '../ids.ts';
import { type Fen, fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import {
  auctionSchedule,
  depositPaid,
  effectiveStage,
  fallbackPrice,
  inLieuAfter,
  lastHeldRound,
  offeredInLieuAfter,
  percentOfCeil,
  proposedTerms,
} from './auction.ts';
import { PRICING_ATTEMPTS, pricingMethod } from './pricing.ts';

export type DisposalWait =
  | { readonly kind: 'pricing'; readonly assetId: string; readonly method: PricingMethod }
  | {
      readonly kind: 'approve-terms';
      readonly assetId: string;
      readonly stage: AuctionStage;
      readonly proposed: { readonly startingPriceFen: Fen; readonly depositFen: Fen };
    }
  | { readonly kind: 'auction'; readonly assetId: string; readonly round: number }
  | { readonly kind: 'balance'; readonly assetId: string; readonly round: number; readonly amountFen: Fen }
  | {
      readonly kind: 'in-lieu';
      readonly assetId: string;
      readonly applicantId: string;
      readonly valueFen: Fen;
      /** What the applicant pays in with its acceptance when the value exceeds what it is owed (E9). */
      readonly differenceFen: Fen;
      /** The failed auction the offer follows. */
      readonly afterRound?: number;
    }
  | { readonly kind: 'fixed-price'; readonly assetId: string; readonly priceFen: Fen; readonly until: Instant }
  /** Money is on the account: the disbursement phase pays it out. */
  | { readonly kind: 'disburse' }
  /** The claim is satisfied without money to pay out (property taken in lieu): the case closes. */
  | { readonly kind: 'closed' }
  /** Nothing more to dispose of, the claim not satisfied: the case goes on to the phase it needs. */
  | { readonly kind: 'handover'; readonly reason: string }
  /** The phase cannot go on by itself (no price, the panel refused): the officer takes the case over. */
  | { readonly kind: 'officer'; readonly reason: string }
  /** Only lots held by objections are left (OBJ-THIRD-PARTY): the phase stops, and goes on when they are free. */
  | { readonly kind: 'held'; readonly reason: string };

type Step = { readonly events: readonly CaseEvent[] } | { readonly wait: DisposalWait };

const FINAL: readonly Lot['status'][] = ['sold', 'in-lieu', 'released'];

/** The property the phase disposes of: seized property that is not money (money is deducted, not sold). */
export function disposableAssets(state: EnforcementCase): string[] {
  return Object.values(state.assets)
    .filter((a) => a.class !== 'deposit' && a.class !== 'online-funds' && a.status === 'sealed')
    .map((a) => a.assetId);
}

/**
 * The applicant still owed the most: who is offered property in lieu of payment, and what is still owed to it (its
 * money debt and its share of the doubled interest counted to `asOf`, less what it received in money or property):
 * 拍卖变卖规定 第十九条's 应受清偿的债权额.
 */
export function applicantOwedMost(
  state: EnforcementCase,
  asOf: LocalDate,
  rules: Rules,
): { readonly applicantId: string; readonly owedFen: number } {
  const owedTo = new Map<string, number>();
  for (const item of state.claim.items)
    owedTo.set(item.creditorId, (owedTo.get(item.creditorId) ?? 0) + item.amountFen);
  const interest = interestShares(state, owed(state, asOf, rules).interest.amountFen, rules);
  let best = { applicantId: state.applicants[0]?.partyId ?? '', owedFen: 0 };
  for (const [applicantId, total] of owedTo) {
    const left =
      total +
      (interest.get(applicantId) ?? 0) -
      ledgerTotal(state, 'disbursed', applicantId) -
      ledgerTotal(state, 'in-lieu', applicantId);
    if (left > best.owedFen) best = { applicantId, owedFen: left };
  }
  return best;
}

/**
 * E9: the offer of the lot in lieu after the failed auction `after`, at its starting price. A value above what is
 * owed to the applicant is still offered: the applicant pays the difference (拍卖变卖规定 第十九条: 补交差额). The lot
 * of a respondent joined within a limit (V-CAP) settles at most what is left of that limit, and is not offered (its
 * seizure released) once he has answered up to it.
 */
function offerInLieu(
  state: EnforcementCase,
  lot: Lot,
  after: { readonly round: number; readonly valueFen: Fen },
  rules: Rules,
  now: Instant,
): Step | undefined {
  if (after.valueFen <= 0 || offeredInLieuAfter(lot, after.round)) return undefined;
  const { owedFen } = applicantOwedMost(state, chinaDateOf(now), rules);
  if (owedFen <= 0) return undefined;
  // V-CAP: the property of a respondent who joined within a limit settles no more than what is left of it (变更追加规定
  // 第二十六条); the applicant pays in the rest of the value, which goes back to him at disbursement.
  const respondentId = state.assets[lot.assetId]?.respondentId ?? '';
  const capLeft = liabilityLeft(state).get(respondentId);
  if (capLeft === 0) {
    const name = state.respondents.find((r) => r.partyId === respondentId)?.name ?? '该被执行人';
    const reason = `${name}已在责任限额内承担责任，其财产不再以物抵债，解除查封（V-CAP）`;
    return { events: [{ type: 'seizure-released', assetId: lot.assetId, reason }] };
  }
  const settles = capLeft === undefined ? owedFen : Math.min(owedFen, capLeft);
  const differenceFen = fen(Math.max(0, after.valueFen - settles));
  return {
    events: [
      {
        type: 'in-lieu-offered',
        assetId: lot.assetId,
        valueFen: after.valueFen,
        round: after.round,
        ...(differenceFen > 0 ? { differenceFen } : {}),
      },
    ],
  };
}

/** The stage of the next auction of a lot whose last round failed or whose buyer defaulted; undefined after E9. */
function nextStage(lot: Lot): AuctionStage | 'after-second' {
  const last = lastHeldRound(lot);
  if (!last) return 'first';
  if (last.balance === 'defaulted') return 're-auction';
  return effectiveStage(lot, last) === 'first' ? 'second' : 'after-second';
}

/**
 * The lot whose next auction's terms the panel is to decide, with what is proposed (for the approval's summary and
 * for checking the panel's decision against E2, E5 and E8).
 */
export function lotAwaitingTerms(
  state: EnforcementCase,
  rules: Rules,
):
  | {
      readonly lot: Lot;
      readonly stage: 'first' | 'second';
      readonly reference: string;
      readonly referencePriceFen: Fen;
      readonly proposed: { readonly startingPriceFen: Fen; readonly depositFen: Fen };
    }
  | undefined {
  for (const lot of Object.values(state.disposal?.lots ?? {})) {
    if (lot.status !== 'priced' || lot.terms || lot.stalled || lot.referencePriceFen === undefined) continue;
    const stage = nextStage(lot);
    if (stage !== 'first' && stage !== 'second') continue;
    const proposed = proposedTerms(lot, stage, rules);
    if (!proposed) continue;
    const asset = state.assets[lot.assetId];
    return {
      lot,
      stage,
      reference: asset ? `${asset.institution}${asset.reference}` : lot.assetId,
      referencePriceFen: lot.referencePriceFen,
      proposed,
    };
  }
  return undefined;
}

/** The panel's decided approval of the next terms, not yet acted on. */
function decidedTerms(state: EnforcementCase) {
  const used = state.disposal?.usedApprovals ?? [];
  return Object.values(state.approvals).find(
    (a) =>
      a.step === 'auction-terms' &&
      (a.status === 'approved' || a.status === 'rejected') &&
      !used.includes(a.approvalId),
  );
}

function numberOr(value: unknown, fallback: number): number {
  return typeof value === 'number' ? value : fallback;
}

function lotStep(state: EnforcementCase, lot: Lot, rules: Rules, calendar: LegalCalendar, now: Instant): Step {
  const asset = state.assets[lot.assetId];
  if (!asset) throw new Error(`case ${state.caseId} has no asset ${lot.assetId}`);
  switch (lot.status) {
    case 'pricing': {
      const pricing = lot.pricing;
      if (pricing && !pricing.failed)
        return { wait: { kind: 'pricing', assetId: lot.assetId, method: pricing.method } };
      if (pricing && pricing.attempts >= PRICING_ATTEMPTS) {
        // No method brought a price: the seizure stays, the officer takes the lot over.
        return { wait: { kind: 'officer', reason: '无法确定处置参考价（A11），交承办人处理' } };
      }
      return {
        events: [
          { type: 'reference-price-started', assetId: lot.assetId, method: pricingMethod(asset.class, lot, rules) },
          ...meetNode(state, `reference-price:${lot.assetId}`, now),
        ],
      };
    }
    case 'priced': {
      if (lot.stalled) return { wait: { kind: 'officer', reason: `${lot.stalled}，交承办人处理` } };
      const stage = nextStage(lot);
      // E9: after every failed auction the applicant is first offered the lot in lieu at that auction's price.
      const failed = inLieuAfter(lot);
      const offer = failed ? offerInLieu(state, lot, failed, rules, now) : undefined;
      if (offer) return offer;
      if (stage === 'after-second') {
        const valueFen = fallbackPrice(lot) ?? fen(0);
        return {
          events: [
            {
              type: 'fixed-price-listed',
              assetId: lot.assetId,
              priceFen: valueFen,
              until: endOfChinaDay(calendar.periodEnd(chinaDateOf(now), rules.E9.fixedPriceSale).date),
            },
          ],
        };
      }
      if (lot.terms && lot.terms.stage === stage) {
        const round = lot.rounds.length + 1;
        const last = lastHeldRound(lot);
        const effective =
          stage === 're-auction' && last ? effectiveStage(lot, last) : stage === 'second' ? 'second' : 'first';
        const { startsAt, endsAt } = auctionSchedule(now, asset.class, effective, rules, calendar);
        return {
          events: [
            {
              type: 'auction-announced',
              assetId: lot.assetId,
              round,
              stage,
              auctionId: derivedId('u', state.caseId, lot.assetId, String(round)),
              startingPriceFen: lot.terms.startingPriceFen,
              depositFen: lot.terms.depositFen,
              startsAt,
              endsAt,
            },
          ],
        };
      }
      const proposed = proposedTerms(lot, stage, rules);
      if (!proposed) throw new Error(`lot ${lot.assetId} has no reference price to propose terms from`);
      if (stage === 're-auction') {
        return { events: [{ type: 'auction-terms-set', assetId: lot.assetId, stage, ...proposed, by: 'system' }] };
      }
      const decided = decidedTerms(state);
      if (decided?.status === 'rejected') {
        return {
          events: [
            {
              type: 'auction-terms-refused',
              assetId: lot.assetId,
              stage,
              approvalId: decided.approvalId,
              by: decided.decidedBy ?? '',
            },
          ],
        };
      }
      if (decided) {
        const startingPriceFen = fen(numberOr(decided.data?.startingPriceFen, proposed.startingPriceFen));
        // A starting price of the panel's own comes with the usual share as deposit, unless it set one too.
        const defaultDeposit =
          startingPriceFen === proposed.startingPriceFen
            ? proposed.depositFen
            : percentOfCeil(startingPriceFen, rules.P_DISPOSAL.proposedDepositPercent);
        return {
          events: [
            {
              type: 'auction-terms-set',
              assetId: lot.assetId,
              stage,
              startingPriceFen,
              depositFen: fen(numberOr(decided.data?.depositFen, defaultDeposit)),
              by: decided.decidedBy ?? '',
              approvalId: decided.approvalId,
            },
          ],
        };
      }
      return { wait: { kind: 'approve-terms', assetId: lot.assetId, stage, proposed } };
    }
    case 'announced': {
      const round = lastHeldRound(lot);
      return { wait: { kind: 'auction', assetId: lot.assetId, round: round?.round ?? 0 } };
    }
    case 'awaiting-balance': {
      const round = lastHeldRound(lot);
      if (!round?.priceFen) throw new Error(`lot ${lot.assetId} awaits a balance without a price`);
      return {
        wait: {
          kind: 'balance',
          assetId: lot.assetId,
          round: round.round,
          amountFen: fen(round.priceFen - depositPaid(round)),
        },
      };
    }
    case 'offered-in-lieu': {
      const valueFen = lot.inLieu?.valueFen ?? fen(0);
      const differenceFen = lot.inLieu?.differenceFen ?? fen(0);
      const { applicantId } = applicantOwedMost(state, chinaDateOf(now), rules);
      if (lot.inLieu?.answer === 'accepted') {
        const docId = derivedId('d', state.caseId, lot.assetId, 'in-lieu');
        return {
          events: [
            // The difference the applicant paid comes in first: it pays what the property does not (F-PAYMENT-ORDER).
            ...(differenceFen > 0
              ? [
                  {
                    type: 'money-received' as const,
                    entryId: `in-lieu-difference-${lot.assetId}`,
                    amountFen: differenceFen,
                    source: 'in-lieu-difference' as const,
                    assetId: lot.assetId,
                    note: '申请执行人补交以物抵债差额（E9）',
                  },
                ]
              : []),
            {
              type: 'in-lieu-ruled',
              assetId: lot.assetId,
              docId,
              applicantId,
              valueFen,
              ...(differenceFen > 0 ? { differenceFen } : {}),
            },
          ],
        };
      }
      return {
        wait: {
          kind: 'in-lieu',
          assetId: lot.assetId,
          applicantId,
          valueFen,
          differenceFen,
          ...(lot.inLieu?.round !== undefined ? { afterRound: lot.inLieu.round } : {}),
        },
      };
    }
    case 'fixed-price': {
      const fixed = lot.fixedPrice;
      if (!fixed) throw new Error(`lot ${lot.assetId} is for sale without a price`);
      if (fixed.outcome === 'unsold') {
        return {
          events: [
            { type: 'seizure-released', assetId: lot.assetId, reason: '变卖不成，解除查封，财产退还被执行人（E9）' },
          ],
        };
      }
      return { wait: { kind: 'fixed-price', assetId: lot.assetId, priceFen: fixed.priceFen, until: fixed.until } };
    }
    case 'sold':
    case 'in-lieu':
    case 'released':
      throw new Error(`lot ${lot.assetId} is already disposed of`);
  }
}

function nextStep(state: EnforcementCase, rules: Rules, calendar: LegalCalendar, now: Instant): Step {
  // A1, TERM-EXCLUDED: an appraisal or a lot's auction or sale that ended moves the enforcement term on by its days.
  const excluded = termExclusionDue(state, rules, now);
  if (excluded) return { events: [excluded] };
  const disposal = state.disposal;
  const planned = disposableAssets(state).filter((id) => !disposal?.lots[id]);
  if (planned.length > 0) return { events: [{ type: 'disposal-planned', assetIds: planned }] };
  const open = Object.values(disposal?.lots ?? {}).filter((lot) => !FINAL.includes(lot.status));

  if (outstandingFen(state) === 0) {
    // Performed: what is not sold yet is withdrawn and released; a sale already made stands (its buyer paid a deposit).
    const withdrawn = open.find((lot) => lot.status !== 'awaiting-balance');
    if (withdrawn) {
      return {
        events: [
          { type: 'seizure-released', assetId: withdrawn.assetId, reason: '被执行人已履行，撤回处置并解除查封' },
        ],
      };
    }
  }

  // A lot claimed by a third party is not disposed of while the objection or its lawsuit runs; the others go on.
  const held = heldAssets(state);
  const lot = open.find((l) => !held.has(l.assetId));
  if (lot) return lotStep(state, lot, rules, calendar, now);
  if (open.length > 0) {
    // What the other lots brought is paid out first; the held ones wait after that.
    if (accountBalance(state) > 0) return { wait: { kind: 'disburse' } };
    const assetIds = open.map((l) => l.assetId);
    if (disposal?.heldFor?.join() !== assetIds.join()) return { events: [{ type: 'disposal-held', assetIds }] };
    return {
      wait: { kind: 'held', reason: `余下${assetIds.length}项财产因案外人异议暂停处分，待裁定生效或判决后继续` },
    };
  }
  if (!disposal?.ended) return { events: [{ type: 'disposal-ended', reason: endReason(state) }] };
  if (accountBalance(state) > 0) return { wait: { kind: 'disburse' } };
  if (outstandingFen(state) === 0) return { wait: { kind: 'closed' } };
  return { wait: { kind: 'handover', reason: endReason(state) } };
}

function endReason(state: EnforcementCase): string {
  const lots = Object.values(state.disposal?.lots ?? {});
  const sold = lots.filter((l) => l.status === 'sold').length;
  const inLieu = lots.filter((l) => l.status === 'in-lieu').length;
  const released = lots.filter((l) => l.status === 'released').length;
  return `财产处置完毕：变现${sold}项，以物抵债${inLieu}项，解除查封${released}项`;
}

/** No path takes more than this many immediate steps before it waits: a guard against a planning loop. */
const MAX_IMMEDIATE_STEPS = 30;

export function planDisposal(
  state: EnforcementCase,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): { readonly events: readonly CaseEvent[]; readonly next: DisposalWait } {
  let current = state;
  const events: CaseEvent[] = [];
  for (let i = 0; i < MAX_IMMEDIATE_STEPS; i++) {
    const step = nextStep(current, rules, calendar, now);
    if ('wait' in step) return { events, next: step.wait };
    for (const event of step.events) {
      events.push(event);
      current = applyEvent(current, event, now);
    }
  }
  throw new Error(`disposal planning of case ${state.caseId} did not settle`);
}
