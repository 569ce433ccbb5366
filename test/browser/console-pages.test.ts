/**
 * The console's pages on the demo court (`enforce start`), at a desktop width and on a 360 px phone: names rather
 * than ids, done nodes with their completion date and lateness, one money format, supervision tasks naming their
 * node, case numbers on one line, no page wider than the phone, English mode, and the export button's .xlsx read
 * back with read-excel-file. Screenshots go to test-output/console/ (pages-*.png).
 */
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { killed, start } from '../support/cli.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-output/console';
const scratch = mkdtempSync(join(tmpdir(), 'enforce-pages-'));

let server: ChildProcess;
let url = '';
let browser: Browser;
let desktop: Page;
let phone: Page;

async function signIn(page: Page, userId: string): Promise<void> {
  await page.goto(`${url}/console/`);
  const signOut = page.getByRole('button', { name: /退出|Sign out/ });
  if (await signOut.isVisible().catch(() => false)) await signOut.click();
  await page.getByLabel('用户名').fill(userId);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByTestId('me').textContent()).toBeTruthy();
}

/** The page is no wider than its viewport (nothing makes a phone scroll sideways). */
async function fits(page: Page): Promise<void> {
  // Evaluated in the page (a string: this project's Node types have no DOM).
  const [width, viewport] = (await page.evaluate('[document.documentElement.scrollWidth, window.innerWidth]')) as [
    number,
    number,
  ];
  expect(width).toBeLessThanOrEqual(viewport);
}

/** Every case number on the page sits on one line. */
async function caseNumbersOneLine(page: Page): Promise<void> {
  const wrapped = (await page.evaluate(
    "[...document.querySelectorAll('.case-number')].filter((e) => e.getClientRects().length > 1).length",
  )) as number;
  expect(wrapped).toBe(0);
  expect(await page.locator('.case-number').count()).toBeGreaterThan(0);
}

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/pages-${name}.png`, fullPage: true });
}

async function caseIdOf(number: string): Promise<string> {
  const token = (await (
    await fetch(`${url}/auth/token`, { method: 'POST', body: JSON.stringify({ userId: 'zhang-wei' }) })
  ).json()) as { token: string };
  const found = (await (
    await fetch(`${url}/lookup?caseNumber=${encodeURIComponent(number)}`, {
      headers: { authorization: `Bearer ${token.token}` },
    })
  ).json()) as { items: { caseId: string }[] };
  return found.items[0]?.caseId ?? '';
}

/** The demo court's URL, asked of the data directory's discovery file (what the CLI reads too). */
async function urlOf(_server: ChildProcess): Promise<string> {
  const { runningServer } = await import('../../local/api/discovery.ts');
  return runningServer(join(scratch, 'demo'))?.url ?? '';
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (see docs/guide.md, "Toolchain")`);
  server = await start(['--data-dir', join(scratch, 'demo'), 'start', '--port', '0'], /重新开始：/);
  url = await urlOf(server);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-sync'],
  });
  desktop = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN', acceptDownloads: true });
  phone = await browser.newPage({
    viewport: { width: 360, height: 740 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
  });
  // A loaded CI machine can take longer than Playwright's 30 s default to render the board.
  for (const page of [desktop, phone]) page.setDefaultTimeout(90_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (server) await killed(server);
  rmSync(scratch, { recursive: true, force: true });
});

