/**
 * 执行异议 against a deduction (扣划) and against the consumption restriction (限制消费令), each on the virtual clock
 * to its end: upheld, nobody applies for reconsideration, the ruling stands when the sweeper sees the window end,
 * and the act is undone through the same workflows: the deducted money refunded to the respondent from the case
 * account (the disbursement waiting on it withdrawn), or the restriction lifted and the lifting published.
 */
import { describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import {
  confirmation,
  DECIDERS,
  filingEvent,
  owedToday,
  RESPONDENT_ID,
  type Scenario,
  scenarios,
  staffPost,
} from '../support/runtime.ts';

const open = scenarios();
const OFFICER = { user: 'wang-fang', groups: 'handling-officer' };
const PANEL = { user: 'tang-jie', groups: 'panel-member' };
const ACCOUNT = '6222 **** 0031';

function depositOf(state: EnforcementCase) {
  const found = Object.values(state.assets).find((a) => a.reference === ACCOUNT);
  if (!found) throw new Error('no deposit');
  return found;
}

async function lines(s: Scenario, caseId: string): Promise<string[]> {
  const commits = await s.runtime.cases.history(caseId);
  return timeline(commits, { member: (id) => s.runtime.staff.memberName(id), team: (id) => id }).map((l) => l.text);
}

/** Lets time pass, approving every approval but the disbursement's (which stays pending: the money stays put). */
async function liveHoldingMoney(s: Scenario, caseId: string, done: (c: EnforcementCase) => boolean, days: number) {
  for (let hours = 0; hours < days * 24; hours += 6) {
    const state = await s.load(caseId);
    if (done(state)) return state;
    for (const approval of await s.pending(caseId)) {
      if (approval.step === 'disbursement') continue;
      await s.runtime.decide({
        approvalId: approval.approvalId,
        decision: 'approved',
        userId: DECIDERS[approval.requiredRole] ?? '',
        ...confirmation(approval),
      });
    }
    await s.runtime.advance(6 * 3600);
  }
  throw new Error(`case ${caseId} did not get there in ${days} days`);
}

describe('执行异议 against a deduction (OBJ-ACT)', () => {
  it('upheld and standing: the disbursement waiting on the money is withdrawn and the deduction refunded, to the fen', async () => {
    const n = 950;
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [{ channel: 'icbc', class: 'deposit', reference: ACCOUNT, balanceFen: 1_234_567 }],
          },
        },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 5_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    // The deposit is deducted; the disbursement waits for its approval (nobody approves in this scenario).
    const deducted = await liveHoldingMoney(s, caseId, (c) => c.status === 'disbursement-approval', 30);
    const deposit = depositOf(deducted);
    expect(deposit).toMatchObject({ status: 'deducted', deductedFen: 1_234_567 });

    const wrongAsset = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'restriction',
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '未限制消费',
    });
    expect(wrongAsset.status).toBe(409);
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'deduction',
      assetId: deposit.assetId,
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '被扣划的款项系社会保障金，依法不得扣划',
    });
    expect(filed).toMatchObject({ status: 200, body: { kind: 'act', status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    await s.runtime.advance(3 * 86_400);
    const ruled = await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '该账户款项系社会保障金',
    });
    expect(ruled).toMatchObject({ status: 200, body: { status: 'ruled' } });
    // Still on the account while the reconsideration window runs (the act is not stopped, OBJ-ACT).
    expect(accountBalance(await s.load(caseId))).toBe(1_234_567);

    const refunded = await liveHoldingMoney(s, caseId, (c) => ledgerTotal(c, 'refunded') > 0, 20);
    expect(refunded.objections?.[objectionId]?.result).toMatchObject({ effect: 'refunded', refundFen: 1_234_567 });
    expect(refunded.ledger.filter((e) => e.kind === 'refunded')).toEqual([
      expect.objectContaining({ entryId: `objection-refund-${objectionId}`, amountFen: 1_234_567 }),
    ]);
    expect(accountBalance(refunded)).toBe(0);
    expect(ledgerTotal(refunded, 'disbursed')).toBe(0);
    // Nothing waits to pay that money any more (the disbursement's approval ran out its levels meanwhile).
    expect(await s.pending(caseId)).toEqual([]);
    // The respondent owes the whole claim again.
    expect(await owedToday(s, caseId)).toBeGreaterThanOrEqual(5_000_000);
    const text = await lines(s, caseId);
    expect(text.some((l) => l.includes('对扣划存款') && l.includes('提出书面异议'))).toBe(true);
    expect(text.some((l) => l.includes('撤销扣划，退还被执行人'))).toBe(true);
    // A retry pays nothing more.
    await s.runtime.advance(2 * 86_400);
    expect(ledgerTotal(await s.load(caseId), 'refunded')).toBe(1_234_567);
  });
});

