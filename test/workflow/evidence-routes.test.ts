/** The evidence routes as the staff API will mount them: request in, {status, body} out, the identity given. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evidenceRoutes, route } from '../../functions/api/evidence-routes.ts';
import { sendPresigned } from '../../local/cli/uploader.ts';
import { filingEvent, scenarios } from '../support/runtime.ts';

const open = scenarios();
const photo = randomBytes(4096);
const body = {
  step: 'service',
  contentType: 'image/jpeg',
  sizeBytes: photo.length,
  sha256: createHash('sha256').update(photo).digest('hex'),
  device: 'phone',
  description: '张贴公告现场',
};

async function setUp(n: number) {
  const s = await open();
  const outcome = await s.runtime.intake(filingEvent(n));
  if (outcome.outcome !== 'created') throw new Error('not created');
  const routes = evidenceRoutes(s.runtime.deps, { recordOnComplete: true });
  return { s, caseId: outcome.caseId, routes };
}

describe('the evidence routes', () => {
  it('upload, complete (recorded locally), list, link, verify: each answers with its status', async () => {
    // Prepare
    const { caseId, routes } = await setUp(701);
    const officer = { userId: 'fan-tao' };

    // Act
    const issued = await route(
      routes,
      'POST',
      '/cases/{caseId}/evidence/uploads',
    )({ params: { caseId }, body }, officer);
    const { evidenceId, upload } = issued.body as { evidenceId: string; upload: Parameters<typeof sendPresigned>[0] };
    await sendPresigned(upload, photo);
    const completed = await route(
      routes,
      'POST',
      '/cases/{caseId}/evidence/uploads/{evidenceId}/complete',
    )({ params: { caseId, evidenceId }, body: {} }, officer);
    const listed = await route(
      routes,
      'GET',
      '/cases/{caseId}/evidence',
    )({ params: { caseId }, query: { step: 'service' } }, { userId: 'cao-yue' });
    const link = await route(
      routes,
      'POST',
      '/cases/{caseId}/evidence/{evidenceId}/links',
    )({ params: { caseId, evidenceId }, body: { purpose: 'download' } }, { userId: 'cao-yue' });
    const verified = await route(
      routes,
      'GET',
      '/cases/{caseId}/evidence/verification',
    )({ params: { caseId } }, { userId: 'cao-yue' });

    // Assess
    expect(issued.status).toBe(201);
    expect(completed).toMatchObject({ status: 200, body: { outcome: 'recorded', evidenceId } });
    expect(listed).toMatchObject({ status: 200, body: { evidence: [{ evidenceId, status: 'recorded' }] } });
    expect(link).toMatchObject({ status: 201, body: { evidenceId, link: { method: 'GET' } } });
    expect(verified).toMatchObject({ status: 200, body: { ok: true } });
  });

  it("a malformed body is 400 naming the field; another court's case is the same 404 as an unknown one", async () => {
    // Prepare
    const { caseId, routes } = await setUp(702);
    const upload = route(routes, 'POST', '/cases/{caseId}/evidence/uploads');

    // Act
    const malformed = await upload({ params: { caseId }, body: { ...body, sha256: 'xyz' } }, { userId: 'fan-tao' });
    const otherCourt = await upload({ params: { caseId }, body }, { userId: 'qian-lei' });
    const unknown = await upload({ params: { caseId: 'caaaaaaaaaaaaaaaaaaa' }, body }, { userId: 'fan-tao' });
    const verification = await route(
      routes,
      'GET',
      '/cases/{caseId}/evidence/verification',
    )({ params: { caseId } }, { userId: 'qian-lei' });

    // Assess
    expect(malformed).toEqual({
      status: 400,
      body: { code: 'invalid', message: '请求体不符合要求：sha256 格式不正确' },
    });
    expect(otherCourt).toEqual(unknown);
    expect(unknown).toEqual({ status: 404, body: { code: 'not-found', message: '没有该案件' } });
    expect(verification).toEqual(unknown);
  });
});
