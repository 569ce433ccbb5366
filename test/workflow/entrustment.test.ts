/** H1: property in another court's area is entrusted; a late entrusted court is chased, and the case goes on. */
import { describe, expect, it } from 'vitest';
import { filingEvent, RESPONDENT_ID, scenarios } from '../support/runtime.ts';

const ELSEWHERE = { code: 'HL0123', name: '黑龙江省某县人民法院' };
const open = scenarios();

describe('entrustment to the court where the flat lies', () => {
  it('answered late: overdue, escalated twice to the command center, then completed; the sealed flat goes to disposal', async () => {
    const s = await open({
      script: {
        respondents: {
          [RESPONDENT_ID]: {
            eService: 'ok',
            assets: [
              { channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 1_000_000 },
              {
                channel: 'real-estate-registry',
                class: 'real-estate',
                reference: '黑(2019)某县不动产权第0001号',
                region: '黑龙江省某县',
                locatedCourt: ELSEWHERE,
              },
            ],
          },
        },
        courts: { [ELSEWHERE.code]: { entrustment: 'completed', afterDays: 50 } },
      },
    });
    const outcome = await s.runtime.intake(filingEvent(80));
    if (outcome.outcome !== 'created') throw new Error('not created');
    await s.live(outcome.caseId, 60);

    const state = await s.load(outcome.caseId);
    const [matter] = Object.values(state.entrustments);
    expect(matter).toMatchObject({ toCourt: ELSEWHERE, status: 'completed' });
    const history = (await s.runtime.cases.history(outcome.caseId)).flatMap((c) => c.events);
    expect(
      history.filter((e) => e.type === 'entrustment-overdue').map((e) => (e as { escalation: number }).escalation),
    ).toEqual([1, 2]);
    expect(history.some((e) => e.type === 'node-overdue')).toBe(true);
    expect(s.alerts.filter((a) => a.message.includes('委托执行事项逾期'))).toHaveLength(2);
    const flat = Object.values(state.assets).find((a) => a.class === 'real-estate');
    expect(flat?.status).toBe('sealed');
    // The flat, sealed late by the court where it lies, goes to disposal: its reference price is started (A11).
    expect(state.status).toBe('disposing');
    expect(state.disposal?.lots[flat?.assetId ?? '']?.pricing?.method).toBe('online-inquiry');
    expect(state.nodes[`reference-price:${flat?.assetId}`]?.status).toBe('met');
    expect(state.ledger.filter((e) => e.kind === 'disbursed').reduce((t, e) => t + e.amountFen, 0)).toBe(1_000_000);
  });
});
