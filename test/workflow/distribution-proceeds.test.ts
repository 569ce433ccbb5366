/**
 * 参与分配 over what the respondent's property brings (民诉法解释 2022年修正 第五百零六条: before its execution ends).
 * The deposit was deducted and paid out; the flat is being auctioned, nothing on the account, when another creditor
 * applies. The auction's price comes in and is held for the distribution (the disbursement it would have opened
 * stops); the plan shares the price, says where the money came from, is served, and the sweeper pays it when the
 * objection window ends. Money reconciles to the fen.
 */
import { describe, expect, it } from 'vitest';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { fileCase, filingEvent, RESPONDENT_ID, scenarios } from '../support/runtime.ts';
import { CHIEF, call, OFFICER } from '../support/staff-call.ts';

const open = scenarios();
const FLAT = '冀(2024)青县不动产权第0888号';

describe('参与分配 over auction proceeds and deductions (DIST-APPLY, DIST-ORDER)', () => {
  it('applied while the flat is auctioned: its price is held, shared by the plan with the sources named; to the fen', async () => {
    const n = 860;
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [
              { channel: 'icbc', class: 'deposit', reference: '6222 **** 0086', balanceFen: 1_000_000 },
              { channel: 'real-estate-registry', class: 'real-estate', reference: FLAT, valueFen: 90_000_000 },
            ],
          },
        },
        cases: { [`（2026）冀0922执${1000 + n}号`]: { disposal: { auctions: ['sold'] } } },
      },
    });
    const a = await fileCase(s, filingEvent(n, { claimFen: 70_000_000 }));
    const disposing = await s.liveUntil(
      a,
      (c) =>
        ledgerTotal(c, 'disbursed') > 0 && Object.values(c.disposal?.lots ?? {}).some((l) => l.status === 'announced'),
      90,
    );
    expect(accountBalance(disposing)).toBe(0);
    const paidBefore = ledgerTotal(disposing, 'disbursed');

    // Nothing on the account, the flat still to be sold: the creditor may apply (before the execution ends).
    const applied = await call(s, OFFICER, 'settle', 'POST', `/cases/${a}/distribution/applications`, {
      name: '李国强',
      claimFen: 40_000_000,
      title: '（2026）冀0922民初188号',
    });
    expect(applied.status).toBe(200);
    const creditor = applied.body.creditorId as string;
    const early = await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/plan`, { costsFen: 0 });
    expect(early.status).toBe(409);
    expect(early.body.error.message).toContain('拍卖、变卖所得或扣划的存款到账后再制作分配方案');

    // The auction sells; the price is on the account and stays there: the distribution holds it.
    const sold = await s.liveUntil(
      a,
      (c) => accountBalance(c) > 0 && Object.values(c.disposal?.lots ?? {}).every((l) => l.status === 'sold'),
      60,
    );
    const price = accountBalance(sold);
    expect(price).toBeGreaterThan(0);
    await s.live(a, 3);
    expect(accountBalance(await s.load(a))).toBe(price);
    // The disbursement the sale opened stopped at its first step: the distribution holds the money.
    expect(s.path(a, 'disposal')).toContain('StartDisbursement');
    expect(s.path(a, 'disbursement').slice(-2)).toEqual(['OpenDisbursement', 'PhaseEnded']);

    const planned = await call(s, OFFICER, 'api', 'POST', `/cases/${a}/distribution/plan`, { costsFen: 0 });
    expect(planned.status).toBe(200);
    expect(planned.body.plan.funds).toEqual({
      deductionFen: paidBefore,
      saleFen: price,
      paidInFen: 0,
      paidOutFen: paidBefore,
      availableFen: price,
    });
    const applicant = sold.applicants[0]?.partyId ?? '';
    const shares = planned.body.plan.shares as { creditorId: string; amountFen: number }[];
    expect(shares.map((x) => x.creditorId)).toEqual([applicant, creditor]);
    expect(shares.reduce((t, x) => t + x.amountFen, 0)).toBe(price);
    await call(s, CHIEF, 'settle', 'POST', `/cases/${a}/distribution/serve`, {});
    await s.runtime.advance(20 * 86_400);
    const done = await s.load(a);
    expect(done.distribution?.stage).toBe('paid');
    expect(accountBalance(done)).toBe(0);
    expect(ledgerTotal(done, 'shared', creditor)).toBe(shares[1]?.amountFen);
    expect(ledgerTotal(done, 'disbursed', applicant)).toBe(paidBefore + (shares[0]?.amountFen ?? 0));
    const lines = JSON.stringify((await call(s, OFFICER, 'api', 'GET', `/cases/${a}/timeline`)).body);
    expect(lines).toContain('拍卖、变卖所得');
    expect(lines).toContain('扣划存款');
  });
});
