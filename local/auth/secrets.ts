/**
 * The sign-in's cryptography, all from `node:crypto`:
 *  - passwords: scrypt (memory-hard), a random 16-byte salt per hash, the cost parameters stored with the hash
 *    (`scrypt$N$r$p$salt$hash`), so raising them later re-hashes at the next sign-in without breaking old hashes;
 *    compared with timingSafeEqual;
 *  - TOTP (RFC 6238 over RFC 4226's HOTP): HMAC-SHA1, 30-second steps, 6 digits, the step one either side
 *    accepted for clock drift; the caller refuses a step already used (replay);
 *  - session tokens: 32 random bytes, kept only as their SHA-256 (a token has full entropy, so a fast hash is
 *    enough; a stolen database gives no usable session).
 */
import { createHash, createHmac, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export interface ScryptParameters {
  /** CPU and memory cost (a power of two). */
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/**
 * N = 2^15, r = 8: 32 MiB and about 0.1 s per hash on a server core (OWASP's scrypt minimum is N = 2^17 with
 * r = 8 and p = 1 at 128 MiB, or an equivalent trade; 2^15 keeps a burst of sign-ins within a small court
 * server's memory). Policy, not law: raise it on a larger server; old hashes keep their own parameters.
 */
export const PASSWORD_HASH_PARAMETERS: ScryptParameters = { N: 2 ** 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const SALT_BYTES = 16;

function scrypt(password: string, salt: Buffer, { N, r, p }: ScryptParameters): Buffer {
  return scryptSync(password.normalize('NFC'), salt, KEY_BYTES, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 });
}

export function hashPassword(password: string, parameters: ScryptParameters = PASSWORD_HASH_PARAMETERS): string {
  const salt = randomBytes(SALT_BYTES);
  const hash = scrypt(password, salt, parameters);
  return ['scrypt', parameters.N, parameters.r, parameters.p, salt.toString('base64'), hash.toString('base64')].join(
    '$',
  );
}

/** Whether `password` matches `stored`; a malformed stored value matches nothing. */
export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const parameters = { N: Number(N), r: Number(r), p: Number(p) };
  if (!Object.values(parameters).every((v) => Number.isSafeInteger(v) && v > 0)) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = scrypt(password, Buffer.from(salt, 'base64'), parameters);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Whether a stored hash uses weaker parameters than today's: re-hash at the next successful sign-in. */
export function needsRehash(stored: string, parameters: ScryptParameters = PASSWORD_HASH_PARAMETERS): boolean {
  const [, N, r, p] = stored.split('$');
  return Number(N) < parameters.N || Number(r) < parameters.r || Number(p) < parameters.p;
}

let dummy: string | undefined;
/** A hash of nothing anyone knows: checked against when the user does not exist, so timing tells nothing. */
export function dummyHash(): string {
  dummy ??= hashPassword(randomBytes(16).toString('hex'));
  return dummy;
}

// --- TOTP -------------------------------------------------------------------------------------------------------

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps accepted either side of now: one (RFC 6238 section 5.2 recommends at most one step of network delay). */
export const TOTP_WINDOW = 1;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Encode(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('not base32');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** A new TOTP secret: 20 random bytes (RFC 4226 section 4: at least 128 bits, 160 recommended), base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP with HMAC-SHA1, dynamic truncation. */
export function hotp(key: Buffer, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0xf;
  const code = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return code.toString().padStart(digits, '0');
}

export function totpStep(unixSeconds: number): number {
  return Math.floor(unixSeconds / TOTP_STEP_SECONDS);
}

export function totp(secretBase32: string, unixSeconds: number, digits = TOTP_DIGITS): string {
  return hotp(base32Decode(secretBase32), totpStep(unixSeconds), digits);
}

/**
 * The step `code` belongs to, within the window around `unixSeconds`, or undefined. Each candidate is compared in
 * constant time; the caller must refuse a step at or before the last one the user used.
 */
export function matchTotp(secretBase32: string, code: string, unixSeconds: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined;
  const key = base32Decode(secretBase32);
  const now = totpStep(unixSeconds);
  let found: number | undefined;
  for (let step = now - TOTP_WINDOW; step <= now + TOTP_WINDOW; step++) {
    const candidate = Buffer.from(hotp(key, step));
    if (timingSafeEqual(candidate, Buffer.from(code)) && found === undefined) found = step;
  }
  return found;
}

/** The enrolment URI an authenticator app reads (Key Uri Format), shown once to the administrator. */
export function otpauthUri(issuer: string, account: string, secretBase32: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const query = new URLSearchParams({
    secret: secretBase32,
    issuer,
    algorithm: 'SHA1',
    digits: String(TOTP_DIGITS),
    period: String(TOTP_STEP_SECONDS),
  });
  return `otpauth://totp/${label}?${query}`;
}

// --- sessions ---------------------------------------------------------------------------------------------------

/** A session token: `ses_` and 32 random bytes. Only its hash is stored. */
export function newSessionToken(): string {
  return `ses_${randomBytes(32).toString('base64url')}`;
}

export function tokenHash(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** A CSRF token for the console's double-submit cookie. */
export function newCsrfToken(): string {
  return randomBytes(24).toString('base64url');
}
