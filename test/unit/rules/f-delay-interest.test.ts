/**
 * F-DELAY-INTEREST and F-PAYMENT-ORDER: the doubled interest for late performance (民诉法 2023 第二百六十四条;
 * 法释〔2014〕8号 第一条至第四条) and the order money received pays what is owed, with the execution fee (F1-FEE).
 * Every figure worked by hand: 100,000 yuan × 0.000175 × days.
 */
import { describe, expect, it } from 'vitest';
import type { LocalDate } from '#domain/calendar/local-date.ts';
import type { ClaimItem, EnforcementCase, LedgerEntry } from '#domain/case/model.ts';
import { delayInterest, FEE_PAYEE, owed } from '#domain/disbursement/owed.ts';
import { isFullyPerformed, planDisbursement } from '#domain/disbursement/plan.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const day = (d: string) => d as LocalDate;
const yuan = (y: number) => Math.round(y * 100);

function caseWith(
  items: readonly Omit<ClaimItem, 'creditorId'>[],
  ledger: readonly Omit<LedgerEntry, 'note' | 'counterparty'>[] = [],
  basis: { performBy?: string } = {},
): EnforcementCase {
  const base = caseFrom([filed()]);
  const claimItems = items.map((i) => ({ ...i, creditorId: applicant.partyId }));
  return {
    ...base,
    basis: { ...base.basis, ...(basis.performBy ? { performBy: day(basis.performBy) } : {}) },
    claim: { items: claimItems, totalFen: fen(claimItems.reduce((t, i) => t + i.amountFen, 0)) },
    ledger: ledger.map((e) => ({
      ...e,
      counterparty: e.kind === 'received' ? 'voluntary' : applicant.partyId,
      note: '',
    })),
  };
}

const principal = (y: number) => ({ kind: 'principal' as const, amountFen: fen(yuan(y)) });
/** Paid into the case account at 10:00 China time on `on`. */
const received = (y: number, on: string): Omit<LedgerEntry, 'note' | 'counterparty'> => ({
  entryId: `r-${on}-${y}`,
  kind: 'received',
  amountFen: fen(yuan(y)),
  at: `${on}T02:00:00.000Z`,
});

describe('F-DELAY-INTEREST: the row', () => {
  it('is law, 日万分之一点七五, sourced to the 2023 民诉法 and 法释〔2014〕8号', () => {
    expect(RULES.F_DELAY_INTEREST).toMatchObject({ id: 'F-DELAY-INTEREST', kind: 'law', dailyRatePerMillion: 175 });
    expect(RULES.F_DELAY_INTEREST.source).toContain('第二百六十四条');
    expect(RULES.F_DELAY_INTEREST.source).toContain('法释〔2014〕8号');
    expect(RULES.F_PAYMENT_ORDER.source).toContain('第四条');
  });
});

describe('F-DELAY-INTEREST: from when, on what, to when', () => {
  it('pass: without a performance period it runs from the effective date (2026-01-20 to 03-02: 41 days)', () => {
    const state = caseWith([principal(100_000)]);
    expect(delayInterest(state, day('2026-03-02'))).toMatchObject({
      amountFen: yuan(717.5),
      from: '2026-01-20',
      through: '2026-03-02',
    });
  });

  it('fail: with a performance period it runs only from its end (01-30 to 03-02: 31 days)', () => {
    const state = caseWith([principal(100_000)], [], { performBy: '2026-01-30' });
    expect(delayInterest(state, day('2026-03-02')).amountFen).toBe(yuan(542.5));
  });

  it('pass: nothing before it starts; fail: general interest in the claim is not part of the base', () => {
    expect(delayInterest(caseWith([principal(100_000)]), day('2026-01-20')).amountFen).toBe(0);
    const withInterest = caseWith([principal(100_000), { kind: 'interest', amountFen: fen(yuan(10_000)) }]);
    expect(delayInterest(withInterest, day('2026-03-02')).amountFen).toBe(yuan(717.5));
    const withCosts = caseWith([principal(100_000), { kind: 'litigation-costs', amountFen: fen(yuan(10_000)) }]);
    expect(delayInterest(withCosts, day('2026-03-02')).amountFen).toBe(yuan(789.25)); // 110,000 × 41 days
  });

  it('a part paid stops its interest that day; what is paid goes to general interest before principal', () => {
    // 110,000 owed (10,000 general interest); 40,000 paid on 02-09 (20 days in) pays the interest, then 30,000 of
    // principal: 100,000 × 20 days = 350; then 70,000 × 21 days (to 03-02) = 257.25.
    const state = caseWith(
      [principal(100_000), { kind: 'interest', amountFen: fen(yuan(10_000)) }],
      [received(40_000, '2026-02-09')],
    );
    expect(delayInterest(state, day('2026-03-02')).amountFen).toBe(yuan(350 + 257.25));
  });

  it('pass: once the money debt is paid it stops for good; fail: one yuan short keeps it running', () => {
    const paid = caseWith([principal(100_000)], [received(100_000, '2026-03-02')]);
    expect(delayInterest(paid, day('2026-06-30'))).toMatchObject({ amountFen: yuan(717.5), through: '2026-03-02' });
    const short = caseWith([principal(100_000)], [received(99_999, '2026-03-02')]);
    // 1 yuan more for 120 days: 0.021 yuan, 2.1 fen, rounded to 2 fen.
    expect(delayInterest(short, day('2026-06-30')).amountFen).toBe(yuan(717.5) + 2);
  });

  it('rounds once, half up, to the fen', () => {
    // 30 yuan × 1 day × 0.000175 = 0.525 fen → 1 fen; 20 yuan → 0.35 fen → 0.
    expect(delayInterest(caseWith([principal(30)]), day('2026-01-21')).amountFen).toBe(1);
    expect(delayInterest(caseWith([principal(20)]), day('2026-01-21')).amountFen).toBe(0);
  });

  it('is not computed beside a delay-interest figure the claim brings itself', () => {
    const state = caseWith([principal(100_000), { kind: 'delay-interest', amountFen: fen(yuan(1_000)) }]);
    expect(delayInterest(state, day('2026-03-02')).amountFen).toBe(0);
  });
});

