/**
 * A deposit carried frozen into the case (诉执衔接, B3-CARRY) is claimed by a third party at once (OBJ-THIRD-PARTY,
 * 执行程序解释 第十五条): the control rounds do not deduct it. Two other creditors apply to share the respondent's money
 * (参与分配, 民诉法解释 2022年修正 第五百零六条). The objection is dismissed and nobody sues within 15 days: the ruling
 * stands, and the deposit, still only frozen after the control rounds, is deducted by itself (once); the distribution
 * plan shares it among the three creditors, nobody objects, it is paid; the money reconciles to the fen (scenarios()
 * checks every case after each test).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { accountBalance, ledgerTotal } from '#domain/case/reducer.ts';
import { timeline } from '#domain/timeline/timeline.ts';
import { DAY, filingEvent, RESPONDENT_ID, type Scenario, scenarios, staffPost } from '../support/runtime.ts';

const open = scenarios();
const FIXTURE = JSON.parse(readFileSync('test/fixtures/preservation/v1/loan-repayment.json', 'utf8'));
const OFFICER = { user: 'wang-fang', groups: 'handling-officer' };
const PANEL = { user: 'tang-jie', groups: 'panel-member' };
const CHIEF = { user: 'zhang-wei', groups: 'bureau-chief' };

/** The preservation of the respondent's deposit alone (10,000 yuan frozen before the case). */
function preservation() {
  const event = structuredClone(FIXTURE);
  event.detail.seizures = event.detail.seizures.slice(0, 1);
  return event;
}

const script = {
  respondents: {
    [RESPONDENT_ID]: {
      eService: 'ok' as const,
      renew: 'ok' as const,
      assets: [{ channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 1_000_000 }],
    },
  },
};

async function lines(s: Scenario, caseId: string): Promise<string[]> {
  return timeline(await s.runtime.cases.history(caseId), {
    member: (id) => s.runtime.staff.memberName(id),
    team: (id) => id,
  }).map((l) => l.text);
}

describe('a claimed deposit still frozen after the control rounds (OBJ-THIRD-PARTY, 参与分配)', () => {
  it('the objection dismissed and not sued on: deducted by itself, once, and shared among three creditors to the fen', async () => {
    const s = await open({ script });
    await s.runtime.preservation(preservation());
    const outcome = await s.runtime.intake(filingEvent(970, { claimFen: 3_000_000 }));
    if (outcome.outcome !== 'created') throw new Error('not created');
    const caseId = outcome.caseId;
    const deposit = Object.values((await s.load(caseId)).assets).find((a) => a.class === 'deposit');
    expect(deposit).toMatchObject({ status: 'frozen', frozenFen: 1_000_000 });
    const assetId = deposit?.assetId ?? '';
    const deductions: string[] = [];
    const gateway = s.runtime.deps.partners;
    const send = gateway.send.bind(gateway);
    gateway.send = async (request) => {
      if (request.kind === 'deduct') deductions.push(request.requestId);
      await send(request);
    };

    const filed = await staffPost(s, OFFICER, caseId, '/objections', {
      kind: 'third-party',
      assetId,
      objector: { name: '赵敏', role: 'third-party' },
      grounds: '该账户内款项系本人委托被执行人代收的货款',
    });
    expect(filed).toMatchObject({ status: 200, body: { status: 'examining' } });
    const objectionId = filed.body.objectionId as string;
    const url = '/distribution/applications';
    const applied = [
      await staffPost(s, OFFICER, caseId, url, {
        name: '李国强',
        claimFen: 2_000_000,
        title: '（2026）冀0922民初88号',
      }),
      await staffPost(s, OFFICER, caseId, url, { name: '赵丽', claimFen: 1_000_000, title: '（2026）冀0922民初99号' }),
    ];
    for (const answer of applied) expect(answer.status).toBe(200);

    // The control rounds run and end without deducting the claimed deposit.
    const controlled = await s.liveUntil(caseId, (c) => c.status === 'coercing' || c.status === 'awaiting-officer', 30);
    expect(controlled.assets[assetId]).toMatchObject({ status: 'frozen', frozenFen: 1_000_000 });
    expect(deductions).toEqual([]);

    const ruled = await staffPost(s, PANEL, caseId, `/objections/${objectionId}/ruling`, {
      outcome: 'dismissed',
      reasons: '证据不足',
    });
    expect(ruled).toMatchObject({ status: 200, body: { status: 'ruled' } });
    // No suit within 15 days of service: the ruling stands, and the deposit is deducted by itself.
    const deducted = await s.liveUntil(caseId, (c) => c.assets[assetId]?.status === 'deducted', 25);
    expect(deducted.objections?.[objectionId]?.result?.effect).toBe('resumed');
    expect(accountBalance(deducted)).toBe(1_000_000);
    expect(deductions).toHaveLength(1);
    // The distribution holds it: nothing is paid out before the plan.
    expect(ledgerTotal(deducted, 'disbursed')).toBe(0);

    const planned = await staffPost(s, OFFICER, caseId, '/distribution/plan', { costsFen: 0 }, 'api');
    expect(planned.status).toBe(200);
    expect(planned.body.plan.availableFen).toBe(1_000_000);
    expect(planned.body.plan.shares).toHaveLength(3);
    expect((await staffPost(s, CHIEF, caseId, '/distribution/serve', {})).status).toBe(200);
    const paid = await s.liveUntil(caseId, (c) => c.distribution?.stage === 'paid', 25);
    const out = ledgerTotal(paid, 'disbursed') + ledgerTotal(paid, 'shared') + ledgerTotal(paid, 'refunded');
    expect(out).toBe(1_000_000);
    expect(accountBalance(paid)).toBe(0);
    await s.runtime.advance(5 * DAY);
    expect(deductions).toHaveLength(1);
    const text = await lines(s, caseId);
    expect(
      text.filter((l) => l.startsWith('向中国工商银行发出扣划通知') && l.includes('案外人异议已了结')),
    ).toHaveLength(1);
  }, 120_000);
});
