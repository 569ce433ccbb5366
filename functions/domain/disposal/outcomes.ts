/**
 * What the answers of the disposal phase's waits mean for the case: a reference price, an auction's result checked
 * against the rules, the buyer's balance or default, the applicant's answer to an offer in lieu, a fixed-price sale.
 * No answer is an answer too: a silent buyer has defaulted (E10), a silent applicant has declined.
 */
import type { LegalCalendar } from '../calendar/legal-calendar.ts';
import { chinaDateOf, type Instant } from '../calendar/local-date.ts';
import type { CaseEvent } from '../case/events.ts';
import type { AuctionRound, Bid, EnforcementCase, PricingMethod } from '../case/model.ts';
import { meetNode, timeNode } from '../case/nodes.ts';
import { derivedId } from '../ids.ts';
import { fen } from '../money.ts';
import type { Rules } from '../rules/table.ts';
import { applicantDepositFen, auctionResultProblems, depositPaid, effectiveStage } from './auction.ts';
import { applicantOwedMost } from './plan.ts';
import { referencePriceFrom } from './pricing.ts';

export type DisposalAnswer =
  | {
      readonly kind: 'pricing';
      readonly assetId: string;
      readonly method: PricingMethod;
      readonly valuations: readonly number[];
      readonly report: string;
    }
  | {
      readonly kind: 'auction';
      readonly assetId: string;
      readonly round: number;
      readonly result?: {
        readonly outcome: 'sold' | 'failed';
        readonly endedAt: Instant;
        readonly priceFen?: number;
        readonly buyer?: string;
        /** The buyer is the applicant (E5 第十七条第二款). */
        readonly applicantBuyer?: boolean;
        readonly bids: number;
        readonly topBids: readonly Bid[];
      };
    }
  | { readonly kind: 'balance'; readonly assetId: string; readonly round: number; readonly paid: boolean }
  | {
      readonly kind: 'in-lieu';
      readonly assetId: string;
      readonly accepted: boolean;
      /** Paid into the case account with the acceptance (E9: the difference above the claim). */
      readonly differencePaidFen?: number;
    }
  | {
      readonly kind: 'fixed-price';
      readonly assetId: string;
      readonly sold?: { readonly priceFen: number; readonly buyer: string };
    };

export interface DisposalOutcome {
  readonly events: readonly CaseEvent[];
  /** For the command center. */
  readonly alerts: readonly string[];
}

function sale(
  state: EnforcementCase,
  assetId: string,
  priceFen: number,
  way: 'auction' | 'fixed-price',
  key: string,
): CaseEvent[] {
  return [
    {
      type: 'money-received',
      entryId: derivedId('e', state.caseId, way, assetId, key),
      amountFen: fen(priceFen),
      source: 'auction',
      note: way === 'auction' ? '拍卖成交价款' : '变卖价款',
    },
    {
      type: 'sale-confirmed',
      assetId,
      docId: derivedId('d', state.caseId, way, assetId, key),
      priceFen: fen(priceFen),
      way,
    },
  ];
}

/**
 * A11-OBJECTION: an online-inquiry or appraisal report is served on the parties, who may object in writing within 5
 * days (参考价规定 第二十二条、第二十三条): the window is a node of the case; when it passes unused the sweeper closes it.
 */
function objectionWindow(
  assetId: string,
  method: PricingMethod,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): CaseEvent[] {
  if (!(rules.A11_OBJECTION.reports as readonly string[]).includes(method)) return [];
  const node = timeNode(
    `price-objection:${assetId}`,
    rules.A11_OBJECTION.id,
    rules.A11_OBJECTION.window,
    now,
    calendar,
  );
  return [{ type: 'node-set', node: { ...node, window: true } }];
}

