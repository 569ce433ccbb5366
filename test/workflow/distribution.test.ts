/**
 * 参与分配 on the virtual clock (民诉法解释 2022年修正 第五百零六条至第五百一十条): the respondent's 30,000 yuan sits on
 * case A's account awaiting disbursement when other creditors apply (one with its own case against the same
 * respondent in this court, a mortgagee with priority, one with an outside title). The waiting disbursement is
 * withdrawn; the officer makes the plan, the bureau chief signs it; then either nobody objects in 15 days and the
 * plan is paid as made, or an objection is opposed, the objector sues, the disputed money is held while the rest is
 * paid, and the judgment pays the held money. Money reconciles to the fen in both.
 */
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '#domain/case/events.ts';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { FEE_PAYEE, owed } from '#domain/disbursement/owed.ts';
import { approveUntilDisbursement, otherCreditorsCase } from '../support/distribution.ts';
import { DAY, fileCase, filingEvent, type Scenario, scenarios } from '../support/runtime.ts';
import { CHIEF, call, OFFICER } from '../support/staff-call.ts';

const open = scenarios();
/** The respondent's one deposit: 30,000 yuan, found, frozen and deducted to case A's account. */
const DEPOSIT = {
  respondents: {
    '130922199001010030': {
      eService: 'ok' as const,
      assets: [{ channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 3_000_000 }],
    },
  },
};

/** Case A with 30,000 yuan on its account and the disbursement waiting for approval; case B filed beside it. */
async function holding(s: Scenario, n: number) {
  const a = await fileCase(s, filingEvent(n, { claimFen: 5_000_000 }));
  const b = await fileCase(s, otherCreditorsCase(n + 50));
  await approveUntilDisbursement(s, a);
  expect((await s.pending(a)).map((p) => p.step)).toEqual(['disbursement']);
  expect(accountBalance(await s.load(a))).toBe(3_000_000);
  return { a, b, bNumber: (await s.load(b)).caseNumber };
}

async function applyAll(s: Scenario, a: string, bNumber: string) {
  const url = `/cases/${a}/distribution/applications`;
  const applied = [
    await call(s, OFFICER, 'settle', 'POST', url, {
      name: '李国强',
      claimFen: 2_500_000,
      title: '（2026）冀0922民初88号',
      caseNumber: bNumber,
    }),
    await call(s, OFFICER, 'settle', 'POST', url, {
      name: '青县农商银行',
      claimFen: 990_000,
      priority: true,
      title: '抵押权登记证明（冀2025青县不动产证明第12号）',
    }),
    await call(s, OFFICER, 'settle', 'POST', url, {
      name: '赵丽',
      claimFen: 1_000_000,
      title: '（2026）冀0922民初99号',
    }),
  ];
  for (const answer of applied) expect(answer.status).toBe(200);
  return applied.map((answer) => answer.body.creditorId as string) as [string, string, string];
}

async function events(s: Scenario, caseId: string): Promise<CaseEvent[]> {
  return (await s.runtime.cases.history(caseId)).flatMap((c) => c.events);
}

