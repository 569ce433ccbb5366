/**
 * Objections on the virtual clock, each run to its end: a respondent with a deposit, a flat and a car, sealed here.
 * 案外人异议: a third party claims the flat; the car is sold meanwhile; then the lawsuit's judgment (for the third
 * party: released; for the applicant: the flat is sold after all), or no lawsuit (the ruling stands). 执行异议: the
 * respondent objects to the flat's seal; no reconsideration (released), or the higher court reverses (sold).
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import {
  assetOf,
  fileThirdPartyClaim,
  OFFICER,
  objectionWorld,
  PANEL,
  ruleThirdPartyClaim,
} from '../support/objections.ts';
import { filingEvent, owedToday, RESPONDENT_ID, type Scenario, scenarios, staffPost } from '../support/runtime.ts';

const open = scenarios();
const YUAN = 100;
const FLAT = '冀(2024)青县不动产权第0402号';
const CAR = '冀J·A1234';

function world(n: number) {
  return objectionWorld(n, { deposit: '6222 **** 0002', flat: FLAT, car: CAR, sold: 2 });
}

async function history(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

/** Filed, lived until both the flat and the car are lots of the disposal phase. */
async function disposing(s: Scenario, n: number): Promise<{ caseId: string; flat: string }> {
  const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 700_000 * YUAN }));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const state = await s.liveUntil(
    outcome.caseId,
    (c) => c.status === 'disposing' && Object.keys(c.disposal?.lots ?? {}).length === 2,
    60,
  );
  return { caseId: outcome.caseId, flat: assetOf(state, FLAT).assetId };
}

async function thirdPartyClaim(s: Scenario, caseId: string, flat: string, outcome: 'upheld' | 'dismissed') {
  const objectionId = await fileThirdPartyClaim(s, caseId, flat);
  await s.live(caseId, 5);
  await ruleThirdPartyClaim(s, caseId, objectionId, outcome);
  return objectionId;
}

