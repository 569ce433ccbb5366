/** The sign-in's cryptography against the RFCs' own test vectors, and the password hash's properties. */
import { describe, expect, it } from 'vitest';
import {
  base32Decode,
  base32Encode,
  hashPassword,
  hotp,
  matchTotp,
  needsRehash,
  otpauthUri,
  totp,
  verifyPassword,
} from '../../../local/auth/secrets.ts';

const RFC_SECRET = Buffer.from('12345678901234567890', 'ascii');
const RFC_BASE32 = base32Encode(RFC_SECRET);
/** Cheap parameters for speed; the production ones are checked once below. */
const FAST = { N: 1024, r: 8, p: 1 };

describe('HOTP (RFC 4226 appendix D)', () => {
  it.each([
    [0, '755224'],
    [1, '287082'],
    [2, '359152'],
    [3, '969429'],
    [4, '338314'],
    [5, '254676'],
    [6, '287922'],
    [7, '162583'],
    [8, '399871'],
    [9, '520489'],
  ])('counter %i gives %s', (counter, code) => {
    expect(hotp(RFC_SECRET, counter)).toBe(code);
  });
});

describe('TOTP (RFC 6238 appendix B, SHA-1, 8 digits)', () => {
  it.each([
    [59, '94287082'],
    [1111111109, '07081804'],
    [1111111111, '14050471'],
    [1234567890, '89005924'],
    [2000000000, '69279037'],
    [20000000000, '65353130'],
  ])('time %i gives %s', (time, code) => {
    expect(totp(RFC_BASE32, time, 8)).toBe(code);
  });

  it('accepts the step either side of now and no further, naming the step matched', () => {
    const now = 1111111111;
    const step = Math.floor(now / 30);
    expect(matchTotp(RFC_BASE32, totp(RFC_BASE32, now), now)).toBe(step);
    expect(matchTotp(RFC_BASE32, totp(RFC_BASE32, now - 30), now)).toBe(step - 1);
    expect(matchTotp(RFC_BASE32, totp(RFC_BASE32, now + 30), now)).toBe(step + 1);
    expect(matchTotp(RFC_BASE32, totp(RFC_BASE32, now - 60), now)).toBeUndefined();
    expect(matchTotp(RFC_BASE32, totp(RFC_BASE32, now + 60), now)).toBeUndefined();
  });

  it('refuses anything but six digits', () => {
    for (const code of ['', '12345', '1234567', 'abcdef', ' 12345'])
      expect(matchTotp(RFC_BASE32, code, 59)).toBe(undefined);
  });

  it('base32 round-trips and the enrolment URI carries the parameters', () => {
    expect(base32Encode(Buffer.from('foobar'))).toBe('MZXW6YTBOI');
    expect(base32Decode('MZXW6YTBOI').toString()).toBe('foobar');
    const uri = otpauthUri('enforce', 'li-qiang', RFC_BASE32);
    expect(uri).toMatch(/^otpauth:\/\/totp\/enforce%3Ali-qiang\?/);
    expect(uri).toContain(`secret=${RFC_BASE32}`);
    expect(uri).toContain('period=30');
    expect(uri).toContain('digits=6');
  });
});

describe('password hashes (scrypt)', () => {
  it('verifies the right password only', () => {
    const stored = hashPassword('correct horse battery', FAST);
    expect(verifyPassword('correct horse battery', stored)).toBe(true);
    expect(verifyPassword('correct horse batterY', stored)).toBe(false);
    expect(verifyPassword('', stored)).toBe(false);
  });

  it('salts every hash: the same password twice gives two hashes', () => {
    const a = hashPassword('same password here', FAST);
    const b = hashPassword('same password here', FAST);
    expect(a).not.toBe(b);
    expect(a.split('$')[4]).not.toBe(b.split('$')[4]);
  });

  it('stores its parameters and asks for a re-hash when they are weaker than today', () => {
    const weak = hashPassword('some long password', FAST);
    expect(weak.split('$').slice(0, 4)).toEqual(['scrypt', '1024', '8', '1']);
    expect(needsRehash(weak)).toBe(true);
    const strong = hashPassword('some long password');
    expect(strong.split('$').slice(0, 4)).toEqual(['scrypt', String(2 ** 15), '8', '1']);
    expect(needsRehash(strong)).toBe(false);
    expect(verifyPassword('some long password', strong)).toBe(true);
  });

  it('a malformed stored value matches nothing', () => {
    for (const stored of ['', 'plain', 'scrypt$x$8$1$AAAA$AAAA', 'bcrypt$1$2$3$4$5'])
      expect(verifyPassword('anything', stored)).toBe(false);
  });
});
