/**
 * Settlement (执行和解, G1) on the virtual clock: the officer records the agreement while coercive measures run;
 * enforcement stops, each installment is watched against the case account; performed in full, the measures are
 * lifted and the money paid out, closing the case as performed; a missed installment resumes enforcement.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { DAY, daysUntil, filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const OFFICER = 'wang-fang';
const NOTHING = { respondents: { [RESPONDENT_ID]: { eService: 'ok' as const, assets: [] } } };

async function coercing(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  await daysUntil(s, outcome.caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 20);
  return outcome.caseId;
}

async function settle(s: Scenario, caseId: string, installments: { dueOn: string; amountFen: number }[]) {
  const answer = await s.runtime.handleApi(
    {
      httpMethod: 'POST',
      path: `/cases/${caseId}/settlement`,
      resource: '/cases/{caseId}/settlement',
      pathParameters: { caseId },
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ installments, note: '双方自愿达成分期履行协议' }),
      isBase64Encoded: false,
      requestContext: {
        requestId: 'test',
        authorizer: {
          claims: { 'cognito:username': OFFICER, 'cognito:groups': 'handling-officer', 'custom:court': 'HB0922' },
        },
      },
    } as never,
    'settle',
  );
  await s.runtime.runUntilIdle();
  return { status: answer.statusCode, body: JSON.parse(answer.body) };
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

describe('settlement (执行和解)', () => {
  it('refuses an agreement that does not add up to what is owed, naming the rule, and writes nothing', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 700);
    const before = await s.runtime.cases.history(caseId);
    const refused = await settle(s, caseId, [{ dueOn: '2026-05-01', amountFen: 1_000_000 }]);
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toBe(
      '不能记录执行和解协议：各期合计10,000.00元，应等于尚未执行的金额51,650.00元（G1）',
    );
    expect(await s.runtime.cases.history(caseId)).toEqual(before);
  });

  it('performed in full: enforcement stops, each installment is met, the restriction is lifted, the money paid out, the case closes as performed', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 701);
    const recorded = await settle(s, caseId, [
      { dueOn: '2026-04-10', amountFen: 2_000_000 },
      { dueOn: '2026-05-11', amountFen: 3_165_000 },
    ]);
    expect(recorded).toMatchObject({ status: 200, body: { installments: 2 } });
    const settling = await s.load(caseId);
    expect(settling.status).toBe('settling');
    expect(settling.nodes['settlement:2']).toMatchObject({ dueDate: '2026-05-11', ruleId: 'P-SETTLEMENT' });

    await s.runtime.advance(10 * DAY);
    await s.runtime.pay(caseId, 2_000_000, 'installment-1');
    expect((await s.load(caseId)).settlement).toMatchObject({ met: 1, status: 'performing' });
    await s.runtime.advance(20 * DAY);
    await s.runtime.pay(caseId, 3_165_000, 'installment-2');

    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 20);
    expect(closed.closure?.way).toBe('fully-performed');
    expect(closed.settlement?.status).toBe('performed');
    expect(closed.coercion?.restriction?.liftedOn).toBe('full-performance');
    expect(closed.nodes['settlement:1']?.status).toBe('met');
    // The coercion phase that was running when the agreement was made ends at its next step, quietly.
    await s.runtime.advance(30 * DAY);
    expect((await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-1`))?.status).toBe('succeeded');
    expect(s.path(caseId, 'coercion')).toContain('PhaseEnded');
    expect(s.path(caseId, 'settlement')).toEqual([
      'OpenSettlement',
      'RouteSettlement',
      'AwaitInstallment',
      'AdvanceSettlement',
      'RouteSettlement',
      'AwaitInstallment',
      'AdvanceSettlement',
      'RouteSettlement',
      'StartCoercion',
      'EnforcementResumed',
    ]);
    const paid = closed.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0);
    expect(paid).toBe(5_165_000);
  });

  it('a missed installment is a breach: recorded as the respondent’s conduct, what came in is paid out, coercive measures resume', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 702);
    await settle(s, caseId, [
      { dueOn: '2026-04-10', amountFen: 2_000_000 },
      { dueOn: '2026-05-11', amountFen: 3_165_000 },
    ]);
    await s.runtime.advance(5 * DAY);
    await s.runtime.pay(caseId, 2_000_000, 'installment-1');
    const resumed = await daysUntil(s, caseId, (c) => c.phaseRuns.coercion === 2, 90);
    expect(resumed.settlement).toMatchObject({
      status: 'breached',
      breach: { installment: 1, dueOn: '2026-05-11', resumeWith: 'disbursement' },
    });
    const list = await events(s, caseId);
    expect(list.find((e) => e.type === 'conduct-recorded')).toMatchObject({ kind: 'settlement-breach', by: 'system' });
    // Three working days of grace after Monday 11 May (12, 13, 14 May): breached when Thursday 14 May ends.
    const breach = (await s.runtime.cases.history(caseId)).find((c) =>
      c.events.some((e) => e.type === 'settlement-breached'),
    );
    expect(breach?.at.slice(0, 10)).toBe('2026-05-14');
    expect(resumed.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0)).toBe(2_000_000);
    expect(resumed.nodes['settlement:2']?.status).toBe('overdue');
  });
});
