/**
 * Closure (G1), 终本 (G2), re-query and resumption (G3) on the virtual clock: each scenario files a case, lets the
 * phases run, acts as staff, and asserts the path taken and what the case records.
 */
import { describe, expect, it } from 'vitest';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { caseIdFor } from '#domain/ids.ts';
import { DAY, daysUntil, filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const OFFICER = 'wang-fang';
const CHIEF = 'zhang-wei';

function nothingFound(n: number, extra: Partial<NonNullable<SimulatorScript['cases']>[string]> = {}): SimulatorScript {
  return {
    respondents: { [RESPONDENT_ID]: { eService: 'ok', assets: [] } },
    cases: { [`（2026）冀0922执${1000 + n}号`]: extra },
  };
}

async function filed(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  return outcome.caseId;
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

/** A case whose measures ran out, closed as 终本 after the 3 months of G2: the path every scenario here starts on. */
async function finalRound(s: Scenario, n: number): Promise<string> {
  const caseId = await filed(s, n);
  await daysUntil(s, caseId, (c) => c.status === 'closed', 120);
  return caseId;
}

describe('终本 (G2)', () => {
  it('终本 refused with the missing condition named, then granted: the review waits for the 3 months, hears the applicant, the bureau chief approves', async () => {
    const s = await open({ script: nothingFound(600) });
    const caseId = await filed(s, 600);
    const refused = await daysUntil(s, caseId, (c) => c.closureReview?.status === 'waiting', 60);
    // Measures ran out in April: only time is missing, and the refusal says which condition and until when.
    expect(refused.status).toBe('final-closure-review');
    expect(refused.closureReview?.problems).toEqual([
      {
        ruleId: 'G2',
        code: 'min-since-filing',
        message: '自立案之日起未超过3个月（G2），最早可于2026-06-03终结本次执行程序',
      },
      { ruleId: 'G2', code: 'interview', message: '尚未约谈申请执行人（告知终本事项并听取申请执行人意见，G2）' },
    ]);
    expect(refused.closureReview?.waitUntil).toBe('2026-06-03');
    expect(await s.pending(caseId)).toEqual([]);

    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 60);
    expect(closed.closure).toMatchObject({ way: 'final-round-closure' });
    expect((closed.closure?.at ?? '').slice(0, 10) >= '2026-06-03').toBe(true);
    expect(closed.interview).toMatchObject({ opinion: 'agrees', by: 'applicant' });
    // Restrictions stay in force after 终本; the summary names the listing only when there is one (here none).
    expect(closed.coercion?.restriction?.liftedAt).toBeUndefined();
    const list = await events(s, caseId);
    const summary = list.find((e) => e.type === 'status-changed' && e.to === 'closed');
    expect(summary).toMatchObject({ reason: '终结本次执行程序；限制消费令继续有效，定期查询被执行人财产' });
    // The president signed the restriction order (C4); the bureau chief approved the 终本.
    const decided = list.filter((e) => e.type === 'approval-decided');
    expect(decided.map((e) => (e.type === 'approval-decided' ? [e.by, e.role] : []))).toEqual([
      ['song-jian', 'president'],
      [CHIEF, 'bureau-chief'],
    ]);
    expect(decided.at(-1)).toMatchObject({ decision: 'approved' });
    expect(list.map((e) => e.type)).toEqual(
      expect.arrayContaining(['closure-requested', 'closure-refused', 'interview-requested', 'applicant-heard']),
    );
    expect(s.path(caseId, 'coercion').slice(-2)).toEqual(['RouteCoercion', 'StartFinalClosure']);
    expect(s.path(caseId, 'closure')).toEqual([
      'OpenClosure',
      'RouteClosure',
      'WaitForConditions',
      'AdvanceClosure',
      'RouteClosure',
      'HearApplicant',
      'AdvanceClosure',
      'RouteClosure',
      'AwaitFinalClosureApproval',
      'ApplyFinalClosureDecision',
      'RouteClosure',
      // 法〔2016〕373号 第六条: the ruling is served on the applicant (the wait on its request), then the closure.
      'HearApplicant',
      'AdvanceClosure',
      'RouteClosure',
      'StartRequery',
    ]);
    // The re-query watch of G3 started with the closure.
    expect(closed.watches?.requery).toMatchObject({ run: 1, active: true });
  });

  it('issue 13: nothing found, the asset report refused: listed on ground (四) for 2 years, fined, no referral demanded, and 终本 after three months and the interview', async () => {
    const n = 605;
    const s = await open({
      script: {
        respondents: { [RESPONDENT_ID]: { eService: 'ok', assetReport: 'silent', assets: [] } },
        cases: { [`（2026）冀0922执${1000 + n}号`]: {} },
      },
    });
    const caseId = await filed(s, n);
    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 150);
    expect(closed.closure).toMatchObject({ way: 'final-round-closure' });
    expect((closed.closure?.at ?? '').slice(0, 10) >= '2026-06-02').toBe(true);
    expect(closed.interview).toMatchObject({ opinion: 'agrees' });
    // 法释〔2017〕7号 第一条第四项, 第二条: 2 years, no ability to pay needed.
    expect(closed.coercion?.listing).toMatchObject({ grounds: ['report-refused'], years: 2 });
    expect(closed.coercion?.listing?.removedAt).toBeUndefined();
    // 民诉法 第二百五十二条: the refusal is fined, approved by the president.
    expect(closed.coercion?.sanction).toMatchObject({ kind: 'fine', status: 'served', grounds: ['report-refused'] });
    // No ability to pay: no 拒执 referral is owed, and none blocks 终本.
    expect(closed.coercion?.referral).toBeUndefined();
    const list = await events(s, caseId);
    expect(list.find((e) => e.type === 'debtor-listed')).toMatchObject({ articleGrounds: [4], years: 2 });
    expect(list.some((e) => e.type === 'referral-blocked')).toBe(false);
    // The refused report is acted on when its period ends, not when the 30-day watch does (A9).
    const history = await s.runtime.cases.history(caseId);
    const when = (type: CaseEvent['type']) =>
      Date.parse(history.find((c) => c.events.some((e) => e.type === type))?.at ?? '');
    expect(when('sanction-proposed') - when('asset-report')).toBeLessThan(DAY * 1000);
    const problems = list.flatMap((e) => (e.type === 'closure-refused' ? e.problems.map((p) => p.code) : []));
    expect(problems).not.toContain('referral');
    const summary = list.find((e) => e.type === 'status-changed' && e.to === 'closed');
    expect(summary).toMatchObject({
      reason: '终结本次执行程序；限制消费令、失信被执行人名单继续有效，定期查询被执行人财产',
    });
    // G2-SERVICE (法〔2016〕373号 第六条): the ruling is issued, served on the applicant electronically, and only
    // then is the case closed as 终本.
    const order = ['final-round-ruled', 'ruling-service-attempted', 'ruling-served', 'case-closed'].map((type) =>
      list.findIndex((e) => e.type === type),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const attempted = list.find((e) => e.type === 'ruling-service-attempted');
    expect(attempted).toMatchObject({ method: 'electronic' });
    const request = await s.runtime.deps.requests.get(
      attempted?.type === 'ruling-service-attempted' ? attempted.requestId : '',
    );
    expect(request).toMatchObject({ kind: 'service', method: 'electronic', status: 'complete' });
    expect(request?.items.map((i) => i.itemId)).toEqual([closed.applicants[0]?.partyId]);
    expect(list.find((e) => e.type === 'ruling-served')).toMatchObject({ receipt: expect.stringMatching(/^ES/) });
  });

  it('refused to the officer when a condition time cannot fix is missing, naming it; the officer asks again once it holds', async () => {
    const s = await open({ script: nothingFound(601, { interview: 'silent' }) });
    const caseId = await filed(s, 601);
    // The applicant never answers the platform: the review hands the case back, naming what is missing.
    const back = await daysUntil(s, caseId, (c) => c.status === 'awaiting-officer', 120);
    expect(back.closureReview).toMatchObject({
      status: 'refused',
      problems: [{ code: 'interview-unreachable', message: '未能约谈申请执行人，须承办人约谈并记录（G2）' }],
    });
    expect(s.alerts.some((a) => a.message.includes('未能约谈申请执行人'))).toBe(true);

    // The officer hears the applicant by phone, records it, and asks again: granted.
    const interview = await staff(
      s,
      apiEvent('POST', `/cases/${caseId}/interview`, OFFICER, {
        opinion: 'objects',
        note: '电话约谈，申请执行人不同意',
      }),
    );
    expect(interview.statusCode).toBe(200);
    const asked = await staff(s, apiEvent('POST', `/cases/${caseId}/closure`, OFFICER, { way: 'final-round-closure' }));
    expect(asked.statusCode).toBe(200);
    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 10);
    expect(closed.interview).toMatchObject({ opinion: 'objects', by: OFFICER });
    expect(closed.closure?.way).toBe('final-round-closure');
    expect((await s.runtime.deps.approvals.get(decidedApprovalId(await events(s, caseId))))?.summary).toContain(
      '申请执行人意见：不同意终本',
    );
  });
});