describe('执行异议 against a deduction, reversed on reconsideration (OBJ-ACT)', () => {
  it('dismissed, the respondent applies, the higher court reverses: the pending disbursement is withdrawn and the money refunded', async () => {
    const n = 952;
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [{ channel: 'icbc', class: 'deposit', reference: ACCOUNT, balanceFen: 765_432 }],
          },
        },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 5_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const deposit = depositOf(await liveHoldingMoney(s, caseId, (c) => c.status === 'disbursement-approval', 30));
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'deduction',
      assetId: deposit.assetId,
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '扣划超出执行标的',
    });
    const objectionId = filed.body.objectionId as string;
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'dismissed',
      reasons: '未超标的',
    });
    const applied = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/reconsideration`, {
      appliedBy: 'respondent',
    });
    expect(applied).toMatchObject({ status: 200, body: { status: 'reconsidering' } });
    expect((await s.pending(caseId)).map((a) => a.step)).toEqual(['disbursement']);
    const decided = await staffPost(s, OFFICER, caseId, `/objections/${objectionId}/reconsideration-decision`, {
      decision: 'reversed',
    });
    expect(decided).toMatchObject({ status: 200, body: { status: 'final', effect: 'refunded' } });
    const after = await s.load(caseId);
    expect(ledgerTotal(after, 'refunded')).toBe(765_432);
    expect(ledgerTotal(after, 'disbursed')).toBe(0);
    expect(accountBalance(after)).toBe(0);
    // The disbursement planned over that money was withdrawn by the system, and its workflow paid nothing.
    expect(await s.pending(caseId)).toEqual([]);
    const withdrawn = Object.values(after.approvals).filter((a) => a.step === 'disbursement');
    expect(withdrawn.map((a) => a.status)).toEqual(['rejected']);
    await s.runtime.advance(2 * 86_400);
    const later = await s.load(caseId);
    expect(ledgerTotal(later, 'disbursed') + ledgerTotal(later, 'refunded')).toBe(765_432);
    expect(s.path(caseId, 'disbursement')).toContain('AwaitDisbursementApproval');
    // The withdrawn plan's decision is recorded by close-case, which pays nothing and hands the case over.
    expect(s.path(caseId, 'disbursement').slice(-3)).toEqual([
      'ApplyDisbursementDecision',
      'RouteClosing',
      'HandedOver',
    ]);
  });
});

describe('执行异议 against the consumption restriction (OBJ-ACT, C5)', () => {
  it('upheld and standing: the restriction is lifted and the lifting published, the claim still unpaid', async () => {
    const n = 951;
    const s = await open({
      startAt: '2026-09-02T01:00:00.000Z',
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assetReport: 'silent',
            freeze: 'failed',
            assets: [{ channel: 'icbc', class: 'deposit', reference: ACCOUNT, balanceFen: 9_000_000 }],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { police: 'opened' } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    await s.liveUntil(caseId, (c) => (c.coercion?.published.restriction?.acknowledged.length ?? 0) === 5, 40);
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'restriction',
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '限制消费令未列明限制范围，程序违法',
    });
    expect(filed).toMatchObject({ status: 200, body: { status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    const again = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'restriction',
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '重复',
    });
    expect(again.status).toBe(409);
    await s.live(caseId, 3);
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, { outcome: 'upheld', reasons: '程序违法' });
    const lifted = await s.liveUntil(
      caseId,
      (c) => (c.coercion?.published['restriction-lifted']?.acknowledged.length ?? 0) === 5,
      25,
    );
    expect(lifted.objections?.[objectionId]?.result?.effect).toBe('lifted');
    expect(lifted.coercion?.restriction).toMatchObject({ liftedOn: 'objection' });
    expect(await owedToday(s, caseId)).toBeGreaterThan(0);
    const text = await lines(s, caseId);
    expect(text).toContain('解除限制消费令（OBJ-ACT：执行异议成立）');
    // Not restricted again while the case goes on.
    await s.live(caseId, 10);
    const history = (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
    expect(history.filter((e) => e.type === 'restriction-issued')).toHaveLength(1);
    expect(s.path(caseId, 'coercion').length).toBeGreaterThan(0);
  });
});

describe('执行异议 against the auction and against the price (OBJ-ACT)', () => {
  const FLAT = '冀(2024)青县不动产权第0777号';
  function world(n: number) {
    return {
      respondents: {
        [RESPONDENT_ID]: {
          eService: 'ok' as const,
          assets: [
            { channel: 'real-estate-registry', class: 'real-estate' as const, reference: FLAT, valueFen: 90_000_000 },
          ],
        },
      },
      cases: { [`（2026）冀0922执${1000 + n}号`]: { disposal: { auctions: ['sold' as const, 'sold' as const] } } },
    };
  }
  async function announced(s: Scenario, n: number) {
    const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 70_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const state = await s.liveUntil(
      caseId,
      (c) => Object.values(c.disposal?.lots ?? {}).some((l) => l.status === 'announced'),
      90,
    );
    const flat = Object.values(state.assets).find((a) => a.reference === FLAT)?.assetId ?? '';
    return { caseId, flat };
  }

  it('the auction: upheld while announced, the ruling stands: the auction stopped, new terms, sold in a new first auction', async () => {
    const n = 953;
    const s = await open({ script: world(n) });
    const { caseId, flat } = await announced(s, n);
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'auction',
      assetId: flat,
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '拍卖公告未载明房屋存在租赁，瑕疵说明严重失实',
    });
    expect(filed).toMatchObject({ status: 200, body: { status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '瑕疵说明严重失实',
    });
    const stopped = await s.liveUntil(caseId, (c) => c.objections?.[objectionId]?.status === 'final', 15);
    expect(stopped.objections?.[objectionId]?.result?.effect).toBe('annulled');
    expect(stopped.disposal?.lots[flat]?.rounds[0]).toMatchObject({ round: 1, annulled: true });
    // 撤回拍卖: the stopped round is withdrawn from the platform, once, and the platform confirms.
    const withdrawn = await s.liveUntil(
      caseId,
      (c) => c.disposal?.lots[flat]?.rounds[0]?.withdrawal?.answer !== undefined,
      5,
    );
    expect(withdrawn.disposal?.lots[flat]?.rounds[0]?.withdrawal).toMatchObject({ answer: 'withdrawn' });
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 120);
    const lot = closed.disposal?.lots[flat];
    expect(lot?.status).toBe('sold');
    expect(lot?.rounds.map((r) => [r.round, r.stage, r.annulled === true])).toEqual([
      [1, 'first', true],
      [2, 'first', false],
    ]);
    // The panel was asked for terms twice: once for the stopped auction, once for the new one.
    const terms = Object.values(closed.approvals).filter((a) => a.step === 'auction-terms' && a.status === 'approved');
    expect(terms).toHaveLength(2);
    expect(s.path(caseId, 'disposal').length).toBeGreaterThan(0);
    const text = await lines(s, caseId);
    expect(text.some((l) => l.includes('的拍卖被撤销') && l.includes('停止拍卖'))).toBe(true);
    expect(text.filter((l) => l.startsWith('向网络司法拍卖平台发出撤回拍卖请求'))).toHaveLength(1);
    expect(closed.disposal?.lots[flat]?.rounds[1]?.withdrawal).toBeUndefined();
  });

  it('the price: upheld and standing, the lot is priced again before it is auctioned', async () => {
    const n = 954;
    const s = await open({ script: world(n) });
    const { caseId, flat } = await announced(s, n);
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'act',
      act: 'price',
      assetId: flat,
      objector: { name: '被执行人', role: 'respondent' },
      grounds: '评估未考虑装修价值，参考价明显偏低',
    });
    const objectionId = filed.body.objectionId as string;
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'upheld',
      reasons: '评估程序违法',
    });
    const repriced = await s.liveUntil(caseId, (c) => c.objections?.[objectionId]?.status === 'final', 15);
    expect(repriced.objections?.[objectionId]?.result?.effect).toBe('repriced');
    const closed = await s.liveUntil(caseId, (c) => c.status === 'closed', 150);
    const history = (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
    expect(history.filter((e) => e.type === 'reference-price-set')).toHaveLength(2);
    expect(closed.disposal?.lots[flat]?.status).toBe('sold');
    expect(closed.disposal?.lots[flat]?.rounds.filter((r) => !r.annulled)).toHaveLength(1);
  });
});

describe('案外人异议 on a deducted deposit (OBJ-THIRD-PARTY, 执行程序解释 第十五条)', () => {
  it('the money is held from the filing (the waiting disbursement withdrawn); dismissed and no suit, it is paid out', async () => {
    const n = 955;
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [{ channel: 'icbc', class: 'deposit', reference: ACCOUNT, balanceFen: 2_345_678 }],
          },
        },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(n, { claimFen: 5_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const deposit = depositOf(await liveHoldingMoney(s, caseId, (c) => c.status === 'disbursement-approval', 30));
    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'third-party',
      assetId: deposit.assetId,
      objector: { name: '赵敏', role: 'third-party' },
      grounds: '该账户内款项系本人委托被执行人代收的货款',
    });
    expect(filed).toMatchObject({ status: 200, body: { kind: 'third-party', status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    // Held from the filing: the disbursement planned over it is withdrawn, nothing is paid out while it runs.
    expect(await s.pending(caseId)).toEqual([]);
    expect((await s.load(caseId)).status).toBe('awaiting-officer');
    await s.runtime.advance(5 * 86_400);
    await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'dismissed',
      reasons: '证据不足',
    });
    await s.runtime.advance(10 * 86_400);
    const during = await s.load(caseId);
    expect(ledgerTotal(during, 'disbursed')).toBe(0);
    expect(accountBalance(during)).toBe(2_345_678);
    // No suit in 15 days: the ruling stands, the money is free; a new disbursement pays it (approved as usual).
    const paid = await s.liveUntil(caseId, (c) => ledgerTotal(c, 'disbursed') > 0, 20);
    expect(paid.objections?.[objectionId]?.result?.effect).toBe('resumed');
    expect(ledgerTotal(paid, 'disbursed')).toBe(2_345_678);
    expect(accountBalance(paid)).toBe(0);
    expect(paid.phaseRuns.disbursement).toBe(2);
    expect(s.path(caseId, 'disbursement')).toContain('ApplyDisbursementDecision');
  });
});
