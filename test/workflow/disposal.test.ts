/**
 * The disposal phase, one scenario per path: a respondent whose bank deposit does not cover the claim and who owns a
 * flat, sealed here; the flat is priced, auctioned and sold (or not), and the money reconciles to the fen.
 */
import { describe, expect, it } from 'vitest';
import type { DisposalScript } from '#adapters/simulators/partner-simulator.ts';
import { chinaDateOf, plusDays } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import {
  confirmation,
  DECIDERS,
  filingEvent,
  owedToday,
  RESPONDENT_ID,
  type Scenario,
  scenarios,
} from '../support/runtime.ts';

const open = scenarios();
const YUAN = 100;
const FLAT = '冀(2024)青县不动产权第0301号';

function world(n: number, disposal: DisposalScript) {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok' as const,
        assets: [
          { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 50_000 * YUAN },
          {
            channel: 'real-estate-registry',
            class: 'real-estate' as const,
            reference: FLAT,
            valueFen: 1_000_000 * YUAN,
          },
        ],
      },
    },
    cases: { [`（2026）冀0922执${1000 + n}号`]: { disposal } },
  };
}

async function file(s: Scenario, n: number, claimYuan: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n, { claimFen: claimYuan * YUAN }));
  if (outcome.outcome !== 'created') throw new Error('not created');
  return outcome.caseId;
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

/** Lives the case (approving as each role would) until the panel is asked to set auction terms; that one waits. */
async function awaitingPanel(s: Scenario, caseId: string) {
  for (let day = 0; day < 60; day++) {
    for (let hours = 0; hours < 24; hours += 6) {
      const pending = await s.pending(caseId);
      const terms = pending.find((a) => a.step === 'auction-terms');
      if (terms) return terms;
      for (const approval of pending) {
        await s.runtime.decide({
          approvalId: approval.approvalId,
          decision: 'approved',
          userId: DECIDERS[approval.requiredRole] ?? '',
          ...confirmation(approval),
        });
      }
      await s.runtime.advance(6 * 3600);
    }
  }
  throw new Error('the panel was never asked');
}

function flatOf(state: EnforcementCase) {
  const flat = Object.values(state.assets).find((a) => a.reference === FLAT);
  if (!flat) throw new Error('no flat');
  return flat;
}

/** After the disposal and the disbursement of what it brought: on to the measures, or closed. */
function settledAfterDisposal(state: EnforcementCase): boolean {
  return ['coercing', 'awaiting-final-closure', 'closed'].includes(state.status);
}

/** Money in = money out, to the fen, and the account is empty. */
function reconciles(state: EnforcementCase) {
  const received = ledgerTotal(state, 'received');
  const out = ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'refunded');
  expect(out).toBe(received);
}

