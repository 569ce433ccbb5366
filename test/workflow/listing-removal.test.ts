/**
 * The removal of a listing on the grounds of 法释〔2017〕7号 第十条 other than performance, and the lifting of the
 * restriction when a case is terminated (C5, P-CLOSURE-LIFTING), on the virtual clock: each scenario lists the
 * respondent on ground (一) (有履行能力而拒不履行, no term), then takes one path and asserts what the case went through.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SimulatorScript } from '#adapters/simulators/partner-simulator.ts';
import type { EnforcementCase } from '#domain/case/model.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { proposeReferral } from '#use-cases/measures.ts';
import { decideWithPanel } from '../../local/runtime/panel-votes.ts';
import { filingEvent, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';

const open = scenarios();
const OFFICER = 'wang-fang';
const DAY = 86_400;

/** A small deposit: found, frozen and taken, so the respondent is able to pay (C6 第一条第一项) but still owes. */
function script(): SimulatorScript {
  return {
    respondents: {
      [RESPONDENT_ID]: {
        eService: 'ok',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0007', balanceFen: 300_000 }],
      },
    },
  };
}

function staffPost(
  s: Scenario,
  caseId: string,
  route: string,
  body: unknown,
  as = OFFICER,
  group = 'handling-officer',
) {
  return s.runtime.handleApi(
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
          claims: { 'cognito:username': as, 'cognito:groups': group, 'custom:court': 'HB0922' },
        },
      },
    } as never,
    'settle',
  );
}

/** Files the case, lets the measures start, records the refusal: listed on ground (一) with no term. */
async function listedWithoutTerm(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const { caseId } = outcome;
  await s.liveUntil(caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 60);
  await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'refusal-with-ability', note: '有存款而拒不履行' });
  const listed = await s.liveUntil(caseId, (c) => (c.coercion?.published.listing?.acknowledged.length ?? 0) === 5, 10);
  expect(listed.coercion?.listing).toMatchObject({ grounds: ['refusal-with-ability'] });
  expect(listed.coercion?.listing?.years).toBeUndefined();
  expect(listed.coercion?.restriction?.liftedAt).toBeUndefined();
  return caseId;
}

const noPendingApproval = (c: EnforcementCase) => Object.values(c.approvals).every((a) => a.status !== 'pending');

const removedAndConfirmed = (c: EnforcementCase) =>
  c.coercion?.listing?.removedAt !== undefined && c.nodes['listing-removal']?.status === 'met';

describe('C6 第十条第一款第三项: the applicant’s request', () => {
  it('recorded through the staff API, the running phase removes and publishes the listing within 3 working days; the restriction stays', async () => {
    const s = await open({ script: script() });
    const caseId = await listedWithoutTerm(s, 940);
    const asked = await staffPost(s, caseId, 'listing-removal', { note: '申请执行人书面申请删除，经审查同意' });
    expect(asked.statusCode).toBe(200);
    expect(JSON.parse(asked.body)).toEqual({ caseId, removalRequested: true });
    const again = await staffPost(s, caseId, 'listing-removal', {});
    expect(again.statusCode).toBe(409);
    expect(JSON.parse(again.body).error.message).toBe('不能记录删除失信信息的申请：已记录申请执行人的删除申请');

    const removed = await s.liveUntil(caseId, removedAndConfirmed, 5);
    expect(removed.coercion?.listing).toMatchObject({ removalGround: 'applicant-request' });
    expect(removed.coercion?.published['listing-removed']?.acknowledged).toHaveLength(5);
    expect(removed.nodes['listing-removal']).toMatchObject({ ruleId: 'C6' });
    // Only the listing: the restriction order stands (C5 has no such ground), and the measures go on.
    expect(removed.coercion?.restriction?.liftedAt).toBeUndefined();
    expect(removed.status).toBe('coercing');
    const lines = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(lines.some((l) => l.includes('申请执行人书面申请删除失信信息，本院审查同意'))).toBe(true);
    expect(lines).toContainEqual(
      expect.stringContaining('删除失信信息（申请执行人书面申请删除失信信息，本院审查同意（第十条第一款第三项））'),
    );
  });
});

