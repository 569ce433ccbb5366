/**
 * Sign-in on a REAL-CLOCK server, as a court runs it: a temporary data directory, the staff API over HTTP. Every
 * route of api/openapi.json is refused without a valid session; no session without the password (and, for an
 * approver, a TOTP code an administrator enrolled); a wrong or replayed code refused; lockout after repeated
 * failures; sessions end at sign-out and deactivation; the console's cookie session needs its CSRF token; the
 * development token endpoint does not exist; a foreign Host header and a plain-HTTP network address are refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalIdentityProvider } from '../../local/api/identity-provider.ts';
import { ListenRefusedError } from '../../local/api/listening.ts';
import { type LocalApiServer, startLocalApi } from '../../local/api/server.ts';
import { MAX_FAILURES } from '../../local/auth/policy.ts';
import { totp } from '../../local/auth/secrets.ts';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

const PASSWORD = 'correct horse battery staple';
const dir = mkdtempSync(join(tmpdir(), 'enforce-sign-in-'));
let runtime: EmbeddedRuntime;
let server: LocalApiServer;
let liQiangSecret = '';
const logs: string[] = [];

beforeAll(async () => {
  runtime = await EmbeddedRuntime.open({ dataDir: join(dir, 'data'), clock: 'real', logSink: (l) => logs.push(l) });
  server = await startLocalApi(runtime, { port: 0, dataDir: join(dir, 'data') });
  const accounts = server.accounts;
  accounts.add({ userId: 'it-admin', password: PASSWORD, admin: true, actor: 'bootstrap' });
  for (const userId of ['li-qiang', 'fan-tao', 'ma-chao', 'cao-yue', 'song-jian'])
    accounts.add({ userId, password: PASSWORD, admin: false, actor: 'it-admin' });
  liQiangSecret = accounts.enrolTotp('li-qiang', 'it-admin').secret;
});

afterAll(async () => {
  await server?.close();
  await runtime?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function call(
  method: string,
  path: string,
  init: { token?: string; body?: unknown; cookie?: string; csrf?: string } = {},
): Promise<{
  status: number;
  body: { error?: { code: string; message: string } } & Record<string, unknown>;
  headers: Headers;
}> {
  const response = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      ...(init.cookie ? { cookie: init.cookie } : {}),
      ...(init.csrf ? { 'x-csrf-token': init.csrf } : {}),
      ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : {}, headers: response.headers };
}

const signIn = (userId: string, password: string, code?: string, session?: 'cookie') =>
  call('POST', '/auth/sign-in', {
    body: { userId, password, ...(code ? { totp: code } : {}), ...(session ? { session } : {}) },
  });

const now = () => Date.now() / 1000;

describe('a real-clock server refuses every route without a valid session', () => {
  const document = JSON.parse(readFileSync('api/openapi.json', 'utf8')) as {
    paths: Record<string, Record<string, { security?: unknown[] }>>;
  };
  const operations = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({
      method: method.toUpperCase(),
      path: path.replace(/\{[^}]+\}/g, 'aaaaaaaaaaaa'),
      template: path,
      open: Array.isArray(operation.security) && operation.security.length === 0,
    })),
  );

  it('covers the whole document', () => {
    expect(operations.length).toBeGreaterThan(30);
  });

  it.each(operations.filter((o) => !o.open))(
    '$method $template: 401 with no session, a forged one, or a development token',
    async (o) => {
      const body = o.method === 'POST' ? {} : undefined;
      expect((await call(o.method, o.path, body ? { body } : {})).status).toBe(401);
      expect((await call(o.method, o.path, { token: 'ses_forged', ...(body ? { body } : {}) })).status).toBe(401);
      // A development token signed with this very data directory's secret: a real-clock server does not accept it.
      const { token } = await new LocalIdentityProvider(runtime.staff, join(dir, 'data')).issue('song-jian');
      expect((await call(o.method, o.path, { token, ...(body ? { body } : {}) })).status).toBe(401);
    },
  );

  it('the open routes: the API description, the sign-in (which wants a password), no development token (404)', async () => {
    const open = operations.filter((o) => o.open).map((o) => `${o.method} ${o.template}`);
    expect(open.sort()).toEqual(['GET /openapi.json', 'POST /auth/sign-in', 'POST /auth/token']);
    expect((await call('GET', '/openapi.json')).status).toBe(200);
    const token = await call('POST', '/auth/token', { body: { userId: 'song-jian' } });
    expect(token.status).toBe(404);
    expect(JSON.stringify(token.body)).not.toMatch(/eyJ/);
    expect((await call('POST', '/auth/sign-in', { body: { userId: 'song-jian' } })).status).toBe(400);
  });
});

describe('no session without the password, and a code for approvers', () => {
  it('a wrong password, an unknown user: 401, no token', async () => {
    for (const attempt of [signIn('fan-tao', 'not the password at all'), signIn('nobody-here', PASSWORD)]) {
      const { status, body } = await attempt;
      expect(status).toBe(401);
      expect(body.token).toBeUndefined();
      expect(body.error?.message).toBe('用户名、密码或动态口令不正确');
    }
  });

  it('a field officer: the password is enough; the session reads /me and ends at sign-out', async () => {
    const { status, body } = await signIn('fan-tao', PASSWORD);
    expect(status).toBe(200);
    const token = body.token as string;
    expect(token).toMatch(/^ses_/);
    expect((await call('GET', '/me', { token })).body).toMatchObject({ userId: 'fan-tao', court: 'HB0922' });
    expect((await call('POST', '/auth/sign-out', { token })).status).toBe(200);
    expect((await call('GET', '/me', { token })).status).toBe(401);
  });

  it('a team lead: the password alone gets no session; a wrong code neither; the right one once only', async () => {
    const bare = await signIn('li-qiang', PASSWORD);
    expect(bare.status).toBe(401);
    expect(bare.body.error?.code).toBe('totp-required');
    expect(bare.body.token).toBeUndefined();
    const right = totp(liQiangSecret, now());
    const wrong = String((Number(right) + 1) % 1_000_000).padStart(6, '0');
    expect((await signIn('li-qiang', PASSWORD, wrong)).status).toBe(401);
    const ok = await signIn('li-qiang', PASSWORD, right);
    expect(ok.status).toBe(200);
    expect(ok.body.roles).toEqual(['team-lead']);
    const replayed = await signIn('li-qiang', PASSWORD, right);
    expect(replayed.status).toBe(401);
    expect(replayed.body.token).toBeUndefined();
  });

  it('a president without an enrolled code cannot sign in at all (never enrolled on first use)', async () => {
    const { status, body } = await signIn('song-jian', PASSWORD);
    expect(status).toBe(401);
    expect(body.error?.code).toBe('totp-not-enrolled');
    expect(server.accounts.list().find((a) => a.userId === 'song-jian')?.secondFactor).toBe('required-not-enrolled');
  });
});

describe('lockout and revocation', () => {
  it(`locks after ${MAX_FAILURES} failures: then even the right password is refused`, async () => {
    for (let i = 0; i < MAX_FAILURES; i++)
      expect((await signIn('ma-chao', `wrong guess number ${i}`)).status).toBe(401);
    const locked = await signIn('ma-chao', PASSWORD);
    expect(locked.status).toBe(401);
    expect(locked.body.error?.code).toBe('locked');
    expect(locked.body.token).toBeUndefined();
  });

  it('deactivation ends a live session at once', async () => {
    const token = (await signIn('cao-yue', PASSWORD)).body.token as string;
    expect((await call('GET', '/me', { token })).status).toBe(200);
    server.accounts.deactivate('cao-yue', 'it-admin');
    expect((await call('GET', '/me', { token })).status).toBe(401);
    expect((await signIn('cao-yue', PASSWORD)).status).toBe(401);
  });
});

describe('the console: an HttpOnly cookie and a CSRF token', () => {
  it('sets HttpOnly SameSite=Strict cookies, answers no token; a change without the CSRF header is refused', async () => {
    const { status, body, headers } = await signIn('fan-tao', PASSWORD, undefined, 'cookie');
    expect(status).toBe(200);
    expect(body.token).toBeUndefined();
    const cookies = headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('enforce_session='));
    expect(session).toMatch(/HttpOnly/);
    expect(session).toMatch(/SameSite=Strict/);
    expect(cookies.find((c) => c.startsWith('enforce_csrf='))).not.toMatch(/HttpOnly/);
    const cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    expect((await call('GET', '/me', { cookie })).status).toBe(200);
    expect((await call('POST', '/auth/sign-out', { cookie })).status).toBe(403);
    expect((await call('POST', '/auth/sign-out', { cookie, csrf: 'a-guess' })).status).toBe(403);
    expect((await call('POST', '/auth/sign-out', { cookie, csrf: body.csrfToken as string })).status).toBe(200);
    expect((await call('GET', '/me', { cookie })).status).toBe(401);
  });
});

describe('where the server listens, whom it answers', () => {
  it('a Host header naming another site (DNS rebinding) gets 421', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const url = new URL('/openapi.json', server.url);
      const req = httpRequest(
        { host: url.hostname, port: url.port, path: url.pathname, headers: { host: 'evil.example:80' } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      req.end();
    });
    expect(status).toBe(421);
  });

  it('serves HTTPS with the given certificate; the console cookie is then Secure', async () => {
    const key = join(dir, 'key.pem');
    const cert = join(dir, 'cert.pem');
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
      ],
      { stdio: 'ignore' },
    );
    const tls = await startLocalApi(runtime, { port: 0, tls: { cert: readFileSync(cert), key: readFileSync(key) } });
    try {
      expect(tls.url).toMatch(/^https:/);
      const answer = await new Promise<{ status: number; cookies: string[] }>((resolve, reject) => {
        const url = new URL('/auth/sign-in', tls.url);
        const req = httpsRequest(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            rejectUnauthorized: false,
            headers: { 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve({ status: res.statusCode ?? 0, cookies: res.headers['set-cookie'] ?? [] });
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ userId: 'fan-tao', password: PASSWORD, session: 'cookie' }));
      });
      expect(answer.status).toBe(200);
      expect(answer.cookies.length).toBe(2);
      for (const cookie of answer.cookies) expect(cookie).toMatch(/; Secure/);
    } finally {
      await tls.close();
    }
  });

  it('refuses plain HTTP beyond loopback, and accepts it behind a named proxy', async () => {
    await expect(startLocalApi(runtime, { port: 0, host: '0.0.0.0' })).rejects.toThrow(ListenRefusedError);
    await expect(startLocalApi(runtime, { port: 0, host: '0.0.0.0' })).rejects.toThrow(/明文/);
    const proxied = await startLocalApi(runtime, { port: 0, host: '0.0.0.0', behindProxy: '127.0.0.1' });
    await proxied.close();
  });
});

describe('the audit log', () => {
  it('holds every sign-in, failure, lockout, enrolment, sign-out, deactivation and revocation; no secret', () => {
    const log = server.accounts.auditLog();
    const events = new Set(log.map((e) => e.event));
    for (const event of [
      'account-added',
      'second-factor-enrolled',
      'sign-in',
      'sign-in-failed',
      'account-locked',
      'sign-in-refused-locked',
      'sign-out',
      'account-deactivated',
      'session-revoked',
    ])
      expect(events).toContain(event);
    const text = JSON.stringify(log) + logs.join('\n');
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(liQiangSecret);
    expect(text).not.toMatch(/ses_[A-Za-z0-9_-]{20}/);
  });
});