describe('F-PAYMENT-ORDER: money debt, then the doubled interest, then the execution fee', () => {
  // 100,000 paid on 03-02 after 41 days: interest 717.50; the fee on 100,717.50 executed is
  // 50 + (100,717.50 - 10,000) × 1.5% = 1,410.76 (1,360.7625 rounded half up), total 102,128.26 yuan.
  const owedOnMarch2 = yuan(100_000 + 717.5 + 1_410.76);

  it('owes the money debt, the interest and the fee, to the fen', () => {
    const figures = owed(caseWith([principal(100_000)]), day('2026-03-02'));
    expect(figures).toMatchObject({ applicantsFen: yuan(100_717.5), feeFen: yuan(1_410.76), totalFen: owedOnMarch2 });
  });

  it('pass: enough money pays the applicant debt and interest, then the fee, and refunds the rest', () => {
    const state = caseWith([principal(100_000)], [received(103_000, '2026-03-02')]);
    expect(planDisbursement(state)).toMatchObject({
      payouts: [
        { payeeId: applicant.partyId, amountFen: yuan(100_717.5) },
        { payeeId: FEE_PAYEE, amountFen: yuan(1_410.76) },
      ],
      refundFen: yuan(103_000) - owedOnMarch2,
      refundTo: respondent.partyId,
      interestFen: yuan(717.5),
      interestThrough: '2026-03-02',
      feeFen: yuan(1_410.76),
    });
  });

  it('fail: money short of the debt pays the debt only: no interest, no fee', () => {
    const state = caseWith([principal(100_000)], [received(60_000, '2026-03-02')]);
    expect(planDisbursement(state).payouts).toEqual([{ payeeId: applicant.partyId, amountFen: yuan(60_000) }]);
  });

  it('pass: paid out in full (debt, interest, fee) is fully performed; fail: the fee missing is not', () => {
    const paidOut = (feeFen: number): EnforcementCase => {
      const state = caseWith([principal(100_000)], [received(102_128.26, '2026-03-02')]);
      const out = (payee: string, amount: number): LedgerEntry => ({
        entryId: `p-${payee}`,
        kind: 'disbursed',
        amountFen: fen(amount),
        at: '2026-03-03T02:00:00.000Z',
        counterparty: payee,
        note: '',
      });
      return {
        ...state,
        ledger: [...state.ledger, out(applicant.partyId, yuan(100_717.5)), ...(feeFen ? [out(FEE_PAYEE, feeFen)] : [])],
      };
    };
    expect(isFullyPerformed(paidOut(yuan(1_410.76)))).toBe(true);
    expect(isFullyPerformed(paidOut(0))).toBe(false);
  });

  it('a settlement in force fixes the interest on the day it was made; a breach lets it run on', () => {
    const base = caseWith([principal(100_000)]);
    const settlement = {
      agreedAt: '2026-03-02T02:00:00.000Z',
      by: 'x',
      installments: [],
      totalFen: fen(0),
      baseReceivedFen: fen(0),
      met: 0,
    };
    const performing = { ...base, settlement: { ...settlement, status: 'performing' as const } };
    expect(delayInterest(performing, day('2026-04-01')).amountFen).toBe(yuan(717.5));
    const breached = { ...base, settlement: { ...settlement, status: 'breached' as const } };
    expect(delayInterest(breached, day('2026-04-01')).amountFen).toBe(yuan(100_000 * 0.000175 * 71));
  });
});
