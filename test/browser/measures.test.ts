/**
 * The case page's measures in Chromium: an officer applies for judicial relief for the applicant from the console;
 * the approval appears in the bureau chief's tasks, and the page then shows the relief decided. Then the officer
 * asks for the respondent to be restricted from leaving the country; approved, the exit-entry authority is notified
 * and the page shows the restriction in force and confirmed. A reward notice published, a lead from the public is
 * listed by when it came in, who gave it (the informant's registration number) and what it says, never by its id.
 * Screenshots to test-output/console/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { closeConsole, openConsolePage, requireChromium, SHOTS, signIn } from '../support/browser.ts';
import { confirmation, DECIDERS, fileCase, respondentWith } from '../support/runtime.ts';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let caseId = '';

beforeAll(async () => {
  requireChromium();
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  caseId = await fileCase(s, 851);
  ({ browser, page } = await openConsolePage());
});

afterAll(() => closeConsole(browser, s));

describe('the measures on the case page', () => {
  it('applies for judicial relief from the console; once decided, the page shows the amount granted', async () => {
    await signIn(page, s, 'wang-fang');
    await page.goto(`${s.server.url}/#/cases/${caseId}`);
    const relief = page.getByRole('group', { name: '申请国家司法救助（报请审批）' });
    await relief.getByLabel('金额（元）').fill('20,000');
    await relief.getByLabel('生活面临的急迫困难').fill('交通事故伤残，治疗费用无着');
    await relief.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已提交' }).count()).toBe(1);
    await page.screenshot({ path: `${SHOTS}/measures-relief-applied.png`, fullPage: true });
    await s.runtime.runUntilIdle();
    const [approval] = (await s.pending(caseId)).filter((a) => a.step === 'judicial-relief');
    expect(approval?.requiredRole).toBe('bureau-chief');
    expect(
      await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'zhang-wei' }),
    ).toMatchObject({ ok: true });
    await page.reload();
    await expect.poll(() => page.getByRole('row', { name: /国家司法救助/ }).textContent()).toContain('20,000.00元');
  });
  it('asks for an exit restriction from the console; once approved and notified, the page shows it in force', async () => {
    await page.goto(`${s.server.url}/#/cases/${caseId}`);
    const form = page.getByRole('group', { name: '限制被执行人出境（报请审批）' });
    await form.getByLabel('事实和理由').fill('被执行人已购买出境机票');
    await form.getByRole('button', { name: '提交' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已提交' }).count()).toBe(1);
    const row = page.getByRole('row', { name: /^限制出境/ });
    await expect.poll(() => row.locator('td').textContent()).toMatch(/^待审批 · 已确认限制 0\/1 · 已解除 0$/);
    await s.runtime.runUntilIdle();
    const [approval] = (await s.pending(caseId)).filter((a) => a.step === 'exit-ban');
    expect(
      await s.runtime.decide({ approvalId: approval?.approvalId ?? '', decision: 'approved', userId: 'zhang-wei' }),
    ).toMatchObject({ ok: true });
    await s.until(caseId, (c) => (c.measures?.exitBan?.restricted.length ?? 0) > 0, 5);
    await page.reload();
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /^限制出境/ })
          .locator('td')
          .textContent(),
      )
      .toMatch(/^已限制出境 · 已确认限制 1\/1 · 已解除 0 · 2026-\d\d-\d\d \d\d:\d\d 第1次通知出入境管理机关$/);
    await page.screenshot({ path: `${SHOTS}/measures-exit-ban.png`, fullPage: true });
  });

  it('lists a reward lead by when it came in, who gave it and what it says, not by its id', async () => {
    // The case is under way (its filing approved), so the applicant may ask for a reward notice.
    for (let i = 0; i < 5 && (await s.load(caseId)).status === 'filed'; i += 1) {
      await s.runtime.runUntilIdle();
      for (const approval of await s.pending(caseId))
        await s.runtime.decide({
          approvalId: approval.approvalId,
          decision: 'approved',
          userId: DECIDERS[approval.requiredRole] ?? '',
          ...confirmation(approval),
        });
    }
    const applicantId = (await s.load(caseId)).applicants[0]?.partyId ?? '';
    const as = 'wang-fang';
    const post = (path: string, body: Record<string, unknown>) =>
      s.request('POST', `/cases/${caseId}/measures${path}`, { as, body });
    expect((await post('/reward', { applicantId, method: 'fixed', amountFen: 100_000 })).status).toBe(200);
    await s.runtime.runUntilIdle();
    const approval = (await s.pending(caseId)).find((a) => a.step === 'reward-notice');
    expect(
      await s.runtime.decide({
        approvalId: approval?.approvalId ?? '',
        decision: 'approved',
        userId: DECIDERS[approval?.requiredRole ?? ''] ?? '',
      }),
    ).toMatchObject({ ok: true });
    expect((await post('/reward/deposit', { amountFen: 100_000, reference: 'DEP-851' })).status).toBe(200);
    const lead = await s.request<{ leadId: string }>('POST', `/cases/${caseId}/measures/reward/leads`, {
      as,
      body: { informantRef: 'JB-2026-851', summary: '被执行人在某商场经营的门店有营业收入' },
    });
    expect(lead.status).toBe(200);
    await page.reload();
    const row = page.getByRole('row', { name: /^悬赏线索/ });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByRole('rowheader').textContent()).toMatch(/^悬赏线索（2026-\d\d-\d\d收到）$/);
    const text = (await row.locator('td').textContent()) ?? '';
    expect(text).toMatch(
      /^举报人登记编号JB-2026-851：被执行人在某商场经营的门店有营业收入 · 待核查 · 带来执行款0\.00元$/,
    );
    expect(await page.locator('.measures').textContent()).not.toContain(lead.body.leadId);
    await page.screenshot({ path: `${SHOTS}/measures-reward-lead.png`, fullPage: true });
  });
});
