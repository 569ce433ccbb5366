/**
 * M-REWARD 第二十四条 (财产调查规定, 2020 修正): the reward a lead earns is deducted from the money that applicant is to
 * receive when it is paid out, once; not from the deposit, and nothing when the lead brought no money.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { applyEvent } from '#domain/case/reducer.ts';
import { planDisbursement, withRewardDeducted } from '#domain/disbursement/plan.ts';
import { rewardPayee, rewardRefund, rewardToDeductFen } from '#domain/measures/reward.ts';
import { fen } from '#domain/money.ts';
import { applicant, caseFrom, filed } from '../../support/cases.ts';

const underWay: CaseEvent[] = [
  { type: 'status-changed', from: 'filed', to: 'triaged', reason: 't' },
  { type: 'status-changed', from: 'triaged', to: 'investigating', reason: 't' },
  { type: 'status-changed', from: 'investigating', to: 'awaiting-coercion', reason: 't' },
];

const published: CaseEvent[] = [
  {
    type: 'reward-applied',
    applicantId: applicant.partyId,
    method: 'share',
    shareBasisPoints: 1_000,
    capFen: fen(100_000),
    by: 'wang-fang',
    execution: 'cabcdefghijklmnopqrs-measure-task-1',
  },
  { type: 'reward-decided', decision: 'approved', by: 'li-qiang' },
  { type: 'reward-deposited', amountFen: fen(100_000), reference: 'DEP' },
  { type: 'reward-published', docId: 'd1' },
  { type: 'lead-received', leadId: 'l1', informantRef: 'JB-1', summary: '门店营业收入' },
  { type: 'lead-checked', leadId: 'l1', outcome: 'confirmed', by: 'wang-fang' },
];
const received = (amountFen: number, entryId = 'e-pay'): CaseEvent => ({
  type: 'money-received',
  entryId,
  amountFen: fen(amountFen),
  source: 'voluntary',
  note: 'PAY',
});
const realised: CaseEvent = {
  type: 'lead-realised',
  leadId: 'l1',
  amountFen: fen(500_000),
  by: 'wang-fang',
  rewardFen: fen(50_000),
};

describe('M-REWARD 第二十四条: the reward comes out of the applicant’s share', () => {
  it('pass: the lead’s 5,000.00 yuan pays the informant 500.00 yuan from the applicant’s share, and the rest to the applicant, to the fen', () => {
    const state = caseFrom([filed(5_000_000)], underWay, published, [received(500_000), realised]);
    expect(rewardToDeductFen(state)).toBe(50_000);
    const plan = planDisbursement(state);
    expect(plan.payouts).toContainEqual({ payeeId: rewardPayee(applicant.partyId), amountFen: 50_000 });
    expect(plan.payouts).toContainEqual({ payeeId: applicant.partyId, amountFen: 450_000 });
    expect(plan.payouts.reduce((t, p) => t + p.amountFen, 0) + plan.refundFen).toBe(500_000);
    // The deposit paid nothing: all of it goes back when the notice closes.
    expect(rewardRefund(state.measures?.reward ?? expect.fail('no reward'))).toBe(100_000);
  });

  it('fail: once deducted it is not deducted again from the next money; the deducted part counts as paid to the applicant', () => {
    const once = caseFrom([filed(5_000_000)], underWay, published, [received(500_000), realised]);
    const plan = planDisbursement(once);
    const afterPayout = plan.payouts.reduce(
      (s, p, i) =>
        applyEvent(
          s,
          { type: 'money-paid', entryId: `p${i}`, payeeId: p.payeeId, amountFen: p.amountFen, kind: 'disbursed' },
          '2026-06-01T00:00:00Z',
        ),
      once,
    );
    const later = applyEvent(afterPayout, received(300_000, 'e-pay-2'), '2026-06-02T00:00:00Z');
    expect(rewardToDeductFen(later)).toBe(0);
    const next = planDisbursement(later);
    expect(next.payouts.some((p) => p.payeeId === rewardPayee(applicant.partyId))).toBe(false);
    expect(next.payouts).toContainEqual({ payeeId: applicant.partyId, amountFen: 300_000 });
  });

  it('fail: not deducted when paid separately from the deposit (deduction impossible), and the deposit refunds only the rest', () => {
    const state = caseFrom([filed(5_000_000)], underWay, published, [
      received(500_000),
      realised,
      { type: 'reward-paid', leadId: 'l1', amountFen: fen(50_000), reference: 'SEP' },
    ]);
    expect(rewardToDeductFen(state)).toBe(0);
    expect(planDisbursement(state).payouts).toEqual([{ payeeId: applicant.partyId, amountFen: 500_000 }]);
    expect(rewardRefund(state.measures?.reward ?? expect.fail('no reward'))).toBe(50_000);
  });

  it('fail: nothing is deducted when the confirmed lead produced no money', () => {
    const state = caseFrom([filed(5_000_000)], underWay, published, [received(500_000)]);
    expect(rewardToDeductFen(state)).toBe(0);
    expect(planDisbursement(state).payouts).toEqual([{ payeeId: applicant.partyId, amountFen: 500_000 }]);
  });

  it('pass: a plan awaiting approval is planned again with the reward deducted; fail: a plan that deducts it already is left alone', () => {
    const before = caseFrom([filed(5_000_000)], underWay, published, [received(500_000)]);
    const pending = planDisbursement(before);
    const after = applyEvent(before, realised, '2026-06-01T00:00:00Z');
    const replanned = withRewardDeducted(after, pending);
    expect(replanned).toEqual([
      { payeeId: applicant.partyId, amountFen: 450_000 },
      { payeeId: rewardPayee(applicant.partyId), amountFen: 50_000 },
    ]);
    expect(withRewardDeducted(after, { payouts: replanned ?? [] })).toBeUndefined();
    expect(withRewardDeducted(before, pending)).toBeUndefined();
  });
});
