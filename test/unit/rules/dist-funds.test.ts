/**
 * DIST-APPLY and DIST-ORDER over what the respondent's property brings (民诉法解释 2022年修正 第五百零六条: before the
 * property's execution ends): creditors may apply while a flat is still sealed (nothing on the account yet); the plan
 * waits for the money, then shares the deposit deducted and the flat's price alike, and says where each came from.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { applicationProblems, makePlan, planProblems } from '#domain/disputes/distribution.ts';
import { fundSources, propertyPending } from '#domain/disputes/distribution-funds.ts';
import { planTotal } from '#domain/disputes/distribution-plan.ts';
import { fen } from '#domain/money.ts';
import { RULES } from '#domain/rules/table.ts';
import { cst, d } from '../../support/calendar.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const NOW = cst('2026-04-01 10:00');
const DEPOSIT = 'adeposit001';
const FLAT = 'aflat000001';

function asset(assetId: string, cls: Asset['class']): Asset {
  return {
    assetId,
    respondentId: respondent.partyId,
    class: cls,
    channel: 'registry',
    institution: '登记机构',
    reference: assetId,
    frozenFen: fen(0),
    deductedFen: fen(0),
    status: 'found',
  };
}

const seized: CaseEvent[] = [
  { type: 'inquiry-answered', channel: 'registry', assets: [asset(DEPOSIT, 'deposit'), asset(FLAT, 'real-estate')] },
  { type: 'asset-frozen', assetId: FLAT, amountFen: fen(0), expiresOn: d('2029-03-01') },
];
const deducted: CaseEvent = {
  type: 'money-received',
  entryId: 'e-deduct',
  amountFen: fen(1_000_000),
  source: 'deduction',
  assetId: DEPOSIT,
  note: '扣划',
};
const sold: CaseEvent[] = [
  { type: 'disposal-planned', assetIds: [FLAT] },
  {
    type: 'money-received',
    entryId: 'e-sale',
    amountFen: fen(6_000_000),
    source: 'auction',
    note: '拍卖成交价款',
  },
  { type: 'sale-confirmed', assetId: FLAT, docId: 'd1', priceFen: fen(6_000_000), way: 'auction' },
];
const applied: CaseEvent = {
  type: 'distribution-applied',
  creditor: {
    creditorId: 'b',
    name: '李国强',
    claimFen: fen(4_000_000),
    priority: false,
    title: '（2026）冀0922民初9号',
    host: false,
    appliedAt: NOW,
  },
};
const state = (...events: CaseEvent[]): EnforcementCase => caseFrom([filed(5_000_000)], seized, events);
const application = { creditorId: 'b', claimFen: 4_000_000, priority: false };

describe('DIST-APPLY: before the property is executed to its end', () => {
  it('pass: the flat still sealed, nothing on the account: a creditor may apply', () => {
    expect(propertyPending(state())).toEqual([FLAT]);
    expect(applicationProblems(state(), application, RULES)).toEqual([]);
  });

  it('fail: nothing on the account and nothing left to execute (the flat sold and its price paid out)', () => {
    const done = state(
      ...sold,
      {
        type: 'money-paid',
        entryId: 'p1',
        payeeId: applicant.partyId,
        amountFen: fen(5_000_000),
        kind: 'disbursed',
      },
      { type: 'money-paid', entryId: 'p2', payeeId: respondent.partyId, amountFen: fen(1_000_000), kind: 'refunded' },
    );
    expect(propertyPending(done)).toEqual([]);
    expect(applicationProblems(done, application, RULES).map((p) => p.message)).toContain(
      '本案账户没有可供分配的执行款，也没有尚在执行中的被执行人财产',
    );
  });
});

describe('DIST-ORDER: the plan shares deductions and sale proceeds alike', () => {
  it('fail: applied while the flat is sealed, the plan waits for money to come in', () => {
    expect(planProblems(state(applied), 0, RULES, d('2026-04-01')).map((p) => p.message)).toEqual([
      '尚无可供分配的执行款：拍卖、变卖所得或扣划的存款到账后再制作分配方案',
    ]);
  });

  it('pass: the deposit deducted and the flat sold: 70,000 yuan shared, by source, to the fen', () => {
    const s = state(applied, deducted, ...sold);
    expect(planProblems(s, 0, RULES, d('2026-04-01'))).toEqual([]);
    expect(fundSources(s)).toEqual({
      deductionFen: 1_000_000,
      saleFen: 6_000_000,
      paidInFen: 0,
      paidOutFen: 0,
      availableFen: 7_000_000,
    });
    const plan = makePlan(s, 0, NOW);
    expect(plan.availableFen).toBe(7_000_000);
    // 50,000 : 40,000 of 70,000 yuan.
    expect(plan.shares.map((x) => [x.creditorId, x.amountFen])).toEqual([
      [applicant.partyId, 3_888_889],
      ['b', 3_111_111],
    ]);
    expect(planTotal(plan)).toBe(7_000_000);
  });
});
