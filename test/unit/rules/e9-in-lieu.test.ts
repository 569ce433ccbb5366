/**
 * E9 (拍卖变卖规定 第十九条, 2004年文本; 网拍规定 第二十六条): after every failed auction (流拍) the applicant is offered
 * the lot in lieu of payment at that auction's starting price; a value above its claim is offered too, the applicant
 * paying the difference (补交差额); declined, the next auction follows, and after the second the fixed-price sale.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, AuctionRound, EnforcementCase, Lot } from '#domain/case/model.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { recordDisposalAnswer } from '#domain/disposal/outcomes.ts';
import { planDisposal } from '#domain/disposal/plan.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { calendar, cst, d } from '../../support/calendar.ts';
import { caseFrom, filed, respondent } from '../../support/cases.ts';

const FLAT = 'aflat000001';
const NOW = cst('2026-06-01 10:00');

function asset(): Asset {
  return {
    assetId: FLAT,
    respondentId: respondent.partyId,
    class: 'real-estate',
    channel: 'registry',
    institution: '登记机构',
    reference: FLAT,
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found',
  };
}

function round(n: number, stage: AuctionRound['stage'], start: number, outcome: 'failed' | 'sold'): AuctionRound {
  return {
    round: n,
    stage,
    auctionId: `u${n}`,
    startingPriceFen: fen(start),
    depositFen: fen(Math.ceil(start / 10)),
    announcedAt: cst('2026-04-01 10:00'),
    startsAt: cst('2026-05-02 10:00'),
    endsAt: cst('2026-05-03 10:00'),
    outcome,
  };
}

/** A flat sealed for a claim of `claimFen`, with the given auction rounds held; the lot as the reducer leaves it. */
function withRounds(claimFen: number, rounds: AuctionRound[], extra: Partial<Lot> = {}): EnforcementCase {
  const base = caseFrom(
    [filed(claimFen)],
    [
      { type: 'inquiry-answered', channel: 'registry', assets: [asset()] },
      { type: 'asset-frozen', assetId: FLAT, amountFen: fen(0), expiresOn: d('2029-03-01') },
    ],
  );
  const lot: Lot = {
    assetId: FLAT,
    status: 'priced',
    referencePriceFen: fen(1_000_000_00),
    rounds,
    proceedsFen: fen(0),
    ...extra,
  };
  return { ...base, status: 'disposing', disposal: { lots: { [FLAT]: lot }, recorded: [], usedApprovals: [] } };
}

function apply(state: EnforcementCase, events: readonly CaseEvent[]): EnforcementCase {
  return events.reduce((s, e) => applyEvent(s, e, NOW), state);
}

describe('E9: in lieu after any failed auction, at that auction’s starting price', () => {
  it('pass: the first auction failed: the offer comes before any second auction, at the first starting price', () => {
    const state = withRounds(8_000_000_00, [round(1, 'first', 700_000_00, 'failed')]);
    const planned = planDisposal(state, RULES, calendar, NOW);
    expect(planned.events).toEqual([{ type: 'in-lieu-offered', assetId: FLAT, valueFen: 700_000_00, round: 1 }]);
    expect(planned.next).toMatchObject({ kind: 'in-lieu', valueFen: 700_000_00, differenceFen: 0 });
  });

  it('fail: a round that sold, or one already offered and declined, brings no offer; the panel is asked for the second', () => {
    const sold = withRounds(8_000_000_00, [{ ...round(1, 'first', 700_000_00, 'sold'), priceFen: fen(750_000_00) }], {
      status: 'awaiting-balance',
    });
    expect(planDisposal(sold, RULES, calendar, NOW).events.map((e) => e.type)).not.toContain('in-lieu-offered');
    const offered = apply(withRounds(8_000_000_00, [round(1, 'first', 700_000_00, 'failed')]), [
      { type: 'in-lieu-offered', assetId: FLAT, valueFen: fen(700_000_00), round: 1 },
      { type: 'in-lieu-answered', assetId: FLAT, accepted: false },
    ]);
    expect(offered.disposal?.lots[FLAT]?.status).toBe('priced');
    const planned = planDisposal(offered, RULES, calendar, NOW);
    expect(planned.events.map((e) => e.type)).not.toContain('in-lieu-offered');
    expect(planned.next).toMatchObject({ kind: 'approve-terms', stage: 'second' });
  });

  it('after the second auction fails it is offered again; declined again, the fixed-price sale follows', () => {
    const twice = [round(1, 'first', 700_000_00, 'failed'), round(2, 'second', 560_000_00, 'failed')];
    const state = apply(withRounds(8_000_000_00, twice), [
      { type: 'in-lieu-offered', assetId: FLAT, valueFen: fen(700_000_00), round: 1 },
      { type: 'in-lieu-answered', assetId: FLAT, accepted: false },
    ]);
    const second = planDisposal(state, RULES, calendar, NOW);
    expect(second.events).toEqual([{ type: 'in-lieu-offered', assetId: FLAT, valueFen: 560_000_00, round: 2 }]);
    const declined = apply(state, [...second.events, { type: 'in-lieu-answered', assetId: FLAT, accepted: false }]);
    expect(planDisposal(declined, RULES, calendar, NOW).events).toEqual([
      expect.objectContaining({ type: 'fixed-price-listed', priceFen: 560_000_00 }),
    ]);
  });
});

