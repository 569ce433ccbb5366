/** Disbursement (F1, F2) and closure as fully performed (G1). */

import { chinaDateOf } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { timeNode } from '#domain/case/nodes.ts';
import { accountBalance } from '#domain/case/reducer.ts';
import { coercionRunning, handoverStatus, outstandingFen } from '#domain/control/plan.ts';
import { heldSince, isFullyPerformed, planDisbursement } from '#domain/disbursement/plan.ts';
import { freeBalanceFen } from '#domain/disputes/objection-effects.ts';
import { derivedId, executionName, parseExecutionName } from '#domain/ids.ts';
import { exitLiftNoticeOwed, withExitLift } from '#domain/measures/exit-ban.ts';
import { fen, formatYuan } from '#domain/money.ts';
import { type ApprovalRequestTerms, approvalRequestTerms } from './approvals.ts';
import { wakeRulingService } from './closure-ruling.ts';
import { wakeWatch } from './coercion.ts';
import { type Deps, loadCase, mutateCase, PhaseEndedError, SYSTEM } from './context.ts';
import { conflict } from './errors.ts';
import { nextPhase } from './hand-over.ts';
import { liftingRun, wakeOnPerformance } from './performance.ts';
import type { StepInput } from './service.ts';
import { wakeSettlement } from './settlement.ts';

/** Opens the phase: what goes to whom, the F1 deadline from the earliest money still held, and the approval. */
export function openDisbursement(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar'>) {
  return async (input: StepInput): Promise<{ approval: ApprovalRequestTerms }> => {
    const { run } = parseExecutionName(input.execution);
    await distributionHolds(deps, input);
    const { state } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'open-disbursement' },
      (s, now) => {
        if (s.phaseRuns.disbursement === run) return { events: [], result: undefined };
        const plan = planDisbursement(s, chinaDateOf(now), deps.rules);
        const firstHeld = heldSince(s);
        const events: CaseEvent[] = [
          { type: 'phase-started', phase: 'disbursement', run, execution: input.execution },
          {
            type: 'disbursement-planned',
            payouts: plan.payouts,
            refundFen: plan.refundFen,
            ...(plan.refundTo ? { refundTo: plan.refundTo } : {}),
            ...(plan.refunds ? { refunds: plan.refunds } : {}),
            interestFen: plan.interestFen,
            ...(plan.interestThrough ? { interestThrough: plan.interestThrough } : {}),
            feeFen: plan.feeFen,
          },
          {
            type: 'status-changed',
            from: s.status,
            to: 'disbursement-approval',
            reason: `案款${formatYuan(plan.totalFen)}待发放`,
          },
        ];
        if (firstHeld) {
          events.push({
            type: 'node-set',
            node: timeNode(`disbursement:${run}`, deps.rules.F1.id, deps.rules.F1.period, firstHeld, deps.calendar),
          });
        }
        return { events, result: undefined };
      },
    );
    const plan = state.disbursementPlan ?? planDisbursement(state, undefined, deps.rules);
    const total = fen(plan.payouts.reduce((t, p) => t + p.amountFen, 0) + plan.refundFen);
    return {
      approval: approvalRequestTerms(deps, 'disbursement', { amountFen: total }),
    };
  };
}

/**
 * Money under a distribution among creditors (参与分配) leaves only through it: a disbursement opened or approved
 * meanwhile stops here (the state machines end it as PhaseEnded), paying nothing.
 */
async function distributionHolds(deps: Pick<Deps, 'cases'>, input: StepInput): Promise<void> {
  const stage = (await loadCase(deps.cases, input.caseId)).distribution?.stage;
  if (stage && stage !== 'paid')
    throw new PhaseEndedError(input.caseId, input.execution, 'a distribution among creditors holds the money');
}

