/**
 * The field app signs in as the console does on AWS (Cognito's hosted sign-in, authorization code with PKCE:
 * console/src/api.ts and sign-in.tsx, the same module), in Debian's Chromium with mobile emulation. The hosted
 * sign-in and its token endpoint are played by the router (no AWS account here): it checks what the app sends
 * (client, return page, S256 challenge, the verifier that hashes to it) and answers with an ID token, here a
 * development token the local server accepts, so the app's API calls after sign-in prove the token is used.
 * The page's CSP is bypassed only because the stand-in's domain is not Cognito's: the site's CSP on AWS is
 * asserted in test/infra/console-site.test.ts.
 */
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page, type Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const DOMAIN = 'sign-in.court.example';
const CLIENT = 'field-web-client';

let s: ApiScenario;
let browser: Browser;
let caseNumber = '';
let officer = '';

const base64url = (bytes: Buffer) =>
  bytes.toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

interface Seen {
  authorize?: URLSearchParams;
  token?: URLSearchParams;
}

/** A phone whose field app is configured for Cognito, with the hosted sign-in played by the router. */
async function phoneWithCognito(tokenAnswer: (seen: Seen) => Promise<{ status: number; body: unknown }>) {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    serviceWorkers: 'block',
    bypassCSP: true,
  });
  const page = await context.newPage();
  const seen: Seen = {};
  const redirectUri = `${s.server.url}/field/index.html`;
  await page.route('**/field/config.json', (route) =>
    route.fulfill({
      json: { mode: 'cognito', apiBase: '', cognito: { domain: DOMAIN, clientId: CLIENT, redirectUri } },
    }),
  );
  await page.route(`https://${DOMAIN}/oauth2/authorize?*`, (route: Route) => {
    seen.authorize = new URL(route.request().url()).searchParams;
    return route.fulfill({ status: 302, headers: { location: `${redirectUri}?code=one-time-code` } });
  });
  await page.route(`https://${DOMAIN}/oauth2/token`, async (route: Route) => {
    seen.token = new URLSearchParams(route.request().postData() ?? '');
    const answer = await tokenAnswer(seen);
    return route.fulfill({
      status: answer.status,
      headers: { 'access-control-allow-origin': s.server.url },
      json: answer.body,
    });
  });
  return { page, seen, close: () => context.close() };
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${s.server.url}/field/index.html`);
  await page.getByRole('button', { name: '使用法院统一身份认证登录' }).tap();
}

beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (see docs/guide.md, "Toolchain")`);
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  const filed = await s.runtime.intake(filingEvent(1719));
  if (filed.outcome !== 'created') throw new Error('not filed');
  await s.runtime.advance(24 * 3600);
  const state = await s.load(filed.caseId);
  officer = state.officer ?? '';
  caseNumber = state.caseNumber;
  if (!officer) throw new Error('no officer assigned');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the field app signs in with Cognito, as the console does', () => {
  it('sends the officer to the hosted sign-in with PKCE and back to its own page; the ID token then opens the API', async () => {
    // Prepare
    const token = await s.tokenFor(officer);
    const phone = await phoneWithCognito(async () => ({ status: 200, body: { id_token: token } }));
    try {
      // Act
      await signIn(phone.page);
      const work = phone.page.getByTestId('work-case').filter({ hasText: caseNumber });
      await work.waitFor();

      // Assert: the authorization request, the token request bound to it, the code gone from the address.
      const authorize = phone.seen.authorize;
      expect(authorize?.get('response_type')).toBe('code');
      expect(authorize?.get('client_id')).toBe(CLIENT);
      expect(authorize?.get('redirect_uri')).toBe(`${s.server.url}/field/index.html`);
      expect(authorize?.get('code_challenge_method')).toBe('S256');
      const verifier = phone.seen.token?.get('code_verifier') ?? '';
      expect(base64url(createHash('sha256').update(verifier).digest())).toBe(authorize?.get('code_challenge'));
      expect(phone.seen.token?.get('code')).toBe('one-time-code');
      expect(phone.seen.token?.get('redirect_uri')).toBe(`${s.server.url}/field/index.html`);
      expect(phone.page.url()).toBe(`${s.server.url}/field/index.html`);
      expect(await phone.page.evaluate(() => sessionStorage.getItem('enforcement-console-pkce'))).toBeNull();
    } finally {
      await phone.close();
    }
  });

  it('a code the token endpoint refuses signs no one in: the sign-in button again, no token kept', async () => {
    // Prepare
    const phone = await phoneWithCognito(async () => ({ status: 400, body: { error: 'invalid_grant' } }));
    try {
      // Act
      await signIn(phone.page);
      await phone.page.waitForURL(`${s.server.url}/field/index.html`);

      // Assert
      await phone.page.getByRole('button', { name: '使用法院统一身份认证登录' }).waitFor();
      expect(phone.seen.token?.get('code')).toBe('one-time-code');
      expect(await phone.page.getByTestId('work-case').count()).toBe(0);
      expect(await phone.page.evaluate(() => sessionStorage.getItem('enforcement-console-token'))).toBeNull();
    } finally {
      await phone.close();
    }
  });
});
