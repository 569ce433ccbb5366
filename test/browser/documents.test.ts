/**
 * The case page's documents (issue 16) in Chromium: a case run by the embedded runtime until its service documents
 * are issued by their steps; the page lists each (title, number, the start of its SHA-256) and 查看 opens the signed
 * PDF inline in a new tab (the browser's PDF viewer), from the archived bytes (the hash the list shows, the court's
 * signature).
 * Screenshots to test-output/console/.
 */
import { createHash } from 'node:crypto';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdfSignature } from '#adapters/documents/pdf-verify.ts';
import { localDocuments } from '../../local/runtime/documents.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { closeConsole, openConsolePage, requireChromium, SHOTS, signIn } from '../support/browser.ts';
import { fileCase, respondentWith } from '../support/runtime.ts';

let s: ApiScenario;
let browser: Browser;
let page: Page;
let caseId = '';

beforeAll(async () => {
  requireChromium();
  s = await apiScenario({ issueDocuments: true, script: respondentWith({ eService: 'ok', assets: [] }) });
  caseId = await fileCase(s, 866);
  // The service phase issues the notice and the report order as it serves them (the runtime issues them itself).
  await s.live(caseId, 2, 'li-qiang');
  ({ browser, page } = await openConsolePage());
}, 240_000);

afterAll(() => closeConsole(browser, s));

describe('the documents on the case page', () => {
  it('lists each issued document and opens it inline: the signed PDF whose hash the list shows', async () => {
    const archived = await localDocuments(s.runtime).archive.list(caseId);
    const notice = archived.find((d) => d.kind === 'enforcement-notice');
    expect(notice).toBeDefined();
    await signIn(page, s, 'wang-fang');
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
