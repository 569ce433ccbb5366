/**
 * 诉执衔接 (issue 15) in Chromium, on the embedded runtime: the preservation center's rulings arrive as their events
 * (the v1 fixture, and another respondent's whose enforcement case never comes); the enforcement case of the same
 * parties is filed through intake. The case page shows the preserved seizures carried in with their own start and
 * expiry (the vehicle seal that ran out before filing left behind) and the time limit for applying; the command
 * center lists the preservation still waiting for a case with its earliest expiry, marked once the command center
 * was told, and the one carried into the case. Screenshots to test-output/console/.
 */
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { closeConsole, openConsolePage, requireChromium, SHOTS, signIn } from '../support/browser.ts';
import { filingEvent, RESPONDENT_ID } from '../support/runtime.ts';

const FIXTURE = JSON.parse(readFileSync('test/fixtures/preservation/v1/loan-repayment.json', 'utf8'));
const CASE_NUMBER = '（2026）冀0922执1865号';
const ORPHAN = '（2025）冀0922民初2048号';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let caseId = '';

/** Another respondent's preservation (诉中保全): its deposit freeze runs out on 2026-04-20, no case is ever filed. */
function orphanEvent() {
  const event = structuredClone(FIXTURE);
  const d = event.detail;
  d.rulingNumber = ORPHAN;
  d.kind = 'in-litigation';
  d.respondents = [{ kind: 'organisation', idNumber: '91130922MA0000001X' }];
  d.seizures = [
    {
      ...d.seizures[0],
      seizureId: 'A1',
      respondentIdNumber: '91130922MA0000001X',
      reference: '6217 **** 0009',
      seizedOn: '2025-04-21',
      expiresOn: '2026-04-20',
    },
  ];
  return { ...event, id: 'preservation-orphan' };
}

const rowsOf = (testId: string) =>
  page
    .getByTestId(testId)
    .locator('tbody tr')
    .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));

beforeAll(async () => {
  requireChromium();
  s = await apiScenario({
    script: {
      respondents: {
        [RESPONDENT_ID]: {
          eService: 'ok',
          renew: 'ok',
          assets: [{ channel: 'icbc', class: 'deposit', reference: '6222 **** 0001', balanceFen: 1_000_000 }],
        },
      },
    },
  });
  expect(await s.runtime.preservation(structuredClone(FIXTURE))).toMatchObject({ outcome: 'recorded' });
  expect(await s.runtime.preservation(orphanEvent())).toMatchObject({ outcome: 'recorded' });
  const filed = await s.runtime.intake(filingEvent(865));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
  await s.runtime.runUntilIdle();
  ({ browser, page } = await openConsolePage());
}, 240_000);

afterAll(() => closeConsole(browser, s));

describe('preservations in the console', () => {
  it('the case page shows the seizures carried in, each with its own start and expiry, and the limit for applying', async () => {
    await signIn(page, s, 'zhang-wei');
    await page.goto(`${s.server.url}/#/cases/${caseId}`);
    await page.getByTestId('preserved-assets').waitFor();
    const rows = (await rowsOf('preserved-assets')).sort((x, y) => String(x[1]).localeCompare(String(y[1])));
    expect(rows).toEqual([
      ['（2025）冀0922财保11号', '不动产登记中心不动产 冀(2024)青县不动产权第0001号', '2025-04-02 — 2028-04-01'],
      ['（2025）冀0922财保11号', '中国工商银行银行存款 6222 **** 0001 10,000.00元', '2025-04-01 — 2026-03-31'],
    ]);
    // The case's own asset table gives the same expiry (the freeze's, not restarted at filing).
    expect(
      await page
        .getByRole('row', { name: /6222 \*\*\*\* 0001/ })
        .first()
        .textContent(),
    ).toContain('2026-03-31');
    expect(await page.locator('main').textContent()).not.toContain('冀J·A0001');
    expect(await page.getByTestId('application-limit').textContent()).toMatch(
      /^\d{4}-\d\d-\d\d — 届满日 \d{4}-\d\d-\d\d：在期间内$/,
    );
    await page.screenshot({ path: `${SHOTS}/preservation-case.png`, fullPage: true });
  });

  it('the command center lists the preservation waiting for a case, then marks it once told; and the one carried', async () => {
    await page.goto(`${s.server.url}/#/board`);
    await page.getByTestId('preservations-waiting').waitFor();
    expect(await rowsOf('preservations-waiting')).toEqual([
      [
        ORPHAN,
        '诉中保全',
        '2025-04-01',
        '2026-04-20',
        '中国工商银行银行存款 6217 **** 0009（2025-04-21—2026-04-20）',
        '—',
      ],
    ]);
    // Carried: the case watches the terms now (no warning mark); the vehicle seal that ran out before is marked so.
    expect(await rowsOf('preservations-carried')).toEqual([
      [
        '（2025）冀0922财保11号',
        '诉前保全',
        '2025-04-01',
        '2026-03-31',
        '中国工商银行银行存款 6222 **** 0001（2025-04-01—2026-03-31）；不动产登记中心不动产 冀(2024)青县不动产权第0001号（2025-04-02—2028-04-01）；车辆管理所车辆 冀J·A0001（2024-02-01—2026-01-31，已到期）',
        CASE_NUMBER,
      ],
    ]);
    // Within P-PRESERVATION-ALERT's 30 days of 2026-04-20, the command center has been told.
    const before = await page.getByTestId('clock-now').textContent();
    await page.getByLabel('时长（如 3d、12h）').fill('25d');
    await page.getByRole('button', { name: '快进' }).click();
    await expect.poll(() => page.getByTestId('clock-now').textContent()).not.toBe(before);
    await expect
      .poll(async () => (await rowsOf('preservations-waiting'))[0]?.[3], { timeout: 60_000 })
      .toBe('2026-04-20（已提示指挥中心）');
    await page.screenshot({ path: `${SHOTS}/preservation-board.png`, fullPage: true });
    await page.getByTestId('preservations-carried').getByRole('link', { name: CASE_NUMBER }).click();
    await page.getByTestId('preserved-assets').waitFor();
  });
});
