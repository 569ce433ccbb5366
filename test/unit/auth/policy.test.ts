/** The lockout with backoff and the password rule, paired pass and fail. */
import { describe, expect, it } from 'vitest';
import {
  afterFailure,
  CLEAN,
  type FailureState,
  isLocked,
  LOCKOUT_SECONDS,
  lockoutSeconds,
  MAX_FAILURES,
  MAX_LOCKOUT_SECONDS,
  passwordProblem,
} from '../../../local/auth/policy.ts';

const NOW = 1_800_000_000;

function failTimes(n: number, from: FailureState = CLEAN): { state: FailureState; locked: boolean[] } {
  let state = from;
  const locked: boolean[] = [];
  for (let i = 0; i < n; i++) {
    const next = afterFailure(state, NOW);
    state = next.state;
    locked.push(next.locked);
  }
  return { state, locked };
}

describe('lockout', () => {
  it(`does not lock below ${MAX_FAILURES} failures`, () => {
    const { state, locked } = failTimes(MAX_FAILURES - 1);
    expect(locked.every((l) => !l)).toBe(true);
    expect(isLocked(state, NOW)).toBe(false);
  });

  it(`locks at the ${MAX_FAILURES}th failure for ${LOCKOUT_SECONDS / 60} minutes, then opens`, () => {
    const { state, locked } = failTimes(MAX_FAILURES);
    expect(locked.at(-1)).toBe(true);
    expect(isLocked(state, NOW)).toBe(true);
    expect(isLocked(state, NOW + LOCKOUT_SECONDS - 1)).toBe(true);
    expect(isLocked(state, NOW + LOCKOUT_SECONDS)).toBe(false);
  });

  it('each lockout in a row lasts twice the one before, up to a day', () => {
    expect([1, 2, 3].map(lockoutSeconds)).toEqual([LOCKOUT_SECONDS, 2 * LOCKOUT_SECONDS, 4 * LOCKOUT_SECONDS]);
    expect(lockoutSeconds(20)).toBe(MAX_LOCKOUT_SECONDS);
    const second = failTimes(MAX_FAILURES, failTimes(MAX_FAILURES).state).state;
    expect(second.lockouts).toBe(2);
    expect(second.lockedUntil).toBe(NOW + 2 * LOCKOUT_SECONDS);
  });
});

describe('password rule', () => {
  it('accepts a long passphrase', () => {
    expect(passwordProblem('青县法院 执行局 2026 春', 'li-qiang')).toBeUndefined();
  });
  it('refuses a short one, an absurdly long one, and one containing the user name', () => {
    expect(passwordProblem('short1!', 'li-qiang')).toMatch(/至少/);
    expect(passwordProblem('x'.repeat(300), 'li-qiang')).toMatch(/最多/);
    expect(passwordProblem('my name is LI-QIANG ok', 'li-qiang')).toMatch(/用户名/);
  });
});