describe('re-query and resumption (G3)', () => {
  it('resumption after a re-query finds assets: the filing system files a resumed case, linked both ways, routed to the resumption team', async () => {
    const n = 610;
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [],
            // An inheritance: a deposit appears at the start of 2027.
            acquired: [
              {
                from: '2027-01-01T00:00:00+08:00',
                assets: [{ channel: 'ccb', class: 'deposit', reference: '6217 **** 8800', balanceFen: 9_000_000 }],
              },
            ],
          },
        },
      },
    });
    const caseId = await finalRound(s, n);
    // The first query (6 months after 终本) finds nothing; the second, after the inheritance, finds the deposit.
    for (let i = 0; i < 50 && !(await s.load(caseId)).resumedAs; i++) await s.runtime.advance(10 * DAY);
    const old = await s.load(caseId);
    const queries = (await events(s, caseId)).filter((e) => e.type === 'requery-recorded');
    expect(queries.map((e) => e.type === 'requery-recorded' && [e.round, e.found.length])).toEqual([
      [1, 0],
      [2, 1],
    ]);
    const resumedNumber = `（2027）冀0922执恢${1000 + n}号`;
    expect(old.resumedAs).toMatchObject({ caseNumber: resumedNumber, caseId: caseIdFor('HB0922', resumedNumber) });
    expect(old.requery).toMatchObject({ rounds: 2, found: true });
    expect(old.watches?.requery?.active).toBe(false);
    const resumed = await s.load(caseIdFor('HB0922', resumedNumber));
    expect(resumed).toMatchObject({
      kind: 'resumed',
      previousCaseNumber: old.caseNumber,
      track: 'resumed',
      team: 'resumption',
    });
    expect(resumed.claim.totalFen).toBe(old.claim.totalFen);
    // Every query an execution of its own, none near a year; once resumption is asked for, the watch ends.
    expect(await s.runtime.runtimeStore.getExecution(`${caseId}-requery-3`)).toBeUndefined();
    for (let run = 1; run <= 2; run++) {
      const execution = await s.runtime.runtimeStore.getExecution(`${caseId}-requery-${run}`);
      expect(execution?.status).toBe('succeeded');
      expect(Date.parse(execution?.endedAt ?? '') - Date.parse(execution?.startedAt ?? '')).toBeLessThan(
        200 * DAY * 1000,
      );
    }
    // The resumed case goes its own way: the deposit is found, frozen and deducted, and it closes as performed.
    const done = await daysUntil(s, resumed.caseId, (c) => c.status === 'closed', 30);
    expect(done.closure?.way).toBe('fully-performed');
  });
});

