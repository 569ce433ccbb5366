/**
 * The staff console in Debian's Chromium, driven by Playwright: sign in, decide a task (with the step's
 * evidence shown), watch the case advance, move the virtual clock and see an overdue node appear on the
 * command-center board. Screenshots go to test-output/console/ (ignored by git; CI keeps them as artefacts).
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendPresigned } from '../../local/cli/uploader.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-output/console';
const DEPOSIT = { channel: 'icbc', class: 'deposit' as const, reference: '6222 **** 0001', balanceFen: 8_000_000 };

let s: ApiScenario;
let browser: Browser;
let page: Page;
let flowing = '';
let stalled = '';

async function shot(name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function signIn(userId: string): Promise<void> {
  await page.goto(`${s.server.url}/`);
  await page.getByLabel('用户名').fill(userId);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByTestId('me').textContent()).toBeTruthy();
}

async function signOut(): Promise<void> {
  await page.getByRole('button', { name: '退出' }).click();
  await page.getByLabel('用户名').waitFor();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (see docs/guide.md, "Toolchain")`);
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [DEPOSIT] }) });
  // Two cases: one that will run to closure through the console, one whose control plan is sent back to its officer.
  const first = await s.runtime.intake(filingEvent(801));
  const second = await s.runtime.intake(filingEvent(802));
  if (first.outcome !== 'created' || second.outcome !== 'created') throw new Error('not filed');
  flowing = first.caseId;
  stalled = second.caseId;
  await s.untilPending(flowing);
  for (const approval of await s.pending(stalled))
    await s.runtime.decide({
      approvalId: approval.approvalId,
      decision: 'rejected',
      userId: 'li-qiang',
      reason: '方案需修改',
    });
  // A field officer's photo of the control step: shown to whoever decides it.
  const photo = Buffer.from('a photo of the seized account statement');
  const issued = await s.request<{ evidenceId: string; upload: Parameters<typeof sendPresigned>[0] }>(
    'POST',
    `/cases/${flowing}/evidence/uploads`,
    {
      as: 'fan-tao',
      body: {
        step: 'control-plan',
        contentType: 'image/jpeg',
        sizeBytes: photo.length,
        sha256: createHash('sha256').update(photo).digest('hex'),
        device: 'phone-07',
        description: '银行账户查询回执照片',
      },
    },
  );
  await sendPresigned(issued.body.upload, photo);
  await s.request('POST', `/cases/${flowing}/evidence/uploads/${issued.body.evidenceId}/complete`, {
    as: 'fan-tao',
    body: {},
  });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the staff console in Chromium', () => {
  it('signs in, decides a task with its evidence shown, and watches the case advance to closure', async () => {
    await page.goto(`${s.server.url}/`);
    await page.getByLabel('用户名').waitFor();
    await shot('01-sign-in');
    await signIn('li-qiang');
    const task = page.getByRole('link', { name: '冻结扣划方案审批' }).first();
    await task.waitFor();
    await shot('02-inbox');
    await task.click();
    await page.getByText('银行账户查询回执照片').waitFor();
    await page.getByLabel('理由').fill('经审查，同意冻结扣划');
    await shot('03-decide-form');
    await page.getByRole('button', { name: '提交决定' }).click();
    await page.getByRole('status').getByText('已提交决定').waitFor();
    await page.getByRole('status').getByRole('link', { name: '查看案件' }).click();
    await expect.poll(() => page.getByTestId('case-status').textContent()).not.toBe('控制方案待审批');
    await shot('04-case-after-decision');
    // The bank takes its time: move the virtual clock, then the disbursement comes to the team lead.
    await page.getByLabel('时长（如 3d、12h）').fill('3d');
    await page.getByRole('button', { name: '快进' }).click();
    await page.getByRole('link', { name: '我的待办' }).click();
    const disbursement = page.getByRole('link', { name: '执行款发放审批' }).first();
    await disbursement.waitFor();
    await disbursement.click();
    const amount = (await s.pending(flowing)).find((a) => a.step === 'disbursement')?.amountFen ?? 0;
    await page.getByLabel('核对发放总金额（元）').fill((amount / 100).toFixed(2));
    await page.getByRole('button', { name: '提交决定' }).click();
    await page.getByRole('status').getByRole('link', { name: '查看案件' }).click();
    await expect.poll(async () => page.getByTestId('case-status').textContent(), { timeout: 20_000 }).toBe('已结案');
    await page.getByText('执行完毕').first().waitFor();
    await shot('05-case-closed');
    expect((await s.load(flowing)).status).toBe('closed');
  });

  it('shows the command center an overdue node once the virtual clock passes its due date', async () => {
    await signOut();
    await signIn('zhao-min');
    await page.getByRole('link', { name: '指挥中心' }).click();
    await page.getByRole('heading', { name: '逾期节点' }).waitFor();
    expect(await page.getByTestId('overdue-nodes').count()).toBe(0);
    await shot('06-board-before');
    // Six months pass with nobody moving the stalled case: its enforcement term (A1) runs out.
    await page.getByLabel('时长（如 3d、12h）').fill('190d');
    await page.getByRole('button', { name: '快进' }).click();
    const overdue = page.getByTestId('overdue-nodes');
    await overdue.waitFor({ timeout: 60_000 });
    await expect.poll(() => overdue.getByText('执行期限届满').count()).toBeGreaterThan(0);
    await shot('07-board-overdue');
    // The case page shows the node red.
    await overdue.getByRole('link').first().click();
    await page.locator('tr[data-node="enforcement-term"] .light-overdue').waitFor();
    await shot('08-case-overdue-node');
    expect((await s.load(stalled)).nodes['enforcement-term']?.status).toBe('overdue');
  });
});