describe('E9: a value above the claim: the applicant pays the difference (补交差额)', () => {
  const small = () => withRounds(300_000_00, [round(1, 'first', 700_000_00, 'failed')]);

  it('pass: offered with the difference; accepted and paid, the difference comes in as money and the rest in lieu', () => {
    const offer = planDisposal(small(), RULES, calendar, NOW).events[0];
    expect(offer).toMatchObject({ type: 'in-lieu-offered', valueFen: 700_000_00 });
    const differenceFen = offer?.type === 'in-lieu-offered' ? (offer.differenceFen ?? 0) : 0;
    // The claim (300,000 yuan) and its doubled interest to the offer day: the rest of the value is the difference.
    expect(differenceFen).toBeGreaterThan(0);
    expect(differenceFen).toBeLessThan(400_000_00);
    const offered = apply(small(), offer ? [offer] : []);
    const answer = recordDisposalAnswer(
      offered,
      { kind: 'in-lieu', assetId: FLAT, accepted: true, differencePaidFen: differenceFen },
      RULES,
      calendar,
      NOW,
    ).events;
    expect(answer).toEqual([{ type: 'in-lieu-answered', assetId: FLAT, accepted: true }]);
    const ruled = planDisposal(apply(offered, answer), RULES, calendar, NOW).events;
    expect(ruled.slice(0, 2)).toEqual([
      expect.objectContaining({ type: 'money-received', source: 'in-lieu-difference', amountFen: differenceFen }),
      expect.objectContaining({ type: 'in-lieu-ruled', valueFen: 700_000_00, differenceFen }),
    ]);
    const after = apply(offered, [...answer, ...ruled]);
    const inLieu = after.ledger.filter((e) => e.kind === 'in-lieu').reduce((t, e) => t + e.amountFen, 0);
    expect(inLieu).toBe(700_000_00 - differenceFen);
  });

  it('fail: accepted without paying the difference is no acceptance: nothing is taken in lieu', () => {
    const offer = planDisposal(small(), RULES, calendar, NOW).events;
    const offered = apply(small(), offer);
    const answer = recordDisposalAnswer(
      offered,
      { kind: 'in-lieu', assetId: FLAT, accepted: true },
      RULES,
      calendar,
      NOW,
    ).events;
    expect(answer).toEqual([{ type: 'in-lieu-answered', assetId: FLAT, accepted: false, differenceUnpaid: true }]);
    const planned = planDisposal(apply(offered, answer), RULES, calendar, NOW);
    expect(planned.events.map((e) => e.type)).not.toContain('in-lieu-ruled');
    expect(planned.next).toMatchObject({ kind: 'approve-terms', stage: 'second' });
  });
});
