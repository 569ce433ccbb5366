/**
 * Start-up shared by the console tests in Chromium (test/browser): Playwright (playwright-core) driving Debian's
 * Chromium (/usr/bin/chromium, or CHROMIUM_PATH), a zh-CN page, and signing in through the console's own form.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import type { ApiScenario } from './api.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Where the console tests put their screenshots. */
export const SHOTS = 'test-output/console';

/** Makes the screenshot folder and fails at once when there is no Chromium to drive. */
export function requireChromium(): void {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}`);
}

/** Launches Chromium and opens one 1280×900 page in zh-CN. */
export async function openConsolePage(): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  return { browser, page };
}

/** Signs in to the console served by the scenario as `userId`; resolves once the console shows who is signed in. */
export async function signIn(page: Page, s: ApiScenario, userId: string): Promise<void> {
  await page.goto(`${s.server.url}/`);
  await page.getByLabel('用户名').fill(userId);
  await page.getByRole('button', { name: '登录' }).click();
  await expect.poll(() => page.getByTestId('me').textContent()).toBeTruthy();
}

/** Closes the browser and the scenario, whichever of them was started. */
export async function closeConsole(browser: Browser | undefined, s: ApiScenario | undefined): Promise<void> {
  await browser?.close();
  await s?.close();
}
