/**
 * The optional OpenID Connect mode on a real-clock server: ID tokens of the court's own provider (a JWKS served
 * here on loopback) are accepted for active staff, with roles from the directory; approving roles only when the
 * token shows a second factor (amr); any other issuer, audience, key, an expired token or an unknown user: 401.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalApiServer, startLocalApi } from '../../local/api/server.ts';
import { EmbeddedRuntime } from '../../local/runtime/runtime.ts';

const ISSUER = 'https://idp.court.example';
const AUDIENCE = 'enforce-staff';
type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let runtime: EmbeddedRuntime;
let server: LocalApiServer;
let jwksServer: Server;
let key: SigningKey;
let otherKey: SigningKey;

beforeAll(async () => {
  const pair = await generateKeyPair('ES256');
  key = pair.privateKey;
  otherKey = (await generateKeyPair('ES256')).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'court-1', alg: 'ES256', use: 'sig' };
  jwksServer = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  const { port } = jwksServer.address() as AddressInfo;
  runtime = await EmbeddedRuntime.open({ clock: 'real', logSink: () => undefined });
  server = await startLocalApi(runtime, {
    port: 0,
    oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: `http://127.0.0.1:${port}/jwks.json` },
  });
});

afterAll(async () => {
  await server?.close();
  await runtime?.close();
  await new Promise((resolve) => jwksServer?.close(resolve));
});

async function idToken(
  user: string,
  change: { amr?: string[]; issuer?: string; audience?: string; key?: SigningKey; expiresIn?: number } = {},
): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ preferred_username: user, ...(change.amr ? { amr: change.amr } : {}) })
    .setProtectedHeader({ alg: 'ES256', kid: 'court-1' })
    .setIssuer(change.issuer ?? ISSUER)
    .setAudience(change.audience ?? AUDIENCE)
    .setSubject(`sub-${user}`)
    .setIssuedAt(now - 60)
    .setExpirationTime(now + (change.expiresIn ?? 300))
    .sign(change.key ?? key);
}

async function me(token: string): Promise<{ status: number; body: { roles?: string[] } }> {
  const response = await fetch(`${server.url}/me`, { headers: { authorization: `Bearer ${token}` } });
  return { status: response.status, body: (await response.json()) as { roles?: string[] } };
}

describe("the court's own OpenID Connect provider", () => {
  it('a field officer: accepted, roles from the directory', async () => {
    const { status, body } = await me(await idToken('fan-tao'));
    expect(status).toBe(200);
    expect(body.roles).toEqual(['field-officer']);
  });

  it('an approver: refused without a second factor in amr, accepted with one', async () => {
    expect((await me(await idToken('li-qiang'))).status).toBe(401);
    expect((await me(await idToken('li-qiang', { amr: ['pwd'] }))).status).toBe(401);
    const withCode = await me(await idToken('li-qiang', { amr: ['pwd', 'otp'] }));
    expect(withCode.status).toBe(200);
    expect(withCode.body.roles).toEqual(['team-lead']);
  });

  it('refuses another issuer, audience or key, an expired token and an unknown user', async () => {
    for (const token of [
      await idToken('fan-tao', { issuer: 'https://evil.example' }),
      await idToken('fan-tao', { audience: 'someone-else' }),
      await idToken('fan-tao', { key: otherKey }),
      await idToken('fan-tao', { expiresIn: -120 }),
      await idToken('nobody-here', { amr: ['otp'] }),
    ])
      expect((await me(token)).status).toBe(401);
  });

  it('a JWKS over plain HTTP on the network is refused at start', async () => {
    await expect(
      startLocalApi(runtime, {
        port: 0,
        oidc: { issuer: ISSUER, audience: AUDIENCE, jwksUrl: 'http://idp.court.example/jwks.json' },
      }),
    ).rejects.toThrow(/HTTPS/);
  });
});
