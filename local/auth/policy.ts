/**
 * The sign-in policy of the embedded runtime: lockout with backoff, session lifetimes, password length. These are
 * a court's security policy, not law: each number is a named constant with its reason, to be changed here.
 */

/** Failed sign-ins in a row (wrong password or wrong/replayed code) before the account locks. */
export const MAX_FAILURES = 5;
/** The first lockout: long enough to make guessing useless (5 guesses per 15 minutes), short for a user's typo. */
export const LOCKOUT_SECONDS = 15 * 60;
/** Each further lockout in a row doubles, up to a day: a sustained attack gets slower, never faster. */
export const MAX_LOCKOUT_SECONDS = 24 * 3600;

/** A session unused this long ends: a screen left open in a shared office. */
export const SESSION_IDLE_SECONDS = 30 * 60;
/** A session ends this long after sign-in whatever its use: a working day. */
export const SESSION_ABSOLUTE_SECONDS = 10 * 3600;

/** NIST SP 800-63B asks at least 8 characters; a court's staff accounts approve money: 12. */
export const MIN_PASSWORD_LENGTH = 12;
/** Upper bound so a huge "password" cannot make the hash expensive. */
export const MAX_PASSWORD_LENGTH = 256;

/** An account's failure state. */
export interface FailureState {
  /** Failures since the last success or lockout. */
  readonly failures: number;
  /** Lockouts in a row (reset by a success). */
  readonly lockouts: number;
  /** Unix seconds until which every sign-in is refused; 0 when not locked. */
  readonly lockedUntil: number;
}

export const CLEAN: FailureState = { failures: 0, lockouts: 0, lockedUntil: 0 };

export function isLocked(state: FailureState, now: number): boolean {
  return state.lockedUntil > now;
}

/** Seconds the lockout number `n` (1-based) lasts: 15 min, 30 min, 1 h, … up to a day. */
export function lockoutSeconds(n: number): number {
  return Math.min(LOCKOUT_SECONDS * 2 ** Math.max(0, n - 1), MAX_LOCKOUT_SECONDS);
}

/** The state after one more failure at `now`; `locked` tells whether this failure locked the account. */
export function afterFailure(state: FailureState, now: number): { state: FailureState; locked: boolean } {
  const failures = state.failures + 1;
  if (failures < MAX_FAILURES) return { state: { ...state, failures }, locked: false };
  const lockouts = state.lockouts + 1;
  return { state: { failures: 0, lockouts, lockedUntil: now + lockoutSeconds(lockouts) }, locked: true };
}

/** Password rules beyond length are left out on purpose (NIST SP 800-63B 3.1.1.2: no composition rules). */
export function passwordProblem(password: string, userId: string): string | undefined {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `密码至少 ${MIN_PASSWORD_LENGTH} 个字符`;
  if ([...password].length > MAX_PASSWORD_LENGTH) return `密码最多 ${MAX_PASSWORD_LENGTH} 个字符`;
  if (password.toLowerCase().includes(userId.toLowerCase())) return '密码不能包含用户名';
  return undefined;
}
