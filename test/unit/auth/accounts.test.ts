/**
 * Staff accounts on an in-memory database with a hand-moved clock: who needs a second factor, lockout, replay,
 * session expiry and revocation, and the audit log (which never holds a secret).
 */
import { afterEach, describe, expect, it } from 'vitest';
import { referenceData } from '#commons/reference-data.ts';
import { approvingRoles } from '#domain/approvals/approvers.ts';
import { RULES } from '#domain/rules/table.ts';
import { StaffAccounts } from '../../../local/auth/accounts.ts';
import {
  LOCKOUT_SECONDS,
  MAX_FAILURES,
  SESSION_ABSOLUTE_SECONDS,
  SESSION_IDLE_SECONDS,
} from '../../../local/auth/policy.ts';
import { totp } from '../../../local/auth/secrets.ts';
import { type OpenedDatabase, openDatabase } from '../../../local/store/database.ts';

const PASSWORD = 'a long enough passphrase';
let opened: OpenedDatabase | undefined;
afterEach(() => opened?.close());

function accounts() {
  opened = openDatabase(undefined);
  const clock = { now: 1_800_000_000 };
  const store = new StaffAccounts(opened, referenceData().staff, RULES, () => clock.now);
  return { store, clock };
}

describe('who needs a second factor', () => {
  it('every approving role: team lead, bureau chief, president, panel member (and the money levels)', () => {
    expect([...approvingRoles(RULES)].sort()).toEqual(['bureau-chief', 'panel-member', 'president', 'team-lead']);
  });

  it('an approver gets no session without a code, and none before an administrator enrolled one', () => {
    const { store } = accounts();
    store.add({ userId: 'li-qiang', password: PASSWORD, admin: false, actor: 'admin' });
    expect(store.signIn('li-qiang', PASSWORD, undefined)).toEqual({ ok: false, reason: 'totp-not-enrolled' });
    const { secret } = store.enrolTotp('li-qiang', 'admin');
    expect(store.signIn('li-qiang', PASSWORD, undefined)).toEqual({ ok: false, reason: 'totp-required' });
    const signedIn = store.signIn('li-qiang', PASSWORD, totp(secret, 1_800_000_000));
    expect(signedIn.ok).toBe(true);
  });

  it('a field officer signs in with the password alone', () => {
    const { store } = accounts();
    store.add({ userId: 'fan-tao', password: PASSWORD, admin: false, actor: 'admin' });
    expect(store.signIn('fan-tao', PASSWORD, undefined).ok).toBe(true);
    expect(store.signIn('fan-tao', 'a wrong passphrase!', undefined)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('only members of the staff directory get accounts (administrators aside)', () => {
    const { store } = accounts();
    expect(() => store.add({ userId: 'nobody-here', password: PASSWORD, admin: false, actor: 'x' })).toThrow(/名录/);
    store.add({ userId: 'it-admin', password: PASSWORD, admin: true, actor: 'x' });
    expect(store.hasAdmin()).toBe(true);
  });
});

describe('codes', () => {
  it('a code works once: the same step again is refused, and so is an older one', () => {
    const { store, clock } = accounts();
    store.add({ userId: 'song-jian', password: PASSWORD, admin: false, actor: 'admin' });
    const { secret } = store.enrolTotp('song-jian', 'admin');
    const code = totp(secret, clock.now);
    expect(store.signIn('song-jian', PASSWORD, code).ok).toBe(true);
    expect(store.signIn('song-jian', PASSWORD, code)).toEqual({ ok: false, reason: 'invalid' });
    expect(store.signIn('song-jian', PASSWORD, totp(secret, clock.now - 30))).toEqual({ ok: false, reason: 'invalid' });
    clock.now += 30;
    expect(store.signIn('song-jian', PASSWORD, totp(secret, clock.now)).ok).toBe(true);
    expect(
      store
        .auditLog()
        .filter((e) => e.event === 'sign-in-failed')
        .map((e) => e.detail),
    ).toEqual(['sign-in: code already used', 'sign-in: code already used']);
  });
});

describe('lockout', () => {
  it(`locks after ${MAX_FAILURES} failures: even the right password is refused until it opens`, () => {
    const { store, clock } = accounts();
    store.add({ userId: 'fan-tao', password: PASSWORD, admin: false, actor: 'admin' });
    for (let i = 0; i < MAX_FAILURES; i++)
      expect(store.signIn('fan-tao', `wrong guess ${i}`, undefined).ok).toBe(false);
    expect(store.signIn('fan-tao', PASSWORD, undefined)).toEqual({ ok: false, reason: 'locked' });
    clock.now += LOCKOUT_SECONDS;
    expect(store.signIn('fan-tao', PASSWORD, undefined).ok).toBe(true);
    const events = store.auditLog().map((e) => e.event);
    expect(events.filter((e) => e === 'account-locked')).toHaveLength(1);
    expect(events).toContain('sign-in-refused-locked');
  });

  it(`${MAX_FAILURES - 1} failures then a success start the count again`, () => {
    const { store } = accounts();
    store.add({ userId: 'fan-tao', password: PASSWORD, admin: false, actor: 'admin' });
    for (let i = 0; i < MAX_FAILURES - 1; i++) store.signIn('fan-tao', `wrong guess ${i}`, undefined);
    expect(store.signIn('fan-tao', PASSWORD, undefined).ok).toBe(true);
    for (let i = 0; i < MAX_FAILURES - 1; i++) store.signIn('fan-tao', `wrong guess ${i}`, undefined);
    expect(store.signIn('fan-tao', PASSWORD, undefined).ok).toBe(true);
  });
});

describe('sessions', () => {
  function signedIn() {
    const made = accounts();
    made.store.add({ userId: 'fan-tao', password: PASSWORD, admin: false, actor: 'admin' });
    const result = made.store.signIn('fan-tao', PASSWORD, undefined);
    if (!result.ok) throw new Error(result.reason);
    return { ...made, token: result.session.token };
  }

  it('live while used; ends after the idle time', () => {
    const { store, clock, token } = signedIn();
    expect(store.verify(token)?.identity.userId).toBe('fan-tao');
    clock.now += SESSION_IDLE_SECONDS - 1;
    expect(store.verify(token)).toBeDefined();
    clock.now += SESSION_IDLE_SECONDS;
    expect(store.verify(token)).toBeUndefined();
  });

  it('ends at its absolute lifetime however busy', () => {
    const { store, clock, token } = signedIn();
    const start = clock.now;
    while (clock.now + 600 < start + SESSION_ABSOLUTE_SECONDS) {
      clock.now += 600;
      expect(store.verify(token)).toBeDefined();
    }
    clock.now = start + SESSION_ABSOLUTE_SECONDS;
    expect(store.verify(token)).toBeUndefined();
  });

  it('sign-out, deactivation, a new password and a new enrolment each end sessions at once', () => {
    const { store, token } = signedIn();
    expect(store.signOut(token)).toBe(true);
    expect(store.verify(token)).toBeUndefined();
    const ends: ((store: StaffAccounts) => void)[] = [
      (store) => store.deactivate('fan-tao', 'admin'),
      (store) => store.setPassword('fan-tao', 'another long passphrase', 'admin'),
      (store) => store.enrolTotp('fan-tao', 'admin'),
    ];
    for (const end of ends) {
      opened?.close();
      const fresh = signedIn();
      expect(fresh.store.verify(fresh.token)).toBeDefined();
      end(fresh.store);
      expect(fresh.store.verify(fresh.token)).toBeUndefined();
      expect(fresh.store.auditLog().map((e) => e.event)).toContain('session-revoked');
    }
  });

  it('a forged or unknown token is refused', () => {
    const { store } = signedIn();
    expect(store.verify('ses_forged')).toBeUndefined();
    expect(store.verify('eyJhbGciOi.jwt.like')).toBeUndefined();
  });

  it('the audit log holds events, never a password, code or token', () => {
    const { store, token } = signedIn();
    store.signIn('fan-tao', 'wrong password here', undefined);
    store.signOut(token);
    const log = JSON.stringify(store.auditLog());
    for (const secret of [PASSWORD, 'wrong password here', token, token.slice(4, 24)])
      expect(log).not.toContain(secret);
    expect(store.auditLog().map((e) => e.event)).toEqual(['account-added', 'sign-in', 'sign-in-failed', 'sign-out']);
  });
});
