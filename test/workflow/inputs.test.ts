/**
 * The staff API's input limits over HTTP (docs/inputs.md): a body over the limit refused with 413 from its
 * Content-Length or as soon as the stream passes the limit; a body nested too deep, a malformed path encoding and a
 * foreign or made-up cursor refused with 400; another court's case and evidence answered exactly as a missing one.
 */
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '#contracts/limits.ts';
import { type ApiScenario, apiScenario } from '../support/api.ts';
import { filingEvent } from '../support/runtime.ts';

let s: ApiScenario;
let caseId: string;
beforeAll(async () => {
  s = await apiScenario({});
  const ids: string[] = [];
  for (const n of [1, 2, 3]) {
    const outcome = await s.runtime.intake(filingEvent(n));
    if (outcome.outcome !== 'created') throw new Error('not created');
    ids.push(outcome.caseId);
  }
  await s.runtime.runUntilIdle();
  caseId = ids[0] as string;
});
afterAll(async () => {
  await s.close();
});

/** One raw exchange: the body sent in `chunks`, with or without a Content-Length. */
function send(
  path: string,
  token: string,
  chunks: readonly Buffer[],
  /** A Content-Length to declare (only the first chunk is then sent); otherwise the body goes chunked. */
  declare?: number,
): Promise<{ status: number; text: string }> {
  const url = new URL(path, s.server.url);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          ...(declare !== undefined ? { 'content-length': String(declare) } : { 'transfer-encoding': 'chunked' }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (d: Buffer) => {
          text += d.toString('utf8');
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
      },
    );
    // The server may close the connection before the rest is sent: that is the point.
    req.on('error', (error) =>
      error.message.includes('EPIPE') || error.message.includes('ECONNRESET') ? undefined : reject(error),
    );
    if (declare !== undefined) {
      // Declared too large: only the first chunk is sent; the answer must come without the rest.
      req.write(chunks[0]);
      return;
    }
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

describe('a body over the size limit', () => {
  it('is refused with 413 from its Content-Length, before the body arrives', async () => {
    const token = await s.tokenFor('ma-chao');
    const answer = await send(`/cases/${caseId}/closure`, token, [Buffer.alloc(1024, 0x20)], 10 * MAX_BODY_BYTES);
    expect(answer.status).toBe(413);
    expect(answer.text).toContain('too-large');
  });

  it('is refused with 413 as soon as a chunked stream passes the limit, not cut to a prefix and accepted', async () => {
    const token = await s.tokenFor('ma-chao');
    const padded = Buffer.from(
      `{"way":"termination","ground":"application-withdrawn","reason":"${' '.repeat(MAX_BODY_BYTES)}"}`,
    );
    const chunks = [];
    for (let i = 0; i < padded.length; i += 8192) chunks.push(padded.subarray(i, i + 8192));
    const before = (await s.runtime.cases.history(caseId)).length;
    const answer = await send(`/cases/${caseId}/closure`, token, chunks);
    expect(answer.status).toBe(413);
    expect((await s.runtime.cases.history(caseId)).length).toBe(before);
  });
});

describe('malformed input', () => {
  it('a body nested 3,000 deep: 400 naming the body, never a crash', async () => {
    const raw = `${'['.repeat(3000)}${']'.repeat(3000)}`;
    const answer = await s.request<{ error: { message: string } }>('POST', '/reassignments', { as: 'li-qiang', raw });
    expect(answer.status).toBe(400);
    expect(answer.body.error.message).toBe('请求体嵌套层数过多');
    const token = await s.request('POST', '/auth/token', { raw });
    expect(token.status).toBe(400);
  });

  it('a path with malformed percent-encoding: 400', async () => {
    for (const path of ['/cases/%FF', '/cases/%E4%B8/journal', '/tasks/%zz'])
      expect((await s.request('GET', path, { as: 'ma-chao' })).status, path).toBe(400);
  });

  it('a cursor from another phase or made up: 400; the issuing query continues with it', async () => {
    const first = await s.request<{ items: unknown[]; nextCursor?: string }>(
      'GET',
      '/cases?phase=investigation&limit=1',
      {
        as: 'ma-chao',
      },
    );
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const cursor = first.body.nextCursor as string;
    expect(cursor, JSON.stringify(first.body)).toBeTruthy();
    const next = await s.request('GET', `/cases?phase=investigation&limit=1&cursor=${cursor}`, { as: 'ma-chao' });
    expect(next.status).toBe(200);
    const foreign = await s.request('GET', `/cases?phase=coercion&limit=1&cursor=${cursor}`, { as: 'ma-chao' });
    expect(foreign.status).toBe(400);
    const forged = Buffer.from(
      JSON.stringify({ pk: 'x', sk: 'y', gsi4pk: 'PHASE#HL0123#investigation', gsi4sk: 'z' }),
    ).toString('base64url');
    for (const bad of [forged, 'abc', '%25%25'])
      expect((await s.request('GET', `/cases?phase=investigation&cursor=${bad}`, { as: 'ma-chao' })).status, bad).toBe(
        400,
      );
  });
});

describe("another court's case", () => {
  it('answers its case, journal and evidence exactly as a missing case does: 404, the same words, no court named', async () => {
    const missing = 'caaaaaaaaaaaaaaaaaaa';
    for (const suffix of ['', '/journal', '/evidence', '/evidence/verification']) {
      const theirs = await s.request<unknown>('GET', `/cases/${caseId}${suffix}`, { as: 'qian-lei' });
      const none = await s.request<unknown>('GET', `/cases/${missing}${suffix}`, { as: 'ma-chao' });
      expect(theirs.status, suffix).toBe(404);
      expect(theirs.body, suffix).toEqual(none.body);
      expect(JSON.stringify(theirs.body)).not.toContain('青县');
      expect(JSON.stringify(theirs.body)).not.toContain(caseId);
    }
  });
});
