/**
 * Staff accounts of the embedded runtime, in the data directory's SQLite database (schema part `staff-sign-in`):
 * password hashes, TOTP secrets, failure counters and lockouts, sessions (only their hashes), and an append-only
 * audit log of every sign-in, failure, lockout, enrolment, password change, deactivation and revocation. No
 * password, code, secret or token is ever written to the audit log.
 *
 * Who someone is (roles, court) still comes from the staff directory; an account only proves it is them. Times
 * are real time (unix seconds), even in a virtual-clock data directory: a demo's clock jumping days ahead must
 * neither expire sessions nor open locks.
 */
import type { DatabaseSync } from 'node:sqlite';
import type { JsonStaffDirectory } from '#adapters/staff/json-directory.ts';
import { needsSecondFactor } from '#domain/approvals/approvers.ts';
import type { Rules } from '#domain/rules/table.ts';
import type { Identity } from '#domain/staff/roles.ts';

import { ensureSchema, type OpenedDatabase, transaction } from '../store/database.ts';
import {
  afterFailure,
  CLEAN,
  type FailureState,
  isLocked,
  passwordProblem,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
} from './policy.ts';
import { type AuditEntry, type AuditEvent, MIGRATIONS } from './schema.ts';
import {
  dummyHash,
  hashPassword,
  matchTotp,
  needsRehash,
  newCsrfToken,
  newSessionToken,
  newTotpSecret,
  otpauthUri,
  tokenHash,
  verifyPassword,
} from './secrets.ts';

export type { AuditEntry, AuditEvent };

export class AccountError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'AccountError';
  }
}

export type SignInFailure = 'invalid' | 'locked' | 'totp-required' | 'totp-not-enrolled' | 'no-staff-identity';

export interface Session {
  readonly token: string;
  readonly expiresAt: number;
  readonly identity: Identity;
  /** Only for a cookie session (the console): the value its requests repeat in the x-csrf-token header. */
  readonly csrf?: string;
}

interface AccountRow {
  user_id: string;
  password_hash: string;
  admin: number;
  active: number;
  totp_secret: string | null;
  totp_last_step: number;
  failures: number;
  lockouts: number;
  locked_until: number;
}

export interface AccountView {
  readonly userId: string;
  readonly name: string | undefined;
  readonly admin: boolean;
  readonly active: boolean;
  readonly secondFactor: 'enrolled' | 'required-not-enrolled' | 'not-required';
  readonly lockedUntil: number | undefined;
}

export const TOTP_ISSUER = 'enforce';

export class StaffAccounts {
  private readonly db: DatabaseSync;
  private readonly staff: JsonStaffDirectory;
  private readonly rules: Rules;
  private readonly clock: () => number;

  constructor(
    opened: OpenedDatabase,
    staff: JsonStaffDirectory,
    rules: Rules,
    clock: () => number = () => Date.now() / 1000,
  ) {
    ensureSchema(opened, 'staff-sign-in', MIGRATIONS);
    this.db = opened.db;
    this.staff = staff;
    this.rules = rules;
    this.clock = clock;
  }

  private now(): number {
    return Math.floor(this.clock());
  }

  private audit(event: AuditEvent, userId: string | undefined, actor?: string, detail?: string): void {
    this.db
      .prepare('INSERT INTO staff_audit (at, event, user_id, actor, detail) VALUES (?, ?, ?, ?, ?)')
      .run(this.now(), event, userId ?? null, actor ?? null, detail ?? null);
  }

  private row(userId: string): AccountRow | undefined {
    return this.db.prepare('SELECT * FROM staff_accounts WHERE user_id = ?').get(userId) as AccountRow | undefined;
  }

  /** The directory's identity of an active member, or undefined. */
  identity(userId: string): Identity | undefined {
    const member = this.staff.document.staff.find((m) => m.userId === userId);
    return member?.active ? { userId: member.userId, roles: member.roles, court: member.court } : undefined;
  }

