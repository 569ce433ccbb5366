/**
 * 终本 (法〔2016〕373号 第一条第（三）项: only when no property is available): money received while the approved 终本
 * ruling is being served on the applicant (G2-SERVICE) stops the closure. The review is refused, the money is paid
 * out (F1); money that covers the claim closes the case as 执行完毕, not 终本. The paired scenario, no money, closing
 * as 终本 after the service, is in closure.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import {
  assertMoneyReconciles,
  DECIDERS,
  daysUntil,
  filingEvent,
  owedToday,
  RESPONDENT_ID,
  type Scenario,
  scenarios,
} from '../support/runtime.ts';

const open = scenarios();

async function servingRuling(s: Scenario, n: number): Promise<{ caseId: string; applicantId: string }> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const caseId = outcome.caseId;
  // The 终本 approval is pending; approved, its ruling is sent to the applicant, not yet served.
  const asked = await daysUntil(
    s,
    caseId,
    (c) => Object.values(c.approvals).some((a) => a.step === 'final-closure' && a.status === 'pending'),
    150,
  );
  const approval = Object.values(asked.approvals).find((a) => a.step === 'final-closure' && a.status === 'pending');
  await s.decideAll(caseId, DECIDERS[approval?.requiredRole ?? ''] ?? '');
  const serving = await s.load(caseId);
  expect(serving.closureReview).toMatchObject({ ruled: true, rulingRequest: expect.any(String) });
  expect(serving.status).toBe('final-closure-review');
  expect(serving.closureReview?.rulingServedAt).toBeUndefined();
  return { caseId, applicantId: serving.applicants[0]?.partyId ?? '' };
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

function script(n: number) {
  return {
    respondents: { [RESPONDENT_ID]: { eService: 'ok' as const, assets: [] } },
    cases: { [`（2026）冀0922执${1000 + n}号`]: {} },
  };
}

function notClosedAsFinalRound(state: EnforcementCase, list: readonly CaseEvent[]) {
  expect(state.closure?.way).not.toBe('final-round-closure');
  expect(list.some((e) => e.type === 'case-closed' && e.way === 'final-round-closure')).toBe(false);
  expect(list.some((e) => e.type === 'ruling-served')).toBe(false);
}

describe('money received while the 终本 ruling is served (法〔2016〕373号 第一条第（三）项)', () => {
  it('a partial payment: the closure is not completed as 终本, the review is refused, the money is paid out', async () => {
    const n = 630;
    const s = await open({ script: script(n) });
    const { caseId, applicantId } = await servingRuling(s, n);

    expect(await s.runtime.pay(caseId, 300_000, 'PAY-630-1')).toMatchObject({ ok: true });
    const paid = await s.liveUntil(caseId, (c) => ledgerTotal(c, 'disbursed', applicantId) > 0, 30);
    expect(ledgerTotal(paid, 'disbursed', applicantId)).toBe(300_000);
    expect(accountBalance(paid)).toBe(0);
    const list = await events(s, caseId);
    notClosedAsFinalRound(paid, list);
    expect(list).toContainEqual(
      expect.objectContaining({
        type: 'closure-refused',
        problems: [expect.objectContaining({ code: 'account' })],
        next: 'officer',
      }),
    );
    // The timeline says why, in Chinese.
    expect(list).toContainEqual(
      expect.objectContaining({
        type: 'status-changed',
        to: 'awaiting-officer',
        reason: '终本裁定送达期间收到案款3,000.00元，不再终结本次执行程序，先依法发放案款',
      }),
    );
    // The closure phase was woken from the ruling's service and refused; it never started the re-query watch.
    const path = s.path(caseId, 'closure');
    const woken = path.indexOf('Refused');
    expect(path.slice(woken - 3, woken + 1)).toEqual(['HearApplicant', 'AdvanceClosure', 'RouteClosure', 'Refused']);
    expect(path).not.toContain('StartRequery');
    expect(s.path(caseId, 'disbursement')).toEqual(expect.arrayContaining(['OpenDisbursement', 'RouteClosing']));
    // Not performed in full: the case goes back to the final-round review as the measures ran out, a new run.
    expect(paid.status).not.toBe('closed');
    expect(paid.closureReview?.run).toBe(2);
    await assertMoneyReconciles(s);
  });

  it('a payment covering the claim: closed as performed in full (执行完毕), not 终本', async () => {
    const n = 631;
    const s = await open({ script: script(n) });
    const { caseId } = await servingRuling(s, n);

    const owed = await owedToday(s, caseId);
    expect(await s.runtime.pay(caseId, owed, 'PAY-631-1')).toMatchObject({ ok: true });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 30);
    expect(closed.closure?.way).toBe('fully-performed');
    expect(accountBalance(closed)).toBe(0);
    const list = await events(s, caseId);
    notClosedAsFinalRound(closed, list);
    expect(list.find((e) => e.type === 'status-changed' && e.to === 'closed')).toMatchObject({ reason: '执行完毕' });
    expect(s.path(caseId, 'closure')).not.toContain('StartRequery');
    expect(closed.watches?.requery).toBeUndefined();
    // Performed in full, the restriction that 终本 would have left in force is lifted (C5).
    const lifted = await s.until(caseId, (c) => c.coercion?.restriction?.liftedAt !== undefined, 10);
    expect(lifted.coercion?.restriction?.liftedAt).toBeDefined();
    await assertMoneyReconciles(s);
  });
});
