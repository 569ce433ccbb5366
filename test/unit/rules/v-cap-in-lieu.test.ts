/**
 * V-CAP with E9 (变更追加规定 第十七条、第二十六条; 拍卖变卖规定 第十九条): the flat of a shareholder added for the capital
 * he did not pay in fails at auction and is offered to the applicant in lieu. It settles no more than what is left of
 * his limit: the applicant pays in the rest of its value, which goes back to him at disbursement; once he has
 * answered up to his limit his flat is not offered at all and its seizure is released.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, AuctionRound, EnforcementCase } from '#domain/case/model.ts';
import { applyEvent, ledgerTotal } from '#domain/case/reducer.ts';
import { planDisbursement } from '#domain/disbursement/plan.ts';
import { recordDisposalAnswer } from '#domain/disposal/outcomes.ts';
import { planDisposal } from '#domain/disposal/plan.ts';
import { fen } from '#domain/money.ts';
import { liabilityExcess, takenFromFen } from '#domain/parties/liability.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst } from '../../support/calendar.ts';
import { cappedPartyChange, shareholder, shareholderDeposit, shareholderFlat } from '../../support/capped-party.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const FLAT = 'sflat';
const NOW = cst('2026-06-01 10:00');
const YUAN = 100;
const flat = shareholderFlat('sealed');
const failed: AuctionRound = {
  round: 1,
  stage: 'first',
  auctionId: 'u1',
  startingPriceFen: fen(700_000 * YUAN),
  depositFen: fen(70_000 * YUAN),
  announcedAt: cst('2026-04-01 10:00'),
  startsAt: cst('2026-05-02 10:00'),
  endsAt: cst('2026-05-03 10:00'),
  outcome: 'failed',
};

/** An 8,000,000.00 yuan claim; the shareholder (liable up to `cap`) has his flat's first auction failed. */
function flatFailed(cap: number | undefined, more: Record<string, Asset> = {}): EnforcementCase {
  const base = caseFrom([filed(8_000_000 * YUAN)]);
  return {
    ...base,
    status: 'disposing',
    respondents: [respondent, shareholder],
    assets: { [FLAT]: flat, ...more },
    disposal: {
      lots: {
        [FLAT]: {
          assetId: FLAT,
          status: 'priced',
          referencePriceFen: fen(1_000_000 * YUAN),
          rounds: [failed],
          proceedsFen: fen(0),
        },
      },
      recorded: [],
      usedApprovals: [],
    },
    partyChanges: cappedPartyChange(cap),
  };
}

function apply(state: EnforcementCase, events: readonly CaseEvent[]): EnforcementCase {
  return events.reduce((s, e) => applyEvent(s, e, NOW), state);
}

describe('V-CAP: property taken in lieu counts against the limit', () => {
  it('pass: a 700,000.00 flat of a shareholder liable for 300,000.00 settles 300,000.00; 400,000.00 go back', () => {
    const state = flatFailed(300_000 * YUAN);
    const offer = planDisposal(state, RULES, calendar, NOW).events;
    expect(offer).toEqual([
      {
        type: 'in-lieu-offered',
        assetId: FLAT,
        valueFen: 700_000 * YUAN,
        round: 1,
        differenceFen: 400_000 * YUAN,
      },
    ]);
    const offered = apply(state, offer);
    const answer = recordDisposalAnswer(
      offered,
      { kind: 'in-lieu', assetId: FLAT, accepted: true, differencePaidFen: fen(400_000 * YUAN) },
      RULES,
      calendar,
      NOW,
    ).events;
    const answered = apply(offered, answer);
    const ruled = apply(answered, planDisposal(answered, RULES, calendar, NOW).events);
    // The applicant is credited with what is left of the limit, not the flat's whole value.
    expect(ledgerTotal(ruled, 'in-lieu', applicant.partyId)).toBe(300_000 * YUAN);
    // Taken from him: the flat at its value; what the applicant paid in above his limit goes back to him.
    expect(takenFromFen(ruled, 'pshare')).toBe(700_000 * YUAN);
    expect(liabilityExcess(ruled)).toEqual(new Map([['pshare', 400_000 * YUAN]]));
    const plan = planDisbursement(ruled, '2026-06-01' as never);
    expect(plan.refunds).toEqual([{ payeeId: 'pshare', amountFen: 400_000 * YUAN }]);
    expect(plan.payouts.find((p) => p.payeeId === applicant.partyId)).toBeUndefined();
  });

  it('fail: without a limit the flat settles its whole value: no difference, nothing goes back', () => {
    const offer = planDisposal(flatFailed(undefined), RULES, calendar, NOW).events;
    expect(offer).toEqual([{ type: 'in-lieu-offered', assetId: FLAT, valueFen: 700_000 * YUAN, round: 1 }]);
  });

  it('pass: a shareholder who already answered up to his limit: no offer, the seizure released with the reason', () => {
    const deducted = shareholderDeposit(300_000 * YUAN);
    const events = planDisposal(flatFailed(300_000 * YUAN, { sdep: deducted }), RULES, calendar, NOW).events;
    expect(events.some((e) => e.type === 'in-lieu-offered')).toBe(false);
    expect(events[0]).toEqual({
      type: 'seizure-released',
      assetId: FLAT,
      reason: '郑股东已在责任限额内承担责任，其财产不再以物抵债，解除查封（V-CAP）',
    });
  });

  it('fail: with part of his limit left the flat is offered, limited to what is left', () => {
    const deducted: Asset = {
      ...flat,
      assetId: 'sdep',
      class: 'deposit',
      status: 'deducted',
      deductedFen: fen(100_000 * YUAN),
    };
    const events = planDisposal(flatFailed(300_000 * YUAN, { sdep: deducted }), RULES, calendar, NOW).events;
    expect(events).toEqual([expect.objectContaining({ type: 'in-lieu-offered', differenceFen: 500_000 * YUAN })]);
  });
});
