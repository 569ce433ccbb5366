/**
 * The events of the disputes run by this module (参与分配, 中止执行, 暂缓执行 with 执行担保, 执行回转), and their fold
 * onto the case. Part of CaseEvent (case/events.ts); folded by `applyDisputeEvent`, called from the case reducer.
 */

import type { LocalDate } from '../calendar/local-date.ts';
import type { EnforcementCase, Phase } from '../case/model.ts';
import type { Fen } from '../money.ts';
import type { FundSources } from './distribution-funds.ts';
import type { PlanFigures, Share } from './distribution-plan.ts';
import type {
  DistributionCreditor,
  DistributionState,
  Guarantee,
  PayoutOrder,
  SuspensionKind,
  SuspensionState,
} from './distribution-state.ts';

export type DisputeEvent =
  // 参与分配 (DIST-*), on the case holding the money.
  | { readonly type: 'distribution-applied'; readonly creditor: DistributionCreditor }
  | {
      readonly type: 'distribution-planned';
      readonly plan: PlanFigures;
      readonly by: string;
      /** What brought the money shared (deductions, sales, payments); absent on plans recorded before it was kept. */
      readonly funds?: FundSources;
    }
  /** The plan signed (bureau chief) and served on every creditor and the respondent: the objection period runs. */
  | { readonly type: 'distribution-served'; readonly by: string; readonly servedOn: LocalDate }
  | {
      readonly type: 'distribution-objected';
      readonly by: string;
      readonly against: string;
      readonly claimFen: Fen;
      readonly reason: string;
      readonly revised: PlanFigures;
    }
  | { readonly type: 'distribution-opposed'; readonly by: string }
  /** The objector sued in time: what both plans give is paid, the disputed money held (提存). */
  | { readonly type: 'distribution-suit-filed'; readonly by: string; readonly heldFen: Fen }
  /** The money went out: `as` the plan followed; `paidNow` only the undisputed part while the suit runs. */
  | {
      readonly type: 'distribution-paid';
      readonly as: 'original' | 'revised' | 'undisputed';
      readonly shares: readonly Share[];
      readonly refundFen: Fen;
      readonly reason: string;
      /** The payments it makes, each with a fixed entry id: paid once, however often the use case is retried. */
      readonly orders: readonly PayoutOrder[];
    }
  /**
   * On the creditor's own case: its applicant was paid a share by another case's distribution (same respondent).
   * Counts as performance of this case; no money passes through its account.
   */
  | {
      readonly type: 'distribution-share-received';
      readonly entryId: string;
      readonly fromCaseId: string;
      readonly fromCaseNumber: string;
      readonly payeeId: string;
      readonly amountFen: Fen;
    }
  /**
   * A deposit a third party claimed, frozen and free again (the objection ended for the applicant), is ordered
   * deducted after the control rounds: the bank's answer brings `money-received` (control/freed-deduction.ts).
   */
  | {
      readonly type: 'freed-deduction-ordered';
      readonly assetId: string;
      readonly requestId: string;
      readonly amountFen: Fen;
      readonly reason: string;
    }
  // 中止执行 (SUSPENSION) and 暂缓执行 on a guarantee (DEFERRAL, GUARANTEE).
  | {
      readonly type: 'suspension-proposed';
      readonly kind: SuspensionKind;
      readonly ground: string;
      readonly note: string;
      readonly by: string;
      readonly until?: LocalDate;
      readonly guarantee?: Guarantee;
    }
  | {
      readonly type: 'suspension-ruled';
      readonly decision: 'approved' | 'rejected';
      readonly by: string;
      readonly on: LocalDate;
      readonly reason?: string;
      /** The phases running when it took effect: their executions stop at their next step. */
      readonly interrupted?: Readonly<Partial<Record<Phase, number>>>;
      /** Of those, the ones at work, which the lifting starts again (absent in rulings recorded before). */
      readonly stopped?: readonly Phase[];
    }
  | {
      readonly type: 'suspension-lifted';
      readonly on: LocalDate;
      readonly by: string;
      readonly reason: string;
      readonly excludedDays: number;
    }
  /** The deferral ended without performance: enforcement goes to the guarantee or the guarantor (DEFERRAL 第十一条). */
  | { readonly type: 'guarantee-called'; readonly on: LocalDate; readonly by: string; readonly against: string }
  // 执行回转 (REVERSAL), on the case whose title was set aside.
  | {
      readonly type: 'reversal-ordered';
      readonly setAsideBy: string;
      readonly returnFen: Fen;
      readonly from: string;
      readonly to: string;
      readonly by: string;
      readonly ruledBy: string;
    }
  | { readonly type: 'reversal-filed'; readonly caseNumber: string; readonly caseId: string };

export type DisputeEventType = DisputeEvent['type'];

const TYPES: ReadonlySet<string> = new Set<DisputeEventType>([
  'distribution-applied',
  'distribution-planned',
  'distribution-served',
  'distribution-objected',
  'distribution-opposed',
  'distribution-suit-filed',
  'distribution-paid',
  'distribution-share-received',
  'freed-deduction-ordered',
  'suspension-proposed',
  'suspension-ruled',
  'suspension-lifted',
  'guarantee-called',
  'reversal-ordered',
  'reversal-filed',
]);

