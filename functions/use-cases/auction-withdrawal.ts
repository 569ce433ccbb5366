/**
 * 撤回拍卖: a round on the auction platform when enforcement stops (an objection to the auction that stood, a
 * suspension, a bankruptcy referral) is withdrawn there: recorded on the case once, then sent once as an
 * `auction-withdrawal` partner request through the PartnerGateway. Nobody waits on the answer: it comes back through
 * the partner-answer use case (a measure request) and goes on the case. Idempotent: run it as often as you like.
 */

import { plusSeconds } from '#domain/calendar/local-date.ts';
import { auctionWithdrawalsDue } from '#domain/disposal/withdrawal.ts';
import { requestIdFor } from '#domain/ids.ts';
import { type Deps, mutateCase, SYSTEM } from './context.ts';
import { ensureSent } from './partner-send.ts';

export type WithdrawalDeps = Pick<Deps, 'cases' | 'clock' | 'rules' | 'requests' | 'partners'>;

export function withdrawStoppedAuctions(deps: WithdrawalDeps) {
  return async (caseId: string): Promise<{ readonly sent: readonly string[] }> => {
    const before = await deps.cases.load(caseId);
    const unsent = (c: typeof before) =>
      Object.values(c?.disposal?.lots ?? {}).flatMap((lot) =>
        lot.rounds.filter((r) => r.withdrawal && !r.withdrawal.answer).map((r) => ({ lot, round: r })),
      );
    if (!before || (auctionWithdrawalsDue(before).length === 0 && unsent(before).length === 0)) return { sent: [] };
    const { state } = await mutateCase(deps, caseId, SYSTEM, { action: 'auction-withdrawal' }, (s) => ({
      events: auctionWithdrawalsDue(s).map((w) => ({
        type: 'auction-withdrawal-sent' as const,
        assetId: w.assetId,
        round: w.round,
        requestId: requestIdFor(s.caseId, `auction-withdrawal:${w.assetId}`, w.round),
        reason: w.reason,
      })),
      result: undefined,
    }));
    const sent: string[] = [];
    for (const { lot, round } of unsent(state)) {
      const withdrawal = round.withdrawal;
      if (!withdrawal) continue;
      await ensureSent(deps, state, {
        requestId: withdrawal.requestId,
        kind: 'auction-withdrawal',
        items: [
          {
            itemId: round.auctionId,
            assetId: lot.assetId,
            reference: state.assets[lot.assetId]?.reference ?? lot.assetId,
            closesAt: round.endsAt,
          },
        ],
        // The platform reports within the time it has for an auction's result (P-DISPOSAL).
        dueAt: plusSeconds(deps.clock.now(), deps.rules.P_DISPOSAL.auctionResult.days * 86_400),
        execution: `${state.caseId}-disposal-${state.phaseRuns.disposal ?? 0}`,
      });
      sent.push(withdrawal.requestId);
    }
    return { sent };
  };
}
