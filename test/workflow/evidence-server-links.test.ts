/**
 * Evidence uploads from beyond loopback (issue 17): a field officer's phone reaches the staff API server over the
 * court network under the court's name, never the loopback evidence gate. Links issued through the server point
 * back at it (`/storage/objects`, the name the client used, https), and the server serves them behind its TLS,
 * peer and Host checks with the same rules as the gate: signed, bound to size, SHA-256 and type, time-limited.
 */
import { execFileSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RULES } from '#domain/rules/table.ts';
import { type LocalApiServer, startLocalApi } from '../../local/api/server.ts';
import { filingEvent, type Scenario, scenario } from '../support/runtime.ts';

const COURT_NAME = 'enforce.court.example';
const OFFICER = 'fan-tao';

let s: Scenario;
let server: LocalApiServer;
let cert: Buffer;
let dir = '';
let caseId = '';
let token = '';

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
}

/** A request to `server` as a phone makes it: over TLS to the court's name (trusting the court's certificate). */
function call(
  target: LocalApiServer,
  method: string,
  path: string,
  init: { host?: string; headers?: Record<string, string>; body?: Buffer | string; tls?: boolean } = {},
): Promise<Answer> {
  const tls = init.tls ?? true;
  const host = init.host ?? `${COURT_NAME}:${target.port}`;
  return new Promise((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port: target.port,
      path,
      method,
      headers: { host, ...(init.headers ?? {}) },
      ...(tls ? { ca: cert, servername: COURT_NAME } : {}),
    };
    const req = (tls ? httpsRequest : httpRequest)(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end(init.body);
  });
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

interface Issued {
  evidenceId: string;
  upload: { url: string; headers: Record<string, string> };
}

async function tokenOf(target: LocalApiServer, tls = true): Promise<string> {
  const issued = await call(target, 'POST', '/auth/token', {
    tls,
    host: `127.0.0.1:${target.port}`,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userId: OFFICER }),
  });
  return (JSON.parse(issued.text) as { token: string }).token;
}

async function declare(bytes: Buffer, target = server, host?: string, tls = true): Promise<Issued> {
  const answer = await call(target, 'POST', `/cases/${caseId}/evidence/uploads`, {
    tls,
    ...(host ? { host } : {}),
    headers: {
      authorization: `Bearer ${target === server ? token : await tokenOf(target, tls)}`,
      'content-type': 'application/json',
    },
    body: JSON.stringify({
      step: 'seizure',
      contentType: 'image/jpeg',
      sizeBytes: bytes.length,
      sha256: sha256(bytes),
      device: 'phone',
      description: '查封现场照片',
    }),
  });
  if (answer.status !== 201) throw new Error(`not issued: ${answer.status} ${answer.text}`);
  return JSON.parse(answer.text) as Issued;
}

/** PUTs to a link as the phone does: the path and query of the link, to the name it names. */
function put(issued: Issued, body: Buffer, headers: Record<string, string> = issued.upload.headers) {
  const url = new URL(issued.upload.url);
  return call(server, 'PUT', `${url.pathname}${url.search}`, { host: url.host, headers, body });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'storage-links-'));
  execFileSync(
    'openssl',
    [
      ...['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', `/CN=${COURT_NAME}`],
      ...[
        '-addext',
        `subjectAltName=DNS:${COURT_NAME}`,
        '-keyout',
        join(dir, 'key.pem'),
        '-out',
        join(dir, 'cert.pem'),
      ],
    ],
    { stdio: 'ignore' },
  );
  cert = readFileSync(join(dir, 'cert.pem'));
  s = await scenario();
  server = await startLocalApi(s.runtime, {
    port: 0,
    tls: { cert, key: readFileSync(join(dir, 'key.pem')) },
    hostNames: [COURT_NAME],
  });
  const filed = await s.runtime.intake(filingEvent(917));
  if (filed.outcome !== 'created') throw new Error('not filed');
  caseId = filed.caseId;
  token = await tokenOf(server);
});