export function isDisputeEvent(event: { readonly type: string }): event is DisputeEvent {
  return TYPES.has(event.type);
}

function distribution(state: EnforcementCase): DistributionState {
  return state.distribution ?? { stage: 'applying', creditors: [] };
}

function withDistribution(state: EnforcementCase, change: Partial<DistributionState>): EnforcementCase {
  return { ...state, distribution: { ...distribution(state), ...change } };
}

function withSuspension(state: EnforcementCase, change: Partial<SuspensionState>): EnforcementCase {
  if (!state.suspension) return state;
  return { ...state, suspension: { ...state.suspension, ...change } };
}

function mergeInterrupted(
  state: EnforcementCase,
  runs: Readonly<Partial<Record<Phase, number>>> | undefined,
): EnforcementCase {
  if (!runs || Object.keys(runs).length === 0) return state;
  const merged: Partial<Record<Phase, number>> = { ...state.interrupted };
  for (const [phase, run] of Object.entries(runs) as [Phase, number][])
    merged[phase] = Math.max(merged[phase] ?? 0, run);
  return { ...state, interrupted: merged };
}

export function applyDisputeEvent(state: EnforcementCase, event: DisputeEvent, at: string): EnforcementCase {
  switch (event.type) {
    case 'freed-deduction-ordered': {
      const asset = state.assets[event.assetId];
      if (!asset) return state;
      return { ...state, assets: { ...state.assets, [event.assetId]: { ...asset, awaitingAnswer: 'deduct' } } };
    }
    case 'distribution-share-received':
      if (state.ledger.some((e) => e.entryId === event.entryId)) return state;
      return {
        ...state,
        ledger: [
          ...state.ledger,
          {
            entryId: event.entryId,
            kind: 'shared-in',
            amountFen: event.amountFen,
            at,
            counterparty: event.payeeId,
            note: `参与分配：${event.fromCaseNumber}`,
          },
        ],
      };
    case 'distribution-applied': {
      const current = distribution(state);
      if (current.stage !== 'paid')
        return withDistribution(state, { creditors: [...current.creditors, event.creditor] });
      // A fresh round once the last one paid out: new money, new applications; the payments made stay on record.
      return {
        ...state,
        distribution: {
          stage: 'applying',
          round: (current.round ?? 1) + 1,
          creditors: [event.creditor],
          ...(current.orders ? { orders: current.orders } : {}),
        },
      };
    }
    case 'distribution-planned':
      return withDistribution(state, {
        stage: 'planned',
        plan: { ...event.plan, by: event.by, ...(event.funds ? { funds: event.funds } : {}) },
      });
    case 'distribution-served':
      return withDistribution(state, { stage: 'served', ruledBy: event.by, servedOn: event.servedOn });
    case 'distribution-objected': {
      const { type: _type, ...objection } = event;
      return withDistribution(state, { stage: 'objected', objection });
    }
    case 'distribution-opposed':
      return withDistribution(state, { stage: 'opposed', opposedBy: event.by });
    case 'distribution-suit-filed':
      return withDistribution(state, { stage: 'suing', suitBy: event.by, heldFen: event.heldFen });
    case 'distribution-paid': {
      const orders = [...(distribution(state).orders ?? []), ...event.orders];
      if (event.as === 'undisputed')
        return withDistribution(state, { paidNow: { shares: event.shares, refundFen: event.refundFen }, orders });
      return withDistribution(state, { stage: 'paid', outcome: event.as, orders });
    }
    case 'suspension-proposed': {
      const { type: _type, kind, ground, note, by, until, guarantee } = event;
      const history = state.suspension
        ? [...(state.suspension.history ?? []), { ...state.suspension, history: [] }]
        : [];
      return {
        ...state,
        suspension: {
          kind,
          status: 'proposed',
          ground,
          note,
          proposedBy: by,
          ...(until ? { until } : {}),
          ...(guarantee ? { guarantee } : {}),
          ...(history.length > 0 ? { history } : {}),
        },
      };
    }
    case 'suspension-ruled': {
      if (event.decision === 'rejected') return withSuspension(state, { status: 'rejected', ruledBy: event.by });
      const next = withSuspension(state, {
        status: 'in-force',
        ruledBy: event.by,
        from: event.on,
        ...(event.interrupted ? { interrupted: event.interrupted } : {}),
        ...(event.stopped ? { stopped: event.stopped } : {}),
      });
      return mergeInterrupted(next, event.interrupted);
    }
    case 'suspension-lifted':
      return withSuspension(state, { status: 'resumed', resumedOn: event.on, excludedDays: event.excludedDays });
    case 'guarantee-called':
      return withSuspension(state, { status: 'defaulted' });
    case 'reversal-ordered': {
      const { type: _type, ...order } = event;
      return { ...state, reversal: { status: 'ordered', ...order } };
    }
    case 'reversal-filed':
      if (!state.reversal) return state;
      return {
        ...state,
        reversal: {
          ...state.reversal,
          status: 'filed',
          newCase: { caseNumber: event.caseNumber, caseId: event.caseId },
        },
      };
  }
}