describe('closing in the other ways of G1', () => {
  it('termination while coercive measures run: refused on a ground that does not fit, then granted; the running phase ends quietly', async () => {
    const s = await open({ script: nothingFound(620) });
    const caseId = await filed(s, 620);
    await daysUntil(s, caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 20);
    const before = await s.runtime.cases.history(caseId);
    const wrong = await staff(
      s,
      apiEvent('POST', `/cases/${caseId}/closure`, OFFICER, { way: 'non-enforcement', ground: 'award-not-enforced' }),
    );
    expect(wrong.statusCode).toBe(409);
    expect(JSON.parse(wrong.body).error.message).toBe(
      '不能以不予执行方式结案：不予执行只适用于仲裁裁决或公证债权文书（G1）',
    );
    expect(await s.runtime.cases.history(caseId)).toEqual(before);
    const forbidden = await staff(
      s,
      apiEvent('POST', `/cases/${caseId}/closure`, 'fan-tao', { way: 'termination', ground: 'application-withdrawn' }),
    );
    expect(forbidden.statusCode).toBe(403);

    const asked = await staff(
      s,
      apiEvent('POST', `/cases/${caseId}/closure`, OFFICER, {
        way: 'termination',
        ground: 'application-withdrawn',
        reason: '申请执行人书面撤回执行申请',
      }),
    );
    expect(asked.statusCode).toBe(200);
    const [task] = await s.pending(caseId);
    expect(task).toMatchObject({ step: 'closure', requiredRole: 'bureau-chief' });
    expect(task?.summary).toContain('终结执行（事由：申请执行人撤销申请）');
    const closed = await daysUntil(s, caseId, (c) => c.status === 'closed', 5);
    expect(closed.closure).toMatchObject({ way: 'termination', ground: 'application-withdrawn' });
    // The coercion phase was waiting: at its next step it found the case closed and ended, without a failure.
    await s.runtime.advance(40 * DAY);
    const coercion = await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-1`);
    expect(coercion?.status).toBe('succeeded');
    expect(s.path(caseId, 'coercion').at(-1)).toBe('PhaseEnded');
    expect((await s.load(caseId)).status).toBe('closed');
    expect(s.alerts.filter((a) => a.kind === 'needs-attention')).toEqual([]);
  });
});

function decidedApprovalId(list: readonly CaseEvent[]): string {
  const decided = list.filter((e) => e.type === 'approval-decided').at(-1);
  return decided?.type === 'approval-decided' ? decided.approvalId : '';
}

/** A staff action through the route's function (settle), then whatever it set going. */
async function staff(s: Scenario, event: never) {
  const answer = await s.runtime.handleApi(event, 'settle');
  await s.runtime.runUntilIdle();
  return answer;
}

/** A staff API request as API Gateway hands it to settle, with the authorizer's claims for the user. */
function apiEvent(method: 'POST', path: string, userId: string, body: unknown) {
  const roles: Record<string, string> = {
    'wang-fang': 'handling-officer',
    'fan-tao': 'field-officer',
    'zhang-wei': 'bureau-chief',
  };
  return {
    httpMethod: method,
    path,
    resource: path.replace(/\/cases\/[^/]+/, '/cases/{caseId}'),
    pathParameters: { caseId: path.split('/')[2] },
    queryStringParameters: null,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    isBase64Encoded: false,
    requestContext: {
      requestId: 'test',
      authorizer: {
        claims: { 'cognito:username': userId, 'cognito:groups': roles[userId] ?? '', 'custom:court': 'HB0922' },
      },
    },
  } as never;
}
