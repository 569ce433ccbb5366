/**
 * The loopback evidence gate and browsers (CORS): a page of the staff API server holding a link the runtime issued
 * in process (the CLI's, not the server's: those name the server itself, evidence-server-links.test.ts) may use it
 * from another origin. The gate answers the preflight for that server's own origins only, with only the methods and
 * headers a signed link uses; a page of any other origin gets no CORS header, and its requests are refused even
 * with a signed link. Without an Origin (the CLI) nothing changes: the signature alone decides.
 */
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issueEvidenceUpload, type UploadRequest } from '#use-cases/evidence.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent } from '../support/runtime.ts';

const OFFICER = { userId: 'fan-tao' };
const FOREIGN = 'http://127.0.0.1:1';

let s: ApiScenario;
let caseId = '';

beforeAll(async () => {
  s = await apiScenario();
  const filed = await s.runtime.intake(filingEvent(901));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
});
afterAll(async () => {
  await s?.close();
});

async function signedUpload(bytes: Buffer) {
  const request: UploadRequest = {
    step: 'seizure',
    contentType: 'image/jpeg',
    sizeBytes: bytes.length,
    sha256: createHash('sha256').update(bytes).digest('hex'),
    device: 'phone',
    description: '查封现场照片',
  };
  const issued = await issueEvidenceUpload(s.runtime.deps)(OFFICER, caseId, request);
  if (issued.method !== 'single') throw new Error('expected a single upload');
  const { 'content-length': _length, ...headers } = issued.upload.headers;
  return { url: issued.upload.url, headers, evidenceId: issued.evidenceId };
}

function preflight(url: string, origin: string, method = 'PUT', headers = 'content-type,x-amz-checksum-sha256') {
  return fetch(url, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': method, 'access-control-request-headers': headers },
  });
}

const allowOrigin = (response: Response) => response.headers.get('access-control-allow-origin');

describe('the evidence gate answers CORS for the staff API server’s own origin only', () => {
  it('the server’s origin: the preflight allows PUT and GET with the signed headers only, and the PUT is answered to it', async () => {
    // Prepare
    const bytes = randomBytes(2048);
    const upload = await signedUpload(bytes);
    const origin = s.server.url;

    // Act
    const allowed = await preflight(upload.url, origin);
    const put = await fetch(upload.url, { method: 'PUT', headers: { ...upload.headers, origin }, body: bytes });

    // Assert
    expect(allowed.status).toBe(204);
    expect(allowOrigin(allowed)).toBe(origin);
    expect(allowed.headers.get('access-control-allow-methods')).toBe('PUT, GET');
    expect(allowed.headers.get('access-control-allow-headers')).toBe('content-type, x-amz-checksum-sha256');
    expect(allowed.headers.get('vary')).toBe('Origin');
    expect(put.status).toBe(200);
    expect(allowOrigin(put)).toBe(origin);
    expect(put.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(put.headers.get('etag')).toContain(createHash('sha256').update(bytes).digest('hex'));
  });

  it('the server’s origin asking for another method or header: no allowance', async () => {
    // Prepare
    const upload = await signedUpload(randomBytes(1024));

    // Act
    const del = await preflight(upload.url, s.server.url, 'DELETE', '');
    const extra = await preflight(upload.url, s.server.url, 'PUT', 'content-type,authorization');

    // Assert
    for (const answer of [del, extra]) {
      expect(answer.status).toBe(403);
      expect(allowOrigin(answer)).toBeNull();
      expect(answer.headers.get('access-control-allow-methods')).toBeNull();
    }
  });

  it('another origin: no CORS header, and its PUT is refused even with a signed link; nothing is recorded', async () => {
    // Prepare
    const bytes = randomBytes(1024);
    const upload = await signedUpload(bytes);
    const key = `cases/${caseId}/evidence/${upload.evidenceId}`;

    // Act
    const refusedPreflight = await preflight(upload.url, FOREIGN);
    const put = await fetch(upload.url, {
      method: 'PUT',
      headers: { ...upload.headers, origin: FOREIGN },
      body: bytes,
    });
    const body = await put.text();

    // Assert
    expect(refusedPreflight.status).toBe(403);
    expect(allowOrigin(refusedPreflight)).toBeNull();
    expect(refusedPreflight.headers.get('access-control-allow-methods')).toBeNull();
    expect(put.status).toBe(403);
    expect(body).toContain('<Code>AccessForbidden</Code>');
    expect(allowOrigin(put)).toBeNull();
    expect(s.runtime.evidence.record(key)).toBeUndefined();
  });

  it('an unsigned PUT from the server’s own origin is still refused', async () => {
    // Prepare
    const upload = await signedUpload(randomBytes(512));
    const unsigned = `${new URL(upload.url).origin}/objects?key=${encodeURIComponent('cases/x/evidence/y')}`;

    // Act
    const put = await fetch(unsigned, {
      method: 'PUT',
      headers: { 'content-type': 'image/jpeg', origin: s.server.url },
      body: 'bytes',
    });

    // Assert
    expect(put.status).toBe(403);
    expect(await put.text()).toContain('<Code>AccessDenied</Code>');
  });

  it('the field app’s CSP lets it connect to its own origin only: its links name the server, not the gate', async () => {
    // Prepare
    const bytes = randomBytes(256);
    const issued = await s.request<{ upload: { url: string } }>('POST', `/cases/${caseId}/evidence/uploads`, {
      as: OFFICER.userId,
      body: {
        step: 'seizure',
        contentType: 'image/jpeg',
        sizeBytes: bytes.length,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        device: 'phone',
        description: '查封现场照片',
      },
    });

    // Act
    const page = await fetch(`${s.server.url}/field/index.html`);

    // Assert
    const csp = page.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self';");
    expect(csp).not.toContain(':*');
    expect(new URL(issued.body.upload.url).origin).toBe(s.server.url);
  });
});