describe('online judicial auction', () => {
  it('sold at the first auction: priced, terms set by the panel, announced 30 days, sold, paid, disbursed, closed', async () => {
    const s = await open({ script: world(300, { auctions: ['sold'], premiumPercent: 8 }) });
    const caseId = await file(s, 300, 700_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 120);
    const flat = flatOf(state);
    const lot = state.disposal?.lots[flat.assetId];
    expect(flat.status).toBe('sold');
    expect(lot?.referenceMethod).toBe('online-inquiry');
    expect(lot?.rounds).toHaveLength(1);
    const [round] = lot?.rounds ?? [];
    // The panel approved the proposal: 70% of the reference price, a 10% deposit.
    expect(round?.startingPriceFen).toBe(Math.ceil(((lot?.referencePriceFen ?? 0) * 70) / 100));
    expect(round?.depositFen).toBe(Math.ceil(((round?.startingPriceFen ?? 0) * 10) / 100));
    expect(round).toMatchObject({ outcome: 'sold', balance: 'paid' });
    expect(state.nodes[`reference-price:${flat.assetId}`]?.status).toBe('met');
    // A11-OBJECTION: the inquiry report was open to objection for 5 days; nobody objected, the window lapsed.
    const window = state.nodes[`price-objection:${flat.assetId}`];
    expect(window).toMatchObject({ ruleId: 'A11-OBJECTION', window: true, status: 'met' });
    expect((window?.metAt ?? '') > (window?.dueAt ?? '')).toBe(true);
    const lines = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(lines).toContain('期间届满：对询价、评估报告提出书面异议的期间');
    expect(state.closure?.way).toBe('fully-performed');
    reconciles(state);
    expect(ledgerTotal(state, 'refunded')).toBeGreaterThan(0);
    expect(s.path(caseId, 'disposal')).toContain('AwaitTermsApproval');
    expect(s.path(caseId, 'disposal').at(-1)).toBe('StartDisbursement');
  });

  it('a buyer who does not pay forfeits the deposit; the flat is auctioned again on the same terms and sold (E10)', async () => {
    const s = await open({ script: world(301, { auctions: ['default', 'sold'], premiumPercent: 5 }) });
    const caseId = await file(s, 301, 700_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    const lot = state.disposal?.lots[flatOf(state).assetId];
    const [first, again] = lot?.rounds ?? [];
    expect(first).toMatchObject({ stage: 'first', outcome: 'sold', balance: 'defaulted' });
    expect(again).toMatchObject({ stage: 're-auction', outcome: 'sold', balance: 'paid' });
    expect(again?.startingPriceFen).toBe(first?.startingPriceFen);
    const history = await events(s, caseId);
    // One panel decision: the re-auction keeps the terms (E10).
    expect(history.filter((e) => e.type === 'approval-requested' && e.step === 'auction-terms')).toHaveLength(1);
    const forfeited = history.find((e) => e.type === 'money-received' && e.source === 'forfeited-deposit');
    expect(forfeited).toMatchObject({ amountFen: first?.depositFen });
    expect(lot?.proceedsFen).toBe((first?.depositFen ?? 0) + (again?.priceFen ?? 0));
    expect(state.closure?.way).toBe('fully-performed');
    reconciles(state);
  });

  it('failed twice: declined in lieu after the first, the applicant takes the flat after the second at its starting price (E8, E9, E11)', async () => {
    const s = await open({ script: world(302, { auctions: ['failed', 'failed'], inLieu: ['decline', 'accept'] }) });
    const caseId = await file(s, 302, 1_200_000);
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 160);
    const flat = flatOf(state);
    const lot = state.disposal?.lots[flat.assetId];
    const [first, second] = lot?.rounds ?? [];
    expect(first).toMatchObject({ stage: 'first', outcome: 'failed' });
    expect(second).toMatchObject({ stage: 'second', outcome: 'failed' });
    // E8: the second starting price is the proposal, 20% below the first; announced 15 days for real estate.
    expect(second?.startingPriceFen).toBe(Math.ceil(((first?.startingPriceFen ?? 0) * 80) / 100));
    const secondNode = state.nodes[`second-auction:${flat.assetId}`];
    expect(secondNode?.status).toBe('met');
    expect(flat.status).toBe('in-lieu');
    expect(ledgerTotal(state, 'in-lieu')).toBe(second?.startingPriceFen);
    // E9: offered after each failed auction, at that auction's starting price.
    const offers = (await events(s, caseId)).filter((e) => e.type === 'in-lieu-offered');
    expect(offers).toEqual([
      expect.objectContaining({ round: 1, valueFen: first?.startingPriceFen }),
      expect.objectContaining({ round: 2, valueFen: second?.startingPriceFen }),
    ]);
    // The deposit money was paid out earlier; the rest is still owed: the case goes on without property, to the
    // coercive measures and, once they run out, the final-round closure (终本) review.
    const paid = ledgerTotal(state, 'disbursed') + ledgerTotal(state, 'in-lieu');
    expect(paid).toBe(50_000 * YUAN + (second?.startingPriceFen ?? 0));
    expect(['coercing', 'awaiting-final-closure', 'final-closure-review', 'closed']).toContain(state.status);
    if (state.status === 'closed') expect(state.closure?.way).toBe('final-round-closure');
    reconciles(state);
  });

  it('failed once: the applicant takes the flat in lieu at the first starting price; no second auction is held (E9)', async () => {
    const s = await open({ script: world(308, { auctions: ['failed'], inLieu: 'accept' }) });
    const caseId = await file(s, 308, 1_200_000);
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 120);
    const flat = flatOf(state);
    const lot = state.disposal?.lots[flat.assetId];
    expect(lot?.rounds).toHaveLength(1);
    expect(lot?.rounds[0]).toMatchObject({ stage: 'first', outcome: 'failed' });
    expect(flat.status).toBe('in-lieu');
    expect(ledgerTotal(state, 'in-lieu')).toBe(lot?.rounds[0]?.startingPriceFen);
    const history = await events(s, caseId);
    expect(history.filter((e) => e.type === 'approval-requested' && e.step === 'auction-terms')).toHaveLength(1);
    expect(history.some((e) => e.type === 'auction-announced' && e.stage === 'second')).toBe(false);
    reconciles(state);
  });

  it('failed once, the flat worth more than the claim: the applicant pays the difference, which pays the fee and the rest goes back (E9)', async () => {
    const s = await open({ script: world(309, { auctions: ['failed'], inLieu: 'accept' }) });
    const caseId = await file(s, 309, 300_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    const flat = flatOf(state);
    const lot = state.disposal?.lots[flat.assetId];
    const value = lot?.rounds[0]?.startingPriceFen ?? 0;
    const difference = lot?.inLieu?.differenceFen ?? 0;
    expect(difference).toBeGreaterThan(0);
    expect(flat.status).toBe('in-lieu');
    const history = await events(s, caseId);
    expect(history.find((e) => e.type === 'money-received' && e.source === 'in-lieu-difference')).toMatchObject({
      amountFen: difference,
    });
    // The property counts for what it is worth less the difference paid in money: no fen twice.
    expect(ledgerTotal(state, 'in-lieu')).toBe(value - difference);
    expect(state.closure?.way).toBe('fully-performed');
    // The difference paid the fee and what interest the property did not cover; the rest went back to the respondent.
    expect(ledgerTotal(state, 'refunded')).toBeGreaterThan(0);
    reconciles(state);
  });

  it('failed once, the applicant agrees but does not pay the difference: nothing in lieu, the second auction follows (E9)', async () => {
    const s = await open({ script: world(310, { auctions: ['failed', 'sold'], inLieu: 'accept-unpaid' }) });
    const caseId = await file(s, 310, 300_000);
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 160);
    const lot = state.disposal?.lots[flatOf(state).assetId];
    expect(lot?.inLieu).toMatchObject({ answer: 'declined', round: 1 });
    expect(lot?.rounds.map((r) => [r.stage, r.outcome])).toEqual([
      ['first', 'failed'],
      ['second', 'sold'],
    ]);
    const history = await events(s, caseId);
    expect(history).toContainEqual(expect.objectContaining({ type: 'in-lieu-answered', differenceUnpaid: true }));
    expect(history.some((e) => e.type === 'in-lieu-ruled')).toBe(false);
    reconciles(state);
  });

  it('failed twice, the applicant declines the flat, and it is sold at the fixed price (E9)', async () => {
    const s = await open({
      script: world(303, { auctions: ['failed', 'failed'], inLieu: 'decline', fixedPrice: 'sold' }),
    });
    const caseId = await file(s, 303, 1_200_000);
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 200);
    const flat = flatOf(state);
    const lot = state.disposal?.lots[flat.assetId];
    expect(lot?.inLieu).toMatchObject({ answer: 'declined' });
    expect(lot?.fixedPrice).toMatchObject({ outcome: 'sold', priceFen: lot?.rounds[1]?.startingPriceFen });
    expect(flat.status).toBe('sold');
    const confirmed = (await events(s, caseId)).find((e) => e.type === 'sale-confirmed');
    expect(confirmed).toMatchObject({ way: 'fixed-price', priceFen: lot?.rounds[1]?.startingPriceFen });
    reconciles(state);
  });

  it('nobody buys at the fixed price either: the seizure is released and the property returned (E9)', async () => {
    const s = await open({
      script: world(304, { auctions: ['failed', 'failed'], inLieu: 'decline', fixedPrice: 'unsold' }),
    });
    const caseId = await file(s, 304, 1_200_000);
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 220);
    expect(flatOf(state).status).toBe('released');
    const history = await events(s, caseId);
    const released = history.find((e) => e.type === 'seizure-released');
    expect(released).toMatchObject({ reason: expect.stringContaining('变卖不成') });
    // A1, TERM-EXCLUDED: the auctions and the sale, from the first announcement to the release, are not counted.
    const term = state.nodes['enforcement-term'];
    const lot = state.disposal?.lots[flatOf(state).assetId];
    const span = term?.excluded?.find((e) => e.period === 'auction-or-sale');
    expect(span?.from).toBe(chinaDateOf(lot?.rounds[0]?.announcedAt ?? ''));
    // Two auctions (30 and 15 days' announcement), two offers in lieu and the 60-day sale.
    expect(span?.days).toBeGreaterThan(100);
    expect(term?.dueDate).toBe(plusDays(term?.originalDueDate ?? ('' as never), span?.days ?? 0));
  });

  it('a disposal that outlasts the term: the term is paused while the lot is sold, never overdue, and moved on (A1)', async () => {
    const s = await open({
      script: world(311, { auctions: ['failed', 'failed'], inLieu: 'decline', fixedPrice: 'unsold' }),
    });
    // A non-litigation case (e.g. an administrative decision): its term is 3 months (A1), shorter than the sale.
    const filing = filingEvent(311, { claimFen: 1_200_000 * YUAN });
    filing.detail.kind = 'non-litigation';
    const outcome = await s.runtime.intake(filing);
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const state = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && settledAfterDisposal(c), 260);
    const term = state.nodes['enforcement-term'];
    const span = term?.excluded?.find((e) => e.period === 'auction-or-sale');
    // The three months ran out while the sale was going on ...
    expect(term?.originalDueDate).toBe('2026-06-02');
    expect((span?.to ?? '') > (term?.originalDueDate ?? '')).toBe(true);
    // ... yet the term was not marked overdue: it was moved on by the days of the auctions and the sale.
    const history = await events(s, caseId);
    expect(history.filter((e) => e.type === 'node-overdue' && e.node === 'enforcement-term')).toEqual([]);
    expect(term?.status).not.toBe('overdue');
    expect(term?.dueDate).toBe(plusDays(term?.originalDueDate ?? ('' as never), span?.days ?? 0));
    const lines = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(lines).toContainEqual(expect.stringContaining('拍卖、变卖被查封财产的期间（第九条第（十二）项）'));
  });

  it('a co-owner with a preemptive right matches the top bid and wins the tie (E7)', async () => {
    const s = await open({ script: world(305, { auctions: ['sold'], preemptiveMatch: true }) });
    const caseId = await file(s, 305, 700_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 120);
    const round = state.disposal?.lots[flatOf(state).assetId]?.rounds[0];
    expect(round?.buyer).toBe('P0001');
    expect((await events(s, caseId)).filter((e) => e.type === 'auction-irregular')).toEqual([]);
  });

  it('the panel cannot set a starting price under 70% of the reference price, nor a deposit over 20% (E2, E5)', async () => {
    const s = await open({ script: world(306, { auctions: ['sold'] }) });
    const caseId = await file(s, 306, 700_000);
    const approval = await awaitingPanel(s, caseId);
    if (!approval) throw new Error('no auction-terms approval');
    const state = await s.load(caseId);
    const reference = state.disposal?.lots[flatOf(state).assetId]?.referencePriceFen ?? 0;
    const tooLow = Math.ceil((reference * 70) / 100) - 1;
    const low = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'tang-jie',
      data: { startingPriceFen: tooLow },
    });
    expect(low).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('E2') });
    const start = Math.ceil((reference * 75) / 100);
    const deposit = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'tang-jie',
      data: { startingPriceFen: start, depositFen: Math.floor((start * 21) / 100) },
    });
    expect(deposit).toMatchObject({ ok: false, status: 400, message: expect.stringContaining('E5') });
    expect((await s.load(caseId)).disposal?.lots[flatOf(state).assetId]?.terms).toBeUndefined();
    const ok = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'tang-jie',
      data: { startingPriceFen: start },
    });
    // E8-PANEL: one member's vote is not the panel's; a second member on the same terms makes the majority.
    expect(ok).toMatchObject({ ok: true, panel: { votes: 1, needed: 2 } });
    expect((await s.pending(caseId)).map((a) => a.approvalId)).toContain(approval.approvalId);
    const again = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'tang-jie',
      data: { startingPriceFen: start },
    });
    expect(again).toMatchObject({ ok: false, status: 409 });
    const second = await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'approved',
      userId: 'huang-lei',
      data: { startingPriceFen: start },
    });
    expect(second).toMatchObject({ ok: true, panel: { votes: 2, needed: 2, decided: true } });
    const decided = (await s.load(caseId)).approvals[approval.approvalId];
    expect(decided?.status).toBe('approved');
    expect(decided?.votes?.map((v) => v.by)).toEqual(['tang-jie', 'huang-lei']);
    const after = await s.liveUntil(caseId, (c) => (c.disposal?.lots[flatOf(c).assetId]?.rounds.length ?? 0) > 0, 5);
    expect(after.disposal?.lots[flatOf(after).assetId]?.rounds[0]).toMatchObject({
      startingPriceFen: start,
      depositFen: Math.ceil((start * 10) / 100),
    });
  });

  it('the respondent pays in full while the auction is announced: it is withdrawn, the seal released, the case closed', async () => {
    const s = await open({ script: world(307, { auctions: ['sold'] }) });
    const caseId = await file(s, 307, 700_000);
    const announced = await s.liveUntil(
      caseId,
      (c) => Object.values(c.disposal?.lots ?? {}).some((l) => l.status === 'announced'),
      60,
    );
    // What is owed today: the claim, its doubled interest to today and the fee, less what came in (F-DELAY-INTEREST).
    const owed = await owedToday(s, announced.caseId);
    expect(owed).toBeGreaterThan(announced.claim.totalFen - ledgerTotal(announced, 'received'));
    expect(await s.runtime.pay(caseId, owed, 'bank-307')).toMatchObject({ ok: true });
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 30);
    expect(flatOf(state).status).toBe('released');
    expect(state.disposal?.lots[flatOf(state).assetId]?.rounds[0]?.outcome).toBeUndefined();
    const history = await events(s, caseId);
    expect(history.some((e) => e.type === 'disposal-answer-recorded' && e.superseded)).toBe(true);
    // The restriction issued beside the disposal is lifted (C5).
    expect(state.coercion?.restriction?.liftedOn).toBe('full-performance');
    reconciles(state);
  });
});

