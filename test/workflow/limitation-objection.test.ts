/**
 * The 2-year limit for applying (A12, 民诉法 第二百五十条) through the staff API: computed at intake and shown on the
 * case and its timeline, the late application filed all the same (the court does not refuse it by itself); the
 * respondent's objection registered by an officer and ruled on by a panel judge, the ruling held to the limit.
 * And the court's preservations listed for staff (诉执衔接).
 */
import { readFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

/** A judgment in force since 5 January 2023 with no performance period: the limit ended on 5 January 2025. */
function lateFiling(n: number) {
  const event = filingEvent(n);
  event.detail.basis.effectiveDate = '2023-01-05';
  return event;
}

describe('the time limit for applying (A12) and the objection on that ground', () => {
  let s: ApiScenario;
  afterAll(async () => {
    await s?.close();
  });

  it('computes the limit at intake, files the late case, and decides the objection only when a respondent raises it', async () => {
    s = await apiScenario({ script: { respondents: { [RESPONDENT_ID]: { eService: 'ok' } } } });
    const late = await s.runtime.intake(lateFiling(801));
    const timely = await s.runtime.intake(filingEvent(802));
    if (late.outcome !== 'created' || timely.outcome !== 'created') throw new Error('not created');

    const view = await s.request<{
      applicationLimit: Record<string, unknown>;
      status: string;
      respondents: { partyId: string }[];
    }>('GET', `/cases/${late.caseId}`, { as: 'wang-fang' });
    expect(view.status).toBe(200);
    expect(view.body.applicationLimit).toMatchObject({
      countsFrom: 'effective-date',
      from: '2023-01-05',
      lastDay: '2025-01-06',
      within: false,
      objections: [],
    });
    // Filed and worked on all the same: the court does not raise the limit by itself.
    expect(view.body.status).not.toBe('closed');
    const lines = await s.request<{ lines: { text: string }[] }>('GET', `/cases/${late.caseId}/timeline`, {
      as: 'wang-fang',
    });
    expect(lines.body.lines.map((l) => l.text).join('\n')).toContain(
      '至2025-01-06届满；本案于2026-03-02申请，已超过期间',
    );

    const respondentId = view.body.respondents[0]?.partyId ?? '';
    // A judge cannot register it; an officer can.
    const byJudge = await s.request('POST', `/cases/${late.caseId}/limitation-objections`, {
      as: 'tang-jie',
      body: { respondentId, receivedOn: '2026-03-02' },
    });
    expect(byJudge.status).toBe(403);
    const raised = await s.request<{ objectionId: string; status: string }>(
      'POST',
      `/cases/${late.caseId}/limitation-objections`,
      { as: 'zhou-ting', body: { respondentId, receivedOn: '2026-03-02', note: '被执行人书面异议' } },
    );
    expect(raised).toMatchObject({ status: 200, body: { status: 'pending' } });
    const path = `/cases/${late.caseId}/limitation-objections/${raised.body.objectionId}/ruling`;

    // The one who registered it may not rule on it, an officer may not rule at all, and the ruling must fit the limit.
    expect(
      (await s.request('POST', path, { as: 'zhou-ting', body: { outcome: 'upheld', reason: '超过申请执行期间' } }))
        .status,
    ).toBe(403);
    expect(
      (await s.request('POST', path, { as: 'wang-fang', body: { outcome: 'upheld', reason: '超过申请执行期间' } }))
        .status,
    ).toBe(403);
    expect(
      (await s.request('POST', path, { as: 'tang-jie', body: { outcome: 'dismissed', reason: '无中断事由' } })).status,
    ).toBe(400);

    const ruled = await s.request('POST', path, {
      as: 'tang-jie',
      body: { outcome: 'upheld', reason: '申请执行已超过二年，无中止、中断事由' },
    });
    expect(ruled).toMatchObject({ status: 200, body: { status: 'upheld', lastDay: '2025-01-06', within: false } });
    expect(
      (await s.request('POST', path, { as: 'tang-jie', body: { outcome: 'upheld', reason: '再次' } })).status,
    ).toBe(409);
    const after = await s.request<{ lines: { text: string }[] }>('GET', `/cases/${late.caseId}/timeline`, {
      as: 'wang-fang',
    });
    expect(after.body.lines.map((l) => l.text).join('\n')).toContain('执行时效异议成立');

    // A timely application: the objection is registered and can only be dismissed.
    const timelyView = await s.request<{ respondents: { partyId: string }[] }>('GET', `/cases/${timely.caseId}`, {
      as: 'wang-fang',
    });
    const second = await s.request<{ objectionId: string }>('POST', `/cases/${timely.caseId}/limitation-objections`, {
      as: 'wang-fang',
      body: { respondentId: timelyView.body.respondents[0]?.partyId, receivedOn: '2026-03-02' },
    });
    const timelyPath = `/cases/${timely.caseId}/limitation-objections/${second.body.objectionId}/ruling`;
    expect(
      (await s.request('POST', timelyPath, { as: 'tang-jie', body: { outcome: 'upheld', reason: '超期' } })).status,
    ).toBe(400);
    expect(
      (
        await s.request('POST', timelyPath, {
          as: 'tang-jie',
          body: { outcome: 'dismissed', reason: '在申请执行期间内' },
        })
      ).body,
    ).toMatchObject({ status: 'dismissed', within: true });
  });

  it("lists the court's preservations for staff, without party ids", async () => {
    const fixture = JSON.parse(readFileSync('test/fixtures/preservation/v1/loan-repayment.json', 'utf8'));
    fixture.detail.rulingNumber = '（2025）冀0922财保99号';
    fixture.id = 'preservation-listed';
    await s.runtime.preservation(fixture);
    const listed = await s.request<{ preservations: Record<string, unknown>[] }>('GET', '/preservations?status=held', {
      as: 'zhao-min',
    });
    expect(listed.status).toBe(200);
    expect(listed.body.preservations).toEqual([
      expect.objectContaining({ rulingNumber: '（2025）冀0922财保99号', status: 'held', earliestExpiry: '2026-03-31' }),
    ]);
    expect(JSON.stringify(listed.body)).not.toMatch(/respondentId|applicantIds|130922/);
  });
});
