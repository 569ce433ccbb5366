/**
 * 案外人异议 (OBJ-THIRD-PARTY, 民诉法 2023年修正 第二百三十八条) to a flat whose auction is already published: upheld,
 * enforcement against the flat is suspended, so its round is withdrawn from the auction platform (撤回拍卖) once, the
 * platform's answer on the timeline; the car is disposed of meanwhile. The applicant sues (执行异议之诉), wins, and the
 * flat is auctioned again and sold; the money reconciles to the fen (scenarios() checks it after each test).
 */
import { describe, expect, it } from 'vitest';
import { timeline } from '#domain/timeline/timeline.ts';
import { assetOf, fileThirdPartyClaim, OFFICER, objectionWorld, ruleThirdPartyClaim } from '../support/objections.ts';
import { filingEvent, type Scenario, scenarios, staffPost } from '../support/runtime.ts';

const open = scenarios();
const YUAN = 100;
const FLAT = '冀(2024)青县不动产权第0960号';
const CAR = '冀J·A9600';

async function lines(s: Scenario, caseId: string): Promise<string[]> {
  return timeline(await s.runtime.cases.history(caseId), {
    member: (id) => s.runtime.staff.memberName(id),
    team: (id) => id,
  }).map((l) => l.text);
}

describe('案外人异议 upheld while the claimed flat is on the auction platform', () => {
  it('its round is withdrawn once, the car is sold meanwhile; the applicant wins the suit and the flat is sold', async () => {
    const s = await open({ script: objectionWorld(960, { deposit: '6222 **** 0960', flat: FLAT, car: CAR, sold: 3 }) });
    const outcome = await s.runtime.intake(filingEvent(960, { claimFen: 700_000 * YUAN }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const announced = await s.liveUntil(
      caseId,
      (c) => c.disposal?.lots[assetOf(c, FLAT).assetId]?.status === 'announced',
      120,
    );
    const flat = assetOf(announced, FLAT).assetId;
    const gateway = s.runtime.deps.partners;
    const send = gateway.send.bind(gateway);
    const withdrawals: string[] = [];
    gateway.send = async (request) => {
      if (request.kind === 'auction-withdrawal') withdrawals.push(request.requestId);
      await send(request);
    };

    const objectionId = await fileThirdPartyClaim(s, caseId, flat);
    // Examined, not yet ruled: the round stays on the platform.
    expect(withdrawals).toEqual([]);
    await ruleThirdPartyClaim(s, caseId, objectionId, 'upheld');
    expect(withdrawals).toHaveLength(1);
    const withdrawn = await s.until(
      caseId,
      (c) => c.disposal?.lots[flat]?.rounds.at(-1)?.withdrawal?.answer !== undefined,
      5,
    );
    expect(withdrawn.disposal?.lots[flat]?.status).toBe('priced');
    expect(withdrawn.disposal?.lots[flat]?.rounds.at(-1)).toMatchObject({
      annulled: true,
      withdrawal: { requestId: withdrawals[0], reason: '案外人异议成立，对该财产中止执行', answer: 'withdrawn' },
    });

    // The applicant sues; the car is sold meanwhile and the disposal waits for the flat.
    const sued = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/suit`, { plaintiff: 'applicant' });
    expect(sued).toMatchObject({ status: 200, body: { status: 'in-suit' } });
    const waiting = await s.liveUntil(caseId, (c) => (c.disposal?.heldFor?.length ?? 0) > 0, 120);
    expect(assetOf(waiting, CAR).status).toBe('sold');
    expect(waiting.disposal?.lots[flat]?.rounds.every((r) => r.outcome === undefined)).toBe(true);

    const judged = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/judgment`, {
      for: 'applicant',
      reference: '（2026）冀0922民初3960号',
    });
    expect(judged).toMatchObject({ status: 200, body: { effect: 'resumed' } });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 160);
    expect(assetOf(closed, FLAT).status).toBe('sold');
    expect(closed.closure?.way).toBe('fully-performed');
    // Sent once, whatever ran after (the answer, the suit, the judgment, the new auction).
    expect(withdrawals).toHaveLength(1);
    const text = await lines(s, caseId);
    expect(
      text.filter((l) => l.startsWith('向网络司法拍卖平台发出撤回拍卖请求') && l.includes('案外人异议成立')),
    ).toHaveLength(1);
    expect(text.some((l) => l.startsWith('拍卖平台已撤回'))).toBe(true);
    expect(s.path(caseId, 'disposal')).toContain('HandedOver');
  }, 120_000);
});
