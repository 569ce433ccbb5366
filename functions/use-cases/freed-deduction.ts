/**
 * A deposit a third party claimed, still only frozen when its objection ended for the applicant after the control
 * rounds: ordered deducted (`freed-deduction-ordered`, then a `deduct` partner request sent once, like the control
 * rounds' order to the bank); the bank's answer goes on the case as the money received (`money-received`), and what
 * pays it out is woken: a coercion watching for performance, or a disbursement of a case waiting for the officer. A
 * distribution among creditors running on the case takes it into its next plan instead (it holds the account).
 * No execution waits on the request: a late answer is recorded as any late control answer is.
 */
import { DeductResult } from '#contracts/partner-answers.ts';
import { chinaDateOf, endOfChinaDay } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { FREED_DEDUCTION_REASON, freedDeductionTag, freedDeposits } from '#domain/control/freed-deduction.ts';
import { derivedId, requestIdFor } from '#domain/ids.ts';
import { fen } from '#domain/money.ts';
import type { PartnerRequest } from '#ports/partner-requests.ts';
import { wakeWatch } from './coercion.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { ensureSent } from './partner-send.ts';

export type FreedDeductionDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'calendar' | 'requests' | 'partners'>;

function requestIdOf(caseId: string, assetId: string): string {
  return requestIdFor(caseId, freedDeductionTag(assetId), 1);
}

/** Orders (once) and sends (once) the deduction of every freed deposit; idempotent. */
export function orderFreedDeductions(deps: FreedDeductionDeps) {
  return async (caseId: string): Promise<{ readonly sent: readonly string[] }> => {
    const before = await deps.cases.load(caseId);
    if (!before) return { sent: [] };
    const ordered = (s: typeof before) =>
      Object.values(s.assets).filter(
        (a) =>
          a.status === 'frozen' && a.awaitingAnswer === 'deduct' && s.ledger.every((e) => e.counterparty !== a.assetId),
      );
    if (freedDeposits(before).length === 0 && ordered(before).length === 0) return { sent: [] };
    const { state } = await mutateCase(deps, caseId, SYSTEM, { action: 'freed-deduction' }, (s) => ({
      events: freedDeposits(s).map(
        (a): CaseEvent => ({
          type: 'freed-deduction-ordered',
          assetId: a.assetId,
          requestId: requestIdOf(s.caseId, a.assetId),
          amountFen: a.frozenFen,
          reason: FREED_DEDUCTION_REASON,
        }),
      ),
      result: undefined,
    }));
    const sent: string[] = [];
    for (const asset of ordered(state)) {
      const requestId = requestIdOf(state.caseId, asset.assetId);
      // Only this module's orders: an order of the control rounds left unanswered is theirs to record.
      const recorded = (await deps.cases.history(state.caseId)).some((c) =>
        c.events.some((e) => e.type === 'freed-deduction-ordered' && e.requestId === requestId),
      );
      if (!recorded) continue;
      await ensureSent(deps, state, {
        requestId,
        kind: 'deduct',
        items: [
          {
            itemId: asset.assetId,
            assetId: asset.assetId,
            amountFen: asset.frozenFen,
            channel: asset.channel,
            reference: asset.reference,
            respondentId: asset.respondentId,
          },
        ],
        // The bank has the time it has for the control rounds' orders (P-PARTNER-WAITS bankOrder, working days).
        dueAt: endOfChinaDay(
          deps.calendar.periodEnd(chinaDateOf(deps.clock.now()), deps.rules.P_PARTNER_WAITS.bankOrder).date,
        ),
        execution: `${state.caseId}-freed-deduction`,
      });
      sent.push(requestId);
    }
    return { sent };
  };
}

/** Whether the request is a freed deposit's deduction (no execution waits on it). */
export function isFreedDeduction(request: PartnerRequest): boolean {
  const assetId = request.items[0]?.assetId;
  return (
    request.kind === 'deduct' && assetId !== undefined && request.requestId === requestIdOf(request.caseId, assetId)
  );
}

/**
 * The bank answered a freed deposit's deduction in time: the money received goes on the case once (its entry id
 * fixed by the request), then what pays it out is woken. A failure leaves the deposit frozen, for the officer.
 */
export function recordFreedDeduction(
  deps: Pick<Deps, 'cases' | 'clock' | 'requests' | 'engine'> & {
    readonly disburseFreed?: (caseId: string) => Promise<void>;
  },
) {
  return async (request: PartnerRequest): Promise<void> => {
    const item = request.items[0];
    const answer = request.answers.find((a) => a.itemId === item?.itemId && !a.late);
    if (!item?.assetId || !answer) return;
    const assetId = item.assetId;
    const { state, result: received } = await mutateCase(
      deps,
      request.caseId,
      { kind: 'partner', id: 'deduct' },
      { request: request.requestId },
      (s) => {
        const asset = s.assets[assetId];
        const entryId = derivedId('e', s.caseId, request.requestId, assetId);
        if (!asset || s.ledger.some((e) => e.entryId === entryId)) return { events: [], result: false };
        if (answer.outcome !== 'ok' || asset.status !== 'frozen') return { events: [], result: false };
        const result = DeductResult.parse(answer.result);
        const events: CaseEvent[] = [
          {
            type: 'money-received',
            entryId,
            amountFen: fen(result.amountFen),
            source: 'deduction',
            assetId,
            note: `扣划${asset.institution}${asset.reference}`,
          },
        ];
        return { events, result: true };
      },
    );
    if (!received) return;
    // A distribution among creditors holds the account: its next plan shares this money.
    if (state.distribution && state.distribution.stage !== 'paid') return;
    await wakeWatch(deps, state, '冻结款项扣划到账');
    await deps.disburseFreed?.(state.caseId);
  };
}
