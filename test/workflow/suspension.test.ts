/**
 * 中止执行 (民诉法 2023年修正 第二百六十七条), 暂缓执行 with 执行担保 (第二百四十二条; 执行担保规定) and 执行回转
 * (第二百四十四条) on the virtual clock: the officer proposes, the bureau chief rules; the running coercion stops at
 * its next step; lifting it moves the enforcement term on by the days stopped (法释〔2000〕29号 第九条) and starts the
 * coercion again; a deferral ending unperformed calls the guarantee, and the guarantor's payment closes the case;
 * a reversal ordered after execution is filed through intake as a new case naming the old one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SIMULATED_FILING_HOURS } from '#adapters/simulators/filing-simulator.ts';
import { daysBetween } from '#domain/calendar/local-date.ts';
import type { CaseEvent } from '#domain/case/events.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { DAY, daysUntil, filingEvent, owedToday, RESPONDENT_ID, type Scenario, scenarios } from '../support/runtime.ts';
import { CHIEF, call, OFFICER } from '../support/staff-call.ts';

const open = scenarios();
const NOTHING = { respondents: { [RESPONDENT_ID]: { eService: 'ok' as const, assets: [] } } };

async function coercing(s: Scenario, n: number): Promise<string> {
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  await daysUntil(s, outcome.caseId, (c) => c.status === 'coercing' && c.coercion?.watchUntil !== undefined, 20);
  return outcome.caseId;
}

async function types(s: Scenario, caseId: string): Promise<string[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events.map((e: CaseEvent) => e.type));
}

describe('中止执行 (suspension)', () => {
  it('stops the coercion, does not count the days stopped in the term, and starts the coercion again', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 900);
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    const proposed = await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'suspension',
      ground: 'other-court-finds',
      note: '据以执行的判决正在再审审查',
    });
    expect(proposed.status).toBe(200);
    // The proposer may not rule; a ground the law does not name is refused.
    expect(
      (
        await call(s, { ...OFFICER, group: 'bureau-chief' }, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, {
          decision: 'approved',
        })
      ).status,
    ).toBe(403);
    const ruled = await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, {
      decision: 'approved',
    });
    expect(ruled.body.suspension).toMatchObject({ status: 'in-force', ruledBy: 'zhang-wei' });

    // 40 days stopped: the coercion that was running ends at its next step, quietly.
    await s.runtime.advance(40 * DAY);
    expect((await s.runtime.runtimeStore.getExecution(`${caseId}-coercion-1`))?.status).toBe('succeeded');
    expect(s.path(caseId, 'coercion')).toContain('PhaseEnded');

    const lifted = await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/lift`, {
      reason: '再审审查终结，驳回再审申请',
    });
    expect(lifted.body).toMatchObject({ execution: `${caseId}-coercion-2` });
    const resumed = await s.load(caseId);
    const stopped = resumed.suspension?.excludedDays ?? 0;
    expect(stopped).toBe(40);
    // TERM-EXCLUDED: the enforcement term is 40 days longer, its first due date kept.
    expect(resumed.nodes['enforcement-term']).toMatchObject({ originalDueDate: term?.dueDate, status: 'open' });
    expect(
      daysBetween(term?.dueDate ?? ('' as never), resumed.nodes['enforcement-term']?.dueDate ?? ('' as never)),
    ).toBe(40);
    expect(resumed.phaseRuns.coercion).toBe(2);
    expect(s.path(caseId, 'coercion')).toContain('OpenCoercion');
    expect(await types(s, caseId)).toEqual(
      expect.arrayContaining(['suspension-proposed', 'suspension-ruled', 'suspension-lifted']),
    );
  });

  it('法释〔2000〕29号 第九条第（十一）项: a higher court’s notice to defer is recorded and ruled, and its days are not counted in the term', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 901);
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    const proposed = await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'suspension',
      ground: 'higher-court-deferral',
      note: '河北省沧州市中级人民法院通知暂缓执行',
    });
    expect(proposed.status).toBe(200);
    const ruled = await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, {
      decision: 'approved',
    });
    expect(ruled.body.suspension).toMatchObject({ status: 'in-force', ground: 'higher-court-deferral' });
    await s.runtime.advance(20 * DAY);
    await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/lift`, {
      reason: '上级人民法院通知恢复执行',
    });
    const resumed = await s.load(caseId);
    expect(resumed.suspension?.excludedDays).toBe(20);
    expect(
      daysBetween(term?.dueDate ?? ('' as never), resumed.nodes['enforcement-term']?.dueDate ?? ('' as never)),
    ).toBe(20);
  });

  it('a ground that is neither the law’s nor a higher court’s notice is refused, and the term stays', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 902);
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    const proposed = await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'suspension',
      ground: 'respondent-asked',
      note: '被执行人请求暂缓',
    });
    expect(proposed.status).toBeGreaterThanOrEqual(400);
    expect((await s.load(caseId)).nodes['enforcement-term']?.dueDate).toBe(term?.dueDate);
  });
});

describe('中止执行 while a flat is on the auction platform (撤回拍卖)', () => {
  it('the round is withdrawn from the platform once, the platform confirms it and the lot awaits new terms', async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/intake/v2/loan-repayment-two-creditors.json', 'utf8'));
    fixture.id = 'event-906';
    fixture.detail.caseNumber = '（2026）冀0922执1906号';
    fixture.detail.filedAt = '2026-03-02T08:30:00+08:00';
    const flat = {
      channel: 'real-estate-registry',
      class: 'real-estate' as const,
      reference: '冀(2024)青县不动产权第0906号',
      valueFen: 90_000_000,
    };
    const s = await open({ script: { respondents: { '91130900MA0FGHIJ2Y': { postal: 'ok', assets: [flat] } } } });
    const outcome = await s.runtime.intake(fixture);
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const auctioning = await s.liveUntil(
      caseId,
      (c) => Object.values(c.disposal?.lots ?? {}).some((l) => l.status === 'announced'),
      120,
    );
    const lot = Object.values(auctioning.disposal?.lots ?? {}).find((l) => l.status === 'announced');
    const round = lot?.rounds.at(-1);
    const gateway = s.runtime.deps.partners;
    const send = gateway.send.bind(gateway);
    const withdrawals: string[] = [];
    gateway.send = async (request) => {
      if (request.kind === 'auction-withdrawal') withdrawals.push(request.requestId);
      await send(request);
    };
    await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'suspension',
      ground: 'other-court-finds',
      note: '据以执行的判决正在再审审查',
    });
    const ruled = await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, {
      decision: 'approved',
    });
    expect(ruled.body.suspension).toMatchObject({ status: 'in-force' });
    expect(withdrawals).toHaveLength(1);
    const withdrawn = await s.until(
      caseId,
      (c) => c.disposal?.lots[lot?.assetId ?? '']?.rounds.at(-1)?.withdrawal?.answer !== undefined,
      5,
    );
    const after = withdrawn.disposal?.lots[lot?.assetId ?? ''];
    expect(after?.status).toBe('priced');
    expect(after?.rounds.at(-1)).toMatchObject({
      round: round?.round,
      annulled: true,
      withdrawal: { requestId: withdrawals[0], reason: '本案中止执行', answer: 'withdrawn' },
    });
    await s.runtime.advance(20 * DAY);
    const lifted = await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/lift`, {
      reason: '再审审查终结',
    });
    expect(lifted.status).toBe(200);
    await s.runtime.runUntilIdle();
    // Sent once, whatever ran after (the answer, the sweeps, the lifting).
    expect(withdrawals).toHaveLength(1);
    const text = timeline(await s.runtime.cases.history(caseId), { member: (id) => id, team: (id) => id }).map(
      (l) => l.text,
    );
    expect(
      text.filter((l) => l.startsWith('向网络司法拍卖平台发出撤回拍卖请求') && l.includes('中止执行')),
    ).toHaveLength(1);
    expect(text.some((l) => l.startsWith('拍卖平台已撤回'))).toBe(true);
  });
});

describe('a suspension refused', () => {
  it('needs a reason; refused, nothing stops and the term stays as it was', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 905);
    const term = (await s.load(caseId)).nodes['enforcement-term'];
    await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'suspension',
      ground: 'applicant-agrees-to-defer',
      note: '申请执行人口头表示可以延期',
    });
    const bare = await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, { decision: 'rejected' });
    expect(bare.status).toBe(400);
    const refused = await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, {
      decision: 'rejected',
      reason: '申请执行人未书面表示可以延期执行',
    });
    expect(refused.body.suspension.status).toBe('rejected');
    await s.runtime.advance(10 * DAY);
    const after = await s.load(caseId);
    expect(after.interrupted?.coercion).toBeUndefined();
    expect(after.nodes['enforcement-term']?.dueDate).toBe(term?.dueDate);
    expect(s.path(caseId, 'coercion')).not.toContain('PhaseEnded');
  });
});

describe('暂缓执行 with 执行担保 (deferral on a guarantee)', () => {
  it('refuses to call the guarantee before the deferral ends; after it, enforcement resumes and the guarantor pays', async () => {
    const s = await open({ script: NOTHING });
    const caseId = await coercing(s, 910);
    const refused = await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'deferral',
      note: '被执行人提供保证',
      until: '2027-06-30',
      guarantor: '青县某担保有限公司',
      form: 'surety',
      amountFen: 6_000_000,
      applicantConsent: true,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('暂缓执行的期限最长不得超过12个月');

    const today = (await s.load(caseId)).nodes['enforcement-term']?.startedOn ?? '';
    expect(today).not.toBe('');
    const proposed = await call(s, OFFICER, 'api', 'POST', `/cases/${caseId}/suspension`, {
      kind: 'deferral',
      note: '被执行人提供保证，申请执行人书面同意',
      until: '2026-06-30',
      guarantor: '青县某担保有限公司',
      form: 'surety',
      amountFen: 6_000_000,
      applicantConsent: true,
    });
    expect(proposed.body.suspension.guarantee).toMatchObject({ periodEndsOn: '2027-06-30' });
    await call(s, CHIEF, 'settle', 'POST', `/cases/${caseId}/suspension/ruling`, { decision: 'approved' });
    const deferred = await s.load(caseId);
    expect(deferred.nodes['dispute:deferral']).toMatchObject({ dueDate: '2026-06-30', ruleId: 'DEFERRAL' });
    expect(deferred.nodes['dispute:guarantee']).toMatchObject({ dueDate: '2027-06-30', ruleId: 'GUARANTEE' });

    const early = await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/guarantee`, {});
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('暂缓执行期限至2026-06-30，尚未届满');

    // The last day of the deferral: nothing resumes yet.
    await s.runtime.advance(Math.ceil((Date.parse('2026-06-30T15:00:00Z') - Date.parse(s.runtime.clock.now())) / 1000));
    expect((await s.load(caseId)).suspension?.status).toBe('in-force');
    // The first instant after it, the node sweeper resumes enforcement by itself: the coercion starts again.
    await s.runtime.advance(3600);
    const resumed = await s.load(caseId);
    expect(resumed.suspension).toMatchObject({ status: 'resumed', resumedOn: '2026-07-01' });
    expect(resumed.phaseRuns.coercion).toBe(2);
    expect(resumed.nodes['dispute:deferral']).toMatchObject({ status: 'met' });
    expect(resumed.nodes['dispute:deferral']?.metAt?.startsWith('2026-06-30T16:')).toBe(true);
    expect(resumed.nodes['dispute:guarantee']?.status).toBe('open');
    expect(s.path(caseId, 'coercion')).toContain('OpenCoercion');
    const text = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(text.some((l) => l.includes('暂缓执行期限（至2026-06-30）届满，依法立即恢复执行，系统按期自动恢复'))).toBe(
      true,
    );

    // The respondent still does not perform: the applicant has the guarantee called, within its period.
    await s.runtime.advance(8 * 3600);
    const called = await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/guarantee`, {});
    expect(called.status).toBe(200);
    expect(called.body.suspension.status).toBe('defaulted');
    expect(called.body.execution).toBeUndefined();
    const again = await call(s, OFFICER, 'settle', 'POST', `/cases/${caseId}/suspension/guarantee`, {});
    expect(again.status).toBe(409);
    const after = await s.load(caseId);
    expect(after.phaseRuns.coercion).toBe(2);
    expect(after.nodes['dispute:deferral']?.status).toBe('met');
    expect(after.nodes['dispute:guarantee']?.status).toBe('met');
    // Acted on the day enforcement may resume: the deferral's node was not overdue.
    expect((await types(s, caseId)).filter((t) => t === 'node-overdue')).toEqual([]);
    // The guarantor pays what is owed into the case account, like any other payment.
    const due = await owedToday(s, caseId);
    await s.runtime.pay(caseId, due, 'guarantor-1');
    expect(ledgerTotal(await s.load(caseId), 'received')).toBe(due);
    expect(await types(s, caseId)).toContain('guarantee-called');
  });
});

describe('执行回转 (reversal)', () => {
  it('after execution the title is set aside: the ruling is filed through intake as a new case naming the old one', async () => {
    const s = await open({ script: NOTHING });
    const outcome = await s.runtime.intake(filingEvent(920));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.runtime.advance(DAY);
    await s.runtime.pay(outcome.caseId, await owedToday(s, outcome.caseId), 'paid-in-full');
    const closed = await daysUntil(s, outcome.caseId, (c) => c.status === 'closed', 20);
    const applicant = closed.applicants[0]?.partyId ?? '';
    const taken = ledgerTotal(closed, 'disbursed', applicant);

    const tooMuch = await call(s, CHIEF, 'settle', 'POST', `/cases/${outcome.caseId}/reversal`, {
      setAsideBy: '（2026）冀09民再5号',
      returnFen: taken + 1,
    });
    expect(tooMuch.status).toBe(409);
    // The officer may not order it; the bureau chief does.
    expect(
      (
        await call(s, OFFICER, 'settle', 'POST', `/cases/${outcome.caseId}/reversal`, {
          setAsideBy: '（2026）冀09民再5号',
          returnFen: taken,
        })
      ).status,
    ).toBe(403);
    const ordered = await call(s, CHIEF, 'settle', 'POST', `/cases/${outcome.caseId}/reversal`, {
      setAsideBy: '（2026）冀09民再5号',
      returnFen: taken,
    });
    expect(ordered.body.reversal).toMatchObject({ status: 'ordered', returnFen: taken, from: applicant });

    await s.runtime.advance((SIMULATED_FILING_HOURS + 1) * 3600);
    const old = await s.load(outcome.caseId);
    expect(old.reversal?.status).toBe('filed');
    const reversal = await s.load(old.reversal?.newCase?.caseId ?? '');
    expect(reversal.reversalOf).toEqual({ caseNumber: old.caseNumber, setAsideBy: '（2026）冀09民再5号' });
    expect(reversal.applicants.map((p) => p.partyId)).toEqual(old.respondents.map((p) => p.partyId));
    expect(reversal.respondents.map((p) => p.partyId)).toEqual([applicant]);
    expect(reversal.claim.totalFen).toBe(taken);
    expect(reversal.basis.cause).toBe('执行回转');
  });
});