describe('案外人异议 (OBJ-THIRD-PARTY)', () => {
  it('upheld, the applicant sues, the judgment is for the third party: the car is sold meanwhile, the flat released', async () => {
    const s = await open({ script: world(920) });
    const { caseId, flat } = await disposing(s, 920);
    const objectionId = await thirdPartyClaim(s, caseId, flat, 'upheld');
    const ruled = await s.load(caseId);
    expect(ruled.nodes[`objection:${objectionId}`]?.status).toBe('met');
    expect(ruled.nodes[`objection:${objectionId}:suit-window`]).toMatchObject({ window: true, status: 'open' });

    const sued = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/suit`, { plaintiff: 'applicant' });
    expect(sued).toMatchObject({ status: 200, body: { status: 'in-suit' } });

    // Disposal goes on with the car; with only the flat left it stops and waits.
    const waiting = await s.liveUntil(caseId, (c) => (c.disposal?.heldFor?.length ?? 0) > 0, 120);
    expect(assetOf(waiting, CAR).status).toBe('sold');

    // Months of trial: the flat is not touched.
    await s.live(caseId, 60);
    const during = await s.load(caseId);
    expect(during.disposal?.lots[flat]?.rounds.every((r) => r.outcome === undefined)).toBe(true);
    expect(assetOf(during, FLAT).status).toBe('sealed');

    // The judgment arrives as an event from the trial division's system, through settle.
    const judged = await s.runtime.objectionJudgment({
      caseId,
      objectionId,
      for: 'third-party',
      reference: '（2026）冀0922民初3301号',
    });
    expect(judged).toMatchObject({ ok: true, status: 'final', effect: 'released' });
    expect(await s.runtime.objectionJudgment({ caseId, objectionId, for: 'applicant', reference: 'x' })).toMatchObject({
      ok: false,
      status: 409,
    });
    const after = await s.liveUntil(caseId, (c) => c.disposal?.ended === true && c.status !== 'disbursing', 30);
    expect(assetOf(after, FLAT).status).toBe('released');
    expect(after.disposal?.lots[flat]?.status).toBe('released');
    expect(after.disposal?.heldFor).toBeUndefined();
    expect(s.path(caseId, 'disposal')).toContain('HandedOver');
    // The car's price and the deposit went to the applicant; the ledger balances to the fen.
    expect(ledgerTotal(after, 'received') - ledgerTotal(after, 'disbursed') - ledgerTotal(after, 'refunded')).toBe(0);
    const lines = timeline(await s.runtime.cases.history(caseId), {
      member: (id) => s.runtime.staff.memberName(id),
      team: (id) => id,
    }).map((l) => l.text);
    expect(lines.join('\n')).toContain('执行异议之诉判决（（2026）冀0922民初3301号）：不得执行该执行标的');
  });

  it('upheld, the applicant sues, the judgment is for the applicant: the flat is disposed of after all', async () => {
    const s = await open({ script: world(921) });
    const { caseId, flat } = await disposing(s, 921);
    const objectionId = await thirdPartyClaim(s, caseId, flat, 'upheld');
    await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/suit`, { plaintiff: 'applicant' });
    await s.liveUntil(caseId, (c) => (c.disposal?.heldFor?.length ?? 0) > 0, 120);
    const judged = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/judgment`, {
      for: 'applicant',
      reference: '（2026）冀0922民初3302号',
    });
    expect(judged).toMatchObject({ status: 200, body: { effect: 'resumed' } });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    expect(assetOf(closed, FLAT).status).toBe('sold');
    expect(closed.closure?.way).toBe('fully-performed');
    expect(closed.phaseRuns.disposal).toBeGreaterThanOrEqual(2);
    expect(
      (await history(s, caseId)).some(
        (e) => e.type === 'status-changed' && e.reason === '案外人异议已了结，继续处置财产',
      ),
    ).toBe(true);
  });

  it('upheld and nobody sues within 15 days of service: the ruling stands and the seal on the flat is released', async () => {
    const s = await open({ script: world(922) });
    const { caseId, flat } = await disposing(s, 922);
    const objectionId = await thirdPartyClaim(s, caseId, flat, 'upheld');
    const due = (await s.load(caseId)).nodes[`objection:${objectionId}:suit-window`]?.dueDate ?? '';
    const released = await s.liveUntil(caseId, (c) => c.objections?.[objectionId]?.status === 'final', 40);
    expect(released.objections?.[objectionId]?.result?.effect).toBe('released');
    expect(assetOf(released, FLAT).status).toBe('released');
    // Lapsed the day after the window's last day, by the sweeper, not before.
    const final = (await s.runtime.cases.history(caseId)).find((c) =>
      c.events.some((e) => e.type === 'objection-final'),
    );
    expect((final?.at ?? '') >= `${due}T16:00:00.000Z`).toBe(true);
    expect((final?.at ?? '') < `${due}T22:00:00.000Z`).toBe(true);
    expect(final?.actor).toMatchObject({ kind: 'system' });
  });

  it('fail: the losing side alone sues, and only within the period; a party cannot bring a third-party objection', async () => {
    const s = await open({ script: world(923) });
    const { caseId, flat } = await disposing(s, 923);
    const wrongRole = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'third-party',
      objector: { name: '被执行人', role: 'respondent' },
      assetId: flat,
      grounds: '房屋为唯一住房',
    });
    expect(wrongRole.status).toBe(409);
    const objectionId = await thirdPartyClaim(s, caseId, flat, 'dismissed');
    const wrongSide = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/suit`, {
      plaintiff: 'applicant',
    });
    expect(wrongSide).toMatchObject({ status: 409 });
    expect(wrongSide.body.error.message).toContain('由案外人提起执行异议之诉');
    // No suit: after the window, the dismissal stands and the flat is disposed of again.
    await s.live(caseId, 17);
    const late = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/suit`, { plaintiff: 'third-party' });
    expect(late.status).toBe(409);
    expect((await s.load(caseId)).objections?.[objectionId]?.result?.effect).toBe('resumed');
    const ruling = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '处理',
    });
    expect(ruling.status).toBe(403);
  });
});

describe('执行异议 and 复议 (OBJ-ACT)', () => {
  async function objectToSeal(s: Scenario, caseId: string, flat: string) {
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      objector: { name: '被执行人', role: 'respondent' },
      assetId: flat,
      grounds: '查封财产价值明显超过执行标的',
    });
    expect(filed).toMatchObject({ status: 200, body: { kind: 'act', status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    expect(filed.body.nodes[0]).toMatchObject({ node: `objection:${objectionId}` });
    return objectionId;
  }

  it('upheld, no reconsideration within 10 days of service: the ruling stands and the flat’s seal is released', async () => {
    const s = await open({ script: world(930) });
    const { caseId, flat } = await disposing(s, 930);
    const objectionId = await objectToSeal(s, caseId, flat);
    // The act goes on while examined (执行程序解释 第九条): nothing is held.
    expect((await s.load(caseId)).disposal?.heldFor).toBeUndefined();
    const ruled = await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '超标的查封',
    });
    expect(ruled.body.nodes).toEqual([
      { node: `objection:${objectionId}:reconsideration-window`, dueDate: expect.any(String) },
    ]);
    const final = await s.liveUntil(caseId, (c) => c.objections?.[objectionId]?.status === 'final', 20);
    expect(final.objections?.[objectionId]?.result?.effect).toBe('released');
    expect(assetOf(final, FLAT).status).toBe('released');
  });

  it('upheld, the applicant applies for reconsideration and the higher court reverses: the seal stands, the flat is sold', async () => {
    const s = await open({ script: world(931) });
    const { caseId, flat } = await disposing(s, 931);
    const objectionId = await objectToSeal(s, caseId, flat);
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '超标的查封',
    });
    const wrongSide = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/reconsideration`, {
      appliedBy: 'respondent',
    });
    expect(wrongSide.status).toBe(409);
    const applied = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/reconsideration`, {
      appliedBy: 'applicant',
    });
    expect(applied).toMatchObject({ status: 200, body: { status: 'reconsidering' } });
    expect(applied.body.nodes[0]).toMatchObject({ node: `objection:${objectionId}:reconsideration` });
    await s.live(caseId, 20);
    const decided = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/reconsideration-decision`, {
      decision: 'reversed',
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'final', effect: 'unchanged' } });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    expect(assetOf(closed, FLAT).status).toBe('sold');
    expect(closed.closure?.way).toBe('fully-performed');
  });
});

