/**
 * The case page's documents (issue 16) in Chromium: a case run by the embedded runtime until its service documents
 * are issued by their steps; the page lists each (title, number, the start of its SHA-256) and 查看 opens the signed
 * PDF inline in a new tab (the browser's PDF viewer), from the archived bytes (the hash the list shows, the court's
 * signature).
 * Screenshots to test-output/console/.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-output/console';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let caseId = '';

async function signIn(userId: string): Promise<void> {
  await page.goto(`${s.server.url}/`);
  await page.getByLabel('用户名').fill(userId);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByTestId('me').textContent()).toBeTruthy();
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
  s = await apiScenario({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
  const filed = await s.runtime.intake(filingEvent(866));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
  // The service phase issues the notice and the report order as it serves them (the runtime issues them itself).
  await s.live(caseId, 2, 'li-qiang');
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the documents on the case page', () => {
  it('lists each issued document and opens it inline: the signed PDF whose hash the list shows', async () => {
    const archived = await localDocuments(s.runtime).archive.list(caseId);
    const notice = archived.find((d) => d.kind === 'enforcement-notice');
    expect(notice).toBeDefined();
    await signIn('wang-fang');
    await page.goto(`${s.server.url}/#/cases/${caseId}`);
    const list = page.locator('ul.documents');
    await list.waitFor();
    const items = await list.locator('li').allTextContents();
    expect(items).toHaveLength(archived.length);
    const line = list.locator('li', { hasText: notice?.number ?? '' });
    const text = (await line.textContent()) ?? '';
    expect(text).toMatch(/^2026-\d\d-\d\d \d\d:\d\d 执行通知书 （2026）.+执通\d+号（SHA-256 [0-9a-f]{12}…） 查看$/);
    expect(text).toContain(`SHA-256 ${notice?.sha256.slice(0, 12)}…`);
    await page.screenshot({ path: `${SHOTS}/documents-case.png`, fullPage: true });

    const [tab, response] = await Promise.all([
      page.context().waitForEvent('page'),
      page.waitForResponse((r) => r.url().endsWith(`/documents/${notice?.docId}/pdf`)),
      line.getByRole('button', { name: '查看' }).click(),
    ]);
    // The tab shows the PDF itself (the browser's viewer, where it prints), from the bytes the console was sent.
    await expect.poll(() => tab.url(), { timeout: 60_000 }).toMatch(/^blob:/);
    await expect.poll(() => tab.evaluate('document.contentType'), { timeout: 60_000 }).toBe('application/pdf');
    const shown = Buffer.from(((await response.json()) as { pdfBase64: string }).pdfBase64, 'base64');
    expect(shown.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(createHash('sha256').update(shown).digest('hex')).toBe(notice?.sha256);
    const state = await s.load(caseId);
    const identity = await localDocuments(s.runtime).keys.identity(state.court);
    expect(verifyPdfSignature(shown, identity.certificatePem)).toMatchObject({ valid: true });
    await tab.close();
  });
});