  private secondFactorRequired(row: AccountRow): boolean {
    if (row.totp_secret || row.admin) return true;
    return needsSecondFactor(this.identity(row.user_id)?.roles ?? [], this.rules);
  }

  hasAdmin(): boolean {
    return this.db.prepare('SELECT 1 FROM staff_accounts WHERE admin = 1 AND active = 1 LIMIT 1').get() !== undefined;
  }

  isAdmin(userId: string): boolean {
    const row = this.row(userId);
    return row?.admin === 1 && row.active === 1;
  }

  add(input: { userId: string; password: string; admin: boolean; actor: string }): void {
    const { userId, password, admin, actor } = input;
    if (!/^[a-z][a-z0-9-]{1,40}$/.test(userId)) throw new AccountError('用户名只能由小写字母、数字和连字符组成');
    if (!admin && !this.identity(userId))
      throw new AccountError(`人员名录（config/staff.json）中没有在岗人员 ${userId}：只有名录中的人员可以开通账户`);
    if (this.row(userId)) throw new AccountError(`账户 ${userId} 已存在`);
    const problem = passwordProblem(password, userId);
    if (problem) throw new AccountError(problem);
    const hash = hashPassword(password);
    transaction(this.db, () => {
      const now = this.now();
      this.db
        .prepare(
          'INSERT INTO staff_accounts (user_id, password_hash, admin, created_at, password_changed_at) VALUES (?, ?, ?, ?, ?)',
        )
        .run(userId, hash, admin ? 1 : 0, now, now);
      this.audit('account-added', userId, actor, admin ? 'admin' : undefined);
    });
  }

  private existing(userId: string): AccountRow {
    const row = this.row(userId);
    if (!row) throw new AccountError(`没有账户 ${userId}`);
    return row;
  }

  /** A new password; every session of the account ends (whoever knew the old one is signed out). */
  setPassword(userId: string, password: string, actor: string): void {
    this.existing(userId);
    const problem = passwordProblem(password, userId);
    if (problem) throw new AccountError(problem);
    const hash = hashPassword(password);
    transaction(this.db, () => {
      this.db
        .prepare(
          'UPDATE staff_accounts SET password_hash = ?, password_changed_at = ?, failures = 0, locked_until = 0 WHERE user_id = ?',
        )
        .run(hash, this.now(), userId);
      this.audit('password-changed', userId, actor);
      this.revokeAll(userId, actor, 'password-changed');
    });
  }

  /**
   * A new TOTP secret, replacing any earlier one (a lost phone): returned once, for the administrator to hand
   * over (the otpauth URI as a QR code, or the secret typed in). Sessions end; the next sign-in needs the code.
   */
  enrolTotp(userId: string, actor: string): { secret: string; uri: string } {
    const row = this.existing(userId);
    if (!row.active) throw new AccountError(`账户 ${userId} 已停用`);
    const secret = newTotpSecret();
    transaction(this.db, () => {
      this.db
        .prepare('UPDATE staff_accounts SET totp_secret = ?, totp_last_step = 0 WHERE user_id = ?')
        .run(secret, userId);
      this.audit('second-factor-enrolled', userId, actor);
      this.revokeAll(userId, actor, 'second-factor-enrolled');
    });
    return { secret, uri: otpauthUri(TOTP_ISSUER, userId, secret) };
  }

  /** Deactivated: no sign-in, and every session refused from the next request on. */
  deactivate(userId: string, actor: string): void {
    this.existing(userId);
    transaction(this.db, () => {
      this.db.prepare('UPDATE staff_accounts SET active = 0 WHERE user_id = ?').run(userId);
      this.audit('account-deactivated', userId, actor);
      this.revokeAll(userId, actor, 'account-deactivated');
    });
  }

  private revokeAll(userId: string, actor: string, why: string): void {
    const revoked = this.db
      .prepare('UPDATE staff_sessions SET revoked_at = ? WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ?')
      .run(this.now(), userId, this.now());
    if (Number(revoked.changes) > 0) this.audit('session-revoked', userId, actor, `${why}: ${revoked.changes}`);
  }

