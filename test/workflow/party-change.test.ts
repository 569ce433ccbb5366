/**
 * 追加、变更被执行人 (V1, V2) on the embedded runtime: the filing system files the application on the intake bus; the
 * ruling is due within 60 days (a time node); a panel judge rules and records service; the ruling can be challenged
 * only within its time (15 days for a lawsuit on the capital grounds, 10 days for reconsideration); once final, a
 * granted application puts the new respondent on the case, a reversed one does not.
 */
import { describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import {
  partyChangeApplication as application,
  fileUntilCoercing,
  joinShareholder,
  SHAREHOLDER_ID,
} from '../support/party-change.ts';
import { assertMoneyReconciles, DAY, filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

describe('追加、变更被执行人 (V1, V2)', () => {
  let s: ApiScenario;

  it('a shareholder who did not pay in capital is added: ruled within 60 days, final after the 15-day lawsuit window', async () => {
    s = await apiScenario({ script: { respondents: { [RESPONDENT_ID]: { eService: 'ok' } } } });
    const filed = await s.runtime.intake(filingEvent(901));
    if (filed.outcome !== 'created') throw new Error('not created');
    const applied = await s.runtime.partyChange(application(901));
    if (applied.outcome !== 'recorded') throw new Error(JSON.stringify(applied));
    const { caseId, applicationId } = applied;
    const state = await s.load(caseId);
    expect(state.nodes[`party-change:${applicationId}`]).toMatchObject({ ruleId: 'V1', dueDate: '2026-05-06' });
    expect(state.respondents).toHaveLength(1);
    // The same application filed again is the same application.
    const again = application(901);
    again.id = 'party-change-901-again';
    expect(await s.runtime.partyChange(again)).toMatchObject({ outcome: 'duplicate', applicationId });

    const base = `/cases/${caseId}/party-changes/${applicationId}`;
    // An officer may not rule; a judge may, once.
    expect(
      (
        await s.request('POST', `${base}/ruling`, {
          as: 'wang-fang',
          body: { outcome: 'granted', reason: '未足额出资', servedOn: '2026-03-02' },
        })
      ).status,
    ).toBe(403);
    await s.runtime.advance(8 * DAY);
    const ruled = await s.request('POST', `${base}/ruling`, {
      as: 'tang-jie',
      body: { outcome: 'granted', reason: '股东认缴出资未实缴，公司财产不足以清偿', servedOn: '2026-03-10' },
    });
    expect(ruled).toMatchObject({
      status: 200,
      body: { status: 'ruled', challengeBy: '2026-03-25', challengeRoute: 'lawsuit' },
    });
    expect((await s.load(caseId)).nodes[`party-change:${applicationId}`]?.status).toBe('met');

    // Not final while the lawsuit window is open.
    expect((await s.request('POST', `${base}/final`, { as: 'wang-fang', body: {} })).status).toBe(409);
    await s.runtime.advance(16 * DAY);
    // After its last day, a lawsuit can no longer be recorded; the ruling is final and the shareholder joins.
    expect(
      (await s.request('POST', `${base}/challenge`, { as: 'wang-fang', body: { filedOn: '2026-03-26' } })).status,
    ).toBe(409);
    const final = await s.request<{ final: string; respondents: string[] }>('POST', `${base}/final`, {
      as: 'wang-fang',
      body: {},
    });
    expect(final).toMatchObject({ status: 200, body: { status: 'settled', final: 'granted' } });
    const after = await s.load(caseId);
    expect(after.respondents.map((r) => r.name)).toEqual(['吴明', '郑股东']);
    const lines = await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, {
      as: 'wang-fang',
    });
    expect(lines.body.lines.map((l) => l.text).join('\n')).toContain('郑股东成为本案被执行人');
  });

  it('an heir: the ruling challenged by reconsideration within 10 days and reversed, so nobody joins', async () => {
    const filed = await s.runtime.intake(filingEvent(902));
    if (filed.outcome !== 'created') throw new Error('not created');
    const today = '2026-03-26';
    const applied = await s.runtime.partyChange(
      application(902, {
        ground: 'heir',
        change: 'change',
        replacesIdNumber: RESPONDENT_ID,
        receivedOn: today,
        liabilityCapFen: undefined,
      }),
    );
    if (applied.outcome !== 'recorded') throw new Error(JSON.stringify(applied));
    const base = `/cases/${applied.caseId}/party-changes/${applied.applicationId}`;
    const ruled = await s.request('POST', `${base}/ruling`, {
      as: 'tang-jie',
      body: { outcome: 'granted', reason: '被执行人死亡，继承人在遗产范围内承担责任', servedOn: today },
    });
    expect(ruled.body).toMatchObject({ challengeBy: '2026-04-07', challengeRoute: 'reconsideration' });
    const challenged = await s.request('POST', `${base}/challenge`, { as: 'wang-fang', body: { filedOn: today } });
    expect(challenged).toMatchObject({ status: 200, body: { status: 'challenged' } });
    expect((await s.request('POST', `${base}/final`, { as: 'wang-fang', body: {} })).status).toBe(409);
    const final = await s.request('POST', `${base}/final`, {
      as: 'wang-fang',
      body: { outcome: 'reversed', reason: '上一级法院认定继承人已放弃继承' },
    });
    expect(final.body).toMatchObject({ status: 'settled', final: 'rejected' });
    expect((await s.load(applied.caseId)).respondents.map((r) => r.name)).toEqual(['吴明']);
  });

  it('refuses an application for an unknown case, or naming someone already a party', async () => {
    const unknown = await s.runtime.partyChange(application(999));
    expect(unknown).toMatchObject({ outcome: 'rejected' });
    const self = application(901, { applicationNumber: '（2026）冀0922执异9011号' });
    self.id = 'party-change-self';
    self.detail.party = { ...self.detail.party, idNumber: RESPONDENT_ID };
    expect(await s.runtime.partyChange(self)).toMatchObject({
      outcome: 'rejected',
      reasons: ['party：该主体已是本案当事人'],
    });
    // V-CAP: a shareholder added for the capital he did not pay in answers up to a stated limit.
    const uncapped = application(901, { applicationNumber: '（2026）冀0922执异9012号', liabilityCapFen: undefined });
    uncapped.id = 'party-change-uncapped';
    uncapped.detail.party = { ...uncapped.detail.party, idNumber: '130922198001010039' };
    expect(await s.runtime.partyChange(uncapped)).toMatchObject({
      outcome: 'rejected',
      reasons: ['liabilityCapFen：该事由的被执行人在一定范围内承担责任，须写明责任限额（V-CAP）'],
    });
    await s.close();
  });
});

describe('the respondent who joined by a ruling is served, inquired about and controlled (V1, A5, A8, B1)', () => {
  it('runs the service and investigation phases again for the shareholder, in the same case', async () => {
    const s = await apiScenario({
      script: {
        respondents: {
          [RESPONDENT_ID]: { eService: 'ok' },
          [SHAREHOLDER_ID]: {
            eService: 'ok',
            assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0912', balanceFen: 2_000_000 }],
          },
        },
      },
    });
    // The first respondent has nothing: the case goes to the coercive measures.
    const { caseId, coercing } = await fileUntilCoercing(s, 903, 1_500_000);
    expect(coercing.status).toBe('coercing');
    const { shareholder } = await joinShareholder(s, caseId, 903, { reason: '股东未缴纳出资' });
    const done = await s.liveUntil(caseId, (c) => c.status === 'closed', 60);
    // Served: the notice and the asset-report order issued for him, delivered electronically.
    expect(done.documents.filter((d) => d.respondentId === shareholder.partyId).map((d) => d.kind)).toEqual([
      'enforcement-notice',
      'asset-report-order',
    ]);
    expect(done.service.served[shareholder.partyId]?.method).toBe('electronic');
    // Inquired about on his own (the second inquiry covers him only), and his deposit frozen and deducted.
    const covered = Object.values(done.inquiry?.requests ?? {});
    expect(covered).toHaveLength(2);
    expect(covered[1]).toEqual([shareholder.partyId]);
    const deposit = Object.values(done.assets).find((a) => a.respondentId === shareholder.partyId);
    expect(deposit).toMatchObject({ status: 'deducted', reference: '6222 **** 0912' });
    // The path: service run 2 issued and served, investigation run 2 inquired, planned, approved and controlled.
    const executions = s.events.filter((e) => e.type === 'state-entered').map((e) => e.execution);
    expect(new Set(executions)).toContain(`${caseId}-service-2`);
    expect(new Set(executions)).toContain(`${caseId}-investigation-2`);
    const second = s.events
      .filter((e) => e.type === 'state-entered' && e.execution === `${caseId}-investigation-2`)
      .map((e) => (e as { state: string }).state);
    expect(second).toEqual(expect.arrayContaining(['OpenInvestigation', 'PlanControl', 'ApplyControlDecision']));
    const text = (
      await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, { as: 'wang-fang' })
    ).body.lines
      .map((l) => l.text)
      .join('\n');
    expect(text).toContain('向新追加、变更的被执行人郑股东制作执行通知书、报告财产令');
    expect(text).toContain('就新追加、变更的被执行人郑股东向');
    expect(text).toContain('对新追加、变更的被执行人郑股东启动网络查控');
    await assertMoneyReconciles(s);
    await s.close();
  });
});
