/**
 * A respondent joined by a ruling (追加、变更被执行人) whose bank answers the network inquiry only after the wait (A10):
 * the run that inquired records the channel as silent and hands the case back to the coercive measures; when the
 * late answer comes, what it found goes on the case (marked as found late), the command center hears of it, and the
 * next investigation run controls it: frozen under the team lead's approval, deducted, paid out, closed.
 */
import { describe, expect, it } from 'vitest';
import { apiScenario } from '../support/api.ts';
import { fileUntilCoercing, joinShareholder, SHAREHOLDER_ID } from '../support/party-change.ts';
import { assertMoneyReconciles, RESPONDENT_ID } from '../support/runtime.ts';

const N = 921;

describe('a joined respondent whose network inquiry is answered late (V1, A10, B1)', () => {
  it('the late answer’s deposit is recorded, controlled by a third investigation run, deducted and paid out', async () => {
    const s = await apiScenario({
      script: {
        respondents: {
          [RESPONDENT_ID]: { eService: 'ok' },
          [SHAREHOLDER_ID]: {
            eService: 'ok',
            inquiry: 'late',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0921', balanceFen: 2_000_000 }],
          },
        },
      },
    });
    const { caseId } = await fileUntilCoercing(s, N, 1_500_000);
    const { shareholder } = await joinShareholder(s, caseId, N, { reason: '股东未缴纳出资' });

    // His inquiry is sent by run 2; his bank is silent past the wait: run 2 finds nothing and hands the case back.
    const waited = await s.liveUntil(
      caseId,
      (c) => (c.phaseRuns.investigation ?? 0) >= 2 && c.status === 'coercing' && (c.inquiry?.silent.length ?? 0) > 0,
      30,
    );
    expect(Object.values(waited.assets).filter((a) => a.respondentId === shareholder.partyId)).toEqual([]);
    expect(Object.values(waited.inquiry?.requests ?? {})[1]).toEqual([shareholder.partyId]);

    // The late answer: the deposit goes on the case, the command center is told, run 3 controls it.
    const done = await s.liveUntil(caseId, (c) => c.status === 'closed', 60);
    const deposit = Object.values(done.assets).find((a) => a.respondentId === shareholder.partyId);
    expect(deposit).toMatchObject({ foundLate: true, status: 'deducted', reference: '6222 **** 0921' });
    expect(done.closure?.way).toBe('fully-performed');
    expect(s.alerts.some((a) => a.caseId === caseId && a.message.includes('网络查控逾期答复，发现财产1项'))).toBe(true);
    const third = s.events
      .filter((e) => e.type === 'state-entered' && e.execution === `${caseId}-investigation-3`)
      .map((e) => (e as { state: string }).state);
    expect(third).toEqual(expect.arrayContaining(['OpenInvestigation', 'PlanControl', 'ApplyControlDecision']));
    // No third inquiry was sent: run 3 recorded the settled inquiry again and planned the control.
    expect(Object.keys(done.inquiry?.requests ?? {})).toHaveLength(2);
    const text = (
      await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, { as: 'wang-fang' })
    ).body.lines
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('网络查控逾期答复发现郑股东名下财产1项，对其采取控制措施');
    await assertMoneyReconciles(s);
    await s.close();
  });
});
