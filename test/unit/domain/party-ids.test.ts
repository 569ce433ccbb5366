/** Party ids: a keyed HMAC of the ID number, not a hash anyone can recompute from a list of ID numbers. */
import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { partyIdFor, unkeyedPartyIdFor } from '#domain/ids.ts';

const ID = '130922199001010034';
const key = randomBytes(32);

describe('party ids', () => {
  it('the same ID number under the same key is the same party (trimmed, check letter in either case)', () => {
    expect(partyIdFor(ID, key)).toBe(partyIdFor(` ${ID} `, key));
    expect(partyIdFor('13092219900101003x', key)).toBe(partyIdFor('13092219900101003X', key));
    expect(partyIdFor(ID, key)).toMatch(/^p[a-z2-7]{15}$/);
  });

  it('another installation’s key gives another id; different ID numbers give different ids', () => {
    expect(partyIdFor(ID, randomBytes(32))).not.toBe(partyIdFor(ID, key));
    expect(partyIdFor('130922199001010042', key)).not.toBe(partyIdFor(ID, key));
  });

  it('is not the unkeyed SHA-256 id, which anyone can recompute from the ID number alone', () => {
    const unkeyed = unkeyedPartyIdFor(ID);
    expect(partyIdFor(ID, key)).not.toBe(unkeyed);
    // The unkeyed id is exactly a public hash of the ID number: what the keyed id replaces.
    const digest = createHash('sha256').update(`party|${ID}`).digest();
    expect(unkeyed.slice(1, 2)).toBe('abcdefghijklmnopqrstuvwxyz234567'[(digest[0] ?? 0) >>> 3]);
  });

  it('a key shorter than 32 bytes is refused', () => {
    expect(() => partyIdFor(ID, randomBytes(16))).toThrow(/at least 32 bytes/);
  });
});
