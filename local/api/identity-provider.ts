/**
 * The local identity provider: DEVELOPMENT TOKENS for the embedded runtime's staff API. It signs short-lived JWTs
 * (HS256, `jose`) for users of the staff directory, with a secret generated at the first start and kept in the
 * data directory (`auth/jwt-secret`, mode 0600; in memory for an in-memory runtime). Verifying a token looks the
 * user up in the directory again, so a user deactivated there is refused at once; roles and court always come
 * from the directory, never from the request. Anyone who can reach `POST /auth/token` can act as any user, so the
 * server issues and accepts these tokens only in virtual-clock data directories (demos, training, tests; see
 * ./sign-in.ts); a real-clock server signs staff in with passwords and codes (../auth/accounts.ts), and on AWS
 * Cognito signs users in.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errors, jwtVerify, SignJWT } from 'jose';
import type { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import type { Identity } from '#domain/staff/roles.ts';
import type { Clock } from '#ports/clock.ts';

export const ISSUER = 'enforce-local-idp';
export const AUDIENCE = 'enforcement-staff-api';
/** A working day. */
export const TOKEN_SECONDS = 8 * 3600;

export class UnknownUserError extends Error {
  constructor(userId: string) {
    super(`未知或已停用的用户：${userId}`);
    this.name = 'UnknownUserError';
  }
}

function secretOf(dataDir: string | undefined): Uint8Array {
  if (!dataDir) return randomBytes(32);
  const dir = join(dataDir, 'auth');
  const file = join(dir, 'jwt-secret');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600, flag: 'wx' });
  }
  chmodSync(file, 0o600);
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64url');
}

export class LocalIdentityProvider {
  private readonly secret: Uint8Array;
  private readonly staff: JsonStaffDirectory;
  /** Token times follow real time: a virtual clock that jumps days ahead must not expire every token. */
  private readonly clock: Clock;

  constructor(staff: JsonStaffDirectory, dataDir?: string, clock: Clock = { now: () => new Date().toISOString() }) {
    this.secret = secretOf(dataDir);
    this.staff = staff;
    this.clock = clock;
  }

  private identity(userId: string): Identity | undefined {
    const member = this.staff.document.staff.find((m) => m.userId === userId);
    return member?.active ? { userId: member.userId, roles: member.roles, court: member.court } : undefined;
  }

  async issue(userId: string): Promise<{ token: string; expiresAt: string; identity: Identity }> {
    const identity = this.identity(userId);
    if (!identity) throw new UnknownUserError(userId);
    const now = Math.floor(Date.parse(this.clock.now()) / 1000);
    const token = await new SignJWT({ 'cognito:groups': identity.roles, 'custom:court': identity.court, dev: true })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject(identity.userId)
      .setIssuer(ISSUER)
      .setAudience(AUDIENCE)
      .setIssuedAt(now)
      .setExpirationTime(now + TOKEN_SECONDS)
      .sign(this.secret);
    return { token, expiresAt: new Date((now + TOKEN_SECONDS) * 1000).toISOString(), identity };
  }

  /** The identity behind a token, or undefined (bad signature, expired, unknown or deactivated user). */
  async verify(token: string): Promise<Identity | undefined> {
    try {
      const { payload } = await jwtVerify(token, this.secret, {
        issuer: ISSUER,
        audience: AUDIENCE,
        algorithms: ['HS256'],
        currentDate: new Date(this.clock.now()),
      });
      return typeof payload.sub === 'string' ? this.identity(payload.sub) : undefined;
    } catch (error) {
      if (error instanceof errors.JOSEError) return undefined;
      throw error;
    }
  }
}
