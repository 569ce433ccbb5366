/** Money on the case account reconciles to the fen, whatever order it arrives in. */
import { describe, expect, it } from 'vitest';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { owed } from '#domain/disbursement/owed.ts';
import { formatYuan } from '#domain/money.ts';
import { DAY, filingEvent, owedToday, respondentWith, scenarios } from '../support/runtime.ts';

const open = scenarios();

describe('money arriving after the disbursement plan', () => {
  it('goes through a second disbursement with its own approval, and is refunded; the account ends at zero', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const outcome = await s.runtime.intake(filingEvent(100));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.runtime.advance(DAY);
    const { claim } = await s.load(outcome.caseId);
    const due = await owedToday(s, outcome.caseId);
    await s.runtime.pay(outcome.caseId, due, 'bank-1');
    const [plan] = await s.untilPending(outcome.caseId);
    const paid = await s.load(outcome.caseId);
    const figures = owed(paid);
    expect(figures.totalFen).toBe(due);
    expect(plan?.summary).toBe(
      `向1名申请执行人发放共${formatYuan(figures.applicantsFen)}；收取申请执行费${formatYuan(figures.feeFen)}（由被执行人负担）；迟延履行期间的加倍部分债务利息截至${figures.interest.through}共${formatYuan(figures.interest.amountFen)}（先清偿金钱债务，再清偿利息）`,
    );
    expect(figures.applicantsFen).toBeGreaterThan(claim.totalFen);
    await s.runtime.pay(outcome.caseId, 12_345, 'bank-2');
    await s.live(outcome.caseId, 10, 'li-qiang');

    const state = await s.load(outcome.caseId);
    expect(state.status).toBe('closed');
    expect(ledgerTotal(state, 'received')).toBe(due + 12_345);
    expect(ledgerTotal(state, 'disbursed')).toBe(due);
    expect(ledgerTotal(state, 'refunded', state.respondents[0]?.partyId)).toBe(12_345);
    expect(accountBalance(state)).toBe(0);
    expect(s.path(outcome.caseId, 'disbursement')).toContain('StartNextDisbursement');
    expect(s.events.filter((e) => e.type === 'execution-started' && e.machine === 'disbursement')).toHaveLength(2);
  });

  it('a repeated bank notification is a duplicate; the same reference with another amount is refused', async () => {
    const s = await open({ script: respondentWith({ eService: 'ok', assets: [] }) });
    const outcome = await s.runtime.intake(filingEvent(101));
    if (outcome.outcome !== 'created') throw new Error('not created');
    expect(await s.runtime.pay(outcome.caseId, 500, 'ref')).toMatchObject({ duplicate: false, balanceFen: 500 });
    expect(await s.runtime.pay(outcome.caseId, 500, 'ref')).toMatchObject({ duplicate: true, balanceFen: 500 });
    expect(await s.runtime.pay(outcome.caseId, 700, 'ref')).toMatchObject({
      ok: false,
      status: 409,
      message: expect.stringMatching(/与本次金额不符/),
    });
  });
});

describe('a bank that answers a deduction late', () => {
  it('is not ordered again; its late answer puts the money on the account and tells the command center', async () => {
    const s = await open({
      script: respondentWith({
        eService: 'ok',
        deduct: 'late',
        assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 8_000_000 }],
      }),
    });
    const outcome = await s.runtime.intake(filingEvent(102));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.live(outcome.caseId, 30, 'li-qiang');
    const state = await s.load(outcome.caseId);
    const history = (await s.runtime.cases.history(outcome.caseId)).flatMap((c) => c.events.map((e) => e.type));
    expect(history.filter((t) => t === 'asset-order-unanswered')).toHaveLength(1);
    // What was frozen: the claim, its doubled interest to P-FREEZE-MARGIN ahead, and the fee (F-DELAY-INTEREST).
    const frozen = state.controlPlan?.freezes.reduce((t, f) => t + f.amountFen, 0);
    expect(ledgerTotal(state, 'received')).toBe(frozen);
    expect(frozen).toBeGreaterThan(state.claim.totalFen);
    expect(s.alerts.map((a) => a.message).join('\n')).toContain('逾期答复');
  });
});

describe('a phase that fails', () => {
  it('parks the case; the phase running beside it cannot move it on', async () => {
    const s = await open({
      script: respondentWith({ eService: 'ok', assets: [] }),
      faults: [{ step: 'dispatch-request', error: 'GatewayDown', times: 1 }],
    });
    const outcome = await s.runtime.intake(filingEvent(103));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.runtime.advance(10 * DAY);
    const state = await s.load(outcome.caseId);
    expect(state.status).toBe('needs-attention');
    expect(state.attention?.error).toBe('GatewayDown');
    expect(s.path(outcome.caseId, 'investigation')).toEqual(['OpenInvestigation', 'RecordNeedsAttention', 'Failed']);
    const investigation = await s.runtime.runtimeStore.getExecution(`${outcome.caseId}-investigation-1`);
    expect(investigation?.status).toBe('failed');
  });
});
