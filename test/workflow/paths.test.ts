/**
 * Scenarios through the embedded runtime: each files a case, lets (virtual) time pass, decides as staff, and
 * asserts the path each execution took and where the case ended.
 */
import { describe, expect, it } from 'vitest';
import { verifyChain } from '#domain/case/journal.ts';
import { accountBalance, ledgerTotal, totalDisbursed, totalReceived } from '#domain/case/reducer.ts';
import { owed } from '#domain/disbursement/owed.ts';
import { DAY, filingEvent, owedToday, respondentWith, type Scenario, scenarios } from '../support/runtime.ts';

const DEPOSIT = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 8_000_000 };
const open = scenarios();

async function filed(s: Scenario, n: number, change?: Parameters<typeof filingEvent>[1]) {
  const outcome = await s.runtime.intake(filingEvent(n, change));
  if (outcome.outcome !== 'created') throw new Error(JSON.stringify(outcome));
  return outcome.caseId;
}

describe('fully performed: deposits found, frozen, deducted, paid, closed', () => {
  it('takes the deduction path through all three phases', async () => {
    // Prepare
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
    const caseId = await filed(s, 1);
    // Act
    await s.untilPending(caseId);
    await s.decideAll(caseId, 'li-qiang');
    await s.untilPending(caseId);
    await s.decideAll(caseId, 'li-qiang');
    // Assess
    expect(s.path(caseId, 'service')).toEqual([
      // Triaged and the documents issued in one Task.
      'IssueDocuments',
      'StartInvestigation',
      'ServeDocuments',
      'RecordService',
      'ServiceOutcome',
      'AwaitAssetReport',
      'RecordAssetReport',
    ]);
    expect(s.path(caseId, 'investigation')).toEqual([
      'OpenInvestigation',
      'AwaitInquiry',
      // The inquiry's answers recorded and the control planned in one Task (plan-control).
      'PlanControl',
      'RoutePlan',
      'AwaitControlApproval',
      // The decision recorded and the plan carried out in one Task (execute-control).
      'ApplyControlDecision',
      'RouteControl',
      'AwaitControlRequest',
      'RecordControl',
      'RouteControl',
      'AwaitControlRequest',
      'RecordControl',
      // The last RecordControl assessed the coverage too (no AssessCoverage Task).
      'RouteControl',
      // Everything deducted, nothing held to watch for renewal: the first Choice routes.
      'WatchSeizures',
      'StartDisbursement',
    ]);
    expect(s.path(caseId, 'disbursement')).toEqual([
      'OpenDisbursement',
      'AwaitDisbursementApproval',
      // The decision recorded, the plan paid out and the case closed in one Task (close-case).
      'ApplyDisbursementDecision',
      'RouteClosing',
      'Closed',
    ]);
    const state = await s.load(caseId);
    expect(state.status).toBe('closed');
    expect(state.closure?.way).toBe('fully-performed');
    // Frozen and deducted: the claim, its doubled interest P-FREEZE-MARGIN ahead and the fee; paid out: the claim,
    // the interest to the deduction day and the fee (F-DELAY-INTEREST, F1-FEE); the rest went back.
    const figures = owed(state);
    expect(figures.interest.amountFen).toBeGreaterThan(0);
    expect(totalDisbursed(state)).toBe(figures.totalFen);
    expect(totalReceived(state)).toBe(figures.totalFen + ledgerTotal(state, 'refunded'));
    expect(accountBalance(state)).toBe(0);
    expect(verifyChain(await s.runtime.cases.history(caseId)).ok).toBe(true);
    const entered = s.events.filter((e) => e.type === 'state-entered' && e.execution.startsWith(caseId)).length;
    expect(await s.runtime.runtimeStore.counters(caseId)).toMatchObject({ executions: 3, transitions: entered });
    // Counted for the case (the steps' statements and the rows held for it until the commit): 50 for this path since
    // answers are fired in batches with the segments they resume (BENCHMARKS.md, third round), more before.
    expect((await s.runtime.runtimeStore.counters(caseId))?.storeOperations).toBeGreaterThan(30);
  });
});

describe('voluntary payment after the notice', () => {
  it('skips control and goes straight to disbursement', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
    const caseId = await filed(s, 2);
    await s.runtime.advance(DAY);
    await s.runtime.pay(caseId, await owedToday(s, caseId), 'bank-ref-1');
    expect((await s.untilPending(caseId)).map((a) => a.step)).toEqual(['disbursement']);
    await s.decideAll(caseId, 'li-qiang');
    expect(s.path(caseId, 'investigation')).toEqual([
      'OpenInvestigation',
      'AwaitInquiry',
      // The inquiry's answers recorded and the control planned in one Task (plan-control).
      'PlanControl',
      'RoutePlan',
      'StartDisbursementFromPlan',
    ]);
    expect((await s.load(caseId)).status).toBe('closed');
  });
});

describe('service', () => {
  it('falls back to post when electronic service fails', async () => {
    const s = await open({ script: respondentWith({ eService: 'failed', postal: 'ok', assets: [] }) });
    const caseId = await filed(s, 3);
    await s.runtime.advance(20 * DAY);
    expect(s.path(caseId, 'service')).toEqual([
      // Triaged and the documents issued in one Task.
      'IssueDocuments',
      'StartInvestigation',
      'ServeDocuments',
      'RecordService',
      'ServiceOutcome',
      'ServeAgain',
      'ServeDocuments',
      'RecordService',
      'ServiceOutcome',
      'AwaitAssetReport',
      'RecordAssetReport',
    ]);
    const state = await s.load(caseId);
    expect(state.service.attempts.map((a) => [a.method, a.outcome])).toEqual([
      ['electronic', 'failed'],
      ['postal', 'delivered'],
    ]);
  });

  it('tells the officer when neither method serves, without stopping the investigation', async () => {
    const s = await open({
      script: respondentWith({ eService: 'silent', postal: 'failed', assets: [] }),
    });
    const caseId = await filed(s, 4);
    await s.runtime.advance(25 * DAY);
    expect(s.path(caseId, 'service').slice(-2)).toEqual(['ServiceOutcome', 'NotServed']);
    expect((await s.load(caseId)).service.attempts.map((a) => a.outcome)).toEqual(['no-answer', 'failed']);
    expect(s.alerts.map((a) => a.message).join('\n')).toMatch(/未能送达/);
  });
});

describe('hand-overs to the phases a later release runs', () => {
  it('nothing found: on to coercive measures', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const caseId = await filed(s, 5);
    // The president signs the restriction order the measures open with (C4).
    await s.live(caseId, 8);
    expect(s.path(caseId, 'coercion')).toEqual(
      expect.arrayContaining(['AwaitCreditDisciplineApproval', 'ApplyCreditDisciplineDecision']),
    );
    expect(s.path(caseId, 'investigation').slice(-2)).toEqual(['RoutePlan', 'StartCoercionFromPlan']);
    expect((await s.load(caseId)).status).toBe('coercing');
  });

  it('control plan rejected: back to the handling officer', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
    const caseId = await filed(s, 6);
    await s.untilPending(caseId);
    const [result] = await s.decideAll(caseId, 'li-qiang', 'rejected');
    expect(result).toMatchObject({ ok: true });
    expect(s.path(caseId, 'investigation').slice(-3)).toEqual(['ApplyControlDecision', 'RouteControl', 'HandedOver']);
    expect((await s.load(caseId)).status).toBe('awaiting-officer');
  });
});