describe('the console pages, polished', () => {
  it('resolves the server URL', () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('tasks: a supervision task names its node; case numbers on one line; fits a phone', async () => {
    for (const page of [desktop, phone]) {
      await signIn(page, 'li-qiang');
      await page
        .getByRole('link', { name: /^逾期节点督办：/ })
        .first()
        .waitFor();
      await caseNumbersOneLine(page);
      await fits(page);
    }
    await shot(desktop, 'tasks-desktop');
    await shot(phone, 'tasks-360');
    await desktop
      .getByRole('link', { name: /^逾期节点督办：/ })
      .first()
      .click();
    await desktop.getByRole('heading', { name: /逾期节点督办：.+ · （2026）冀0922执301号/ }).waitFor();
    await shot(desktop, 'task-desktop');
  });

  it('a case: officer and team by name, done nodes with their date and lateness, money as 元 only', async () => {
    const loan = await caseIdOf('（2026）冀0922执301号');
    const flagship = await caseIdOf('（2026）冀0922执88号');
    for (const page of [desktop, phone]) {
      await page.goto(`${url}/console/#/cases/${loan}`);
      await expect.poll(() => page.getByTestId('case-officer').textContent()).toBe('王芳');
      expect(await page.getByTestId('case-team').textContent()).toBe('简案快执团队');
      const late = page.locator('tr[data-node="notice-sent"] [data-testid="node-done"]');
      await expect.poll(() => late.textContent()).toMatch(/^2026-05-05逾期\d+天$/);
      const body = (await page.locator('main').textContent()) ?? '';
      expect(body).not.toContain('wang-fang');
      expect(body).not.toContain('¥');
      expect(body).toMatch(/51,650\.00元/);
      await caseNumbersOneLine(page);
      await fits(page);
    }
    await shot(desktop, 'case-late-desktop');
    await shot(phone, 'case-late-360');
    for (const page of [desktop, phone]) {
      await page.goto(`${url}/console/#/cases/${flagship}`);
      await expect.poll(() => page.getByTestId('case-status').textContent()).toBe('已结案');
      const done = page.locator('tr[data-node="notice-sent"] [data-testid="node-done"]');
      await expect.poll(() => done.textContent()).toMatch(/^2026-03-0\d$/);
      await fits(page);
    }
    await shot(desktop, 'case-closed-desktop');
    await shot(phone, 'case-closed-360');
  });

  it('the board: officers by name, fits a phone; its export button downloads an .xlsx with the expected rows', async () => {
    for (const page of [desktop, phone]) {
      await signIn(page, 'zhang-wei');
      await page.goto(`${url}/console/#/board`);
      const overdue = page.getByTestId('overdue-nodes');
      await overdue.waitFor();
      await expect.poll(() => overdue.textContent()).toContain('王芳');
      await caseNumbersOneLine(page);
      await fits(page);
    }
    await shot(desktop, 'board-desktop');
    await shot(phone, 'board-360');
    await desktop.getByLabel('报表', { exact: true }).selectOption('cases');
    await desktop.getByLabel('自').fill('2026-03-01');
    await desktop.getByLabel('至').fill('2026-03-31');
    const [download] = await Promise.all([
      desktop.waitForEvent('download'),
      desktop.getByRole('button', { name: '导出 Excel' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('案件清单_2026-03-01_2026-03-31.xlsx');
    const file = join(scratch, 'cases.xlsx');
    await download.saveAs(file);
    const [sheet] = await readXlsxFile(readFileSync(file));
    const rows = (sheet?.data ?? []) as unknown[][];
    expect(rows[0]).toEqual(['案号', '状态', '阶段', '团队', '承办人', '执行标的（元）', '已到账（元）', '立案日期']);
    expect(rows.map((r) => r[0]).sort()).toEqual(['案号', '（2026）冀0922执301号', '（2026）冀0922执88号']);
    expect(rows.find((r) => r[0] === '（2026）冀0922执301号')?.slice(3, 6)).toEqual(['简案快执团队', '王芳', 51650]);
    await shot(desktop, 'board-exported-desktop');
  });

  it('English mode names steps, nodes, statuses and phases in English', async () => {
    await signIn(desktop, 'li-qiang');
    await desktop.getByRole('button', { name: 'English' }).click();
    const step = desktop.getByRole('link', { name: /^Overdue node$/ }).first();
    await step.waitFor();
    const headers = (await desktop.locator('thead').first().textContent()) ?? '';
    expect(headers).not.toMatch(/[\u4e00-\u9fff]/);
    await shot(desktop, 'tasks-english-desktop');
    await desktop.goto(`${url}/console/#/cases/${await caseIdOf('（2026）冀0922执301号')}`);
    await desktop.locator('tr[data-node="notice-sent"]').waitFor();
    const nodes = (await desktop.locator('table.nodes').textContent()) ?? '';
    expect(nodes).toContain('Notice sent');
    expect(nodes).toMatch(/\d+ days late/);
    expect(nodes).not.toMatch(/[\u4e00-\u9fff]/);
    expect((await desktop.locator('.facts').textContent()) ?? '').not.toMatch(/网络查控中|查控/);
    await shot(desktop, 'case-english-desktop');
    await desktop.getByRole('button', { name: '中文' }).click();
  });
});
