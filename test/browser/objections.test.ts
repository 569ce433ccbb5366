/**
 * The objections (执行异议, issue 14) in Chromium, on a case run by the embedded runtime: the respondent's deposit is
 * deducted and waits to be paid out; the respondent objects to the deduction (through the staff API, as an officer
 * registers it). The case page shows the pending objection with its examination deadline; once the clock has moved
 * on, the command center lists it among the objection periods about to run out, with the officer by name.
 * Screenshots to test-output/console/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnforcementCase } from '#domain/case/model.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { closeConsole, openConsolePage, requireChromium, SHOTS, signIn } from '../support/browser.ts';
import { confirmation, DECIDERS, filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const ACCOUNT = '6222 **** 0031';
const CASE_NUMBER = '（2026）冀0922执1863号';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let caseId = '';
let dueDate = '';

/** Lets time pass, approving everything but the disbursement (the deducted money stays on the case account). */
async function holdingMoney(done: (c: EnforcementCase) => boolean): Promise<EnforcementCase> {
  for (let hours = 0; hours < 30 * 24; hours += 6) {
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
  throw new Error('the deposit was never deducted');
}

beforeAll(async () => {
  requireChromium();
  s = await apiScenario({
    script: {
      respondents: {
        [RESPONDENT_ID]: {
          eService: 'ok',
          assets: [{ channel: 'icbc', class: 'deposit', reference: ACCOUNT, balanceFen: 1_234_567 }],
        },
      },
    },
  });
  const filed = await s.runtime.intake(filingEvent(863, { claimFen: 5_000_000 }));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
  const deducted = await holdingMoney((c) => c.status === 'disbursement-approval');
  const deposit = Object.values(deducted.assets).find((a) => a.reference === ACCOUNT);
  const objection = await s.request<{ status: string; nodes: { node: string; dueDate: string }[] }>(
    'POST',
    `/cases/${caseId}/objections`,
    {
      as: 'wang-fang',
      body: {
        kind: 'act',
        act: 'deduction',
        assetId: deposit?.assetId,
        objector: { name: '被执行人', role: 'respondent' },
        grounds: '被扣划的款项系社会保障金，依法不得扣划',
      },
    },
  );
  expect(objection.status).toBe(200);
  await s.runtime.runUntilIdle();
  dueDate = objection.body.nodes[0]?.dueDate ?? '';
  expect(dueDate).toMatch(/^2026-\d\d-\d\d$/);
  ({ browser, page } = await openConsolePage());
}, 240_000);

afterAll(() => closeConsole(browser, s));

describe('objections in the console', () => {
  it('the case page shows the pending objection: who objected, to what, its state and its examination deadline', async () => {
    await signIn(page, s, 'zhang-wei');
    await page.goto(`${s.server.url}/#/cases/${caseId}`);
    const section = page.getByTestId('case-disputes');
    await section.waitFor();
    expect(await section.getByRole('heading').textContent()).toBe('执行异议与案外人异议');
    const row = section.locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await section.locator('th').allTextContents()).toEqual([
      '异议',
      '异议人',
      '异议对象',
      '状态',
      '期间',
      '到期日',
    ]);
    const cells = await row.locator('td').allTextContents();
    // What a person reads: the kind of objection and the day it was filed, never the objection's internal id.
    expect(cells[0]).toMatch(/^执行行为异议（2026-\d\d-\d\d提出）$/);
    expect(cells[1]).toBe('被执行人（被执行人）');
    expect(cells[2]).toContain(`扣划：`);
    expect(cells[2]).toContain(ACCOUNT);
    expect(cells[3]).toBe('审查中');
    expect(cells[4]).toBe('执行异议审查');
    expect(cells[5]).toMatch(new RegExp(`^${dueDate}（(正常|即将到期)）$`));
    // The objections sit with the case's other sections, inside the case, above the timeline.
    const timeline = page.getByRole('heading', { name: '案件时间线' });
    expect(await page.locator('section[aria-labelledby="case-title"]').getByTestId('case-disputes').count()).toBe(1);
    const order = await section.evaluate(
      // 4: DOCUMENT_POSITION_FOLLOWING (the timeline heading comes after the section).
      (el, heading) => (heading ? el.compareDocumentPosition(heading) & 4 : 0),
      await timeline.elementHandle(),
    );
    expect(order).toBeTruthy();
    await page.screenshot({ path: `${SHOTS}/objections-case.png`, fullPage: true });
  });

  it('the command center lists the objection about to run out, with its case, deadline and officer by name', async () => {
    await page.goto(`${s.server.url}/#/board`);
    const board = page.getByTestId('board-disputes');
    await board.waitFor();
    // A staff member moves the virtual clock on, into the examination's last two working days (P-NODE-WARNING).
    const before = await page.getByTestId('clock-now').textContent();
    await page.getByLabel('时长（如 3d、12h）').fill('12d');
    await page.getByRole('button', { name: '快进' }).click();
    await expect.poll(() => page.getByTestId('clock-now').textContent()).not.toBe(before);
    const today = ((await page.getByTestId('clock-now').textContent()) ?? '').slice(0, 10);
    expect(today < dueDate).toBe(true);
    const row = board.locator('tbody tr', { hasText: CASE_NUMBER });
    await expect
      .poll(() => row.locator('td').allTextContents(), { timeout: 60_000 })
      .toEqual([CASE_NUMBER, '执行异议审查', dueDate, '王芳', '即将到期']);
    await row.getByRole('link', { name: CASE_NUMBER }).click();
    await expect
      .poll(() => page.getByTestId('case-disputes').locator('tbody td').nth(5).textContent())
      .toBe(`${dueDate}（即将到期）`);
    await page.screenshot({ path: `${SHOTS}/objections-board.png`, fullPage: true });
  });
});