export function recordDisposalAnswer(
  state: EnforcementCase,
  answer: DisposalAnswer,
  rules: Rules,
  calendar: LegalCalendar,
  now: Instant,
): DisposalOutcome {
  const lot = state.disposal?.lots[answer.assetId];
  if (!lot) return { events: [], alerts: [] };
  switch (answer.kind) {
    case 'pricing': {
      const valueFen = referencePriceFrom(answer.method, answer.valuations);
      if (valueFen === undefined) {
        return {
          events: [{ type: 'reference-price-failed', assetId: answer.assetId, method: answer.method }],
          alerts: ['确定处置参考价未获结果，改用其他方式'],
        };
      }
      return {
        events: [
          {
            type: 'reference-price-set',
            assetId: answer.assetId,
            method: answer.method,
            valueFen,
            report: answer.report,
          },
          ...objectionWindow(answer.assetId, answer.method, rules, calendar, now),
        ],
        alerts: [],
      };
    }
    case 'auction': {
      const round = lot.rounds.find((r) => r.round === answer.round);
      // A round set aside by an objection meanwhile: its late result is not acted on.
      if (!round || round.annulled) return { events: [], alerts: [] };
      const result = answer.result;
      if (!result) {
        const problem = '拍卖平台未在期限内报告拍卖结果';
        return {
          events: [{ type: 'auction-irregular', assetId: answer.assetId, round: answer.round, problem, stalls: true }],
          alerts: [problem],
        };
      }
      // E10: a buyer who defaulted on this lot may not bid in its re-auction.
      const barred = lot.rounds.flatMap((r) => (r.balance === 'defaulted' && r.buyer ? [r.buyer] : []));
      const problems = auctionResultProblems(round, result, rules, barred);
      const events: CaseEvent[] = problems.map((problem) => ({
        type: 'auction-irregular',
        assetId: answer.assetId,
        round: answer.round,
        problem,
      }));
      events.push({
        type: 'auction-ended',
        assetId: answer.assetId,
        round: answer.round,
        outcome: result.outcome,
        endedAt: result.endedAt,
        bids: result.bids,
        ...(result.outcome === 'sold' && result.priceFen !== undefined ? { priceFen: fen(result.priceFen) } : {}),
        ...(result.outcome === 'sold' && result.buyer ? { buyer: result.buyer } : {}),
        ...(result.outcome === 'sold' && result.applicantBuyer ? applicantBuyerTerms(state, round, rules, now) : {}),
        topBids: result.topBids,
      });
      const stage = effectiveStage(lot, round);
      if (stage === 'second') events.push(...meetNode(state, `second-auction:${answer.assetId}`, now));
      if (result.outcome === 'failed' && stage === 'first') {
        const node = timeNode(
          `second-auction:${answer.assetId}`,
          rules.E8.id,
          rules.E8.within,
          result.endedAt,
          calendar,
        );
        events.push({ type: 'node-set', node });
      }
      return { events, alerts: problems };
    }
    case 'balance': {
      const round = lot.rounds.find((r) => r.round === answer.round);
      if (!round || round.annulled || round.priceFen === undefined) return { events: [], alerts: [] };
      // E5: an applicant who bought paid no deposit, or only the difference: that is all there is to forfeit.
      const paidDeposit = depositPaid(round);
      if (!answer.paid) {
        return {
          events: [
            {
              type: 'buyer-defaulted',
              assetId: answer.assetId,
              round: answer.round,
              depositForfeitedFen: paidDeposit,
            },
            ...(paidDeposit > 0
              ? [
                  {
                    type: 'money-received' as const,
                    entryId: derivedId('e', state.caseId, 'forfeit', answer.assetId, String(answer.round)),
                    amountFen: paidDeposit,
                    source: 'forfeited-deposit' as const,
                    note: '买受人悔拍，保证金不予退还（E10）',
                  },
                ]
              : []),
          ],
          alerts: ['买受人未按期支付尾款，保证金不予退还，重新拍卖（E10）'],
        };
      }
      return {
        events: [
          {
            type: 'auction-balance-paid',
            assetId: answer.assetId,
            round: answer.round,
            amountFen: fen(round.priceFen - paidDeposit),
          },
          ...sale(state, answer.assetId, round.priceFen, 'auction', String(answer.round)),
        ],
        alerts: [],
      };
    }
    case 'in-lieu': {
      // E9 (拍卖变卖规定 第十九条): accepting a lot worth more than the claim needs the difference paid in the period
      // set; an acceptance without it takes nothing in lieu.
      const differenceFen = state.disposal?.lots[answer.assetId]?.inLieu?.differenceFen ?? 0;
      const unpaid = answer.accepted && (answer.differencePaidFen ?? 0) < differenceFen;
      return {
        events: [
          {
            type: 'in-lieu-answered',
            assetId: answer.assetId,
            accepted: answer.accepted && !unpaid,
            ...(unpaid ? { differenceUnpaid: true } : {}),
          },
        ],
        alerts: [],
      };
    }
    case 'fixed-price': {
      if (!answer.sold) {
        return { events: [{ type: 'fixed-price-ended', assetId: answer.assetId, outcome: 'unsold' }], alerts: [] };
      }
      return {
        events: [
          {
            type: 'fixed-price-ended',
            assetId: answer.assetId,
            outcome: 'sold',
            priceFen: fen(answer.sold.priceFen),
          },
          ...sale(state, answer.assetId, answer.sold.priceFen, 'fixed-price', 'fixed'),
        ],
        alerts: [],
      };
    }
  }
}

/**
 * E5 (网拍规定 第十七条第二款): the applicant who bought the lot registered without a deposit, or paid only the part of
 * the deposit above what it is still owed. The applicant is the one owed most (the one the lot is offered to in lieu,
 * 拍卖变卖规定 第十九条), its claim counted to the day the bidding ended.
 */
function applicantBuyerTerms(
  state: EnforcementCase,
  round: AuctionRound,
  rules: Rules,
  now: Instant,
): { readonly applicantBuyer: string; readonly depositPaidFen: ReturnType<typeof fen> } {
  const { applicantId, owedFen } = applicantOwedMost(state, chinaDateOf(now), rules);
  return { applicantBuyer: applicantId, depositPaidFen: applicantDepositFen(round.depositFen, owedFen, rules) };
}