  list(): AccountView[] {
    const rows = this.db.prepare('SELECT * FROM staff_accounts ORDER BY user_id').all() as unknown as AccountRow[];
    return rows.map((row) => ({
      userId: row.user_id,
      name: this.staff.document.staff.find((m) => m.userId === row.user_id)?.name,
      admin: row.admin === 1,
      active: row.active === 1,
      secondFactor: row.totp_secret
        ? 'enrolled'
        : this.secondFactorRequired(row)
          ? 'required-not-enrolled'
          : 'not-required',
      lockedUntil: row.locked_until > this.now() ? row.locked_until : undefined,
    }));
  }

  auditLog(): AuditEntry[] {
    return (
      this.db.prepare('SELECT seq, at, event, user_id, actor, detail FROM staff_audit ORDER BY seq').all() as {
        seq: number;
        at: number;
        event: AuditEvent;
        user_id: string | null;
        actor: string | null;
        detail: string | null;
      }[]
    ).map((r) => ({ seq: r.seq, at: r.at, event: r.event, userId: r.user_id, actor: r.actor, detail: r.detail }));
  }

  private fail(row: AccountRow, reason: string): SignInFailure {
    const state: FailureState = { failures: row.failures, lockouts: row.lockouts, lockedUntil: row.locked_until };
    const next = afterFailure(state, this.now());
    this.db
      .prepare('UPDATE staff_accounts SET failures = ?, lockouts = ?, locked_until = ? WHERE user_id = ?')
      .run(next.state.failures, next.state.lockouts, next.state.lockedUntil, row.user_id);
    this.audit('sign-in-failed', row.user_id, undefined, reason);
    if (next.locked)
      this.audit(
        'account-locked',
        row.user_id,
        undefined,
        `until ${new Date(next.state.lockedUntil * 1000).toISOString()}`,
      );
    return 'invalid';
  }

  /**
   * Checks a password (and the TOTP code when the account needs one), counting failures toward the lockout.
   * The answer never says which part was wrong. `purpose` names what the proof is for in the audit log.
   */
  authenticate(
    userId: string,
    password: string,
    code: string | undefined,
    purpose = 'sign-in',
  ): { ok: true; row: AccountRow } | { ok: false; reason: SignInFailure } {
    return transaction(this.db, () => {
      const row = this.row(userId);
      if (!row?.active) {
        verifyPassword(password, dummyHash());
        this.audit('sign-in-failed', undefined, undefined, `${purpose}: unknown or inactive account`);
        return { ok: false, reason: 'invalid' } as const;
      }
      if (isLocked({ ...CLEAN, lockedUntil: row.locked_until }, this.now())) {
        this.audit('sign-in-refused-locked', userId, undefined, purpose);
        return { ok: false, reason: 'locked' } as const;
      }
      if (!verifyPassword(password, row.password_hash))
        return { ok: false, reason: this.fail(row, `${purpose}: password`) } as const;
      if (this.secondFactorRequired(row)) {
        if (!row.totp_secret) {
          this.audit('sign-in-failed', userId, undefined, `${purpose}: second factor not enrolled`);
          return { ok: false, reason: 'totp-not-enrolled' } as const;
        }
        if (code === undefined || code === '') return { ok: false, reason: 'totp-required' } as const;
        const step = matchTotp(row.totp_secret, code, this.now());
        if (step === undefined) return { ok: false, reason: this.fail(row, `${purpose}: code`) } as const;
        if (step <= row.totp_last_step)
          return { ok: false, reason: this.fail(row, `${purpose}: code already used`) } as const;
        this.db.prepare('UPDATE staff_accounts SET totp_last_step = ? WHERE user_id = ?').run(step, userId);
      }
      this.db
        .prepare('UPDATE staff_accounts SET failures = 0, lockouts = 0, locked_until = 0 WHERE user_id = ?')
        .run(userId);
      if (needsRehash(row.password_hash))
        this.db
          .prepare('UPDATE staff_accounts SET password_hash = ? WHERE user_id = ?')
          .run(hashPassword(password), userId);
      return { ok: true, row } as const;
    });
  }