describe('执行异议 to the listing (OBJ-ACT, C6)', () => {
  it('upheld and nobody applies for reconsideration: the listing is removed and the removal published, the claim still unpaid', async () => {
    const n = 940;
    const s = await open({
      startAt: '2026-09-02T01:00:00.000Z',
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assetReport: 'silent',
            freeze: 'failed',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0009', balanceFen: 9_000_000 }],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { police: 'opened' } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    await s.liveUntil(caseId, (c) => (c.coercion?.published.listing?.acknowledged.length ?? 0) === 5, 40);
    const noAsset = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '已按期申报财产',
    });
    expect(noAsset.status).toBe(400);
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'listing',
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '已按期申报财产，不存在违反财产报告制度的情形',
    });
    expect(filed).toMatchObject({ status: 200, body: { status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    await s.live(caseId, 3);
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '财产报告已按期提交',
    });
    const removed = await s.liveUntil(
      caseId,
      (c) => (c.coercion?.published['listing-removed']?.acknowledged.length ?? 0) === 5,
      25,
    );
    expect(removed.objections?.[objectionId]?.result?.effect).toBe('removed');
    expect(removed.coercion?.listing?.removalReason).toContain('异议成立，撤销纳入失信被执行人名单的决定');
    // Published within C6's 3 working days: settle woke the coercion phase when the sweeper saw the window end.
    const removal = removed.nodes['listing-removal'];
    expect(removal).toMatchObject({ ruleId: 'C6', status: 'met' });
    expect((removal?.metAt ?? '') <= (removal?.dueAt ?? '')).toBe(true);
    expect(await owedToday(s, caseId)).toBeGreaterThan(0);
    // Not listed again on the same grounds while the case goes on.
    await s.live(caseId, 10);
    const later = await s.load(caseId);
    expect(later.coercion?.listing?.removedAt).toBeDefined();
    expect((await history(s, caseId)).filter((e) => e.type === 'debtor-listed')).toHaveLength(1);
  });
});
