/**
 * V-CAP (变更追加规定 第十七条、第二十六条): a shareholder added for the capital he did not pay in answers up to it. Money
 * a sale or a deduction took from him above it goes back to him before anything is paid to the applicant; nothing
 * more of his is sealed once he has answered up to it.
 */
import { describe, expect, it } from 'vitest';
import type { Asset, EnforcementCase } from '#domain/case/model.ts';
import { planControl } from '#domain/control/plan.ts';
import { planDisbursement } from '#domain/disbursement/plan.ts';
import { fen } from '#domain/money.ts';
import { capProblem, liabilityExcess, takenFromFen } from '#domain/parties/liability.ts';
import { RULES } from '#domain/rules/table.ts';
import { cappedPartyChange, shareholder, shareholderDeposit, shareholderFlat } from '../../support/capped-party.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const flat = shareholderFlat('sold');
const deposit = shareholderDeposit(200_000);

/** A 50,000.00 yuan claim; the shareholder (liable up to `cap`) had his flat sold for 10,000.00 yuan. */
function sold(cap: number | undefined, more: Partial<EnforcementCase> = {}): EnforcementCase {
  const base = caseFrom([filed(5_000_000)]);
  return {
    ...base,
    status: 'disbursement-approval',
    respondents: [respondent, shareholder],
    assets: { sflat: flat },
    disposal: { lots: { sflat: { proceedsFen: fen(1_000_000) } as never }, recorded: [], usedApprovals: [] },
    ledger: [
      {
        entryId: 'e-sale',
        kind: 'received',
        amountFen: fen(1_000_000),
        at: '2026-06-01T02:00:00.000Z',
        counterparty: 'auction',
        note: '拍卖成交价款',
      },
    ],
    partyChanges: cappedPartyChange(cap),
    ...more,
  };
}

describe('V-CAP: the rule row', () => {
  it('pass: cites 法释〔2016〕21号 (2020 amendment) 第十七条 and 第二十六条, verified', () => {
    expect(RULES.V_CAP.source).toContain('法释〔2016〕21号');
    expect(RULES.V_CAP.source).toContain('第十七条（在尚未缴纳出资的范围内）');
    expect(RULES.V_CAP.source).toContain('第二十六条');
    expect(RULES.V_CAP.verify).toBe(false);
  });

  it('pass: an application on the capital grounds states its limit; fail: one without it', () => {
    expect(capProblem('unpaid-capital', 3_000_000, RULES)).toBeUndefined();
    expect(capProblem('heir', undefined, RULES)).toBeUndefined();
    expect(capProblem('unpaid-capital', undefined, RULES)).toContain('V-CAP');
    expect(capProblem('withdrawn-capital', 0, RULES)).toContain('V-CAP');
  });
});

describe('V-CAP: what a sale or a deduction took above the limit goes back to the respondent', () => {
  it('pass: of the 10,000.00 yuan his flat brought, 3,000.00 pay the applicant and 7,000.00 go back to him', () => {
    const state = sold(300_000);
    expect(takenFromFen(state, 'pshare')).toBe(1_000_000);
    expect(liabilityExcess(state)).toEqual(new Map([['pshare', 700_000]]));
    const plan = planDisbursement(state, '2026-06-01' as never);
    const toApplicant = plan.payouts.find((p) => p.payeeId === applicant.partyId)?.amountFen;
    expect(toApplicant).toBe(300_000);
    expect(plan.refunds).toEqual([{ payeeId: 'pshare', amountFen: 700_000 }]);
    expect(plan.refundFen).toBe(700_000);
    expect(plan.totalFen).toBe(1_000_000);
  });

  it('fail: without a limit the whole 10,000.00 yuan pays the applicant and nothing goes back', () => {
    const plan = planDisbursement(sold(undefined), '2026-06-01' as never);
    expect(plan.payouts.find((p) => p.payeeId === applicant.partyId)?.amountFen).toBe(1_000_000);
    expect(plan.refundFen).toBe(0);
    expect(plan.refunds).toBeUndefined();
  });

  it('pass: a deduction and a sale count together; what was already given back is not given twice', () => {
    const state = sold(300_000, { assets: { sflat: flat, sdep: deposit } });
    expect(takenFromFen(state, 'pshare')).toBe(1_200_000);
    const after = {
      ...state,
      ledger: [
        ...state.ledger,
        {
          entryId: 'e-back',
          kind: 'refunded' as const,
          amountFen: fen(900_000),
          at: '2026-06-02T02:00:00.000Z',
          counterparty: 'pshare',
          note: '',
        },
      ],
    };
    expect(takenFromFen(after, 'pshare')).toBe(300_000);
    expect(liabilityExcess(after).size).toBe(0);
  });

  it('pass: nothing more of his is sealed once he has answered up to the limit; fail: with some left, it is', () => {
    const found: Asset = { ...flat, assetId: 'scar', class: 'vehicle', status: 'found', reference: '冀J12345' };
    const exhausted = sold(1_000_000, { status: 'investigating', assets: { sflat: flat, scar: found } });
    expect(planControl(exhausted).freezes.map((f) => f.assetId)).not.toContain('scar');
    const room = sold(2_000_000, { status: 'investigating', assets: { sflat: flat, scar: found } });
    expect(planControl(room).freezes.map((f) => f.assetId)).toContain('scar');
  });
});