  /** Signs a staff member in: a new session, or why not. A cookie session also gets a CSRF token. */
  signIn(
    userId: string,
    password: string,
    code: string | undefined,
    options: { cookie?: boolean } = {},
  ): { ok: true; session: Session } | { ok: false; reason: SignInFailure } {
    const checked = this.authenticate(userId, password, code);
    if (!checked.ok) return checked;
    const identity = this.identity(userId);
    if (!identity) {
      this.audit('sign-in-failed', userId, undefined, 'sign-in: not an active member of the staff directory');
      return { ok: false, reason: 'no-staff-identity' };
    }
    const token = newSessionToken();
    const csrf = options.cookie ? newCsrfToken() : undefined;
    const now = this.now();
    const expiresAt = now + SESSION_ABSOLUTE_SECONDS;
    transaction(this.db, () => {
      // Sessions long over are of no use to anyone (the audit log keeps the sign-ins): keep the table small.
      this.db.prepare('DELETE FROM staff_sessions WHERE expires_at < ?').run(now - SESSION_ABSOLUTE_SECONDS);
      this.db
        .prepare(
          'INSERT INTO staff_sessions (token_hash, user_id, csrf_hash, created_at, last_seen_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
        )
        .run(tokenHash(token), userId, csrf ? tokenHash(csrf) : null, now, now, expiresAt);
      this.audit('sign-in', userId, undefined, options.cookie ? 'console' : 'bearer');
    });
    return { ok: true, session: { token, expiresAt, identity, ...(csrf ? { csrf } : {}) } };
  }

  /**
   * The identity behind a session token, if the session is live: not revoked, used within the idle time, inside
   * its absolute lifetime, its account active and its user active in the staff directory. Touches the session.
   * A cookie session also returns the hash its CSRF header must match.
   */
  verify(token: string): { identity: Identity; csrfHash: string | null } | undefined {
    if (!token.startsWith('ses_')) return undefined;
    const now = this.now();
    const found = this.db
      .prepare(
        `SELECT s.token_hash, s.user_id, s.csrf_hash, s.last_seen_at, s.expires_at, s.revoked_at, a.active
         FROM staff_sessions s JOIN staff_accounts a ON a.user_id = s.user_id WHERE s.token_hash = ?`,
      )
      .get(tokenHash(token)) as
      | {
          token_hash: string;
          user_id: string;
          csrf_hash: string | null;
          last_seen_at: number;
          expires_at: number;
          revoked_at: number | null;
          active: number;
        }
      | undefined;
    if (!found || found.revoked_at !== null || found.active !== 1) return undefined;
    if (now >= found.expires_at || now - found.last_seen_at >= SESSION_IDLE_SECONDS) return undefined;
    const identity = this.identity(found.user_id);
    if (!identity) return undefined;
    if (now > found.last_seen_at)
      this.db.prepare('UPDATE staff_sessions SET last_seen_at = ? WHERE token_hash = ?').run(now, found.token_hash);
    return { identity, csrfHash: found.csrf_hash };
  }

  /** Ends a session at once. */
  signOut(token: string): boolean {
    return transaction(this.db, () => {
      const found = this.db
        .prepare('SELECT user_id FROM staff_sessions WHERE token_hash = ? AND revoked_at IS NULL')
        .get(tokenHash(token)) as { user_id: string } | undefined;
      if (!found) return false;
      this.db
        .prepare('UPDATE staff_sessions SET revoked_at = ? WHERE token_hash = ?')
        .run(this.now(), tokenHash(token));
      this.audit('sign-out', found.user_id, found.user_id);
      return true;
    });
  }
}