describe('E5 (网拍规定 第十七条第二款): the applicant bids', () => {
  it('pass: an applicant owed more than the deposit wins without paying one; the balance asked is the whole price', async () => {
    const s = await open({ script: world(331, { auctions: ['sold'], applicantBids: true }) });
    const caseId = await file(s, 331, 700_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 120);
    const round = state.disposal?.lots[flatOf(state).assetId]?.rounds[0];
    expect(round).toMatchObject({ applicantBuyer: state.applicants[0]?.partyId, depositPaidFen: 0 });
    const balance = (await events(s, caseId)).find((e) => e.type === 'auction-balance-paid');
    expect(balance).toMatchObject({ amountFen: round?.priceFen });
  });

  it('fail: an applicant owed less than the deposit pays the difference, and the balance is the price less that', async () => {
    const s = await open({ script: world(332, { auctions: ['sold'], applicantBids: true }) });
    const caseId = await file(s, 332, 90_000);
    const state = await s.liveUntil(caseId, (c) => c.status === 'closed', 120);
    const round = state.disposal?.lots[flatOf(state).assetId]?.rounds[0];
    expect(round?.applicantBuyer).toBe(state.applicants[0]?.partyId);
    const paid = round?.depositPaidFen ?? 0;
    expect(paid).toBeGreaterThan(0);
    expect(paid).toBeLessThan(round?.depositFen ?? 0);
    const balance = (await events(s, caseId)).find((e) => e.type === 'auction-balance-paid');
    expect(balance).toMatchObject({ amountFen: (round?.priceFen ?? 0) - paid });
  });
});