/** Pays the approved plan from the case account; each payment has a fixed entry id, so a retry pays nothing twice. */
export function payOut(deps: Pick<Deps, 'cases' | 'clock' | 'payments'>) {
  return async (input: StepInput) => {
    await distributionHolds(deps, input);
    const state = await loadCase(deps.cases, input.caseId);
    const plan = state.disbursementPlan;
    if (!plan) throw new Error(`case ${input.caseId} has no approved disbursement plan`);
    const { run } = parseExecutionName(input.execution);
    const orders = [
      ...plan.payouts.map((p) => ({ ...p, kind: 'disbursed' as const })),
      ...(plan.refunds
        ? plan.refunds.map((r) => ({ ...r, kind: 'refunded' as const }))
        : plan.refundFen > 0 && plan.refundTo
          ? [{ payeeId: plan.refundTo, amountFen: plan.refundFen, kind: 'refunded' as const }]
          : []),
    ].map((o) => ({ ...o, entryId: derivedId('e', state.caseId, 'payout', String(run), o.payeeId, o.kind) }));
    for (const order of orders) {
      if (state.ledger.some((e) => e.entryId === order.entryId)) continue;
      await deps.payments.pay({
        entryId: order.entryId,
        caseId: state.caseId,
        payeeId: order.payeeId,
        amountFen: order.amountFen,
      });
      await mutateCase(deps, input.caseId, SYSTEM, { execution: input.execution, step: 'pay-out' }, (s, now) => {
        if (s.ledger.some((e) => e.entryId === order.entryId)) return { events: [], result: undefined };
        const events: CaseEvent[] = [
          {
            type: 'money-paid',
            entryId: order.entryId,
            payeeId: order.payeeId,
            amountFen: order.amountFen,
            kind: order.kind,
          },
        ];
        const node = s.nodes[`disbursement:${run}`];
        if (node?.status === 'open') events.push({ type: 'node-met', node: node.node, at: now });
        return { events, result: undefined };
      });
    }
    return { paid: orders.length };
  };
}

/**
 * `closed` is what definition 2026.11.1 routes on; it stays in the output while executions of that version may be
 * in flight (they call this code, not the code of their time).
 */
export type Closing = { readonly closed: boolean } & (
  | { readonly next: 'closed'; readonly lift?: string }
  | { readonly next: 'disburse-again'; readonly disbursement: string }
  | { readonly next: 'handed-over'; readonly coercion?: string; readonly disposal?: string }
);

/**
 * Closes the case as fully performed when the claim is paid and the account is empty. Money that came in after
 * the plan was approved (so the account is not empty) goes through another disbursement, with its own approval.
 * Otherwise the case is handed to the phase it needs.
 */
export function closeOrHandOver(deps: Pick<Deps, 'cases' | 'clock' | 'rules' | 'wakes'>) {
  return async (input: StepInput): Promise<Closing> => {
    const { state, result } = await mutateCase(
      deps,
      input.caseId,
      SYSTEM,
      { execution: input.execution, step: 'close-case' },
      (s, now): { events: CaseEvent[]; result: Closing['next'] } => {
        if (s.status === 'closed') return { events: [], result: 'closed' };
        if (s.status !== 'disbursing') return { events: [], result: 'handed-over' };
        if (freeBalanceFen(s) > 0) return { events: [], result: 'disburse-again' };
        if (isFullyPerformed(s, deps.rules)) {
          // M-EXIT-BAN: an exit restriction still in force is lifted with the closure.
          const closing: CaseEvent[] = [
            { type: 'case-closed', way: 'fully-performed' },
            { type: 'status-changed', from: s.status, to: 'closed', reason: '执行完毕' },
          ];
          return { events: withExitLift(s, closing, now), result: 'closed' };
        }
        const to = handoverStatus(s);
        return {
          events: [{ type: 'status-changed', from: s.status, to, reason: '已发放到账案款，尚未执行完毕' }],
          result: 'handed-over',
        };
      },
    );
    if (result === 'handed-over') return { next: result, closed: false, ...nextPhase(state) };
    if (result === 'closed') {
      // M-EXIT-BAN: the lifting decided with the closure is sent to the exit-entry authority by settle.
      if (exitLiftNoticeOwed(state)) await deps.wakes.requestWake({ caseId: state.caseId, reason: '解除限制出境' });
      return { next: result, closed: true, ...liftingRun(state, deps.rules, chinaDateOf(deps.clock.now())) };
    }
    if (result !== 'disburse-again') return { next: result, closed: false };
    const { run } = parseExecutionName(input.execution);
    return {
      next: 'disburse-again',
      closed: false,
      disbursement: executionName(state.caseId, 'disbursement', run + 1),
    };
  };
}