describe('C6 第十条第一款第五项: suspended because of 审判监督', () => {
  it('a suspension for a retrial, once ruled, removes and publishes the listing within 3 working days, the restriction staying', async () => {
    const s = await open({ script: script() });
    const caseId = await listedWithoutTerm(s, 943);
    const proposed = await s.runtime.handleApi(
      {
        httpMethod: 'POST',
        path: `/cases/${caseId}/suspension`,
        resource: '/cases/{caseId}/suspension',
        pathParameters: { caseId },
        queryStringParameters: null,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'suspension',
          ground: 'retrial-ordered',
          note: '上级法院裁定再审，中止原判决执行',
        }),
        isBase64Encoded: false,
        requestContext: {
          requestId: 'test',
          authorizer: {
            claims: { 'cognito:username': OFFICER, 'cognito:groups': 'handling-officer', 'custom:court': 'HB0922' },
          },
        },
      } as never,
      'api',
    );
    expect(proposed.statusCode).toBe(200);
    // The approvals the measures asked for are decided first: a suspension is ruled on a case with none pending.
    await s.liveUntil(caseId, noPendingApproval, 10);
    const ruled = await staffPost(
      s,
      caseId,
      'suspension/ruling',
      { decision: 'approved' },
      'zhang-wei',
      'bureau-chief',
    );
    expect(ruled.statusCode, ruled.body).toBe(200);
    const removed = await s.liveUntil(caseId, removedAndConfirmed, 5);
    expect(removed.suspension).toMatchObject({ status: 'in-force', ground: 'retrial-ordered' });
    expect(removed.coercion?.listing?.removalGround).toBe('suspended-review-or-bankruptcy');
    expect(removed.coercion?.published['listing-removed']?.acknowledged).toHaveLength(5);
    expect(removed.nodes['listing-removal']).toMatchObject({ ruleId: 'C6', status: 'met' });
    // Only the listing: the restriction order stays (C5 has no such ground).
    expect(removed.coercion?.restriction?.liftedAt).toBeUndefined();
    const lines = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(lines).toContainEqual(
      expect.stringContaining('因审判监督或破产程序，人民法院依法裁定对失信被执行人中止执行'),
    );
  });

  it('a suspension on another ground of 第二百六十七条 leaves the listing in force', async () => {
    const s = await open({ script: script() });
    const caseId = await listedWithoutTerm(s, 944);
    await s.runtime.handleApi(
      {
        httpMethod: 'POST',
        path: `/cases/${caseId}/suspension`,
        resource: '/cases/{caseId}/suspension',
        pathParameters: { caseId },
        queryStringParameters: null,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          kind: 'suspension',
          ground: 'applicant-agrees-to-defer',
          note: '申请执行人书面同意延期',
        }),
        isBase64Encoded: false,
        requestContext: {
          requestId: 'test',
          authorizer: {
            claims: { 'cognito:username': OFFICER, 'cognito:groups': 'handling-officer', 'custom:court': 'HB0922' },
          },
        },
      } as never,
      'api',
    );
    // The approvals the measures asked for are decided first: a suspension is ruled on a case with none pending.
    await s.liveUntil(caseId, noPendingApproval, 10);
    const ruled = await staffPost(
      s,
      caseId,
      'suspension/ruling',
      { decision: 'approved' },
      'zhang-wei',
      'bureau-chief',
    );
    expect(ruled.statusCode, ruled.body).toBe(200);
    await s.runtime.advance(10 * DAY);
    const after = await s.load(caseId);
    expect(after.suspension?.status).toBe('in-force');
    expect(after.coercion?.listing?.removedAt).toBeUndefined();
    expect(after.nodes['listing-removal']).toBeUndefined();
  });
});

