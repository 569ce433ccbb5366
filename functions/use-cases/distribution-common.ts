/**
 * What the dispute use cases share: who may act (the role table: the officer records, the bureau chief rules and is
 * never the one who proposed), withdrawing a disbursement approval the dispute takes over, and paying orders from
 * the case account exactly once (a fixed entry id per payment, paid before it is recorded, skipped once recorded).
 */
import { type Action, actionRefusal, REFUSAL_LABELS } from '#domain/approvals/authority.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance } from '#domain/case/reducer.ts';
import type { PayoutOrder } from '#domain/disputes/distribution-state.ts';
import { heldMoneyFen } from '#domain/disputes/objection-effects.ts';
import type { Problem } from '#domain/disputes/suspension.ts';
import { fen, formatYuan } from '#domain/money.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { ApprovalNotPendingError } from '#ports/approval-store.ts';
import { TaskNoLongerWaitingError } from '#ports/workflow-engine.ts';
import { type Deps, mutateCase } from './context.ts';
import { caseNotFound, conflict, forbidden, unauthenticated } from './errors.ts';

/** The case, once the caller is known, of its court, and allowed `action` by the role table. */
export async function caseFor(
  deps: Pick<Deps, 'cases'>,
  identity: Identity | undefined,
  caseId: string,
  action: Action,
): Promise<{ state: EnforcementCase; identity: Identity }> {
  const state = await deps.cases.load(caseId);
  if (!state) throw caseNotFound();
  const refusal = actionRefusal(identity, action, state.court.code);
  if (refusal === 'unknown-user' || !identity) throw unauthenticated('未登录或身份无法核验');
  if (refusal === 'other-court') throw caseNotFound();
  if (refusal) throw forbidden(`${identity.userId}：${REFUSAL_LABELS[refusal]}`);
  return { state, identity };
}

/** Separation of duties: who proposed may not rule. */
export function notTheProposer(identity: Identity, proposer: string | undefined): void {
  if (proposer && proposer === identity.userId) throw forbidden(`${identity.userId}：${REFUSAL_LABELS['own-request']}`);
}

export function refuse(prefix: string, problems: readonly Problem[]): void {
  if (problems.length > 0) throw conflict(`${prefix}：${problems.map((p) => `${p.message}（${p.rule}）`).join('；')}`);
}

/**
 * A disbursement waiting for approval when a distribution takes the money over: withdrawn, as the system, with
 * the reason; its workflow goes on as on a rejection (the case waits for the officer) and pays nothing.
 */
export async function withdrawDisbursement(
  deps: Pick<Deps, 'approvals' | 'engine' | 'clock'>,
  state: EnforcementCase,
  reason: string,
): Promise<void> {
  const pending = Object.values(state.approvals).filter((a) => a.step === 'disbursement' && a.status === 'pending');
  for (const summary of pending) {
    const approval = await deps.approvals.get(summary.approvalId);
    if (approval?.status !== 'pending') continue;
    const decision = {
      approvalId: approval.approvalId,
      decision: 'rejected' as const,
      by: 'system:distribution',
      role: approval.requiredRole,
      reason,
    };
    let token: string;
    try {
      ({ token } = await deps.approvals.claimForDecision(approval.approvalId, { ...decision, at: deps.clock.now() }));
    } catch (error) {
      if (error instanceof ApprovalNotPendingError) continue;
      throw error;
    }
    try {
      await deps.engine.sendTaskSuccess(token, decision);
    } catch (error) {
      if (!(error instanceof TaskNoLongerWaitingError)) throw error;
    }
    await deps.approvals.clearToken(approval.approvalId);
  }
}

/** Pays every order not yet on the ledger: the gateway first (idempotent by entry id), then the ledger entry. */
export async function payOrders(
  deps: Pick<Deps, 'cases' | 'clock' | 'payments'>,
  caseId: string,
  actor: { readonly kind: 'staff' | 'system'; readonly id: string },
  orders: readonly PayoutOrder[],
): Promise<number> {
  let paid = 0;
  for (const order of orders) {
    const state = await deps.cases.load(caseId);
    if (!state || state.ledger.some((e) => e.entryId === order.entryId)) continue;
    // Never more than the account holds for it: the plan was made over this money and nothing else may have taken
    // it; a deducted deposit a third party claims is held apart (OBJ-THIRD-PARTY), not the distribution's to pay.
    const available = accountBalance(state) - heldMoneyFen(state);
    if (available < order.amountFen)
      throw conflict(
        `案款账户可分配余额${formatYuan(fen(Math.max(0, available)))}不足以发放${formatYuan(order.amountFen)}`,
      );
    await deps.payments.pay({ entryId: order.entryId, caseId, payeeId: order.payeeId, amountFen: order.amountFen });
    await mutateCase(deps, caseId, actor, { action: 'distribution-payout' }, (s) => {
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
      return { events, result: undefined };
    });
    paid += 1;
  }
  await creditOwnCases(deps, caseId, orders);
  return paid;
}

/**
 * A share paid to a creditor whose own case (against the same respondent) this court runs is performance of that
 * case too: recorded there once, by the payment's entry id, so its outstanding figure and its own disbursements
 * count it and the same money is never claimed twice.
 */
async function creditOwnCases(
  deps: Pick<Deps, 'cases' | 'clock'>,
  caseId: string,
  orders: readonly PayoutOrder[],
): Promise<void> {
  const state = await deps.cases.load(caseId);
  if (!state) return;
  for (const order of orders) {
    if (order.kind !== 'shared' || !state.ledger.some((e) => e.entryId === order.entryId)) continue;
    const own = state.distribution?.creditors.find((c) => c.creditorId === order.payeeId)?.caseId;
    if (!own) continue;
    await mutateCase(deps, own, { kind: 'system', id: 'distribution' }, { distribution: caseId }, (s) => ({
      events: s.ledger.some((e) => e.entryId === order.entryId)
        ? []
        : [
            {
              type: 'distribution-share-received',
              entryId: order.entryId,
              fromCaseId: caseId,
              fromCaseNumber: state.caseNumber,
              payeeId: order.payeeId,
              amountFen: order.amountFen,
            },
          ],
      result: undefined,
    }));
  }
}
