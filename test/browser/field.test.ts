/**
 * The field officers' app (/field/) in Debian's Chromium with mobile emulation (a phone's viewport, touch,
 * geolocation, going offline), and the command center's 外勤 view in the console beside it: check out, capture,
 * go offline, capture again, come back online -> both items recorded once and verified; the command center sees
 * the officer in the field and then back; an overdue return raises an alert. Screenshots go to
 * test-output/field/ (ignored by git).
 *
 * Storage: the phone PUTs the bytes straight to the signed URL, which the staff API server issued to itself
 * (`/storage/objects`, the app's own origin, as a phone on the court network reaches it). Nothing is routed or
 * faked; only going offline is emulated.
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
const HERE = { latitude: 30.5928, longitude: 114.3055 };

let s: ApiScenario;
let browser: Browser;
let phone: BrowserContext;
let app: Page;
let desk: Page;
let caseId = '';
let caseNumber = '';
let officer = '';

async function shot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

function queueItems() {
  return app.getByTestId('queue').locator('li');
}

async function capturePhoto(name: string, bytes: Buffer): Promise<void> {
  await app.locator('input[accept="image/*"]').setInputFiles({ name, mimeType: 'image/jpeg', buffer: bytes });
}

interface Listed {
  evidence: { evidenceId: string; status: string; sha256: string; step: string; verified?: string[] }[];
}

beforeAll(async () => {
  mkdirSync(SHOTS, { recursive: true });
  if (!existsSync(CHROMIUM))
    throw new Error(`no Chromium at ${CHROMIUM}: apt-get install chromium (see docs/guide.md, "Toolchain")`);
  s = await apiScenario({ script: respondentWith({ eService: 'ok', assets: [] }) });
  const filed = await s.runtime.intake(filingEvent(1717));
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
    geolocation: HERE,
    permissions: ['geolocation'],
    userAgent:
      'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Mobile Safari/537.36',
  });
  app = await phone.newPage();
  desk = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
});

afterAll(async () => {
  await browser?.close();
  await s?.close();
});

describe('the field app on a phone, and the command center', () => {
  it('is an installable app: a manifest and a service worker controlling /field/', async () => {
    await app.goto(`${s.server.url}/field/`);
    await app.getByLabel('用户名').waitFor();
    const manifest = await app.evaluate(async () => (await fetch('manifest.webmanifest')).json());
    expect(manifest).toMatchObject({ display: 'standalone', start_url: 'index.html' });
    await expect
      .poll(() =>
        app.evaluate(
          async () =>
            (
              await (
                navigator as unknown as {
                  serviceWorker: { getRegistration(): Promise<{ active?: { state: string } } | undefined> };
                }
              ).serviceWorker.getRegistration()
            )?.active?.state ?? '',
        ),
      )
      .toBe('activated');
    await shot(app, '01-sign-in');
  });

  it('checks out on a case of today’s field work, with the position', async () => {
    await app.getByLabel('用户名').fill(officer);
    await app.getByRole('button', { name: '登录' }).tap();
    const work = app.getByTestId('work-case').filter({ hasText: caseNumber });
    await work.waitFor();
    await app.getByLabel(/同意在签出/).check();
    await shot(app, '02-today');
    await work.getByLabel('外出事由').fill('向被执行人直接送达并现场调查');
    await work.getByRole('button', { name: '外出签出' }).tap();
    await app.getByTestId('trip').waitFor();
    await shot(app, '03-checked-out');
    const trip = await s.runtime.deps.field.openTripOf(officer);
    expect(trip?.caseId).toBe(caseId);
    expect(trip?.positions[0]).toMatchObject({ point: 'check-out', consent: true, latitude: HERE.latitude });
  });

  it('shows the command center the officer in the field', async () => {
    await desk.goto(`${s.server.url}/console/`);
    await desk.getByLabel('用户名').fill('zhao-min');
    await desk.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => desk.getByTestId('me').textContent()).toBeTruthy();
    await desk.getByRole('link', { name: '外勤' }).click();
    const out = desk.getByTestId('field-out');
    await expect.poll(() => out.getByText(caseNumber).count()).toBe(1);
    await shot(desk, '04-command-center-out');
  });

  it('captures online, then offline (kept on the phone), then back online: both recorded once and verified', async () => {
    const first = Buffer.from('现场照片一：张贴公告');
    const second = Buffer.from('现场照片二：被执行人住所外景');
    await capturePhoto('photo-1.jpg', first);
    await expect
      .poll(
        async () =>
          `${await queueItems().first().getAttribute('data-status')} ${await queueItems().first().textContent()}`,
        {
          timeout: 20_000,
        },
      )
      .toMatch(/^verified/);
    await phone.setOffline(true);
    await expect.poll(() => app.getByTestId('network').textContent()).toContain('离线');
    await capturePhoto('photo-2.jpg', second);
    await expect.poll(() => queueItems().count()).toBe(2);
    expect(await queueItems().nth(1).getAttribute('data-status')).toBe('queued');
    // The same bytes captured again are the same item: nothing is queued twice.
    await capturePhoto('photo-2-again.jpg', second);
    await app.getByText('同一文件已在队列中').waitFor();
    expect(await queueItems().count()).toBe(2);
    await shot(app, '05-offline-queue');
    await phone.setOffline(false);
    await expect
      .poll(async () => (await queueItems().evaluateAll((li) => li.map((e) => e.getAttribute('data-status')))).join(), {
        timeout: 30_000,
      })
      .toBe('verified,verified');
    await shot(app, '06-back-online-verified');
    const listed = await s.request<Listed>('GET', `/cases/${caseId}/evidence?step=on-site`, { as: officer });
    const recorded = listed.body.evidence.filter((e) => e.status === 'recorded');
    const hashes = [first, second].map((b) => createHash('sha256').update(b).digest('hex'));
    expect(recorded.map((e) => e.sha256).sort()).toEqual([...hashes].sort());
    expect(recorded.every((e) => (e.verified ?? []).length > 0)).toBe(true);
    expect(listed.body.evidence).toHaveLength(2);
    // Each capture's position is on the trip once, with its evidence.
    const trip = await s.runtime.deps.field.openTripOf(officer);
    const captures = trip?.positions.filter((p) => p.point === 'capture') ?? [];
    expect(captures.map((p) => p.evidenceId).sort()).toEqual(recorded.map((e) => e.evidenceId).sort());
  });

  it('puts the on-site record on the case timeline and checks in: the command center sees the officer back', async () => {
    await app.getByLabel('现场笔录').fill('被执行人不在，已张贴公告并拍照');
    await app.getByRole('button', { name: '提交笔录' }).tap();
    await app.getByText('现场笔录已提交').waitFor();
    const timeline = await s.request<{ lines: { text: string }[] }>('GET', `/cases/${caseId}/timeline`, {
      as: officer,
    });
    expect(timeline.body.lines.filter((l) => l.text.startsWith('现场笔录'))).toHaveLength(1);
    await app.getByRole('button', { name: '签到返回' }).tap();
    await app.getByRole('heading', { name: '今日外勤' }).waitFor();
    await shot(app, '07-checked-in');
    await desk.reload();
    await expect.poll(() => desk.getByTestId('field-back').getByText(caseNumber).count()).toBe(1);
    expect(await desk.getByTestId('field-out').getByText(caseNumber).count()).toBe(0);
    await shot(desk, '08-command-center-back');
  });

  it('raises an alert when a return is overdue, and the panic button reaches the command center', async () => {
    const work = app.getByTestId('work-case').filter({ hasText: caseNumber });
    await work.getByLabel('外出事由').fill('现场查看车辆');
    await work.getByLabel('预计外出（小时）').fill('1');
    await work.getByRole('button', { name: '外出签出' }).tap();
    await app.getByTestId('trip').waitFor();
    const before = s.alerts.length;
    await s.runtime.advance(3600 + (RULES.P_FIELD_LOCATION.overdueGraceMinutes + 10) * 60);
    const overdue = s.alerts.slice(before).filter((a) => a.kind === 'field-return-overdue');
    expect(overdue).toHaveLength(1);
    await app.getByRole('button', { name: '紧急求助' }).tap();
    await app.getByText('已通知指挥中心').waitFor();
    expect(s.alerts.slice(before).filter((a) => a.kind === 'field-incident')).toHaveLength(1);
    await shot(app, '09-panic');
    await desk.reload();
    await desk.getByTestId('field-incidents').waitFor();
    await expect.poll(() => desk.locator('[data-testid="field-out"] .light-overdue').count()).toBe(1);
    await desk.getByRole('button', { name: /查看位置/ }).click();
    await desk.getByText(HERE.latitude.toFixed(5)).waitFor();
    expect((await s.runtime.deps.field.locationReads('HB0922', 10)).map((r) => r.by)).toEqual(['zhao-min']);
    await shot(desk, '10-command-center-overdue-incident');
  });
});