describe('C6 第十条第一款第五项: a bankruptcy referral accepted', () => {
  const COMPANY = '91130900MA0FGHIJ2Y';

  /** A company with a small deposit, listed on ground (一) without a term, referred; the court answers `answer`. */
  async function referred(
    n: number,
    answer: 'accepted' | 'not-accepted',
    afterDecision?: (s: Scenario, caseId: string) => Promise<void>,
  ) {
    const fixture = JSON.parse(readFileSync('test/fixtures/intake/v2/loan-repayment-two-creditors.json', 'utf8'));
    const caseNumber = `（2026）冀0922执${1000 + n}号`;
    fixture.id = `event-${n}`;
    fixture.detail.caseNumber = caseNumber;
    fixture.detail.filedAt = '2026-03-02T08:30:00+08:00';
    const s = await open({
      script: {
        respondents: {
          [COMPANY]: {
            postal: 'ok',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0007', balanceFen: 300_000 }],
          },
        },
        cases: { [caseNumber]: { authorities: { bankruptcy: answer } } },
      },
    });
    const outcome = await s.runtime.intake(fixture);
    if (outcome.outcome !== 'created') throw new Error(`not created: ${JSON.stringify(outcome)}`);
    const { caseId } = outcome;
    await s.liveUntil(caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 60);
    await s.runtime.conduct({ caseId, userId: OFFICER, conduct: 'refusal-with-ability', note: '有存款而拒不履行' });
    const listed = await s.liveUntil(
      caseId,
      (c) => (c.coercion?.published.listing?.acknowledged.length ?? 0) === 5,
      10,
    );
    expect(listed.coercion?.listing?.years).toBeUndefined();
    await s.liveUntil(caseId, noPendingApproval, 10);
    await proposeReferral(s.runtime.deps)(
      { userId: OFFICER, roles: ['handling-officer'], court: 'HB0922' },
      {
        caseId,
        respondentId: listed.respondents[0]?.partyId ?? '',
        consentBy: 'applicant',
        consentPartyId: listed.applicants[0]?.partyId ?? '',
        insolvency: '被执行人已停止经营，资产不足以清偿全部债务',
        toCourt: { code: 'HB09', name: '沧州市中级人民法院' },
      },
    );
    await s.runtime.runUntilIdle();
    // 第5条: the collegial panel agrees (a majority of its members voting), then the president signs.
    const review = (await s.pending(caseId)).find((a) => a.step === 'bankruptcy-panel');
    expect(review).toBeDefined();
    if (review)
      await decideWithPanel(s.runtime, review, {
        approvalId: review.approvalId,
        decision: 'approved',
        userId: 'tang-jie',
      });
    const approval = (await s.pending(caseId)).find((a) => a.step === 'bankruptcy-referral');
    expect(approval).toBeDefined();
    await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'song-jian' });
    await afterDecision?.(s, caseId);
    const answered = await s.until(caseId, (c) => c.measures?.bankruptcy?.answeredAt !== undefined, 40);
    return { s, caseId, answered };
  }

  it('the acceptance removes and publishes the listing within 3 working days through a run of its own, the stopped phase not resumed', async () => {
    const { s, caseId, answered } = await referred(947, 'accepted');
    expect(answered.measures?.bankruptcy?.status).toBe('accepted');
    const run = answered.coercion?.liftingRun;
    expect(run).toBeDefined();
    const removed = await s.liveUntil(caseId, removedAndConfirmed, 5);
    expect(removed.coercion?.listing?.removalGround).toBe('suspended-review-or-bankruptcy');
    expect(removed.coercion?.published['listing-removed']?.acknowledged).toHaveLength(5);
    expect(removed.nodes['listing-removal']).toMatchObject({ ruleId: 'C6', status: 'met' });
    // Only the listing: the restriction stays, and enforcement stays suspended (no coercion watching again).
    expect(removed.coercion?.restriction?.liftedAt).toBeUndefined();
    expect(removed.measures?.bankruptcy?.status).toBe('accepted');
    expect(removed.measures?.bankruptcy?.resumedAs).toBeUndefined();
    // 企业破产法 第十九条: the coercion run that watched when the referral was decided stops now, not at its timeout.
    const stopped = await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-1`);
    expect(stopped?.status).not.toBe('waiting');
    expect(stopped?.status).not.toBe('running');
  });

  it('企业破产法 第十九条: a coercion run started after the referral and still watching when the court accepts is stopped then, and the listing is removed by a run of its own', async () => {
    const { s, caseId, answered } = await referred(949, 'accepted', async (s, caseId) => {
      // A run started since the decision (as a resumption would): it opens and watches for performance.
      const after = await s.load(caseId);
      const run = (after.phaseRuns.coercion ?? 0) + 1;
      await s.runtime.engine.startExecution('coercion', `${caseId}-coercion-${run}`, { v: 1, caseId });
      await s.runtime.runUntilIdle();
      const watching = await s.load(caseId);
      expect(watching.phaseRuns.coercion).toBe(run);
      expect(watching.interrupted?.coercion ?? 0).toBeLessThan(run);
    });
    expect(answered.measures?.bankruptcy?.status).toBe('accepted');
    const started = (answered.phaseRuns.coercion ?? 0) - 1;
    expect(answered.interrupted?.coercion).toBeGreaterThanOrEqual(started);
    expect(answered.coercion?.liftingRun).toBe(started + 1);
    await s.runtime.runUntilIdle();
    const stopped = await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-${started}`);
    expect(stopped?.status).not.toBe('waiting');
    expect(stopped?.status).not.toBe('running');
    const removed = await s.liveUntil(caseId, removedAndConfirmed, 5);
    expect(removed.coercion?.listing?.removalGround).toBe('suspended-review-or-bankruptcy');
  });

  it('a referral not accepted removes nothing: enforcement resumes and the listing stays', async () => {
    const { s, caseId, answered } = await referred(948, 'not-accepted');
    expect(answered.measures?.bankruptcy?.status).toBe('not-accepted');
    await s.runtime.advance(10 * DAY);
    const after = await s.load(caseId);
    expect(after.coercion?.listing?.removedAt).toBeUndefined();
    expect(after.coercion?.liftingRun).toBeUndefined();
  });
});

