import { describe, expect, it } from 'vitest';
import type { Asset } from '#domain/case/model.ts';
import { planControl } from '#domain/control/plan.ts';
import { FEE_PAYEE } from '#domain/disbursement/owed.ts';
import { isFullyPerformed, planDisbursement } from '#domain/disbursement/plan.ts';
import { fen } from '#domain/money.ts';
import { applicant, caseFrom, filed, respondent } from '../../support/cases.ts';

const asset = (
  assetId: string,
  assetClass: Asset['class'],
  balance?: number,
  locatedCourt?: Asset['locatedCourt'],
): Asset => ({
  assetId,
  respondentId: respondent.partyId,
  class: assetClass,
  channel: 'icbc',
  institution: 'bank',
  reference: assetId,
  ...(balance !== undefined ? { balanceFen: fen(balance) } : {}),
  ...(locatedCourt ? { locatedCourt } : {}),
  frozenFen: fen(0),
  deductedFen: fen(0),
  status: 'found',
});

describe('the control plan', () => {
  it('freezes deposits up to what is owed (claim, doubled interest, fee), largest first', () => {
    const state = caseFrom(
      [filed(100_000)],
      [
        {
          type: 'inquiry-answered',
          channel: 'x',
          assets: [asset('small', 'deposit', 30_000), asset('big', 'deposit', 90_000)],
        },
      ],
    );
    expect(planControl(state)).toMatchObject({
      outcome: 'control',
      freezes: [
        // 1,000 yuan, 41 days' doubled interest (7.18 yuan) and the 50 yuan fee: 1,057.18 yuan.
        { assetId: 'big', amountFen: 90_000 },
        { assetId: 'small', amountFen: 15_718 },
      ],
      entrustments: [],
    });
  });

  it('seals property only while money does not cover, and entrusts property in another court', () => {
    const elsewhere = { code: 'HL0123', name: '黑龙江省某县人民法院' };
    const short = caseFrom(
      [filed(100_000)],
      [
        {
          type: 'inquiry-answered',
          channel: 'x',
          assets: [asset('d', 'deposit', 40_000), asset('flat', 'real-estate', undefined, elsewhere)],
        },
      ],
    );
    expect(planControl(short)).toMatchObject({
      outcome: 'control',
      entrustments: [{ assetId: 'flat', toCourt: elsewhere }],
    });
    const covered = caseFrom(
      [filed(10_000)],
      [
        {
          type: 'inquiry-answered',
          channel: 'x',
          assets: [asset('d', 'deposit', 40_000), asset('flat', 'real-estate', undefined, elsewhere)],
        },
      ],
    );
    expect(planControl(covered).entrustments).toEqual([]);
    expect(planControl(short).note).toBe('存款不足以清偿，同时查封其他财产（外地财产委托当地法院）');
  });

  it('says 同时查封其他财产 only when other property was found: a deposit short of the claim alone does not', () => {
    const only = caseFrom(
      [filed(100_000)],
      [{ type: 'inquiry-answered', channel: 'x', assets: [asset('d', 'deposit', 40_000)] }],
    );
    expect(planControl(only).note).toBe('存款不足以清偿，冻结后扣划，未发现其他可供执行的财产');
    const local = caseFrom(
      [filed(100_000)],
      [{ type: 'inquiry-answered', channel: 'x', assets: [asset('d', 'deposit', 40_000), asset('car', 'vehicle')] }],
    );
    expect(planControl(local).note).toBe('存款不足以清偿，同时查封其他财产');
  });

  it('sees a voluntary payment that covers the claim', () => {
    const state = caseFrom(
      [filed(100_000)],
      [{ type: 'money-received', entryId: 'e1', amountFen: fen(105_718), source: 'voluntary', note: '' }],
    );
    expect(planControl(state).outcome).toBe('covered');
  });

  it('says when there is nothing to control', () => {
    expect(planControl(caseFrom([filed()])).outcome).toBe('nothing-to-control');
  });
});

describe('G1 fully performed, and disbursement', () => {
  const received = (amount: number) => ({
    type: 'money-received' as const,
    entryId: `r${amount}`,
    amountFen: fen(amount),
    source: 'deduction' as const,
    note: '',
  });
  const paid = (amount: number) => ({
    type: 'money-paid' as const,
    entryId: `p${amount}`,
    payeeId: applicant.partyId,
    amountFen: fen(amount),
    kind: 'disbursed' as const,
  });

  it('pays the applicant what is owed and refunds the rest to the respondent', () => {
    const state = caseFrom([filed(100_000)], [received(130_000)]);
    // The claim with 41 days' doubled interest (718 fen) to the applicant, the 50 yuan fee to the court.
    expect(planDisbursement(state)).toEqual({
      payouts: [
        { payeeId: applicant.partyId, amountFen: 100_718 },
        { payeeId: FEE_PAYEE, amountFen: 5_000 },
      ],
      refundFen: 24_282,
      refundTo: respondent.partyId,
      totalFen: 130_000,
      interestFen: 718,
      interestThrough: '2026-03-02',
      feeFen: 5_000,
    });
  });

  const fee = { ...paid(5_000), entryId: 'fee', payeeId: FEE_PAYEE };

  it('pass: paid in full is fully performed', () => {
    expect(isFullyPerformed(caseFrom([filed(100_000)], [received(105_718)], [paid(100_718), fee]))).toBe(true);
  });

  it('fail: one fen short is not', () => {
    expect(isFullyPerformed(caseFrom([filed(100_000)], [received(105_717)], [paid(100_717), fee]))).toBe(false);
  });
});
