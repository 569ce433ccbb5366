/**
 * A large video from the field app (/field/) in Debian's Chromium with mobile emulation: sent by parts through the
 * signed part links (the staff API server's /storage/objects), the network drops in the middle of part 2, and when
 * it returns the app resumes: parts storage acknowledged are not sent again, the capture is not declared again, and
 * the record's SHA-256 is the one the phone computed. The drop is real for the page (the context goes offline) and
 * the part in flight is cut (routed to a network error); nothing else is routed.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '#domain/rules/table.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent, respondentWith } from '../support/runtime.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = 'test-output/field';
const PART = RULES.P_EVIDENCE.partBytes;

let s: ApiScenario;
let browser: Browser;
let phone: BrowserContext;
let app: Page;
let caseId = '';
let caseNumber = '';
let officer = '';

interface Listed {
  evidence: { evidenceId: string; status: string; sha256: string; verified?: string[] }[];
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (see docs/guide.md, "Toolchain")`);
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  const filed = await s.runtime.intake(filingEvent(1718));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
  await s.runtime.advance(24 * 3600);
  const state = await s.load(caseId);
  officer = state.officer ?? '';
  caseNumber = state.caseNumber;
  if (!officer) throw new Error('no officer assigned');
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking'],
  });
  phone = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'zh-CN',
    // The service worker is the other test's subject; here it would keep the page's requests from the router.
    serviceWorkers: 'block',
  });
  app = await phone.newPage();
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('a large video from the field app', () => {
  it('is sent by parts; the network drops during part 2; back online it resumes from part 2, once, and is verified', async () => {
    // Prepare: signed in, out on the case; a video of two and a half parts.
    const video = Buffer.alloc(PART * 2 + PART / 2);
    for (let i = 0; i < video.length; i += 4096) video.writeUInt32BE(i, i);
    const sha256 = createHash('sha256').update(video).digest('hex');
    const parts: number[] = [];
    let declarations = 0;
    app.on('request', (request) => {
      const url = new URL(request.url());
      if (request.method() === 'PUT' && url.pathname === '/storage/objects')
        parts.push(Number(url.searchParams.get('part')));
      if (request.method() === 'POST' && url.pathname.endsWith('/evidence/uploads')) declarations++;
    });
    let dropped = false;
    await app.route('**/storage/objects?*', async (route) => {
      if (!dropped && new URL(route.request().url()).searchParams.get('part') === '2') {
        dropped = true;
        await phone.setOffline(true);
        await route.abort('internetdisconnected');
        return;
      }
      await route.continue();
    });
    await app.goto(`${s.server.url}/field/`);
    await app.getByLabel('用户名').fill(officer);
    await app.getByRole('button', { name: '登录' }).tap();
    const work = app.getByTestId('work-case').filter({ hasText: caseNumber });
    await work.getByLabel('外出事由').fill('现场查看并录像');
    await work.getByRole('button', { name: '外出签出' }).tap();
    await app.getByTestId('trip').waitFor();
    const item = app.getByTestId('queue').locator('li');

    // Act: capture; the drop cuts part 2 and the phone is offline; then the network returns.
    await app
      .locator('input[accept="video/*"]')
      .setInputFiles({ name: 'scene.mp4', mimeType: 'video/mp4', buffer: video });
    await expect.poll(() => item.first().getAttribute('data-status'), { timeout: 60_000 }).toBe('failed');
    await expect.poll(() => app.getByTestId('network').textContent()).toContain('离线');
    expect(await item.first().textContent()).toContain('已传 1/3 段');
    expect(await item.first().textContent()).toContain('网络中断');
    await app.screenshot({ path: `${SHOTS}/11-video-interrupted.png`, fullPage: true });
    const beforeResume = [...parts];
    await phone.setOffline(false);
    await expect.poll(() => item.first().getAttribute('data-status'), { timeout: 60_000 }).toBe('verified');
    await app.screenshot({ path: `${SHOTS}/12-video-resumed-verified.png`, fullPage: true });

    // Assert: part 1 once, part 2 cut then once, part 3 once; one declaration; one record with the phone's hash.
    expect(beforeResume).toEqual([1, 2]);
    expect(parts).toEqual([1, 2, 2, 3]);
    expect(declarations).toBe(1);
    const listed = await s.request<Listed>('GET', `/cases/${caseId}/evidence?step=on-site`, { as: officer });
    expect(listed.body.evidence).toHaveLength(1);
    expect(listed.body.evidence[0]).toMatchObject({ status: 'recorded', sha256 });
    expect(listed.body.evidence[0]?.verified?.length).toBeGreaterThan(0);
  });
});
