/**
 * The console's sign-in on a REAL-CLOCK server, in Chromium: password and one-time code, the session held in an
 * HttpOnly cookie the page cannot read, a refused wrong code, sign-out ending the session on the server.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalApiServer, startLocalApi } from '../../local/api/server.ts';
import { totp } from '../../local/auth/secrets.ts';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'enforce-console-sign-in-'));
let runtime: EmbeddedRuntime;
let server: LocalApiServer;
let browser: Browser;
let page: Page;
let secret = '';

beforeAll(async () => {
  runtime = await EmbeddedRuntime.open({ dataDir: join(dir, 'data'), clock: 'real', logSink: () => undefined });
  server = await startLocalApi(runtime, { port: 0, dataDir: join(dir, 'data') });
  server.accounts.add({ userId: 'li-qiang', password: PASSWORD, admin: false, actor: 'test' });
  secret = server.accounts.enrolTotp('li-qiang', 'test').secret;
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  page = await browser.newPage({ locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('the console on a real-clock server', () => {
  it('refuses a wrong code, signs in with the right one, keeps the session out of reach of scripts, signs out', async () => {
    await page.goto(`${server.url}/`);
    await page.getByLabel('用户名').fill('li-qiang');
    await page.getByLabel('密码').fill(PASSWORD);
    const right = totp(secret, Date.now() / 1000);
    await page.getByLabel('动态口令').fill(String((Number(right) + 1) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('用户名、密码或动态口令不正确').waitFor();
    await page.getByLabel('密码').fill(PASSWORD);
    await page.getByLabel('动态口令').fill(right);
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByTestId('me').textContent()).toContain('李强');
    const visible = await page.evaluate<string>('document.cookie');
    expect(visible).toMatch(/enforce_csrf=/);
    expect(visible).not.toMatch(/enforce_session/);
    expect(
      await page.evaluate<string>("Object.keys(sessionStorage).concat(Object.keys(localStorage)).join(',')"),
    ).not.toMatch(/token/);
    const cookies = await page.context().cookies();
    const session = cookies.find((c) => c.name === 'enforce_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    await page.getByRole('button', { name: '退出' }).click();
    await page.getByLabel('密码').waitFor();
    const after = await fetch(`${server.url}/me`, { headers: { cookie: `enforce_session=${session?.value}` } });
    expect(after.status).toBe(401);
  });
});
