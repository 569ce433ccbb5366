/**
 * 参与分配 (issue 14) in Chromium, on cases run by the embedded runtime: the respondent's 30,000 yuan waits on case
 * A's account when three other creditors apply (one with its own case B against the same respondent, a mortgagee
 * with priority, one with an outside title); the officer makes the plan and the bureau chief signs it, all through
 * the staff API. The case page shows the plan (shares, costs, where the money came from), the objection window with
 * its last day and the other case against the respondent; once the clock nears that day, the command center lists
 * the window among the dispute periods about to run out. Screenshots to test-output/console/.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { closeConsole, openConsolePage, requireChromium, SHOTS, signIn } from '../support/browser.ts';
import { approveUntilDisbursement, otherCreditorsCase } from '../support/distribution.ts';
import { filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const A_NUMBER = '（2026）冀0922执1864号';
const B_NUMBER = '（2026）冀0922执1914号';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let a = '';
let b = '';
let objectBy = '';

async function post(as: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const answer = await s.request<Record<string, unknown>>('POST', `/cases/${a}${path}`, { as, body });
  await s.runtime.runUntilIdle();
  if (answer.status !== 200) throw new Error(`${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

beforeAll(async () => {
  requireChromium();
  s = await apiScenario({
    script: {
      respondents: {
        [RESPONDENT_ID]: {
          eService: 'ok',
          assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 3_000_000 }],
        },
      },
    },
  });
  const first = await s.runtime.intake(filingEvent(864, { claimFen: 5_000_000 }));
  const second = await s.runtime.intake(otherCreditorsCase(914));
  if (first.outcome !== 'created' || second.outcome !== 'created') throw new Error('not filed');
  a = first.caseId;
  b = second.caseId;
  // Case A: every approval given until the disbursement of the deducted 30,000 yuan waits for its own.
  await approveUntilDisbursement(s, a);
  await post('wang-fang', '/distribution/applications', {
    name: '李国强',
    claimFen: 2_500_000,
    title: '（2026）冀0922民初88号',
    caseNumber: B_NUMBER,
  });
  await post('wang-fang', '/distribution/applications', {
    name: '青县农商银行',
    claimFen: 990_000,
    priority: true,
    title: '抵押权登记证明（冀2025青县不动产证明第12号）',
  });
  await post('wang-fang', '/distribution/applications', {
    name: '赵丽',
    claimFen: 1_000_000,
    title: '（2026）冀0922民初99号',
  });
  await post('wang-fang', '/distribution/plan', { costsFen: 10_000 });
  objectBy = String((await post('zhang-wei', '/distribution/serve', {})).objectBy ?? '');
  expect(objectBy).toMatch(/^2026-\d\d-\d\d$/);
  ({ browser, page } = await openConsolePage());
}, 240_000);

afterAll(() => closeConsole(browser, s));

describe('the distribution among creditors in the console', () => {
  it('the case page shows the served plan: shares, costs, the money’s source, the objection window and the other case', async () => {
    await signIn(page, s, 'zhang-wei');
    await page.goto(`${s.server.url}/#/cases/${a}`);
    const disputes = page.getByRole('region', { name: '执行争议' });
    await disputes.waitFor();
    expect(await disputes.getByRole('heading', { level: 4 }).first().textContent()).toBe(
      '参与分配：方案已送达，异议期间',
    );
    expect(await disputes.getByRole('list', { name: '待届满期间' }).textContent()).toBe(
      `分配方案异议期间届满 ${objectBy}`,
    );
    // Costs 100 yuan, the mortgagee in full, then 20,000 yuan pro rata (50,000 : 25,000 : 10,000).
    const rows = await disputes
      .getByRole('table', { name: '参与分配' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
    const applicant = (await s.load(a)).applicants[0]?.name ?? '';
    expect(rows).toEqual([
      ['青县农商银行（优先受偿）', '9,900.00元', '9,900.00元'],
      [`${applicant}（按比例）`, '50,000.00元', '11,764.71元'],
      ['李国强（按比例）', '25,000.00元', '5,882.35元'],
      ['赵丽（按比例）', '10,000.00元', '2,352.94元'],
    ]);
    const summary = (await disputes.locator('.distribution > p').first().textContent()) ?? '';
    expect(summary).toContain('可供分配 30,000.00元');
    expect(summary).toContain('其中扣划存款 30,000.00元');
    expect(summary).toContain('执行费用 100.00元');
    expect(summary).toContain('已发放 0.00元');
    expect(summary).toContain('账户余额 30,000.00元');
    const related = disputes.getByRole('link', { name: B_NUMBER });
    expect(await related.getAttribute('href')).toBe(`#/cases/${b}`);
    await page.screenshot({ path: `${SHOTS}/distribution-case.png`, fullPage: true });
  });

  it('the command center lists the objection window about to run out; its link leads to the case', async () => {
    await page.goto(`${s.server.url}/#/board`);
    const board = page.getByRole('article', { name: '即将届满的执行争议期间' });
    await board.waitFor();
    // Served more than a week before the window ends: not yet listed (7 days ahead by default).
    await expect.poll(() => board.textContent()).toContain('无');
    const before = await page.getByTestId('clock-now').textContent();
    await page.getByLabel('时长（如 3d、12h）').fill('12d');
    await page.getByRole('button', { name: '快进' }).click();
    await expect.poll(() => page.getByTestId('clock-now').textContent()).not.toBe(before);
    const item = board.locator('#pending-disputes li', { hasText: A_NUMBER });
    await expect
      .poll(() => item.textContent(), { timeout: 60_000 })
      .toBe(`${A_NUMBER} 分配方案异议期间届满 ${objectBy}`);
    await page.screenshot({ path: `${SHOTS}/distribution-board.png`, fullPage: true });
    await item.getByRole('link', { name: A_NUMBER }).click();
    await expect.poll(() => page.locator('.case-number').first().textContent()).toBe(A_NUMBER);
  });
});
