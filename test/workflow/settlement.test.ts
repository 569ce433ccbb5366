/**
 * Settlement (执行和解, G1) on the virtual clock: the officer records the agreement while coercive measures run;
 * enforcement stops, each installment is watched against the case account; performed in full, the measures are
 * lifted and the money paid out, closing the case as performed; a missed installment pays out what came in and
 * resumes nothing until the applicant applies, when a resumed case (执恢) is filed (执行和解规定 第九条).
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { caseIdFor } from '#domain/ids.ts';
import { formatYuan } from '#domain/money.ts';
import { DAY, daysUntil, filingEvent, owedToday, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

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
  return post(s, caseId, 'settlement', { installments, note: '双方自愿达成分期履行协议' });
}

/** An officer's POST to a case route of the staff API served by settle. */
async function post(s: Scenario, caseId: string, route: string, body: unknown) {
  const answer = await s.runtime.handleApi(
    {
      httpMethod: 'POST',
      path: `/cases/${caseId}/${route}`,
      resource: `/cases/{caseId}/${route}`,
      pathParameters: { caseId },
      queryStringParameters: null,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
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
    // What is owed today: the claim, its doubled interest to today and the execution fee (F-DELAY-INTEREST, F1-FEE).
    const owed = await owedToday(s, caseId);
    expect(owed).toBeGreaterThan(5_165_000);
    expect(refused.body.error.message).toBe(
      `不能记录执行和解协议：各期合计10,000.00元，应等于尚未执行的金额${formatYuan(owed as never)}（G1）`,
    );
    expect(await s.runtime.cases.history(caseId)).toEqual(before);
  });

  it('performed in full: enforcement stops, each installment is met, the restriction is lifted, the money paid out, the case closes as performed', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 701);
    const owed = await owedToday(s, caseId);
    const recorded = await settle(s, caseId, [
      { dueOn: '2026-04-10', amountFen: 2_000_000 },
      { dueOn: '2026-05-11', amountFen: owed - 2_000_000 },
    ]);
    expect(recorded).toMatchObject({ status: 200, body: { installments: 2 } });
    const settling = await s.load(caseId);
    expect(settling.status).toBe('settling');
    expect(settling.nodes['settlement:2']).toMatchObject({ dueDate: '2026-05-11', ruleId: 'P-SETTLEMENT' });

    await s.runtime.advance(10 * DAY);
    await s.runtime.pay(caseId, 2_000_000, 'installment-1');
    expect((await s.load(caseId)).settlement).toMatchObject({ met: 1, status: 'performing' });
    await s.runtime.advance(20 * DAY);
    await s.runtime.pay(caseId, owed - 2_000_000, 'installment-2');

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
    ]);
    // The agreement fixed the doubled interest on the day it was made: paid out to the applicant and the court.
    const paid = closed.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0);
    expect(paid).toBe(owed);
  });

  it('a missed installment is a breach: recorded as the respondent’s conduct, what came in is paid out, and nothing resumes until the applicant applies; then a resumed case (执恢) is filed', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 702);
    const owed = await owedToday(s, caseId);
    await settle(s, caseId, [
      { dueOn: '2026-04-10', amountFen: 2_000_000 },
      { dueOn: '2026-05-11', amountFen: owed - 2_000_000 },
    ]);
    await s.runtime.advance(5 * DAY);
    await s.runtime.pay(caseId, 2_000_000, 'installment-1');
    const breached = await daysUntil(s, caseId, (c) => c.status === 'awaiting-officer', 90);
    expect(breached.settlement).toMatchObject({
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
    expect(breached.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0)).toBe(2_000_000);
    expect(breached.nodes['settlement:2']?.status).toBe('overdue');

    // A month on, nothing resumed by itself: no second coercion, no resumed case.
    await s.runtime.advance(30 * DAY);
    const waiting = await s.load(caseId);
    expect(waiting.status).toBe('awaiting-officer');
    expect(waiting.phaseRuns.coercion).toBe(1);
    expect(waiting.resumedAs).toBeUndefined();
    expect(s.path(caseId, 'disbursement')).toContain('HandedOver');

    // The applicant applies (执行和解规定 第九条): the filing system files the resumed case through intake.
    // Recorded through the staff API's route (served by settle), as the console and the CLI do.
    const applied = await post(s, caseId, 'resumption', { note: '申请执行人书面申请' });
    expect(applied).toEqual({ status: 200, body: { caseId, resumptionApplied: true } });
    const again = await post(s, caseId, 'resumption', {});
    expect(again).toEqual({
      status: 409,
      body: { error: { code: 'conflict', message: '不能申请恢复执行：申请执行人已申请恢复执行' } },
    });
    expect(await s.runtime.applyForResumption({ caseId, userId: OFFICER })).toMatchObject({ ok: false, status: 409 });
    // The filing system answers within SIMULATED_FILING_HOURS (30 hours).
    await s.runtime.advance(2 * DAY);
    const resumedFrom = await s.load(caseId);
    expect(resumedFrom.settlement?.resumptionApplied?.by).toBe(OFFICER);
    expect(resumedFrom.resumedAs?.caseNumber).toMatch(/执恢/);
    const resumed = await s.load(caseIdFor('HB0922', resumedFrom.resumedAs?.caseNumber ?? ''));
    expect(resumed.kind).toBe('resumed');
    expect(resumed.claim.totalFen).toBe(5_165_000 - 2_000_000);
  });

  it('fail: no application to resume without a breach', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 703);
    const refused = await s.runtime.applyForResumption({ caseId, userId: OFFICER });
    expect(refused).toMatchObject({ ok: false, status: 409 });
    expect((await s.load(caseId)).resumedAs).toBeUndefined();
  });
});