afterAll(async () => {
  await server?.close();
  await s?.runtime.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a phone beyond loopback uploads evidence through the staff API server', () => {
  it('the link names the server under the court’s name over https; the PUT lands, is recorded once, and is verified', async () => {
    // Prepare
    const bytes = randomBytes(4096);
    const issued = await declare(bytes);
    const link = new URL(issued.upload.url);
    const { 'content-length': _length, ...headers } = issued.upload.headers;

    // Act
    const landed = await put(issued, bytes, { ...headers, origin: `https://${COURT_NAME}:${server.port}` });
    const again = await put(issued, bytes, headers);
    const completed = await call(server, 'POST', `/cases/${caseId}/evidence/uploads/${issued.evidenceId}/complete`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const listed = await call(server, 'GET', `/cases/${caseId}/evidence`, {
      headers: { authorization: `Bearer ${token}` },
    });

    // Assert
    expect(link.origin).toBe(`https://${COURT_NAME}:${server.port}`);
    expect(link.pathname).toBe('/storage/objects');
    expect(landed.status).toBe(200);
    expect(landed.headers.etag).toBe(`"${sha256(bytes)}"`);
    expect(landed.headers['access-control-allow-origin']).toBe(`https://${COURT_NAME}:${server.port}`);
    expect(again.status).toBe(409);
    expect(again.text).toContain('<Code>ObjectLocked</Code>');
    expect(completed.status).toBe(200);
    const item = (
      JSON.parse(listed.text) as {
        evidence: { evidenceId: string; status: string; sha256: string; verified?: string[] }[];
      }
    ).evidence.find((e) => e.evidenceId === issued.evidenceId);
    expect(item).toMatchObject({ status: 'recorded', sha256: sha256(bytes) });
    expect(item?.verified?.length).toBeGreaterThan(0);
    expect(s.logs.some((line) => line.includes('"route":"storage"') && line.includes('"status":200'))).toBe(true);
    expect(s.logs.some((line) => line.includes('sig=') || line.includes(link.searchParams.get('sig') ?? '-'))).toBe(
      false,
    );
  });

  it('refused on the server as on the gate: unsigned, a changed claim, other bytes, a foreign page, an expired link', async () => {
    // Prepare
    const bytes = randomBytes(2048);
    const issued = await declare(bytes);
    const link = new URL(issued.upload.url);
    const tampered = new URL(link);
    tampered.searchParams.set('size', String(bytes.length + 1));
    const other = randomBytes(2048);
    const late = await declare(randomBytes(1024));

    // Act
    const unsigned = await call(server, 'PUT', `/storage/objects?key=${encodeURIComponent(`cases/${caseId}/x`)}`, {
      headers: { 'content-type': 'image/jpeg' },
      body: bytes,
    });
    const { 'content-length': _length, ...signedHeaders } = issued.upload.headers;
    const changed = await call(server, 'PUT', `${tampered.pathname}${tampered.search}`, {
      headers: signedHeaders,
      body: Buffer.concat([bytes, Buffer.from('x')]),
    });
    const foreign = await put(issued, bytes, { ...issued.upload.headers, origin: 'https://evil.example' });
    const wrongBytes = await put(issued, other);
    const listing = await call(server, 'GET', '/storage/objects');
    await s.runtime.advance(RULES.P_EVIDENCE.uploadLinkSeconds + 60);
    const expired = await put(late, randomBytes(1024));

    // Assert
    expect(unsigned.status).toBe(403);
    expect(unsigned.text).toContain('<Code>AccessDenied</Code>');
    expect(changed.status).toBe(403);
    expect(changed.text).toContain('<Code>SignatureDoesNotMatch</Code>');
    expect(foreign.status).toBe(403);
    expect(foreign.text).toContain('<Code>AccessForbidden</Code>');
    expect(wrongBytes.status).toBe(400);
    expect(wrongBytes.text).toContain('<Code>BadDigest</Code>');
    expect(listing.status).toBe(403);
    expect(expired.status).toBe(403);
    expect(expired.text).toContain('Request has expired');
    expect(s.runtime.evidence.record(`cases/${caseId}/evidence/${issued.evidenceId}`)).toBeUndefined();
  });

  it('an unsigned request that keeps sending gets its refusal at once, and the server does not read on', async () => {
    // Prepare
    const chunk = Buffer.alloc(1024 * 1024, 7);
    const attempt = 64;

    // Act: stream up to 64 MiB to /storage/objects with no signature; look at what was taken once refused.
    const outcome = await new Promise<{ status: number; written: number }>((resolve) => {
      let status = 0;
      let written = 0;
      const req = httpsRequest(
        {
          host: '127.0.0.1',
          port: server.port,
          path: '/storage/objects',
          method: 'PUT',
          headers: { host: `${COURT_NAME}:${server.port}`, 'content-length': String(chunk.length * attempt) },
          ca: cert,
          servername: COURT_NAME,
        },
        (res) => {
          status = res.statusCode ?? 0;
          res.resume();
          res.on('end', () =>
            setTimeout(() => {
              resolve({ status, written });
              req.destroy();
            }, 1_000),
          );
        },
      );
      req.on('error', () => undefined);
      const pump = () => {
        while (written < chunk.length * attempt) {
          written += chunk.length;
          if (!req.write(chunk)) {
            req.once('drain', pump);
            return;
          }
        }
        req.end();
      };
      pump();
    });

    // Assert: refused while still sending; the rest of the body was never taken in (only what buffers hold).
    expect(outcome.status).toBe(403);
    expect(outcome.written).toBeLessThan(16 * chunk.length);
  });

  it('a request naming another host gets 421 before the storage path is served, even with a signed link', async () => {
    // Prepare
    const bytes = randomBytes(512);
    const issued = await declare(bytes);
    const link = new URL(issued.upload.url);

    // Act
    const answer = await call(server, 'PUT', `${link.pathname}${link.search}`, {
      host: 'evil.example',
      headers: issued.upload.headers,
      body: bytes,
    });

    // Assert
    expect(answer.status).toBe(421);
    expect(s.runtime.evidence.record(`cases/${caseId}/evidence/${issued.evidenceId}`)).toBeUndefined();
  });
});

describe('downloads through the server too', () => {
  it('a view link issued through the server names it, serves the recorded bytes once asked, and is logged as read', async () => {
    // Prepare
    const bytes = randomBytes(3000);
    const issued = await declare(bytes);
    await put(issued, bytes);
    await call(server, 'POST', `/cases/${caseId}/evidence/uploads/${issued.evidenceId}/complete`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: '{}',
    });
    const linked = await call(server, 'POST', `/cases/${caseId}/evidence/${issued.evidenceId}/links`, {
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ purpose: 'view' }),
    });
    const link = new URL((JSON.parse(linked.text) as { link: { url: string } }).link.url);

    // Act
    const read = await call(server, 'GET', `${link.pathname}${link.search}`, { host: link.host });
    const asPut = await call(server, 'PUT', `${link.pathname}${link.search}`, { host: link.host, body: bytes });

    // Assert
    expect(link.origin).toBe(`https://${COURT_NAME}:${server.port}`);
    expect(read.status).toBe(200);
    expect(read.text).toBe(bytes.toString('utf8'));
    expect(asPut.status).toBe(403);
    const key = `cases/${caseId}/evidence/${issued.evidenceId}`;
    expect(s.runtime.evidence.log(key).filter((entry) => entry.action === 'read')).toHaveLength(1);
  });
});

describe('behind a reverse proxy that terminates TLS', () => {
  it('links name https and the court’s name for proxied requests, and this machine over http for loopback ones', async () => {
    // Prepare
    const proxied = await startLocalApi(s.runtime, { port: 0, behindProxy: '127.0.0.1', hostNames: [COURT_NAME] });
    try {
      // Act
      const viaProxy = await declare(randomBytes(256), proxied, COURT_NAME, false);
      const direct = await declare(randomBytes(256), proxied, `127.0.0.1:${proxied.port}`, false);

      // Assert
      expect(new URL(viaProxy.upload.url).origin).toBe(`https://${COURT_NAME}`);
      expect(new URL(direct.upload.url).origin).toBe(`http://127.0.0.1:${proxied.port}`);
      expect(new URL(direct.upload.url).pathname).toBe('/storage/objects');
    } finally {
      await proxied.close();
    }
  });
});
