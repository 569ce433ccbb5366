/**
 * F1: a partial voluntary payment while the coercive measures run is paid out to the applicant by its own
 * disbursement (within 30 days of receipt), while the measures go on; the case never waits with money on its account.
 */
import { describe, expect, it } from 'vitest';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { assertMoneyReconciles, filingEvent, RESPONDENT_ID, scenarios } from '../support/runtime.ts';

const open = scenarios();
const N = 841;

describe('money received while the measures run (F1)', () => {
  it('a partial payment during coercion is paid out at once; the measures go on; to the fen', async () => {
    const s = await open({ script: { respondents: { [RESPONDENT_ID]: { eService: 'ok', assets: [] } } } });
    const filed = await s.runtime.intake(filingEvent(N));
    if (filed.outcome !== 'created') throw new Error('not created');
    const caseId = filed.caseId;
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    await s.liveUntil(caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 60);

    expect(await s.runtime.pay(caseId, 300_000, 'PAY-841-1')).toMatchObject({ ok: true });
    const paid = await s.liveUntil(caseId, (c) => ledgerTotal(c, 'disbursed', applicantId) > 0, 30);
    expect(ledgerTotal(paid, 'disbursed', applicantId)).toBe(300_000);
    expect(accountBalance(paid)).toBe(0);
    // The F1 node of that disbursement was met in time.
    const f1 = Object.values(paid.nodes).filter((n) => n.node.startsWith('disbursement:'));
    expect(f1.map((n) => n.status)).toEqual(['met']);
    // The measures were not ended by a partial payment: the case goes back to them.
    expect(paid.coercion?.outcome).toBeUndefined();
    const back = await s.until(caseId, (c) => c.status === 'coercing', 5);
    expect(back.status).toBe('coercing');
    expect(s.path(caseId, 'disbursement')).toEqual(
      expect.arrayContaining(['OpenDisbursement', 'ApplyDisbursementDecision', 'RouteClosing']),
    );
    // When the measures are exhausted, the 终本 review finds the account empty (F1 is not among its problems).
    const reviewed = await s.until(caseId, (c) => c.closureReview !== undefined, 90);
    expect(reviewed.closureReview?.problems.map((p) => p.code)).not.toContain('account');
    expect(accountBalance(reviewed)).toBe(0);
    await assertMoneyReconciles(s);
  });
});