/**
 * The case account received money (a voluntary payment reported by the bank holding the case account). The bank's
 * reference identifies the payment: a repeat is acknowledged as a duplicate, the same reference with another
 * amount is refused.
 */
export function recordPayment(deps: Pick<Deps, 'cases' | 'clock' | 'requests' | 'engine'>) {
  const disburseBeside = disburseDuringCoercion(deps);
  return async (input: { readonly caseId: string; readonly amountFen: number; readonly reference: string }) => {
    const entryId = derivedId('e', input.caseId, 'voluntary', input.reference);
    const { state, result: duplicate } = await mutateCase(
      deps,
      input.caseId,
      { kind: 'partner', id: 'case-account' },
      { payment: input.reference },
      (s) => {
        const existing = s.ledger.find((e) => e.entryId === entryId);
        if (existing && existing.amountFen !== input.amountFen) {
          throw conflict(`银行流水号 ${input.reference} 已记录为 ${formatYuan(existing.amountFen)}，与本次金额不符`);
        }
        if (existing) return { events: [], result: true };
        return {
          events: [
            {
              type: 'money-received',
              entryId,
              amountFen: fen(input.amountFen),
              source: 'voluntary',
              note: `被执行人主动履行（银行流水号 ${input.reference}）`,
            },
          ],
          result: false,
        };
      },
    );
    // 法〔2016〕373号 第一条第（三）项: money while the 终本 ruling is served stops the closure (closure-ruling.ts).
    if (!duplicate && (await wakeRulingService(deps, state))) {
      return { caseId: state.caseId, entryId, duplicate, balanceFen: accountBalance(state) };
    }
    if (!duplicate && !(await wakeSettlement(deps, state))) {
      const performed = outstandingFen(state) === 0 && (await wakeOnPerformance(deps, state));
      if (!performed) {
        await disburseBeside(state.caseId);
        await wakeWatch(deps, state, '案款到账');
      }
    }
    return { caseId: state.caseId, entryId, duplicate, balanceFen: accountBalance(state) };
  };
}

/**
 * F1: money received while the coercive measures run (a partial payment: the measures go on) is paid out within 30
 * days of its receipt, not when the measures end. A disbursement run is started beside them; when it ends, the case
 * goes back to the measures (`handoverStatus`). Only for a partial payment while the measures hold the case: a
 * disposal, a settlement or a distribution among creditors hands the money on itself.
 */
function disburseDuringCoercion(deps: Pick<Deps, 'cases' | 'clock' | 'engine'>) {
  return async (caseId: string): Promise<void> => {
    const { result: execution } = await mutateCase(
      deps,
      caseId,
      SYSTEM,
      { action: 'disburse-during-coercion' },
      (s): { events: CaseEvent[]; result: string | undefined } => {
        const free = freeBalanceFen(s);
        // Performance in full ends the measures, which lift and remove first (C5, C6), then hand over to disbursement.
        const partial = outstandingFen(s) > 0;
        const beside = s.status === 'coercing' && coercionRunning(s) && s.distribution?.stage === undefined;
        if (!partial) return { events: [], result: undefined };
        // The run's name counts the runs recorded: asked twice before it opens, the same run is named (started once).
        if (free <= 0 || !beside) return { events: [], result: undefined };
        return { events: [], result: executionName(s.caseId, 'disbursement', (s.phaseRuns.disbursement ?? 0) + 1) };
      },
    );
    if (execution) await deps.engine.startExecution('disbursement', execution, { v: 1, caseId });
  };
}