describe('C6 第十条第一款第七项 and P-CLOSURE-LIFTING: termination', () => {
  it('the case terminated while the phase watches: the phase is woken, lifts the restriction, removes the listing, publishes both and ends', async () => {
    const s = await open({ script: script() });
    const caseId = await listedWithoutTerm(s, 941);
    const asked = await staffPost(s, caseId, 'closure', {
      way: 'termination',
      ground: 'application-withdrawn',
      reason: '申请执行人书面撤回执行申请',
    });
    expect(asked.statusCode).toBe(200);
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 5);
    expect(closed.closure).toMatchObject({ way: 'termination' });
    const lifted = await s.until(
      caseId,
      (c) => removedAndConfirmed(c) && (c.coercion?.published['restriction-lifted']?.acknowledged.length ?? 0) === 5,
      5,
    );
    expect(lifted.coercion?.restriction?.liftedOn).toBe('termination');
    expect(lifted.coercion?.listing?.removalGround).toBe('termination');
    // Within 3 working days of the closure, not when the 30-day watch would have ended.
    const closedAt = Date.parse(closed.closure?.at ?? '');
    expect(Date.parse(lifted.coercion?.listing?.removedAt ?? '') - closedAt).toBeLessThan(2 * DAY * 1000);
    // The phase that was watching did it, woken by the closure: no other run was needed, and it ended.
    expect(await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-2`)).toBeUndefined();
    expect((await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-1`))?.status).toBe('succeeded');
    await s.runtime.advance(40 * DAY);
    expect((await s.load(caseId)).status).toBe('closed');
    expect(s.alerts.filter((a) => a.kind === 'needs-attention')).toEqual([]);
  });
});

describe('C6 第十条第二款: a listing with a term', () => {
  it('终本 with a 2-year listing on ground (四): fruitless re-queries do not remove it; the term’s end does, within 3 working days, the restriction staying', async () => {
    const n = 942;
    const s = await open({
      script: {
        respondents: { [RESPONDENT_ID]: { eService: 'ok', assetReport: 'silent', assets: [] } },
        cases: { [`（2026）冀0922执${1000 + n}号`]: {} },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const { caseId } = outcome;
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 150);
    const listing = closed.coercion?.listing;
    expect(listing).toMatchObject({ grounds: ['report-refused'], years: 2 });
    const until = listing?.until ?? '';
    // The removal's node was set with the listing: 3 working days after the term's last day.
    const node = closed.nodes['listing-removal'];
    expect(node).toMatchObject({ ruleId: 'C6', status: 'open', startedOn: until });
    expect((node?.dueDate ?? '') > until).toBe(true);

    // A year and more after 终本: two re-queries found nothing, yet a termed listing stays (第十条第二款).
    for (let i = 0; i < 40; i++) await s.runtime.advance(10 * DAY);
    const later = await s.load(caseId);
    expect(later.requery?.rounds).toBeGreaterThanOrEqual(2);
    expect(later.coercion?.listing?.removedAt).toBeUndefined();

    // The term ends: the sweeper starts a run that removes and publishes it, by the node's due date.
    const removed = await s.until(caseId, removedAndConfirmed, 400);
    expect(removed.coercion?.listing?.removalGround).toBe('term-ended');
    expect(removed.coercion?.listing?.removalReason).toBe('失信被执行人名单纳入期限届满（第十条第二款）');
    expect((removed.coercion?.listing?.removedAt ?? '').slice(0, 10) > until).toBe(true);
    const met = removed.nodes['listing-removal'];
    expect(met?.dueDate).toBe(node?.dueDate);
    expect((met?.metAt ?? '') <= (met?.dueAt ?? '')).toBe(true);
    expect(removed.coercion?.published['listing-removed']?.acknowledged).toHaveLength(5);
    // 终本: the restriction stays in force (G3); the case stays closed.
    expect(removed.coercion?.restriction?.liftedAt).toBeUndefined();
    expect(removed.status).toBe('closed');
  });
});