describe('参与分配 (distribution among creditors)', () => {
  it('objection branch: opposed, sued on; the disputed money held, the rest paid, the judgment pays the held money; to the fen', async () => {
    const s = await open({ script: DEPOSIT });
    const { a, b, bNumber } = await holding(s, 810);
    const [creditorB, mortgagee, creditorC] = await applyAll(s, a, bNumber);

    // The waiting disbursement was withdrawn: its execution went on as on a rejection, paying nothing.
    expect(s.path(a, 'disbursement').at(-1)).toBe('HandedOver');
    expect(await s.pending(a)).toEqual([]);
    const withdrawn = await s.load(a);
    expect(withdrawn.status).toBe('awaiting-officer');
    expect(ledgerTotal(withdrawn, 'disbursed')).toBe(0);

    // The same respondent's cases see each other.
    const disputes = await call(s, OFFICER, 'api', 'GET', `/cases/${a}/disputes`);
    expect(disputes.body.related).toEqual([expect.objectContaining({ caseId: b, caseNumber: bNumber })]);

    // The plan: costs 100 yuan, the mortgagee in full, then 20,000 yuan pro rata (50,000 : 25,000 : 10,000).
    const planned = await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/plan`, { costsFen: 10_000 });
    expect(planned.status).toBe(200);
    const applicant = withdrawn.applicants[0]?.partyId ?? '';
    expect(planned.body.plan.shares).toEqual([
      { creditorId: mortgagee, amountFen: 990_000, kind: 'priority' },
      { creditorId: applicant, amountFen: 1_176_471, kind: 'pro-rata' },
      { creditorId: creditorB, amountFen: 588_235, kind: 'pro-rata' },
      { creditorId: creditorC, amountFen: 235_294, kind: 'pro-rata' },
    ]);
    // The officer who made it may not sign it; the bureau chief does, and it is served.
    expect(
      (await call(s, { ...OFFICER, group: 'bureau-chief' }, 'settle', 'POST', `/cases/${a}/distribution/serve`, {}))
        .status,
    ).toBe(403);
    const served = await call(s, CHIEF, 'settle', 'POST', `/cases/${a}/distribution/serve`, {});
    // Served on Saturday 7 March: 15 days to object (DIST-OBJECTION) end on Sunday 22 March, so on Monday 23 March.
    const window = (await s.load(a)).nodes['dispute:distribution-objection'];
    expect([window?.startedOn, served.body.objectBy, window?.ruleId]).toEqual([
      '2026-03-07',
      '2026-03-23',
      'DIST-OBJECTION',
    ]);

    // 赵丽 objects: 李国强's claim is 5,000 yuan, not 25,000. 李国强 opposes; 赵丽 sues in time.
    await s.runtime.advance(5 * DAY);
    const objected = await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/objection`, {
      by: creditorC,
      against: creditorB,
      claimFen: 500_000,
      reason: '该债权已大部分清偿',
    });
    expect(objected.status).toBe(200);
    await s.runtime.advance(3 * DAY);
    expect(
      (await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/opposition`, { by: creditorB })).status,
    ).toBe(200);
    // Nothing has left the account while the windows ran.
    expect(accountBalance(await s.load(a))).toBe(3_000_000);
    await s.runtime.advance(10 * DAY);
    const sued = await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/suit`, {});
    expect(sued.status).toBe(200);
    const suing = await s.load(a);
    expect(suing.distribution?.heldFen).toBe(434_389);
    expect(accountBalance(suing)).toBe(434_389);
    // A retry pays nothing twice.
    expect((await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/advance`, {})).body.paid).toBe(0);

    // The judgment upholds the objection: the held money follows the revised plan.
    await s.runtime.advance(60 * DAY);
    const judged = await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/judgment`, {
      upheld: 'revised',
      judgment: '（2026）冀0922民初300号',
    });
    expect(judged.status).toBe(200);
    const done = await s.load(a);
    expect(done.distribution?.stage).toBe('paid');
    expect(accountBalance(done)).toBe(0);
    const to = (payee: string) =>
      ledgerTotal(done, 'disbursed', payee) + ledgerTotal(done, 'shared', payee) + ledgerTotal(done, 'refunded', payee);
    // Revised plan: 50,000 : 5,000 : 10,000 of 20,000 yuan, the odd fen to the largest remainder.
    expect([to(FEE_PAYEE), to(mortgagee), to(applicant), to(creditorB), to(creditorC)]).toEqual([
      10_000, 990_000, 1_538_462, 153_846, 307_692,
    ]);
    expect(10_000 + 990_000 + 1_538_462 + 153_846 + 307_692).toBe(3_000_000);
    // Only this case's applicant counts as performance of case A; the others' shares are not A's performance.
    expect(ledgerTotal(done, 'disbursed', applicant)).toBe(1_538_462);
    // The read names this case's applicant among the shares, with the claim the plan weighed (not what is left).
    const read = await call(s, OFFICER, 'api', 'GET', `/cases/${a}/disputes`);
    expect(read.body.distribution.hosts).toEqual([
      { creditorId: applicant, name: withdrawn.applicants[0]?.name, claimFen: 5_000_000 },
    ]);
    // Case B (the same respondent) counts its applicant's share as performance of its own claim, once.
    const own = await s.load(b);
    expect(ledgerTotal(own, 'shared-in', creditorB)).toBe(153_846);
    expect(accountBalance(own)).toBe(0);
    expect(owed(own).satisfiedFen).toBe(153_846);

    // The path the dispute took, in order.
    expect(
      (await events(s, a))
        .filter((e) => e.type.startsWith('distribution-'))
        .map((e) => (e.type === 'distribution-paid' ? `paid:${e.as}` : e.type)),
    ).toEqual([
      'distribution-applied',
      'distribution-applied',
      'distribution-applied',
      'distribution-planned',
      'distribution-served',
      'distribution-objected',
      'distribution-opposed',
      'distribution-suit-filed',
      'paid:undisputed',
      'paid:revised',
    ]);
    const lines = (await call(s, OFFICER, 'api', 'GET', `/cases/${a}/timeline`)).body;
    expect(JSON.stringify(lines)).toContain('分配方案异议之诉');
  });

  it('no objection in 15 days: the sweeper pays the plan as made when the window ends; a late objection is refused', async () => {
    const s = await open({ script: DEPOSIT });
    const { a, bNumber } = await holding(s, 820);
    const [creditorB, mortgagee, creditorC] = await applyAll(s, a, bNumber);
    await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/plan`, { costsFen: 0 });
    await call(s, CHIEF, 'settle', 'POST', `/cases/${a}/distribution/serve`, {});
    // A disbursement started meanwhile (money that came in, say) stops at its first step: the distribution holds it.
    const stray = `${a}-disbursement-2`;
    await s.runtime.engine.startExecution('disbursement', stray, { v: 1, caseId: a });
    await s.runtime.runUntilIdle();
    expect(s.path(a, 'disbursement').slice(-2)).toEqual(['OpenDisbursement', 'PhaseEnded']);
    expect(await s.pending(a)).toEqual([]);
    expect(accountBalance(await s.load(a))).toBe(3_000_000);
    // The command center sees the window coming to its end.
    await s.runtime.advance(12 * DAY);
    const board = await call(s, CHIEF, 'api', 'GET', '/board/disputes');
    expect(board.body.items).toEqual([expect.objectContaining({ caseId: a, node: 'dispute:distribution-objection' })]);
    await s.runtime.advance(5 * DAY);
    // Paid by the node sweeper at the first instant after the window, so its node was met, never overdue.
    const swept = await s.load(a);
    expect(swept.distribution?.stage).toBe('paid');
    expect(swept.nodes['dispute:distribution-objection']?.status).toBe('met');
    expect((await events(s, a)).some((e) => e.type === 'node-overdue')).toBe(false);
    const late = await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/objection`, {
      by: creditorC,
      against: creditorB,
      claimFen: 1,
      reason: '逾期',
    });
    expect(late.status).toBe(409);
    expect(late.body.error.message).toContain('异议期间已届满');
    // Asked again, the court has nothing left to pay.
    const paid = await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/advance`, {});
    expect(paid.body).toMatchObject({ stage: 'paid', balanceFen: 0, paid: 0 });
    const done = await s.load(a);
    expect(ledgerTotal(done, 'shared', mortgagee)).toBe(990_000);
    // 20,100 yuan pro rata, 50,000 : 25,000 : 10,000.
    expect(ledgerTotal(done, 'shared', creditorB) + ledgerTotal(done, 'shared', creditorC)).toBe(591_176 + 236_471);
    expect(ledgerTotal(done, 'disbursed')).toBe(3_000_000 - 990_000 - 591_176 - 236_471);
    expect(done.nodes['dispute:distribution-objection']?.status).toBe('met');
  });

  it('an objection nobody opposes in 15 days: the sweeper pays the plan as the objection revised it', async () => {
    const s = await open({ script: DEPOSIT });
    const { a, bNumber } = await holding(s, 825);
    const [creditorB, mortgagee, creditorC] = await applyAll(s, a, bNumber);
    await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/plan`, { costsFen: 0 });
    await call(s, CHIEF, 'settle', 'POST', `/cases/${a}/distribution/serve`, {});
    await s.runtime.advance(2 * DAY);
    await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/objection`, {
      by: creditorC,
      against: creditorB,
      claimFen: 0,
      reason: '该债权已全部清偿',
    });
    await s.runtime.advance(17 * DAY);
    const done = await s.load(a);
    expect(done.distribution).toMatchObject({ stage: 'paid', outcome: 'revised' });
    expect(done.nodes['dispute:distribution-opposition']?.status).toBe('met');
    // 李国强's claim taken as nil: 20,100 yuan split 50,000 : 10,000, exactly.
    expect([ledgerTotal(done, 'shared', mortgagee), ledgerTotal(done, 'shared', creditorB)]).toEqual([990_000, 0]);
    expect(ledgerTotal(done, 'shared', creditorC)).toBe(335_000);
    expect(ledgerTotal(done, 'disbursed')).toBe(1_675_000);
    expect(accountBalance(done)).toBe(0);
  });

  it('refuses a creditor whose own case is against another respondent, and writes nothing', async () => {
    const s = await open({ script: DEPOSIT });
    const { a } = await holding(s, 830);
    const stranger = filingEvent(895, { claimFen: 100_000 });
    stranger.detail.respondents[0] = {
      ...stranger.detail.respondents[0],
      idNumber: '130922198705050036',
      name: '钱某',
    };
    const other = await fileCase(s, stranger);
    const before = await s.runtime.cases.history(a);
    const refused = await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/applications`, {
      name: '周建华',
      claimFen: 100_000,
      title: '（2026）冀0922民初77号',
      caseNumber: (await s.load(other)).caseNumber,
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.message).toContain('的被执行人与本案不是同一人');
    expect(await s.runtime.cases.history(a)).toEqual(before);
  });
});
