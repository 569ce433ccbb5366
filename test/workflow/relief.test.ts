/**
 * 国家司法救助 (M-RELIEF) run to its end on the embedded runtime: the applicant in hardship applies; the decision is the
 * bureau chief's (the team lead and the officer who registered it are refused; an amount above what was applied for is
 * refused); the fund pays; the money that comes in later repays the fund first, across two payouts (a deduction, all
 * to the fund; then the respondent's payment: the rest of the relief, then the applicant); closed as fully performed.
 */
import { describe, expect, it } from 'vitest';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { owed } from '#domain/disbursement/owed.ts';
import { reliefPayee, reliefToRecoverFen } from '#domain/measures/relief.ts';
import type { Identity } from '#domain/staff/roles.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { applyForRelief, recordReliefPayment } from '#use-cases/measures.ts';
import { assertMoneyReconciles, filingEvent, owedToday, RESPONDENT_ID, scenarios } from '../support/runtime.ts';

const open = scenarios();
const OFFICER: Identity = { userId: 'wang-fang', roles: ['handling-officer'], court: 'HB0922' };
const N = 831;

describe('judicial relief decided, paid and recovered from later money in the case (M-RELIEF)', () => {
  it('the bureau chief decides; the fund is repaid from two later payments, then the applicant; closed, to the fen', async () => {
    // The respondent has a 10,000.00 yuan deposit: the network inquiry finds it, it is frozen and deducted.
    const deposit = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0831', balanceFen: 1_000_000 };
    const s = await open({ script: { respondents: { [RESPONDENT_ID]: { eService: 'ok', assets: [deposit] } } } });
    const filed = await s.runtime.intake(filingEvent(N));
    if (filed.outcome !== 'created') throw new Error('not created');
    const caseId = filed.caseId;
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    // Relief is applied for at once (the applicant's hardship does not wait for the inquiry).
    await applyForRelief(s.runtime.deps)(OFFICER, {
      caseId,
      applicantId,
      hardship: '交通事故一级伤残，医疗费用无着',
      requestedFen: 2_000_000,
    });
    await s.runtime.runUntilIdle();
    const [approval] = (await s.pending(caseId)).filter((a) => a.step === 'judicial-relief');
    if (!approval) throw new Error('no relief approval');
    expect(approval.requiredRole).toBe('bureau-chief');
    const decide = (userId: string, data?: Record<string, number>) =>
      s.runtime.decide({ approvalId: approval.approvalId, decision: 'approved', userId, ...(data ? { data } : {}) });
    // Not the team lead (below the role), not the officer who registered the application.
    expect(await decide('li-qiang')).toMatchObject({ ok: false, status: 403 });
    expect(await decide('wang-fang')).toMatchObject({ ok: false });
    // Not more than was applied for.
    expect(await decide('zhang-wei', { grantedFen: 2_000_001 })).toMatchObject({ ok: false, status: 400 });
    expect(await decide('zhang-wei', { grantedFen: 1_500_000 })).toMatchObject({ ok: true });
    const decided = (await s.load(caseId)).measures?.relief;
    expect(decided).toMatchObject({ status: 'granted', decidedBy: 'zhang-wei', grantedFen: 1_500_000 });
    expect(decided?.decidedAt).toBeDefined();
    await recordReliefPayment(s.runtime.deps)(OFFICER, { caseId, reference: 'JZ-2026-31' });

    // The deduction (10,000.00 yuan, below the relief) is paid out: all of it repays the fund, nothing to the applicant.
    const first = await s.liveUntil(caseId, (c) => ledgerTotal(c, 'disbursed', reliefPayee(applicantId)) > 0, 30);
    expect(ledgerTotal(first, 'received')).toBe(1_000_000);
    expect(ledgerTotal(first, 'disbursed', reliefPayee(applicantId))).toBe(1_000_000);
    expect(ledgerTotal(first, 'disbursed', applicantId)).toBe(0);
    expect(reliefToRecoverFen(first)).toBe(500_000);

    // The rest: the last 5,000.00 yuan of the relief, then the applicant; the fee; closed as performed.
    await s.liveUntil(caseId, (c) => c.status === 'coercing', 10);
    expect(await s.runtime.pay(caseId, await owedToday(s, caseId), 'PAY-831')).toMatchObject({ ok: true });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 20);
    expect(ledgerTotal(closed, 'disbursed', reliefPayee(applicantId))).toBe(1_500_000);
    expect(reliefToRecoverFen(closed)).toBe(0);
    expect(ledgerTotal(closed, 'disbursed', applicantId)).toBe(owed(closed).applicantsFen - 1_500_000);
    expect(closed.closure?.way).toBe('fully-performed');
    // The path: the approval run decided it; two disbursement runs paid.
    expect(s.path(caseId, 'measure-task')).toEqual(
      expect.arrayContaining(['AwaitReliefApproval', 'ApplyReliefDecision']),
    );
    expect(closed.phaseRuns.disbursement ?? 0).toBeGreaterThanOrEqual(2);
    const text = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => id,
      team: (id) => id,
    }).map((l) => l.text);
    expect(text).toContain('决定给予国家司法救助15,000.00元（zhang-wei，M-RELIEF）');
    expect(text.filter((l) => l.startsWith('发放：扣回司法救助金'))).toEqual([
      expect.stringContaining('10,000.00元'),
      expect.stringContaining('5,000.00元'),
    ]);
    await assertMoneyReconciles(s);
  });
});
